"""ORM queries for computed indicator values: storing a run, publishing a month, and reading series.

Who sees what (the same rule for the API, the pages and the CLI):

* ``performance.view_unpublished`` (analysts, administrators): every month at its newest version,
  unpublished months included and marked.
* everyone else: published months only, each at the version published (``PublishedMonth``).
* without ``performance.view_unsuppressed`` (the public): small counts 1-5 become ``c``, and a rate
  whose numerator or denominator is suppressed is suppressed too (``judge.suppression``).

Versions are per organisation and month: recomputing a month that has ever been published (withdrawn
included) writes version + 1 for every indicator of that month; recomputing a never-published month
replaces its rows in place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from lineofsight.accounts.permissions import may
from lineofsight.judge.suppression import DEFAULT_THRESHOLD, suppress_table
from lineofsight.performance.models import (
    ComparatorValue,
    ComputeRun,
    IndicatorOwner,
    IndicatorValue,
    Organisation,
    PublishedMonth,
    Target,
    Team,
)

SUPPRESSED = "c"


@dataclass
class SeriesPoint:
    """One month of one indicator for one unit (the service, a team or a worker), as the viewer may see it."""

    month: date
    numerator: float | str | None  # "c" when suppressed
    denominator: float | str | None
    value: float | str | None
    no_data_reason: str
    version: int
    is_published: bool
    breakdown: str = IndicatorValue.SERVICE
    breakdown_key: str = ""
    breakdown_label: str = ""
    is_suppressed: bool = False

    def as_dict(self) -> dict:
        data = asdict(self)
        data["month"] = self.month.isoformat()
        return data


# --- organisations, teams, owners ---------------------------------------------------------------


def organisation(code: str) -> Organisation | None:
    return Organisation.objects.filter(code=code).first()


def ensure_organisation(code: str, name: str | None = None, is_synthetic: bool = False) -> Organisation:
    found, created = Organisation.objects.get_or_create(code=code, defaults={"name": name or code, "is_synthetic": is_synthetic})
    if not created and name and (found.name != name or found.is_synthetic != is_synthetic):
        found.name, found.is_synthetic = name, is_synthetic
        found.save(update_fields=["name", "is_synthetic"])
    return found


def sync_teams(org: Organisation, teams: list[tuple[str, str]]) -> int:
    """Create or rename the organisation's teams from the case store's ssd_department; returns how many are new."""
    existing = {team.team_id: team for team in Team.objects.filter(organisation=org)}
    new = [Team(organisation=org, team_id=team_id, name=name or team_id) for team_id, name in teams if team_id not in existing]
    Team.objects.bulk_create(new)
    for team_id, name in teams:
        team = existing.get(team_id)
        if team and name and team.name != name:
            team.name = name
            team.save(update_fields=["name"])
    return len(new)


def default_organisation() -> Organisation | None:
    """DEMO if it has values, else the first organisation (by code) with computed values."""
    with_values = Organisation.objects.filter(values__source=IndicatorValue.COMPUTED).distinct().order_by("code")
    return with_values.filter(code="DEMO").first() or with_values.first()


def teams(org: Organisation) -> list[Team]:
    return list(Team.objects.filter(organisation=org).prefetch_related("managers").order_by("name"))


def target_overrides(org: Organisation) -> dict[tuple[str, str], float]:
    """(ref, financial year) -> the organisation's own target, where one is set."""
    rows = Target.objects.filter(organisation=org, target__isnull=False).values_list("indicator_ref", "financial_year", "target")
    return {(ref, year): target for ref, year, target in rows}


def team(org: Organisation, team_id: str) -> Team | None:
    return Team.objects.filter(organisation=org, team_id=team_id).first()


def ensure_indicator_owner(org: Organisation, ref: str, initials: str) -> IndicatorOwner:
    owner, _ = IndicatorOwner.objects.get_or_create(organisation=org, indicator_ref=ref, defaults={"owner_initials": initials})
    return owner


# --- storing a run ------------------------------------------------------------------------------


def values_changed(org: Organisation) -> None:
    """Call in the same transaction as any write of ``org``'s indicator values."""
    Organisation.objects.filter(pk=org.pk).update(values_generation=F("values_generation") + 1)


def start_run(org: Organisation, first_month: date, last_month: date, batches: list[int], left_out: dict[str, int] | None = None) -> ComputeRun:
    return ComputeRun.objects.create(organisation=org, first_month=first_month, last_month=last_month, batches=batches, left_out=left_out or {})


def latest_run(org: Organisation) -> ComputeRun | None:
    """The organisation's newest finished computation: what its latest figures were read from."""
    return ComputeRun.objects.filter(organisation=org, finished_at__isnull=False).order_by("-finished_at", "-pk").first()


def finish_run(run: ComputeRun) -> None:
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])


def stored_batches(org: Organisation) -> dict[tuple[str, date], list[int]]:
    """(ref, month) -> the load batches the newest computed service value was computed from."""
    found: dict[tuple[str, date], tuple[int, list[int]]] = {}
    rows = IndicatorValue.objects.filter(organisation=org, source=IndicatorValue.COMPUTED, breakdown=IndicatorValue.SERVICE)
    for ref, month, version, batches in rows.values_list("indicator_ref", "month", "version", "batches"):
        if (ref, month) not in found or version > found[(ref, month)][0]:
            found[(ref, month)] = (version, sorted(batches or []))
    return {slot: batches for slot, (_version, batches) in found.items()}


def published_versions(org: Organisation) -> dict[date, int]:
    """Month -> the version released, for months published and not withdrawn (the latest release wins)."""
    versions: dict[date, int] = {}
    rows = PublishedMonth.objects.filter(organisation=org, withdrawn_at__isnull=True).order_by("published_at", "id")
    for month, version in rows.values_list("month", "version"):
        versions[month] = version
    return versions


def published_version(org: Organisation, month: date) -> int | None:
    """The version of ``month`` released beyond analysts, or None if the month is not (or no longer) published."""
    return published_versions(org).get(date(month.year, month.month, 1))


def released_versions(org: Organisation) -> dict[date, int]:
    """Month -> the highest version ever published, withdrawn releases included: those rows stay frozen."""
    rows = PublishedMonth.objects.filter(organisation=org).values("month").annotate(highest=Max("version"))
    return {row["month"]: row["highest"] for row in rows}


def latest_versions(org: Organisation) -> dict[date, int]:
    """Month -> the newest computed version."""
    rows = IndicatorValue.objects.filter(organisation=org, source=IndicatorValue.COMPUTED).values("month").annotate(latest=Max("version"))
    return {row["month"]: row["latest"] for row in rows}


def save_results(org: Organisation, run: ComputeRun, rows: list[dict]) -> dict[date, int]:
    """Store computed rows (dicts of IndicatorValue fields, without organisation/run/version).

    A month already published gets a new version; an unpublished month's rows for the same
    indicators are replaced. Returns month -> version written.
    """
    # a withdrawn release still froze what was released: packs and the audit log cite that version
    released = released_versions(org)
    latest = latest_versions(org)
    versions: dict[date, int] = {}
    for month in {row["month"] for row in rows}:
        current = latest.get(month)
        if current is None:
            versions[month] = 1
        elif month in released and current <= released[month]:
            versions[month] = current + 1
        else:
            versions[month] = current
    with transaction.atomic():
        by_version: dict[int, dict[str, set[date]]] = defaultdict(lambda: defaultdict(set))
        for row in rows:
            by_version[versions[row["month"]]][row["indicator_ref"]].add(row["month"])
        for version, refs in by_version.items():
            for ref, months in refs.items():
                IndicatorValue.objects.filter(
                    organisation=org, source=IndicatorValue.COMPUTED, indicator_ref=ref, month__in=months, version=version
                ).delete()
        IndicatorValue.objects.bulk_create(
            (IndicatorValue(organisation=org, run=run, source=IndicatorValue.COMPUTED, version=versions[row["month"]], **row) for row in rows),
            batch_size=2000,
        )
        _carry_forward(org, versions, latest, {(row["indicator_ref"], row["month"]) for row in rows})
        values_changed(org)
    return versions


def _carry_forward(org: Organisation, versions: dict[date, int], latest: dict[date, int], written: set[tuple[str, date]]) -> None:
    """A new version of a month is the whole month: indicators not recomputed keep their values in it."""
    copies = []
    for month, version in versions.items():
        previous = latest.get(month)
        if previous is None or version == previous:
            continue
        for row in IndicatorValue.objects.filter(organisation=org, source=IndicatorValue.COMPUTED, month=month, version=previous):
            if (row.indicator_ref, month) not in written:
                row.pk, row.id, row.version = None, None, version
                copies.append(row)
    IndicatorValue.objects.bulk_create(copies, batch_size=2000)


class WithdrawnVersion(ValueError):
    """The newest version of a month was withdrawn: a change is republished as a new version (judging §8)."""


def publish_month(org: Organisation, month: date, user=None) -> PublishedMonth | None:
    """Release ``month`` at its newest computed version; None if nothing is computed for it.

    Publishing the version already published changes nothing and returns the existing record.
    Publishing again a version that was withdrawn raises ``WithdrawnVersion``: recompute the month first.
    """
    month = date(month.year, month.month, 1)
    version = latest_versions(org).get(month)
    if version is None:
        return None
    current = PublishedMonth.objects.filter(organisation=org, month=month, version=version).first()
    if current and current.withdrawn_at is not None:
        raise WithdrawnVersion(f"version {version} of {month:%B %Y} was withdrawn: recompute the month to publish a new version")
    if current:
        return current
    return PublishedMonth.objects.create(organisation=org, month=month, version=version, published_by=user if getattr(user, "is_authenticated", False) else None)


def withdraw_month(org: Organisation, month: date, reason: str) -> list[PublishedMonth]:
    """Stop releasing ``month``: every release still standing is marked withdrawn with ``reason``.

    Earlier releases superseded by a later one are withdrawn too, or the public would fall back to them.
    Returns the records withdrawn (none if the month was not published); the caller audits them.
    """
    month = date(month.year, month.month, 1)
    standing = list(PublishedMonth.objects.filter(organisation=org, month=month, withdrawn_at__isnull=True).order_by("published_at", "id"))
    now = timezone.now()
    for release in standing:
        release.withdrawn_at, release.withdrawn_reason = now, reason[:300]
        release.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    return standing


def computed_months(org: Organisation) -> list[date]:
    return sorted(latest_versions(org))


# --- reading --------------------------------------------------------------------------------------


def visibility(month: date, version: int, published: dict[date, int], *, unpublished: bool, reported: bool = False):
    """Whether a viewer sees one stored value, and how it ranks against others for the same slot.

    The one rule for every page, pack and API call: without ``unpublished`` (analysts only) a viewer
    sees only the published, unwithdrawn version of a month (``published`` from ``published_versions``);
    history reported in past packs counts as published. Computed values beat reported ones; among
    computed, the newest version for analysts. Returns ``(rank, is_published)``, or None if hidden.

    >>> visibility(date(2026, 9, 1), 2, {date(2026, 9, 1): 1}, unpublished=False) is None
    True
    >>> visibility(date(2026, 9, 1), 2, {date(2026, 9, 1): 1}, unpublished=True)
    ((1, 2), False)
    """
    is_published = reported or published.get(month) == version
    if not unpublished and not is_published:
        return None
    return (0 if reported else 1, version if unpublished else int(is_published)), is_published


def _chosen_rows(org: Organisation, user, **filters) -> list[tuple[IndicatorValue, bool]]:
    """The computed rows the user may see (see ``visibility``), with is_published."""
    published = published_versions(org)
    unpublished = may(user, "performance.view_unpublished")
    rows = IndicatorValue.objects.filter(organisation=org, source=IndicatorValue.COMPUTED, **filters).only(
        "indicator_ref", "month", "breakdown", "breakdown_key", "breakdown_label", "numerator", "denominator", "value", "no_data_reason", "version"
    )
    chosen: dict[tuple, tuple] = {}
    for row in rows:
        seen = visibility(row.month, row.version, published, unpublished=unpublished)
        if seen is None:
            continue
        slot = (row.indicator_ref, row.month, row.breakdown, row.breakdown_key)
        if slot not in chosen or seen[0] > chosen[slot][0]:
            chosen[slot] = (seen[0], row, seen[1])
    return [(row, is_published) for _rank, row, is_published in chosen.values()]


def _points(chosen, user, threshold: int = DEFAULT_THRESHOLD) -> list[SeriesPoint]:
    """SeriesPoints in the order given, suppressed unless the user may see small numbers."""
    points = [
        SeriesPoint(row.month, row.numerator, row.denominator, row.value, row.no_data_reason, row.version, is_published,
                    row.breakdown, row.breakdown_key, row.breakdown_label)
        for row, is_published in chosen
    ]
    if points and not may(user, "performance.view_unsuppressed"):
        _suppress(points, threshold)
    return points


def _suppress(points: list[SeriesPoint], threshold: int) -> None:
    """Small counts to "c"; a rate whose numerator or denominator is suppressed is suppressed too."""
    table = {str(index): {"numerator": p.numerator, "denominator": p.denominator, "value": p.value} for index, p in enumerate(points)}
    shown = suppress_table(table, threshold=threshold, total_row=None, total_column=None, rates={"value": "numerator"})
    for index, point in enumerate(points):
        cells = shown.cells[str(index)]
        if cells["numerator"].symbol == SUPPRESSED:
            point.numerator = point.value = SUPPRESSED
            point.is_suppressed = True
        if cells["denominator"].symbol == SUPPRESSED:
            # a rate over a suppressed denominator would give the numerator away (reference §10)
            point.denominator = point.value = SUPPRESSED
            point.is_suppressed = True


def indicator_series(org: Organisation, ref: str, breakdown: str = IndicatorValue.SERVICE, key: str = "", user=None) -> list[SeriesPoint]:
    """The monthly series of one indicator as ``user`` may see it.

    ``breakdown`` is ``service`` (default), ``team`` or ``worker``; ``key`` narrows a team or worker
    breakdown to one unit (empty: every unit, sorted by label, then month). Suppression reads each
    count as it stands (counts 1-5 become "c"). The caller checks ``performance.view_team`` /
    ``view_worker`` and records worker-level access (``accounts.audit.record_access``).
    """
    filters = {"indicator_ref": ref, "breakdown": breakdown}
    if breakdown == IndicatorValue.SERVICE or key:
        filters["breakdown_key"] = key
    chosen = sorted(_chosen_rows(org, user, **filters), key=lambda pair: (pair[0].breakdown_label, pair[0].breakdown_key, pair[0].month))
    return _points(chosen, user)


def latest_values(org: Organisation, user=None, refs=None) -> dict[str, SeriesPoint]:
    """Ref -> the newest service-level month the user may see (suppressed for the public)."""
    filters = {"breakdown": IndicatorValue.SERVICE}
    if refs is not None:
        filters["indicator_ref__in"] = list(refs)
    newest: dict[str, tuple[IndicatorValue, bool]] = {}
    for row, is_published in _chosen_rows(org, user, **filters):
        if row.indicator_ref not in newest or row.month > newest[row.indicator_ref][0].month:
            newest[row.indicator_ref] = (row, is_published)
    return dict(zip(newest, _points(list(newest.values()), user)))


def all_series(org: Organisation, user=None) -> dict[str, list[SeriesPoint]]:
    """Ref -> its service-level series, oldest first, in one query (the API's list uses it for SPC)."""
    chosen = sorted(_chosen_rows(org, user, breakdown=IndicatorValue.SERVICE), key=lambda pair: (pair[0].indicator_ref, pair[0].month))
    grouped: dict[str, list[SeriesPoint]] = defaultdict(list)
    for (row, _published), point in zip(chosen, _points(chosen, user)):
        grouped[row.indicator_ref].append(point)
    return dict(grouped)


# --- comparators ----------------------------------------------------------------------------------


def save_comparators(rows: list[dict]) -> int:
    """Insert or update comparator values by (indicator_ref, group, period_label); returns rows written."""
    with transaction.atomic():
        for row in rows:
            keys = {name: row[name] for name in ("indicator_ref", "group", "period_label")}
            ComparatorValue.objects.update_or_create(**keys, defaults={k: v for k, v in row.items() if k not in keys})
    return len(rows)
