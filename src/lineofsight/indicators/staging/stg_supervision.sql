-- Local input. kind: 'personal' (a worker's own supervision) or 'case' (a child's case discussed).
select
    supv_id as supervision_id,
    supv_worker_id as worker_id,
    supv_person_id as person_id,
    supv_session_date as session_date,
    lower(trim(supv_kind)) as kind,
    org_code,
    batch_id,
from local_supervision
