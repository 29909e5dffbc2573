"""The ``stg_`` layer: temporary views over the raw store tables, a working-day calendar and a month spine.

Everything here is TEMP, so a read-only store connection can run indicators and nothing is left in
the store file. The views filter to the organisations chosen with ``choose_organisations``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lineofsight.workingdays import FIRST_YEAR, LAST_YEAR, bank_holidays

STAGING_DIR = Path(__file__).resolve().parent / "staging"

# ADR-002, elapsed counting: working_day_index counts working days up to and including the date,
# so the working days elapsed from start (day 0) to end are index(end) - index(start), which is
# numpy.busday_count(start + 1, end + 1). A weekend or holiday shares the index of the working day
# before it, so a Saturday start makes Monday day 1.
CALENDAR_SQL = """
create or replace temp table stg_calendar as
with days as (
    select d::date as calendar_date
    from range(?::date::timestamp, ?::date + interval 1 day, interval 1 day) as r(d)
),
flagged as (
    select
        calendar_date,
        isodow(calendar_date) <= 5 and not list_contains(?::date[], calendar_date) as is_working_day,
    from days
)
select
    calendar_date,
    is_working_day,
    sum(is_working_day::integer) over (order by calendar_date rows unbounded preceding)::integer as working_day_index,
from flagged
order by calendar_date
"""

# month: first day; month_end: last day. 31 Jan + 1 month clips to the end of February (§7.1.7).
MONTHS_MACRO = """
create or replace temp macro stg_months(first_month, last_month) as table
select
    m::date as month,
    (m + interval 1 month - interval 1 day)::date as month_end,
from range(date_trunc('month', first_month::date)::timestamp, date_trunc('month', last_month::date) + interval 1 month, interval 1 month) as r(m)
"""

# The month ends a dated event covers when it counts for ``days`` days (a visit "within 4 weeks", supervision
# "in the last 30 days"): those falling on its day or up to ``days`` days after it, i.e. the months from its
# own to the last whose final day is no later than ``days`` days after it (§7.1.7: the boundary day counts).
MONTHS_COVERED_MACRO = """
create or replace temp macro stg_months_covered(day, days) as
generate_series(date_trunc('month', day::date), date_trunc('month', day::date + days + 1) - interval 1 month, interval 1 month)
"""

# Who holds each child's case at each month end: the allocation open then that started last. Each
# allocation is expanded to the months it spans (an equi-join, not a range join over every month).
ALLOCATED_SELECT = """
with spans as (
    select
        allocations.*,
        unnest(generate_series(
            greatest(date_trunc('month', allocations.start_date), date_trunc('month', {first}::date)),
            least(date_trunc('month', coalesce(allocations.end_date, {last}::date)), date_trunc('month', {last}::date)),
            interval 1 month
        ))::date as month,
    from stg_allocations as allocations
    where allocations.start_date <= last_day({last}::date)
      and (allocations.end_date is null or allocations.end_date > date_trunc('month', {first}::date))
)
select org_code, month, person_id, team_id, worker_id,
from spans
where start_date <= last_day(month) and (end_date is null or end_date > last_day(month))
qualify row_number() over (partition by org_code, person_id, month order by start_date desc, involvement_id desc) = 1
"""
ALLOCATED_MACRO = "create or replace temp macro stg_allocated_at_month_end(first_month, last_month) as table " + ALLOCATED_SELECT.format(first="first_month", last="last_month")
# A run materialises the allocations once; the macro then reads the cache for months inside it.
CACHED_MACRO = """
create or replace temp macro stg_allocated_at_month_end(first_month, last_month) as table
select * from stg_allocated_cache
where month between date_trunc('month', first_month::date) and date_trunc('month', last_month::date)
"""


def reads_allocations(chosen) -> bool:
    """Whether any of the definitions (None: all of them) reads ``stg_allocated_at_month_end``."""
    return chosen is None or any(item.has_query and "stg_allocated_at_month_end" in item.sql for item in chosen)


def prepare_range(connection, first_month, last_month, chosen=None) -> None:
    """Materialise month-end allocations for a run's months, so each definition stops recomputing them.

    With ``chosen`` definitions, only if one of them reads them; otherwise the macro is left uncached.
    """
    connection.execute(ALLOCATED_MACRO)
    if not reads_allocations(chosen):
        return
    connection.execute("create or replace temp table stg_allocated_cache as select * from stg_allocated_at_month_end(?, ?)", [first_month, last_month])
    connection.execute(CACHED_MACRO)


ORG_FILTER = "getvariable('los_orgs') is null or list_contains(getvariable('los_orgs'), org_code)"


def staging_names() -> list[str]:
    return sorted(path.stem for path in STAGING_DIR.glob("stg_*.sql"))


def staging_sql(name: str) -> str:
    return (STAGING_DIR / f"{name}.sql").read_text()


def create_staging(connection, organisations: list[str] | None = None) -> None:
    """Create every stg_ view, the calendar and the month macro on ``connection``."""
    choose_organisations(connection, organisations)
    for name in staging_names():
        connection.execute(f"create or replace temp view {name} as select * from ({staging_sql(name)}) where {ORG_FILTER}")
    connection.execute(CALENDAR_SQL, [date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31), list(bank_holidays())])
    connection.execute(MONTHS_MACRO)
    connection.execute(MONTHS_COVERED_MACRO)
    connection.execute(ALLOCATED_MACRO)


def choose_organisations(connection, organisations: list[str] | None) -> None:
    """Limit the stg_ views to these organisations (None: all of them)."""
    if organisations is None:
        connection.execute("set variable los_orgs = null::varchar[]")
    else:
        connection.execute("set variable los_orgs = ?::varchar[]", [list(organisations)])
