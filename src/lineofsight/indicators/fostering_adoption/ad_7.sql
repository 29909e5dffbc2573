-- AD 7: children placed for adoption in the month, and their total days from entering care to moving in with the adoptive family.
with

permanence as (select * from stg_permanence),
episodes as (select * from stg_cla_episodes),
months as (select * from stg_months($first_month, $last_month)),

entered as (
    select org_code, person_id, cla_id, min(entered_care_date) as entered_care_date,
    from episodes
    group by all
),

placed as (
    select
        permanence.org_code,
        months.month,
        permanence.worker_id,
        -- A10: a child adopted by their foster carer moved in with the family when placed with that carer
        case
            when permanence.is_adopted_by_carer and permanence.placed_with_foster_carer_date is not null
                then permanence.placed_with_foster_carer_date
            else permanence.placed_for_adoption_date
        end - entered.entered_care_date as days_to_move_in,
    from permanence
    join months on months.month = date_trunc('month', permanence.placed_for_adoption_date)::date
    join entered
        on entered.org_code = permanence.org_code
        and entered.person_id = permanence.person_id
        and (permanence.cla_id is null or entered.cla_id = permanence.cla_id)
    qualify row_number() over (partition by permanence.org_code, permanence.permanence_id order by entered.entered_care_date desc) = 1
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        sum(days_to_move_in) as numerator,
        count(*) as denominator,
    from placed
    where days_to_move_in >= 0
    group by all
)

select * from final
