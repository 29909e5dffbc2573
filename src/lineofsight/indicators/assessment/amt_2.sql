-- AMT 2: assessments authorised in the month, and how many within 45 working days of their start.
with

assessments as (select * from stg_assessments),
calendar as (select * from stg_calendar),
months as (select * from stg_months($first_month, $last_month)),

completed as (
    select
        assessments.org_code,
        months.month,
        assessments.team_id,
        assessments.worker_id,
        authorised.working_day_index - started.working_day_index as working_days,
    from assessments
    join months on months.month = date_trunc('month', assessments.authorised_date)::date
    join calendar as started on started.calendar_date = assessments.start_date
    join calendar as authorised on authorised.calendar_date = assessments.authorised_date
    -- an authorisation dated before its start is a bad record: it leaves both counts
    where assessments.authorised_date >= assessments.start_date
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where working_days <= 45) as numerator,
        count(*) as denominator,
    from completed
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
