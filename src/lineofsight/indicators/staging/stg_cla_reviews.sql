select
    clar_cla_review_id as review_id,
    clar_cla_id as cla_id,
    clar_cla_review_due_date as due_date,
    clar_cla_review_date as review_date,
    coalesce(upper(trim(clar_cla_review_cancelled)), 'N') in ('Y', '1', 'TRUE') as is_cancelled,
    org_code,
    batch_id,
from ssd_cla_reviews
