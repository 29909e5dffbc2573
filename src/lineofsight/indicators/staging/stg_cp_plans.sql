select
    cppl_cp_plan_id as cp_plan_id,
    cppl_person_id as person_id,
    cppl_cp_plan_start_date as start_date,
    cppl_cp_plan_end_date as end_date,
    org_code,
    batch_id,
from ssd_cp_plans
