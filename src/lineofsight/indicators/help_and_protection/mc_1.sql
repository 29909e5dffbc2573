-- MC 1: missing episodes that started in the month.
with

episodes as (select * from stg_missing_episodes),
months as (select * from stg_months($first_month, $last_month)),

final as (
    select
        episodes.org_code,
        months.month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) as numerator,
        null::double as denominator,
    from episodes
    join months on months.month = date_trunc('month', episodes.start_date)::date
    where episodes.is_missing
    group by all
)

select * from final
