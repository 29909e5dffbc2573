-- Local input: no statutory return holds CIN review dates (reference §1.1).
select
    cinr_review_id as review_id,
    cinr_person_id as person_id,
    cinr_cin_plan_id as cin_plan_id,
    cinr_review_due_date as due_date,
    cinr_review_date as review_date,
    org_code,
    batch_id,
from local_cin_reviews
