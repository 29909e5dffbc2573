select
    clap_cla_placement_id as placement_id,
    clap_cla_id as cla_id,
    clap_person_id as person_id,
    clap_cla_placement_start_date as start_date,
    clap_cla_placement_end_date as end_date,
    upper(trim(clap_cla_placement_type)) as placement_type,
    org_code,
    batch_id,
from ssd_cla_placement
