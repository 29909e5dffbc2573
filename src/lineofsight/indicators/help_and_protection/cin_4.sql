-- CIN 4: children on a CIN plan (not on a CP plan, not looked after) at month end, and how many were seen in the last 4 weeks.
with

cin_plans as (select * from stg_cin_plans),
cp_plans as (select * from stg_cp_plans),
cla_episodes as (select * from stg_cla_episodes),
visits as (select * from stg_cin_visits),
months as (select * from stg_months($first_month, $last_month)),

on_plan as (
    select
        cin_plans.org_code,
        months.month,
        months.month_end,
        cin_plans.person_id,
        cin_plans.team_id,
        cin_plans.worker_id,
    from cin_plans
    join months
        on cin_plans.start_date <= months.month_end - interval 28 day
        and coalesce(cin_plans.end_date, date '9999-12-31') > months.month_end
    qualify row_number() over (partition by cin_plans.org_code, cin_plans.person_id, months.month order by cin_plans.start_date desc, cin_plans.cin_plan_id desc) = 1
),

counted_elsewhere as (
    select cp_plans.org_code, cp_plans.person_id, months.month,
    from cp_plans
    join months on cp_plans.start_date <= months.month_end and coalesce(cp_plans.end_date, date '9999-12-31') > months.month_end
    union
    select cla_episodes.org_code, cla_episodes.person_id, months.month,
    from cla_episodes
    join months on cla_episodes.start_date <= months.month_end and coalesce(cla_episodes.end_date, date '9999-12-31') > months.month_end
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
        visited_months.month is not null as is_visited,
    from on_plan
    left join visited_months
        on visited_months.org_code = on_plan.org_code
        and visited_months.person_id = on_plan.person_id
        and visited_months.month = on_plan.month
    anti join counted_elsewhere
        on counted_elsewhere.org_code = on_plan.org_code
        and counted_elsewhere.person_id = on_plan.person_id
        and counted_elsewhere.month = on_plan.month
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
