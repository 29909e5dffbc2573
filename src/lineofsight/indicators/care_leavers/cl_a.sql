-- CL a: care leavers aged 16 to 21 at month end, and how many had a pathway plan reviewed in the 6 months to month end.
with

care_leavers as (select * from stg_care_leavers),
people as (select * from stg_people),
months as (select * from stg_months($first_month, $last_month)),

cohort as (
    select
        care_leavers.org_code,
        months.month,
        care_leavers.team_id,
        care_leavers.worker_id,
        care_leavers.pathway_plan_review_date between months.month_end - interval 6 month and months.month_end as is_up_to_date,
    from care_leavers
    join people on people.org_code = care_leavers.org_code and people.person_id = care_leavers.person_id
    join months
        on people.birth_date + interval 16 year <= months.month_end
        and people.birth_date + interval 22 year > months.month_end
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where coalesce(is_up_to_date, false)) as numerator,
        count(*) as denominator,
    from cohort
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
