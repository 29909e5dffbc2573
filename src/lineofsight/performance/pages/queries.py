"""ORM access for the performance pages and packs: which values a viewer may see, and what people said.

A month reaches the public once published, frozen at its published version; analysts see the
newest computed version of every month, marked when not yet published. Values reported in past
packs were published when printed, so they are public history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef

from lineofsight.performance.models import (
    ActionLogEntry,
    Commentary,
    ComparatorValue,
    IndicatorOwner,
    IndicatorValue,
    Organisation,
    PublishedMonth,
    Target,
    Team,
)
from lineofsight.performance.pages import plan_match
from lineofsight.performance.queries import published_versions, visibility


@dataclass(frozen=True)
class Point:
    ref: str
    month: date
    numerator: float | None
    denominator: float | None
    value: float | None
    no_data_reason: str
    published: bool
    source: str = IndicatorValue.COMPUTED
    version: int = 1
    key: str = ""
    label: str = ""


def organisations_with_values() -> list[Organisation]:
    # EXISTS stops at an organisation's first value; a join with DISTINCT read all of them
    return list(Organisation.objects.filter(Exists(IndicatorValue.objects.filter(organisation=OuterRef("pk")))).order_by("code"))


def organisation(code: str | None) -> Organisation | None:
    """The organisation named by ``code``; without one, the first that has values."""
    if code:
        return Organisation.objects.filter(code=code).first()
    found = organisations_with_values()
    return found[0] if found else Organisation.objects.order_by("code").first()


def visible_points(org: Organisation, *, unpublished: bool, breakdown: str = IndicatorValue.SERVICE, refs=None, key: str | None = None) -> list[Point]:
    """One point per (ref, month, unit) the viewer may see; computed values win over reported ones."""
    rows = IndicatorValue.objects.filter(organisation=org, breakdown=breakdown)
    if refs is not None:
        rows = rows.filter(indicator_ref__in=list(refs))
    if key is not None:
        rows = rows.filter(breakdown_key=key)
    published = published_versions(org)
    chosen: dict[tuple, tuple] = {}
    fields = ("indicator_ref", "month", "breakdown_key", "breakdown_label", "numerator", "denominator", "value", "no_data_reason", "source", "version")
    for row in rows.values_list(*fields):
        ref, month, unit_key, _label, *_rest, source, version = row
        seen = visibility(month, version, published, unpublished=unpublished, reported=source == IndicatorValue.REPORTED)
        if seen is None:
            continue
        slot = (ref, month, unit_key)
        if slot not in chosen or seen[0] > chosen[slot][0]:
            chosen[slot] = (seen[0], row, seen[1])
    points = []
    for _rank, row, is_published in chosen.values():
        ref, month, unit_key, label, numerator, denominator, value, reason, source, version = row
        points.append(Point(ref, month, numerator, denominator, value, reason, is_published, source, version, unit_key, label))
    points.sort(key=lambda p: (p.ref, p.label, p.month))
    return points


def stamp(org: Organisation) -> tuple:
    """Everything a board of ``org`` is built from, read cheaply, as plain values (``core.fragments``).

    The values themselves are stood for by the organisation's ``values_generation``, bumped with
    every write of them; the small tables that also shape a board (releases, targets, owners) are
    read whole, so an edit made anywhere, the admin included, is seen.
    """
    return (
        org.pk, org.code, org.name, org.values_generation,
        tuple(PublishedMonth.objects.filter(organisation=org).order_by("id").values_list("month", "version", "withdrawn_at")),
        tuple(Target.objects.filter(organisation=org).order_by("id").values_list(
            "indicator_ref", "financial_year", "target", "method", "bands", "methodology_text")),
        tuple(IndicatorOwner.objects.filter(organisation=org).order_by("id").values_list("indicator_ref", "owner_initials")),
    )


def teams(org: Organisation) -> list[Team]:
    return list(Team.objects.filter(organisation=org).order_by("name"))


def team(org: Organisation, team_id: str) -> Team | None:
    return Team.objects.filter(organisation=org, team_id=team_id).first()


def owners(org: Organisation) -> dict[str, IndicatorOwner]:
    return {owner.indicator_ref: owner for owner in IndicatorOwner.objects.filter(organisation=org)}


def owner_for(org: Organisation, ref: str) -> IndicatorOwner | None:
    return IndicatorOwner.objects.filter(organisation=org, indicator_ref=ref).first()


def targets(org: Organisation) -> dict[tuple[str, str], Target]:
    """(ref, financial year) → the organisation's own target and bands."""
    return {(t.indicator_ref, t.financial_year): t for t in Target.objects.filter(organisation=org)}


def commentary(org: Organisation, ref: str | None = None, month: date | None = None) -> list[Commentary]:
    rows = Commentary.objects.filter(organisation=org).select_related("author")
    if ref is not None:
        rows = rows.filter(indicator_ref=ref)
    if month is not None:
        rows = rows.filter(month=month)
    return list(rows.order_by("-month", "-created_at", "-id"))


def action_log(org: Organisation, ref: str | None = None) -> list[ActionLogEntry]:
    rows = ActionLogEntry.objects.filter(organisation=org).select_related("author")
    if ref is not None:
        rows = rows.filter(indicator_ref=ref)
    return list(rows.order_by("log_ref", "-created_at", "-id"))


def add_commentary(org: Organisation, ref: str, month: date, *, improvement_activity: str, next_steps: str, author) -> Commentary:
    return Commentary.objects.create(
        organisation=org, indicator_ref=ref, month=month, improvement_activity=improvement_activity, next_steps=next_steps, author=author
    )


def add_action_log_entry(org: Organisation, ref: str, *, log_ref: str, action: str, when_text: str, complete: str, author) -> ActionLogEntry:
    return ActionLogEntry.objects.create(
        organisation=org, indicator_ref=ref, log_ref=log_ref, action=action, when_text=when_text, complete=complete, author=author
    )


def comparators(ref: str) -> list[ComparatorValue]:
    return list(ComparatorValue.objects.filter(indicator_ref=ref).order_by("group", "period_end"))


def plan_links(ref: str, title: str) -> list[dict]:
    """Success measures of the current plan that this indicator answers, with their priority's actions."""
    from lineofsight.plan.models import Action, SuccessMeasure

    measures = SuccessMeasure.objects.filter(priority__plan__is_current=True).values_list("text", "priority_id", "priority__number", "priority__title")
    chosen = plan_match.best_matches(ref, title, [(measure, measure[0] or "") for measure in measures])
    # only the chosen measures' actions: fetching every priority's actions cost more than the rest of the page
    actions: dict[int, list[tuple[str, str]]] = {}
    for priority_id, action_ref, text in Action.objects.filter(priority__in={m[1] for m in chosen}).values_list("priority_id", "ref", "text"):
        actions.setdefault(priority_id, []).append((action_ref, text))
    return [
        {"measure": text, "priority": f"{number}. {priority_title}", "priority_number": number, "actions": actions.get(priority_id, [])}
        for text, priority_id, number, priority_title in chosen
    ]


def refs_with_values(org: Organisation) -> list[str]:
    return list(IndicatorValue.objects.filter(organisation=org).values_list("indicator_ref", flat=True).distinct())


def months_with_values(org: Organisation) -> list[date]:
    return sorted(set(IndicatorValue.objects.filter(organisation=org, breakdown=IndicatorValue.SERVICE).values_list("month", flat=True).distinct()))
