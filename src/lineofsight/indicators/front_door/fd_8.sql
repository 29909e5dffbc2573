-- FD 8: referrals in the month, and how many were for a child referred in the 12 months before.
with

referrals as (select * from stg_referrals),
months as (select * from stg_months($first_month, $last_month)),

-- the child's latest referral before this one (an earlier day) decides: a window over each child's
-- referrals in date order (one sort, rather than an as-of join per referral); no child, no match
with_earlier as (
    select
        referrals.*,
        case when referrals.person_id is not null then max(referrals.referral_date) over (
            partition by referrals.org_code, referrals.person_id
            order by referrals.referral_date
            range between unbounded preceding and interval 1 day preceding
        ) end as earlier_referral_date,
    from referrals
),

flagged as (
    select
        with_earlier.org_code,
        months.month,
        with_earlier.referral_id,
        with_earlier.team_id,
        with_earlier.worker_id,
        coalesce(with_earlier.earlier_referral_date >= with_earlier.referral_date - interval 12 month, false) as is_re_referral,
    from with_earlier
    join months on months.month = date_trunc('month', with_earlier.referral_date)::date
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
