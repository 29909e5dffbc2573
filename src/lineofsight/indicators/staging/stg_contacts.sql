select
    cont_contact_id as contact_id,
    cont_person_id as person_id,
    cont_contact_date as contact_date,
    org_code,
    batch_id,
from ssd_contacts
