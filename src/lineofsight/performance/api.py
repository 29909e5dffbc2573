"""GET /api/v1/indicators and /api/v1/indicators/{ref}/values: computed indicators, judged, as JSON.

Visibility follows ``performance.queries``: the public sees published months with small numbers
suppressed; signed-in users see published months unsuppressed; analysts see every month. Team and
worker breakdowns need ``performance.view_team`` / ``view_worker``; worker-level reads are audited.
A ref may be given as published ("AMT 2", URL-encoded) or as a slug ("amt-2").
"""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from lineofsight.accounts.audit import record_access
from lineofsight.accounts.permissions import may
from lineofsight.indicators import Definition, bad_records, definition, definitions
from lineofsight.judge import Bands, analyse, judge
from lineofsight.judge.periods import financial_year
from lineofsight.performance import queries
from lineofsight.performance.models import IndicatorValue

router = Router(tags=["indicators"])


class RagOut(Schema):
    status: str
    label: str
    colour: str
    distance_text: str = ""


class SpcOut(Schema):
    variation: str | None = None
    variation_text: str = ""
    assurance: str | None = None
    assurance_text: str = ""
    warning: str | None = None
    mean: float | None = None
    lower_limit: float | None = None
    upper_limit: float | None = None
    points: int = 0


class ValueOut(Schema):
    month: date
    numerator: float | str | None
    denominator: float | str | None
    value: float | str | None
    no_data_reason: str
    version: int
    is_published: bool
    is_suppressed: bool
    breakdown: str
    breakdown_key: str
    breakdown_label: str
    target: float | None = None
    rag: RagOut


class IndicatorOut(Schema):
    ref: str
    slug: str
    title: str
    area: str
    unit: str
    polarity: str
    owner: str
    dashboard: str
    numerator: str
    denominator: str | None
    rag_methodology: str
    no_data_reason: str
    missing_dates: list[str]  # what the definition does with records missing the date that places them (§7.1.10)
    latest: ValueOut | None
    spc: SpcOut | None


class SeriesOut(Schema):
    ref: str
    title: str
    unit: str
    org: str
    breakdown: str
    values: list[ValueOut]
    spc: SpcOut | None


def _organisation(code: str | None):
    org = queries.organisation(code.upper()) if code else queries.default_organisation()
    if org is None:
        raise HttpError(404, f"No organisation {code!r} with indicator values" if code else "No organisation has indicator values yet")
    return org


def _definition(ref: str) -> Definition:
    try:
        return definition(ref)
    except KeyError:
        raise HttpError(404, f"No indicator {ref!r}") from None


def _bands(item: Definition) -> Bands | None:
    rows = (item.rag or {}).get("bands") or []
    return Bands.from_dicts(rows, percent=item.unit == "percent") if rows else None


def target_for(item: Definition, overrides: dict, month: date) -> float | None:
    """The month's target: the organisation's own for its financial year, else the definition's.

    A target stands until a later year sets another, so the 2017-18 target still judges later years.
    """
    year = financial_year(month)
    if (item.ref, year) in overrides:
        return overrides[(item.ref, year)]
    known = sorted((label, value) for label, value in item.targets.items() if label <= year and isinstance(value, (int, float)))
    return float(known[-1][1]) if known else None


def _value_out(item: Definition, point, overrides) -> ValueOut:
    target = target_for(item, overrides, point.month)
    numeric = point.value if isinstance(point.value, (int, float)) else None
    judged = judge(numeric, polarity=None if item.polarity == "none" else item.polarity, bands=_bands(item), target=target,
                   suppressed=point.is_suppressed, percent=item.unit == "percent")
    return ValueOut(
        month=point.month, numerator=point.numerator, denominator=point.denominator, value=point.value,
        no_data_reason=point.no_data_reason, version=point.version, is_published=point.is_published,
        is_suppressed=point.is_suppressed, breakdown=point.breakdown, breakdown_key=point.breakdown_key,
        breakdown_label=point.breakdown_label, target=target,
        rag=RagOut(status=judged.status, label=judged.label, colour=judged.tag_colour, distance_text=judged.distance_text),
    )


def _spc(item: Definition, points, overrides) -> SpcOut | None:
    """SPC over the months with a value; none when any is suppressed (limits would reveal it) or fewer than 2."""
    if any(point.is_suppressed for point in points):
        return None
    usable = [point for point in points if isinstance(point.value, (int, float))]
    if len(usable) < 2:
        return None
    polarity = None if item.polarity == "none" else item.polarity
    result = analyse([point.value for point in usable], polarity, target_for(item, overrides, usable[-1].month))
    return SpcOut(variation=result.variation, variation_text=result.variation_text, assurance=result.assurance,
                  assurance_text=result.assurance_text, warning=result.warning, mean=result.mean,
                  lower_limit=result.lower_limit, upper_limit=result.upper_limit, points=len(usable))


@router.get("/indicators", response=list[IndicatorOut], summary="Every indicator with its latest value, RAG and SPC")
def list_indicators(request, org: str | None = None, dashboard: str | None = None):
    """Every indicator definition (``dashboard=main`` leaves out the workforce dashboard's), each with
    its newest month the caller may see, judged (RAG) and with SPC variation and assurance."""
    organisation = _organisation(org)
    user = request.user
    overrides = queries.target_overrides(organisation)
    series = queries.all_series(organisation, user)
    out = []
    for item in definitions(dashboard):
        points = series.get(item.ref, [])
        out.append(IndicatorOut(
            ref=item.ref, slug=item.slug, title=item.title, area=item.area, unit=item.unit, polarity=item.polarity,
            owner=item.owner, dashboard=item.dashboard, numerator=item.numerator, denominator=item.denominator,
            rag_methodology=(item.rag or {}).get("methodology") or "", no_data_reason=item.no_data_reason,
            missing_dates=bad_records.in_words(item.bad_records, is_count=item.unit == "count"),
            latest=_value_out(item, points[-1], overrides) if points else None,
            spc=_spc(item, points, overrides),
        ))
    return out


@router.get("/indicators/{ref}/values", response=SeriesOut, summary="An indicator's monthly series with numerator, denominator, value and RAG")
def indicator_values(request, ref: str, org: str | None = None, breakdown: str = "service", key: str = ""):
    """The monthly series; ``breakdown=team`` or ``worker`` (with permission) gives one series per unit, ``key`` one unit."""
    item = _definition(ref)
    organisation = _organisation(org)
    user = request.user
    if breakdown not in (IndicatorValue.SERVICE, IndicatorValue.TEAM, IndicatorValue.WORKER):
        raise HttpError(400, "breakdown must be service, team or worker")
    if breakdown == IndicatorValue.TEAM and not may(user, "performance.view_team"):
        raise HttpError(403, "Team breakdowns need the performance.view_team permission")
    if breakdown == IndicatorValue.WORKER and not may(user, "performance.view_worker"):
        raise HttpError(403, "Worker breakdowns need the performance.view_worker permission")
    points = queries.indicator_series(organisation, item.ref, breakdown=breakdown, key=key, user=user)
    if breakdown == IndicatorValue.TEAM and not may(user, "performance.view_unpublished"):
        # a service manager's grant is scoped to the teams they manage
        allowed = {team.team_id for team in queries.teams(organisation) if may(user, "performance.view_team", team)}
        points = [point for point in points if point.breakdown_key in allowed]
    if breakdown == IndicatorValue.WORKER:
        record_access(user, what="performance.indicatorvalue", detail=f"API worker breakdown of {item.ref} for {organisation.code}{' key ' + key if key else ''}")
    overrides = queries.target_overrides(organisation)
    return SeriesOut(
        ref=item.ref, title=item.title, unit=item.unit, org=organisation.code, breakdown=breakdown,
        values=[_value_out(item, point, overrides) for point in points],
        spc=_spc(item, points, overrides) if breakdown == IndicatorValue.SERVICE or key else None,
    )
