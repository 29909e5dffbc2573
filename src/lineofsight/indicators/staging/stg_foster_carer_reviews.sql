select
    fcr_carer_id as carer_id,
    fcr_approval_date as approval_date,
    fcr_review_due_date as due_date,
    fcr_review_date as review_date,
    org_code,
    batch_id,
from local_foster_carer_reviews
