-- FD 8: referrals in the month, and how many were for a child referred in the 12 months before.
with

referrals as (select * from stg_referrals),
months as (select * from stg_months($first_month, $last_month)),

in_month as (
    select referrals.*, months.month,
    from referrals
    join months on months.month = date_trunc('month', referrals.referral_date)::date
),

-- the child's latest referral before this one (an earlier day) decides
flagged as (
    select
        in_month.org_code,
        in_month.month,
        in_month.referral_id,
        in_month.team_id,
        in_month.worker_id,
        coalesce(earlier.referral_date >= in_month.referral_date - interval 12 month, false) as is_re_referral,
    from in_month
    asof left join referrals as earlier
        on earlier.org_code = in_month.org_code
        and earlier.person_id = in_month.person_id
        and earlier.referral_date < in_month.referral_date
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_re_referral) as numerator,
        count(*) as denominator,
    from flagged
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
