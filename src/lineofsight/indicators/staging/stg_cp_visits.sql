select
    cppv_cp_visit_id as visit_id,
    cppv_person_id as person_id,
    cppv_cp_plan_id as cp_plan_id,
    cppv_cp_visit_date as visit_date,
    coalesce(upper(trim(cppv_cp_visit_seen)), 'Y') = 'N' as is_child_not_seen,
    org_code,
    batch_id,
from ssd_cp_visits
