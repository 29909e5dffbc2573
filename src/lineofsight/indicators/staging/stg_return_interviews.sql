-- Local input: no public schema holds return home interview dates (reference §7).
select
    rhi_id,
    miss_table_id as missing_id,
    rhi_offered_date as offered_date,
    rhi_completed_date as completed_date,
    org_code,
    batch_id,
from local_return_interviews
