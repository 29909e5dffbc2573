"""Run indicator definitions against the case store: one DuckDB query per definition over every month.

``compute(connection, org_codes, months)`` returns ``Result`` rows (one per organisation, indicator,
month and breakdown unit). Around each query the engine adds what the SQL cannot know:

* a month in range with no row gets one: a zero count, or 0 of 0 (no value) for a rate;
* an indicator whose input tables have no rows for the organisation, or whose source is not in the
  store at all, gets "no data" with the reason, never a zero;
* a month without the history the definition needs (``history_months``) gets "no data";
* each row records the load batches it was computed from: the batches of its input tables whose
  period starts on or before the month's end (a later load cannot change an earlier month).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from lineofsight.indicators.definitions import Definition, definitions
from lineofsight.indicators.staging import choose_organisations, create_staging, prepare_range

SERVICE, TEAM, WORKER = "service", "team", "worker"
COLUMNS = ("org_code", "month", "breakdown", "breakdown_key", "breakdown_label", "numerator", "denominator")
PARAMETER = re.compile(r"\$(\w+)")


@dataclass
class Result:
    ref: str
    org_code: str
    month: date
    breakdown: str
    breakdown_key: str
    breakdown_label: str
    numerator: float | None
    denominator: float | None
    no_data_reason: str = ""
    batches: list[int] = field(default_factory=list)


def month_end(month: date) -> date:
    """
    >>> month_end(date(2024, 2, 1))
    datetime.date(2024, 2, 29)
    """
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_range(first: date, last: date) -> list[date]:
    """
    >>> month_range(date(2017, 11, 1), date(2018, 1, 1))
    [datetime.date(2017, 11, 1), datetime.date(2017, 12, 1), datetime.date(2018, 1, 1)]
    """
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = add_months(current, 1)
    return months


def run_query(connection, definition: Definition, first_month: date, last_month: date, breakdowns: Iterable[str] | None = None):
    """The definition's own rows for every month in range, as a DuckDB relation result (a cursor)."""
    sql = definition.sql
    wanted = tuple(breakdowns) if breakdowns else None
    if wanted:
        sql = f"select * from ({sql}) where breakdown in ({', '.join(repr(item) for item in wanted)})"
    values = {"first_month": first_month, "last_month": last_month}
    used = {name: values[name] for name in set(PARAMETER.findall(sql)) if name in values}
    return connection.execute(sql, used)


def data_periods(connection) -> dict[str, tuple[date, date]]:
    """Each organisation's first and last month of case activity.

    An SSD extract also holds the old referrals of children still open, so the first month is the
    first whose referrals (contacts, if no referrals) reach a quarter of the typical monthly number
    in the latest year; the last is the month of the latest load's period end.
    """
    rows = connection.execute(
        """
        with
        events as (
            select org_code, date_trunc('month', referral_date)::date as month, 'referrals' as source, from stg_referrals
            union all
            select org_code, date_trunc('month', contact_date)::date, 'contacts', from stg_contacts
            union all
            select org_code, month, 'establishment', from stg_establishment
        ),
        monthly as (
            select org_code, source, month, count(*) as events,
            from events where month is not null group by all
        ),
        typical as (
            select org_code, source, max(month) as last_month,
                median(events) filter (where month > (select max(m.month) from monthly m where m.org_code = monthly.org_code) - interval 12 month) as typical,
            from monthly group by all
        ),
        firsts as (
            select monthly.org_code, monthly.source, min(monthly.month) as first_month, any_value(typical.last_month) as last_month,
            from monthly join typical using (org_code, source)
            where monthly.events >= typical.typical / 4
            group by all
        ),
        chosen as (
            select org_code, first_month, last_month,
            from firsts
            qualify row_number() over (partition by org_code order by case source when 'referrals' then 1 when 'contacts' then 2 else 3 end) = 1
        ),
        loaded as (
            select org_code, max(period_end) as period_end,
            from load_batches
            where getvariable('los_orgs') is null or list_contains(getvariable('los_orgs'), org_code)
            group by all
        )
        select chosen.org_code, chosen.first_month, greatest(chosen.last_month, coalesce(date_trunc('month', loaded.period_end)::date, chosen.last_month)),
        from chosen left join loaded using (org_code)
        """
    ).fetchall()
    return {org: (first, last) for org, first, last in rows}


def table_batches(connection, tables: Iterable[str]) -> dict[tuple[str, str], list[tuple[int, date | None]]]:
    """(org, table) -> [(batch_id, period_start)] for the tables' rows now in the store."""
    found: dict[tuple[str, str], list[tuple[int, date | None]]] = {}
    for table in sorted(set(tables)):
        rows = connection.execute(
            f"select t.org_code, t.batch_id, any_value(b.period_start) from (select distinct org_code, batch_id from {table} "
            "where getvariable('los_orgs') is null or list_contains(getvariable('los_orgs'), org_code)) t "
            "left join load_batches b using (batch_id) group by all"
        ).fetchall()
        for org, batch, start in rows:
            found.setdefault((org, table), []).append((batch, start))
    return found


def labels(connection) -> dict[tuple[str, str, str], str]:
    """(org, breakdown, key) -> a team's or worker's name."""
    found = {}
    for org, key, name in connection.execute("select org_code, team_id, any_value(team_name) from stg_teams group by all").fetchall():
        found[(org, TEAM, key)] = name or key
    for org, key, name in connection.execute("select org_code, worker_id, any_value(worker_name) from stg_workers group by all").fetchall():
        found[(org, WORKER, key)] = name or key
    return found


def expected_batches(connection, chosen: list[Definition], org_code: str, months: Iterable[date]) -> dict[tuple[str, date], list[int]]:
    """(ref, month) -> the batches a computation now would record, to tell which stored months are stale."""
    sources = table_batches(connection, [table for item in chosen for table in item.tables])
    found = {}
    for item in chosen:
        pairs = [pair for table in item.tables for pair in sources.get((org_code, table), [])]
        missing = item.no_data_reason or any(not sources.get((org_code, table)) for table in item.tables)
        for month in months:
            found[(item.ref, month)] = [] if missing else _batches_for(month, pairs)
    return found


def team_names(connection, org_code: str) -> list[tuple[str, str]]:
    """(team_id, name) for the organisation's teams in the store (ssd_department)."""
    return connection.execute(
        "select team_id, any_value(team_name) from stg_teams where org_code = ? and team_id is not null group by all order by 1", [org_code]
    ).fetchall()


def _batches_for(month: date, sources: list[tuple[int, date | None]]) -> list[int]:
    end = month_end(month)
    return sorted({batch for batch, start in sources if start is None or start <= end})


def compute(
    connection,
    org_codes: list[str] | None = None,
    months: Iterable[date] | None = None,
    chosen: list[Definition] | None = None,
    breakdowns: Iterable[str] | None = None,
    progress: Callable[[Definition], None] | None = None,
    prepared: bool = False,
) -> list[Result]:
    """Compute ``chosen`` definitions (default all) for the organisations and months given.

    ``months`` defaults to every month each organisation has data for. ``prepared=True`` skips
    creating the stg_ layer (the caller made it for these organisations).
    """
    if prepared:
        choose_organisations(connection, org_codes)
    else:
        create_staging(connection, org_codes)
    chosen = list(chosen if chosen is not None else definitions())
    periods = data_periods(connection)
    if org_codes is not None:
        periods = {org: periods[org] for org in org_codes if org in periods}
    wanted_months = {org: set(month_range(*period)) for org, period in periods.items()}
    if months is not None:
        requested = {date(m.year, m.month, 1) for m in months}
        wanted_months = {org: ({*requested} & found) if found else set(requested) for org, found in wanted_months.items()}
    all_months = sorted(set().union(*wanted_months.values())) if wanted_months else []
    if not all_months:
        return []
    sources = table_batches(connection, [table for item in chosen for table in item.tables])
    names = labels(connection)
    prepare_range(connection, all_months[0], all_months[-1], chosen)
    results: list[Result] = []
    for item in chosen:
        results.extend(_compute_one(connection, item, periods, wanted_months, all_months, sources, names, breakdowns))
        if progress:
            progress(item)
    return results


def compute_arrays(connection, first_month: date, last_month: date, chosen: list[Definition] | None = None,
                   breakdowns: Iterable[str] | None = ("service", "team"), timings: dict[str, float] | None = None) -> dict[str, dict]:
    """Every organisation at once, each definition's rows as numpy columns (no Python object per row).

    For bulk work and benchmarks: no spine filling, labels or batches. The stg_ layer must exist.
    ``timings``, if given, receives the seconds each definition took (and the month-end allocations).
    """
    found = {}
    chosen = list(chosen if chosen is not None else definitions())
    started = time.perf_counter()
    prepare_range(connection, first_month, last_month, chosen)
    if timings is not None:
        timings["(month-end allocations)"] = time.perf_counter() - started
    for item in chosen:
        if item.has_query:
            started = time.perf_counter()
            found[item.ref] = run_query(connection, item, first_month, last_month, breakdowns).fetchnumpy()
            if timings is not None:
                timings[item.ref] = time.perf_counter() - started
    return found


def _compute_one(connection, item, periods, wanted_months, all_months, sources, names, breakdowns) -> list[Result]:
    out: list[Result] = []
    runnable = []
    for org in wanted_months:
        missing = [table for table in item.tables if not sources.get((org, table))]
        if item.no_data_reason or missing:
            reason = f"no data — {item.no_data_reason}" if item.no_data_reason else f"no data — {', '.join(missing)} has no rows for {org}"
            out.extend(Result(item.ref, org, month, SERVICE, "", "", None, None, reason) for month in sorted(wanted_months[org]))
        else:
            runnable.append(org)
    if not runnable:
        return out
    seen: set[tuple[str, date]] = set()
    runnable_orgs = set(runnable)
    cursor = run_query(connection, item, all_months[0], all_months[-1], breakdowns)
    # column positions once per query, not a dict per row
    position = {column[0]: index for index, column in enumerate(cursor.description)}
    org_at, month_at, breakdown_at, key_at, numerator_at, denominator_at = (
        position[name] for name in ("org_code", "month", "breakdown", "breakdown_key", "numerator", "denominator"))
    label_at = position.get("breakdown_label")
    while batch := cursor.fetchmany(50_000):
        for row in batch:
            org, month = row[org_at], row[month_at]
            if org not in runnable_orgs or month not in wanted_months[org]:
                continue
            breakdown = row[breakdown_at]
            key = "" if breakdown == SERVICE else str(row[key_at] if row[key_at] is not None else "(none)")
            label = (row[label_at] if label_at is not None else None) or ("" if breakdown == SERVICE else names.get((org, breakdown, key), key))
            if breakdown == SERVICE:
                seen.add((org, month))
            out.append(Result(item.ref, org, month, breakdown, key, label, _number(row[numerator_at]), _number(row[denominator_at])))
    for org in runnable:
        for month in sorted(wanted_months[org]):
            if (org, month) not in seen:
                out.append(Result(item.ref, org, month, SERVICE, "", "", 0.0, 0.0 if item.denominator else None))
    input_batches = {org: [pair for table in item.tables for pair in sources.get((org, table), [])] for org in runnable}
    month_batches: dict[tuple[str, date], list[int]] = {}
    for result in out:
        if result.org_code in input_batches:
            where = (result.org_code, result.month)
            if where not in month_batches:
                month_batches[where] = _batches_for(result.month, input_batches[result.org_code])
            result.batches = list(month_batches[where])
            first = periods.get(result.org_code, (None,))[0]
            if item.history_months and first and result.month < add_months(first, item.history_months):
                result.numerator = result.denominator = None
                result.no_data_reason = f"no data — needs {item.history_months} months of history before the month; the store starts {first:%Y-%m}"
            elif item.denominator and not result.denominator and result.breakdown == SERVICE:
                result.no_data_reason = f"none in the month: {item.denominator}"
    return out


def _number(value):
    return None if value is None else float(value)
