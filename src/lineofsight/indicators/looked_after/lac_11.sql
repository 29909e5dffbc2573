-- LAC 11: children looked after at month end with a review due in the 12 months to month end, and how many had every such review on time.
with

episodes as (select * from stg_cla_episodes),
reviews as (select * from stg_cla_reviews),
allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
months as (select * from stg_months($first_month, $last_month)),

looked_after as (
    select distinct episodes.org_code, months.month, months.month_end, episodes.person_id,
    from episodes
    join months on episodes.start_date <= months.month_end and coalesce(episodes.end_date, date '9999-12-31') > months.month_end
),

person_reviews as (
    select distinct
        reviews.org_code,
        episodes.person_id,
        reviews.review_id,
        reviews.due_date,
        reviews.review_date is not null and reviews.review_date <= reviews.due_date as is_on_time,
    from reviews
    join episodes on episodes.org_code = reviews.org_code and episodes.cla_id = reviews.cla_id
    where not reviews.is_cancelled
),

reviewed as (
    select
        looked_after.org_code,
        looked_after.month,
        looked_after.person_id,
        bool_and(person_reviews.is_on_time) as is_all_on_time,
    from looked_after
    join person_reviews
        on person_reviews.org_code = looked_after.org_code
        and person_reviews.person_id = looked_after.person_id
        and person_reviews.due_date > looked_after.month_end - interval 12 month
        and person_reviews.due_date <= looked_after.month_end
    group by all
),

children as (
    select reviewed.*, allocated.team_id, allocated.worker_id,
    from reviewed
    left join allocated using (org_code, person_id, month)
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_all_on_time) as numerator,
        count(*) as denominator,
    from children
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
