-- 903 MISSING: 'M' missing, 'A' away without authorisation; only missing episodes count (MC 1, MC 6).
select
    miss_table_id as missing_id,
    miss_person_id as person_id,
    miss_missing_episode_start_date as start_date,
    miss_missing_episode_end_date as end_date,
    coalesce(upper(trim(miss_missing_episode_type)), 'M') in ('M', 'MISSING') as is_missing,
    coalesce(upper(trim(miss_missing_rhi_offered)), 'N') in ('Y', '1', 'TRUE') as is_rhi_offered,
    org_code,
    batch_id,
from ssd_missing
