-- SM 2a: child protection plans that ended in the month, and how many had lasted 2 years or more.
with

cp_plans as (select * from stg_cp_plans),
months as (select * from stg_months($first_month, $last_month)),

ended as (
    select
        cp_plans.org_code,
        months.month,
        cp_plans.end_date >= cp_plans.start_date + interval 2 year as is_two_years_or_more,
    from cp_plans
    join months on months.month = date_trunc('month', cp_plans.end_date)::date
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where is_two_years_or_more) as numerator,
        count(*) as denominator,
    from ended
    group by all
)

select * from final
