-- Average caseload: children allocated at month end per worker holding at least one, for teams matching '{{ team_pattern }}' and workers where {{ worker_filter }}.
with

allocated as (select * from stg_allocated_at_month_end($first_month, $last_month)),
workers as (select * from stg_workers),
teams as (select * from stg_teams),

-- children per team and worker first, so the joins and the team-name match run once per worker, not once per child
allocated_counts as (
    select org_code, month, team_id, worker_id, count(*) as children,
    from allocated
    where worker_id is not null
    group by all
),

cases as (
    select allocated_counts.org_code, allocated_counts.month, allocated_counts.team_id, allocated_counts.worker_id, sum(allocated_counts.children)::bigint as children,
    from allocated_counts
    left join workers on workers.org_code = allocated_counts.org_code and workers.worker_id = allocated_counts.worker_id
    left join teams on teams.org_code = allocated_counts.org_code and teams.team_id = allocated_counts.team_id
    where regexp_matches(lower(coalesce(teams.team_name, '') || ' ' || coalesce(teams.parent_name, '')), '{{ team_pattern }}')
      and coalesce({{ worker_filter }}, false)
    group by all
),

final as (
    select
        org_code,
        month,
        case when grouping(team_id) = 0 then 'team' when grouping(worker_id) = 0 then 'worker' else 'service' end as breakdown,
        coalesce(case when grouping(team_id) = 0 then team_id else worker_id end, '') as breakdown_key,
        sum(children) as numerator,
        count(distinct worker_id) as denominator,
    from cases
    group by grouping sets ((org_code, month), (org_code, month, team_id), (org_code, month, worker_id))
)

select * from final
