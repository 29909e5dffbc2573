select
    cina_assessment_id as assessment_id,
    cina_person_id as person_id,
    cina_referral_id as referral_id,
    cina_assessment_start_date as start_date,
    cina_assessment_auth_date as authorised_date,
    cina_assessment_team as team_id,
    cina_assessment_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_cin_assessments
