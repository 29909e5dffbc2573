select
    perm_table_id as permanence_id,
    perm_person_id as person_id,
    perm_cla_id as cla_id,
    perm_placed_for_adoption_date as placed_for_adoption_date,
    perm_placed_foster_carer_date as placed_with_foster_carer_date,
    coalesce(upper(trim(perm_adopted_by_carer_flag)), 'N') in ('Y', '1', 'TRUE') as is_adopted_by_carer,
    perm_adoption_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_permanence
