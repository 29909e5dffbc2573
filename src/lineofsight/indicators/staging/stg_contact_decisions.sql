-- Local input: the SSD holds no contact decision date (reference §1.1).
select
    cont_contact_id as contact_id,
    cont_decision_date as decision_date,
    org_code,
    batch_id,
from local_contact_decisions
