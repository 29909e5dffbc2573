-- A visit where the child was recorded as not seen is not a statutory visit; unrecorded counts as seen.
select
    cinv_cin_visit_id as visit_id,
    cinv_person_id as person_id,
    cinv_cin_visit_date as visit_date,
    coalesce(upper(trim(cinv_cin_visit_seen)), 'Y') = 'N' as is_child_not_seen,
    org_code,
    batch_id,
from ssd_cin_visits
