-- Care leavers aged 17 to 21 at month end and the share whose recorded status is {{ measure }}.
with

care_leavers as (select * from stg_care_leavers),
people as (select * from stg_people),
months as (select * from stg_months($first_month, $last_month)),

cohort as (
    select care_leavers.*, months.month,
    from care_leavers
    join people on people.org_code = care_leavers.org_code and people.person_id = care_leavers.person_id
    join months
        on people.birth_date + interval 17 year <= months.month_end
        and people.birth_date + interval 22 year > months.month_end
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) filter (where coalesce({{ measure }}, false)) as numerator,
        count(*) as denominator,
    from cohort
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
