-- Children with an allocated case at month end, and how many had case supervision in the {{ days }} days to month end.
with

allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
supervision as (select * from stg_supervision),
case_sessions as (
    select org_code, person_id, session_date,
    from supervision
    where kind = 'case'
),

-- the month ends each session covers (stg_months_covered)
supervised_months as (
    select distinct
        org_code,
        person_id,
        unnest(stg_months_covered(session_date, {{ days }}))::date as month,
    from case_sessions
),

cases as (
    select
        allocated.*,
        supervised_months.month is not null as is_supervised,
    from allocated
    left join supervised_months
        on supervised_months.org_code = allocated.org_code
        and supervised_months.person_id = allocated.person_id
        and supervised_months.month = allocated.month
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_supervised) as numerator,
        count(*) as denominator,
    from cases
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
