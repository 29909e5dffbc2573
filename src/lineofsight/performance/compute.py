"""Compute an organisation's indicators from the case store and keep them as IndicatorValue rows.

By default only months that need it are computed: months with data but no stored value, and months
whose input load batches changed since they were computed (a reload of old data). A new month of
data therefore leaves history alone. ``queries.save_results`` keeps published months frozen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lineofsight.config.paths import case_store_path
from lineofsight.indicators import bad_records, definition, definitions, engine
from lineofsight.judge.rates import derive_value
from lineofsight.performance import queries
from lineofsight.store import open_store


class NothingToCompute(Exception):
    """The case store holds no data for the organisation (or no store exists)."""


@dataclass
class ComputeSummary:
    org_code: str
    months: list[date] = field(default_factory=list)
    rows: int = 0
    versions: dict[date, int] = field(default_factory=dict)
    run_id: int | None = None
    left_out: dict[str, int] = field(default_factory=dict)  # stg_ view -> records with no placing date

    @property
    def message(self) -> str:
        if not self.months:
            return f"{self.org_code}: every month is up to date; nothing computed"
        done = f"{self.org_code}: computed {len(self.months)} months ({self.months[0]:%Y-%m} to {self.months[-1]:%Y-%m}), {self.rows} values"
        undated = [bad_records.PLACED_BY[view].missing(count) for view, count in sorted(self.left_out.items())]
        return done + (f"\nMissing the date that places them in a month: {'; '.join(undated)} (each indicator's page says what it does with them)" if undated else "")


def compute_organisation(
    org_code: str,
    *,
    first_month: date | None = None,
    last_month: date | None = None,
    store_path: Path | str | None = None,
    force: bool = False,
    progress: Callable | None = None,
    name: str | None = None,
    is_synthetic: bool = False,
) -> ComputeSummary:
    """Compute every definition for the months chosen and store the results.

    With a month range, every month in it is computed; without one, the months that need it
    (``force=True``: every month with data). ``progress(definition)`` is called after each one.
    """
    path = Path(store_path) if store_path else case_store_path()
    if not path.exists():
        raise NothingToCompute(f"no case store at {path}: load case data first")
    chosen = definitions()
    org = queries.organisation(org_code)
    connection = open_store(path, read_only=True)
    try:
        engine.create_staging(connection, [org_code])
        periods = engine.data_periods(connection)
        if org_code not in periods:
            raise NothingToCompute(f"the case store holds no case data for {org_code}")
        first_data, last_data = periods[org_code]
        months = engine.month_range(max(first_month or first_data, first_data), min(last_month or last_data, last_data))
        if not (first_month or last_month or force) and org is not None:
            expected = engine.expected_batches(connection, chosen, org_code, months)
            stored = queries.stored_batches(org)
            months = sorted({month for (ref, month), batches in expected.items() if stored.get((ref, month)) != batches})
        teams = engine.team_names(connection, org_code)
        undated = bad_records.count_left_out(connection, {view for item in chosen if item.has_query for view in item.bad_records})
        results = engine.compute(connection, [org_code], months, chosen=chosen, prepared=True, progress=progress) if months else []
    finally:
        connection.close()
    org = queries.ensure_organisation(org_code, name or (org.name if org else org_code), is_synthetic or (org.is_synthetic if org else False))
    queries.sync_teams(org, teams)
    summary = ComputeSummary(org_code, months, left_out={view: count for (_, view), count in undated.items()})
    if not results:
        return summary
    units = {item.ref: item.unit for item in chosen}
    rows = [
        {
            "indicator_ref": result.ref,
            "month": result.month,
            "breakdown": result.breakdown,
            "breakdown_key": result.breakdown_key[:64],
            "breakdown_label": (result.breakdown_label or "")[:200],
            "numerator": result.numerator,
            "denominator": result.denominator,
            "value": None if result.no_data_reason.startswith("no data") else derive_value(result.numerator, result.denominator, units[result.ref]),
            "no_data_reason": result.no_data_reason[:300],
            "batches": result.batches,
        }
        for result in results
    ]
    batches = sorted({batch for result in results for batch in result.batches})
    run = queries.start_run(org, months[0], months[-1], batches, summary.left_out)
    summary.versions = queries.save_results(org, run, rows)
    queries.finish_run(run)
    summary.rows, summary.run_id = len(rows), run.id
    return summary


def publish(org_code: str, month: date, user=None):
    """Publish a month at its newest version; returns the PublishedMonth, or None if nothing is computed."""
    org = queries.organisation(org_code)
    if org is None:
        raise NothingToCompute(f"no organisation {org_code}")
    return queries.publish_month(org, month, user)


def unit_of(ref: str) -> str:
    return definition(ref).unit
