select
    clav_cla_visit_id as visit_id,
    clav_cla_id as cla_id,
    clav_person_id as person_id,
    clav_cla_visit_date as visit_date,
    coalesce(upper(trim(clav_cla_visit_seen)), 'Y') = 'N' as is_child_not_seen,
    org_code,
    batch_id,
from ssd_cla_visits
