select
    cinp_cin_plan_id as cin_plan_id,
    cinp_referral_id as referral_id,
    cinp_person_id as person_id,
    cinp_cin_plan_start_date as start_date,
    cinp_cin_plan_end_date as end_date,
    cinp_cin_plan_team as team_id,
    cinp_cin_plan_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_cin_plans
