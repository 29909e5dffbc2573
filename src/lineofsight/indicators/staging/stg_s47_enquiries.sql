-- The S47 start date is the strategy discussion (CIN census S47ActualStartDate).
select
    s47e_s47_enquiry_id as s47_id,
    s47e_referral_id as referral_id,
    s47e_person_id as person_id,
    s47e_s47_start_date as start_date,
    s47e_s47_end_date as end_date,
    s47e_s47_completed_by_team as team_id,
    s47e_s47_completed_by_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_s47_enquiry
