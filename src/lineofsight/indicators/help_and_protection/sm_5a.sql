-- SM 5a: children back from a missing episode in the month, and how many were offered a return home interview.
with

episodes as (select * from stg_missing_episodes),
interviews as (select * from stg_return_interviews),
months as (select * from stg_months($first_month, $last_month)),

children as (
    select
        episodes.org_code,
        months.month,
        episodes.person_id,
        bool_or(episodes.is_rhi_offered or interviews.offered_date is not null) as is_offered,
    from episodes
    join months on months.month = date_trunc('month', episodes.end_date)::date
    left join interviews on interviews.org_code = episodes.org_code and interviews.missing_id = episodes.missing_id
    where episodes.is_missing
    group by all
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where is_offered) as numerator,
        count(*) as denominator,
    from children
    group by all
)

select * from final
