-- CP 13: children on a child protection plan at month end, and how many were seen in the last 4 weeks.
with

cp_plans as (select * from stg_cp_plans),
visits as (select * from stg_cp_visits),
allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
months as (select * from stg_months($first_month, $last_month)),

on_plan as (
    select distinct
        cp_plans.org_code,
        months.month,
        months.month_end,
        cp_plans.person_id,
    from cp_plans
    join months
        on cp_plans.start_date <= months.month_end - interval 28 day
        and coalesce(cp_plans.end_date, date '9999-12-31') > months.month_end
),

seen_visits as (
    select org_code, person_id, visit_date,
    from visits
    where not is_child_not_seen
),

-- the month ends each visit covers (stg_months_covered)
visited_months as (
    select distinct
        org_code,
        person_id,
        unnest(stg_months_covered(visit_date, 28))::date as month,
    from seen_visits
),

children as (
    select
        on_plan.*,
        allocated.team_id,
        allocated.worker_id,
        visited_months.month is not null as is_visited,
    from on_plan
    left join visited_months
        on visited_months.org_code = on_plan.org_code
        and visited_months.person_id = on_plan.person_id
        and visited_months.month = on_plan.month
    left join allocated
        on allocated.org_code = on_plan.org_code
        and allocated.person_id = on_plan.person_id
        and allocated.month = on_plan.month
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_visited) as numerator,
        count(*) as denominator,
    from children
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
