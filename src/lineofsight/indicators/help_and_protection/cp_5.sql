-- CP 5: initial child protection conferences held in the month, and how many within 15 working days of the strategy discussion.
with

icpcs as (select * from stg_icpcs),
enquiries as (select * from stg_s47_enquiries),
calendar as (select * from stg_calendar),
months as (select * from stg_months($first_month, $last_month)),

held as (
    select
        icpcs.org_code,
        months.month,
        icpcs.icpc_id,
        icpcs.team_id,
        icpcs.worker_id,
        conference.working_day_index - strategy.working_day_index as working_days,
    from icpcs
    join months on months.month = date_trunc('month', icpcs.icpc_date)::date
    join enquiries on enquiries.org_code = icpcs.org_code and enquiries.s47_id = icpcs.s47_id
    join calendar as strategy on strategy.calendar_date = enquiries.start_date
    join calendar as conference on conference.calendar_date = icpcs.icpc_date
    where not icpcs.is_transfer_in
      and icpcs.icpc_date >= enquiries.start_date
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where working_days <= 15) as numerator,
        count(*) as denominator,
    from held
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
