-- SM 10a: referrals in the month, and how many ended in no further action.
with

referrals as (select * from stg_referrals),
months as (select * from stg_months($first_month, $last_month)),

in_month as (
    select referrals.*, months.month,
    from referrals
    join months on months.month = date_trunc('month', referrals.referral_date)::date
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' else 'service' end as breakdown,
        coalesce(team_id, '') as breakdown_key,
        count(*) filter (where is_nfa) as numerator,
        count(*) as denominator,
    from in_month
    group by grouping sets ((org_code, month), (org_code, month, team_id))
)

select * from final
