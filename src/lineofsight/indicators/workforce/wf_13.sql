-- WF 13: workers holding cases at month end, and how many had personal supervision in the 30 days to month end.
with

allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
supervision as (select * from stg_supervision),
months as (select * from stg_months($first_month, $last_month)),

worker_teams as (
    select org_code, month, worker_id, team_id, count(*) as children,
    from allocated
    where worker_id is not null
    group by all
),

holding as (
    select
        worker_teams.org_code,
        worker_teams.month,
        months.month_end,
        worker_teams.worker_id,
        -- the team holding most of the worker's children; a tie goes to the lowest team id, so reruns agree
        first(worker_teams.team_id order by worker_teams.children desc, worker_teams.team_id) as team_id,
    from worker_teams
    join months using (month)
    group by all
),

personal_sessions as (
    select org_code, worker_id, session_date,
    from supervision
    where kind = 'personal'
),

-- the month ends each session covers (stg_months_covered)
supervised_months as (
    select distinct
        org_code,
        worker_id,
        unnest(stg_months_covered(session_date, 30))::date as month,
    from personal_sessions
),

supervised as (
    select
        holding.*,
        supervised_months.month is not null as is_supervised,
    from holding
    left join supervised_months
        on supervised_months.org_code = holding.org_code
        and supervised_months.worker_id = holding.worker_id
        and supervised_months.month = holding.month
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) filter (where is_supervised) as numerator,
        count(*) as denominator,
    from supervised
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
