-- CIN 5: CIN reviews due in the month (children outside the disabled children's teams), and how many were held by the due date.
with

reviews as (select * from stg_cin_reviews),
cin_plans as (select * from stg_cin_plans),
teams as (select * from stg_teams),
months as (select * from stg_months($first_month, $last_month)),

due as (
    select
        reviews.org_code,
        months.month,
        reviews.review_id,
        cin_plans.team_id,
        cin_plans.worker_id,
        reviews.review_date is not null and reviews.review_date <= reviews.due_date as is_on_time,
        coalesce(regexp_matches(lower(teams.team_name || ' ' || coalesce(teams.parent_name, '')), 'disab|\bcwd\b'), false) as is_cwd_team,
    from reviews
    join months on months.month = date_trunc('month', reviews.due_date)::date
    left join cin_plans on cin_plans.org_code = reviews.org_code and cin_plans.cin_plan_id = reviews.cin_plan_id
    left join teams on teams.org_code = cin_plans.org_code and teams.team_id = cin_plans.team_id
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_on_time) as numerator,
        count(*) as denominator,
    from due
    where not is_cwd_team
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
