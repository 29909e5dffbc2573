-- MC 6: missing episodes that ended in the month, and how many led to a completed return home interview.
with

episodes as (select * from stg_missing_episodes),
interviews as (select * from stg_return_interviews),
months as (select * from stg_months($first_month, $last_month)),

ended as (
    select
        episodes.org_code,
        months.month,
        episodes.missing_id,
        exists (
            select 1
            from interviews
            where interviews.org_code = episodes.org_code
              and interviews.missing_id = episodes.missing_id
              and interviews.completed_date is not null
        ) as has_completed_interview,
    from episodes
    join months on months.month = date_trunc('month', episodes.end_date)::date
    where episodes.is_missing
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where has_completed_interview) as numerator,
        count(*) as denominator,
    from ended
    group by all
)

select * from final
