-- F 3: foster carer annual reviews due in the month, and how many were held by the due date.
with

reviews as (select * from stg_foster_carer_reviews),
months as (select * from stg_months($first_month, $last_month)),

due as (
    select
        reviews.org_code,
        months.month,
        reviews.review_date is not null and reviews.review_date <= reviews.due_date as is_on_time,
    from reviews
    join months on months.month = date_trunc('month', reviews.due_date)::date
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where is_on_time) as numerator,
        count(*) as denominator,
    from due
    group by all
)

select * from final
