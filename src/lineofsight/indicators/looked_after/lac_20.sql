-- LAC 20: children under 16 looked after for more than 2.5 years, and how many have been in their placement 2 years or more.
with

episodes as (select * from stg_cla_episodes),
placements as (select * from stg_cla_placements),
people as (select * from stg_people),
months as (select * from stg_months($first_month, $last_month)),

long_in_care as (
    select
        episodes.org_code,
        months.month,
        months.month_end,
        episodes.person_id,
    from episodes
    join months on episodes.start_date <= months.month_end and coalesce(episodes.end_date, date '9999-12-31') > months.month_end
    join people on people.org_code = episodes.org_code and people.person_id = episodes.person_id
    where people.birth_date > months.month_end - interval 16 year
    group by all
    having max(episodes.entered_care_date) < months.month_end - interval 30 month
),

current_placements as (
    select
        long_in_care.org_code,
        long_in_care.month,
        long_in_care.person_id,
        max(placements.start_date) as placement_start_date,
    from long_in_care
    join placements
        on placements.org_code = long_in_care.org_code
        and placements.person_id = long_in_care.person_id
        and placements.start_date <= long_in_care.month_end
        and coalesce(placements.end_date, date '9999-12-31') > long_in_care.month_end
    group by all
),

children as (
    select
        long_in_care.*,
        coalesce(current_placements.placement_start_date <= long_in_care.month_end - interval 2 year, false) as is_stable,
    from long_in_care
    left join current_placements using (org_code, month, person_id)
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where is_stable) as numerator,
        count(*) as denominator,
    from children
    group by all
)

select * from final
