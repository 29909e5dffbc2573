-- LE 2: care proceedings concluded in the month, and how many within 26 weeks of issue.
with

proceedings as (select * from stg_care_proceedings),
months as (select * from stg_months($first_month, $last_month)),

concluded as (
    select
        proceedings.org_code,
        months.month,
        proceedings.team_id,
        proceedings.conclusion_date <= proceedings.issue_date + interval 26 week as is_within_26_weeks,
    from proceedings
    join months on months.month = date_trunc('month', proceedings.conclusion_date)::date
    where proceedings.issue_date <= proceedings.conclusion_date
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) filter (where is_within_26_weeks) as numerator,
        count(*) as denominator,
    from concluded
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
