-- Children looked after at month end, in care 12 months or more, and how many had one social worker for the last {{ months }} months.
with

episodes as (select * from stg_cla_episodes),
allocations as (select * from stg_allocations),
allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
months as (select * from stg_months($first_month, $last_month)),

long_in_care as (
    select
        episodes.org_code,
        months.month,
        months.month_end,
        episodes.person_id,
    from episodes
    join months on episodes.start_date <= months.month_end and coalesce(episodes.end_date, date '9999-12-31') > months.month_end
    group by all
    having max(episodes.entered_care_date) <= months.month_end - interval 12 month
),

workers as (
    select
        long_in_care.org_code,
        long_in_care.month,
        long_in_care.person_id,
        count(distinct allocations.worker_id) as worker_count,
    from long_in_care
    left join allocations
        on allocations.org_code = long_in_care.org_code
        and allocations.person_id = long_in_care.person_id
        and allocations.start_date <= long_in_care.month_end
        and coalesce(allocations.end_date, date '9999-12-31') > long_in_care.month_end - interval {{ months }} month
    group by all
),

children as (
    select workers.*, allocated.team_id,
    from workers
    left join allocated using (org_code, person_id, month)
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) filter (where worker_count = 1) as numerator,
        count(*) as denominator,
    from children
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
