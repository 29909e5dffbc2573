-- LE 3: care proceedings open at month end.
with

proceedings as (select * from stg_care_proceedings),
months as (select * from stg_months($first_month, $last_month)),

open_cases as (
    select proceedings.org_code, months.month, proceedings.team_id,
    from proceedings
    join months
        on proceedings.issue_date <= months.month_end
        and coalesce(proceedings.conclusion_date, date '9999-12-31') > months.month_end
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) as numerator,
        null::double as denominator,
    from open_cases
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
