-- FD 3: contacts received in the month with a decision recorded, and how many were decided within 1 working day.
with

contacts as (select * from stg_contacts),
decisions as (select * from stg_contact_decisions),
calendar as (select * from stg_calendar),
months as (select * from stg_months($first_month, $last_month)),

received as (
    select contacts.org_code, contacts.contact_id, contacts.contact_date, months.month,
    from contacts
    join months on months.month = date_trunc('month', contacts.contact_date)::date
),

decided as (
    select
        received.org_code,
        received.month,
        received.contact_date,
        min(decisions.decision_date) as decision_date,
    from received
    join decisions on decisions.org_code = received.org_code and decisions.contact_id = received.contact_id
    group by received.org_code, received.month, received.contact_id, received.contact_date
),

completed as (
    select
        decided.org_code,
        decided.month,
        decided_on.working_day_index - received_on.working_day_index as working_days,
    from decided
    join calendar as received_on on received_on.calendar_date = decided.contact_date
    join calendar as decided_on on decided_on.calendar_date = decided.decision_date
    where decided.decision_date >= decided.contact_date
),

final as (
    select
        org_code,
        month,
        'service' as breakdown,
        '' as breakdown_key,
        count(*) filter (where working_days <= 1) as numerator,
        count(*) as denominator,
    from completed
    group by all
)

select * from final
