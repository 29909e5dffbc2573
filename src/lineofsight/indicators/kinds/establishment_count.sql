-- The establishment return's {{ column }} for the month, by team and in total.
with

establishment as (select * from stg_establishment),
months as (select * from stg_months($first_month, $last_month)),

final as (
    select
        establishment.org_code,
        months.month,
        case when grouping(establishment.team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(establishment.team_id, '') as breakdown_key,
        sum({{ column }}) as numerator,
        null::double as denominator,
    from establishment
    join months on establishment.month = months.month
    group by grouping sets ((establishment.org_code, months.month), (establishment.org_code, months.month, establishment.team_id))
)

select * from final
