-- Child protection plans open at month end that started at least {{ months }} months before it.
with

cp_plans as (select * from stg_cp_plans),
allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
months as (select * from stg_months($first_month, $last_month)),

open_plans as (
    select
        cp_plans.org_code,
        months.month,
        cp_plans.person_id,
        cp_plans.start_date <= months.month_end - interval {{ months }} month as is_long,
    from cp_plans
    join months on cp_plans.start_date <= months.month_end and coalesce(cp_plans.end_date, date '9999-12-31') > months.month_end
),

long_plans as (
    select open_plans.*, allocated.team_id,
    from open_plans
    left join allocated using (org_code, person_id, month)
    where is_long
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) as numerator,
        null::double as denominator,
    from long_plans
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
