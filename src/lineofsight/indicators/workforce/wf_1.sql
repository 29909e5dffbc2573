-- WF 1: workers holding at least one allocated child at month end.
with

allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),

holding as (
    select org_code, month, worker_id, mode(team_id) as team_id,
    from allocated
    where worker_id is not null
    group by all
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) as numerator,
        null::double as denominator,
    from holding
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
