select
    icpc_icpc_id as icpc_id,
    icpc_s47_enquiry_id as s47_id,
    icpc_person_id as person_id,
    icpc_cp_plan_id as cp_plan_id,
    coalesce(upper(trim(icpc_icpc_transfer_in)), 'N') in ('Y', '1', 'TRUE') as is_transfer_in,
    icpc_icpc_date as icpc_date,
    icpc_icpc_team as team_id,
    icpc_icpc_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_initial_cp_conference
