-- LAC 10: children looked after at month end, and how many were visited within statutory timescales (reg. 28).
with

episodes as (select * from stg_cla_episodes),
placements as (select * from stg_cla_placements),
visits as (select * from stg_cla_visits),
allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
months as (select * from stg_months($first_month, $last_month)),

looked_after as (
    select
        episodes.org_code,
        months.month,
        months.month_end,
        episodes.person_id,
        min(episodes.start_date) as episode_start_date,
    from episodes
    join months on episodes.start_date <= months.month_end and coalesce(episodes.end_date, date '9999-12-31') > months.month_end
    group by all
),

placed as (
    select
        looked_after.*,
        coalesce(placements.start_date, looked_after.episode_start_date) as placement_start_date,
        placements.placement_type,
    from looked_after
    left join placements
        on placements.org_code = looked_after.org_code
        and placements.person_id = looked_after.person_id
        and placements.start_date <= looked_after.month_end
        and coalesce(placements.end_date, date '9999-12-31') > looked_after.month_end
    qualify row_number() over (partition by looked_after.org_code, looked_after.person_id, looked_after.month order by placements.start_date desc nulls last, placements.placement_id desc nulls last) = 1
),

seen_visits as (
    select org_code, person_id, visit_date,
    from visits
    where not is_child_not_seen
),

-- the latest visit on or before month end; one before the current placement does not count
last_visited as (
    select
        placed.*,
        case when seen_visits.visit_date >= placed.placement_start_date then seen_visits.visit_date end as last_visit_date,
    from placed
    asof left join seen_visits
        on seen_visits.org_code = placed.org_code
        and seen_visits.person_id = placed.person_id
        and seen_visits.visit_date <= placed.month_end
),

children as (
    select
        last_visited.*,
        allocated.team_id,
        allocated.worker_id,
        case
            when last_visit_date is null then month_end <= placement_start_date + interval 7 day
            when placement_type in ('U1', 'U4') and placement_start_date <= month_end - interval 1 year
                then month_end <= last_visit_date + interval 3 month
            else month_end <= last_visit_date + interval 6 week
        end as is_in_timescale,
    from last_visited
    left join allocated using (org_code, person_id, month)
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        count(*) filter (where is_in_timescale) as numerator,
        count(*) as denominator,
    from children
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
