"""Every read of scrutiny records goes through here (``scripts/lint_model_usage.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.utils import timezone
from django.db.models import Count, F, Prefetch, Q

from lineofsight.scrutiny import deadlines
from lineofsight.scrutiny.models import (AgendaItem, Attendance, Committee, Conclusion, Meeting, Membership, MunicipalYear, Recommendation,
                                         Response, ScrutinyAction, WorkProgrammeItem)


def committees():
    # Meta.ordering does not apply to GROUP BY queries: order explicitly.
    return Committee.objects.select_related("parent").annotate(meeting_count=Count("meetings", distinct=True)).order_by("name")


def committee(pk: int) -> Committee:
    return Committee.objects.select_related("parent").get(pk=pk)


def current_memberships(of: Committee, today: date):
    return (Membership.objects.filter(committee=of).filter(Q(end__isnull=True) | Q(end__gte=today)).filter(Q(start__isnull=True) | Q(start__lte=today))
            .select_related("member"))


def past_memberships(of: Committee, today: date):
    return Membership.objects.filter(committee=of, end__lt=today).select_related("member").order_by("-end", "role", "member__name")


def meetings_of(of: Committee, *, include_drafts: bool):
    meetings = Meeting.objects.filter(committee=of).annotate(item_count=Count("items")).order_by("-start")
    return meetings if include_drafts else meetings.exclude(import_state="draft")


def work_programme(of: Committee):
    return WorkProgrammeItem.objects.filter(committee=of).select_related("planned_meeting", "requested_at", "municipal_year").order_by("-planned_date", "id")


def _recommendations():
    return (Recommendation.objects.select_related("committee", "meeting", "item", "municipal_year")
            .prefetch_related(Prefetch("responses", queryset=Response.objects.order_by("received", "id")))
            .annotate(response_count=Count("responses")).order_by("meeting__start", "order"))


def overdue_recommendations(today: date, of: Committee | None = None):
    """No response and past the due date: overdue is derived, never stored."""
    recommendations = _recommendations().filter(response_count=0, response_due__lt=today).exclude(status="implemented")
    return recommendations.filter(committee=of) if of else recommendations


def recommendations(*, of: Committee | None = None, status: str | None = None, today: date | None = None):
    found = _recommendations()
    if of:
        found = found.filter(committee=of)
    if status == "overdue":
        return overdue_recommendations(today or date.today(), of)
    if status:
        found = found.filter(status=status)
    return found.order_by("meeting__start", "order")


def recommendation(pk: int) -> Recommendation:
    return _recommendations().get(pk=pk)


def meeting(pk: int) -> Meeting:
    items = AgendaItem.objects.prefetch_related("conclusions", "resolutions", "declarations__member",
                                                Prefetch("recommendations", queryset=_recommendations()), "actions")
    return (Meeting.objects.select_related("committee")
            .prefetch_related(Prefetch("items", queryset=items), Prefetch("attendance", queryset=Attendance.objects.select_related("member", "substitute_for")),
                              "declarations__member", "declarations__item", "actions", "requests", "imports")
            .get(pk=pk))


def meetings(*, since: date | None = None, committee_id: int | None = None, include_drafts: bool = False):
    found = Meeting.objects.select_related("committee").order_by("-start")
    if not include_drafts:
        found = found.exclude(import_state="draft")
    if since:
        found = found.filter(start__date__gte=since)
    if committee_id:
        found = found.filter(committee_id=committee_id)
    return found


def item(pk: int) -> AgendaItem:
    return AgendaItem.objects.select_related("meeting__committee").get(pk=pk)


def action(pk: int) -> ScrutinyAction:
    return ScrutinyAction.objects.select_related("meeting__committee", "item").get(pk=pk)


@dataclass
class OverdueDeadline:
    meeting: Meeting
    deadline: deadlines.Deadline


def tracked_meetings(of: Committee | None = None):
    found = Meeting.objects.filter(status="held").select_related("committee")
    found = found.filter(Q(committee__deadlines_from__isnull=True) | Q(start__date__gte=F("committee__deadlines_from")))
    return found.filter(committee=of) if of else found


def overdue_deadlines(today: date, of: Committee | None = None) -> list[OverdueDeadline]:
    found = []
    for held in tracked_meetings(of):
        found += [OverdueDeadline(held, d) for d in held.deadlines() if d.is_overdue(today)]
    return sorted(found, key=lambda o: o.deadline.due)


def overdue_actions(today: date, of: Committee | None = None):
    found = ScrutinyAction.objects.filter(done__isnull=True, due__lt=today).select_related("meeting__committee", "item")
    return found.filter(meeting__committee=of) if of else found


def unowned_actions():
    return ScrutinyAction.objects.filter(done__isnull=True, due__isnull=True).select_related("meeting__committee", "item")


def standing_item_missing(of: Committee | None = None):
    """Tracked meetings of committees with a standing item that has no item of that title."""
    missing = []
    for held in tracked_meetings(of).exclude(committee__standing_item="").prefetch_related("items"):
        wanted = held.committee.standing_item.rstrip("?").lower()
        if not any(wanted in entry.title.lower() for entry in held.items.all()):
            missing.append(held)
    return missing


def municipal_year(name: str) -> MunicipalYear:
    return MunicipalYear.objects.get(name=name)


def municipal_years(of: Committee | None = None):
    """Recorded municipal years; for a committee, only those in which it met."""
    years = MunicipalYear.objects.all()
    if of is None:
        return years
    days = set(Meeting.objects.filter(committee=of).exclude(import_state="draft").values_list("start", flat=True))
    return [y for y in years if any(y.start <= timezone.localtime(d).date() <= y.end for d in days)]


def chairs_report_meetings(of: Committee, year: MunicipalYear):
    """Held meetings in the year, with the items that carry conclusions or recommendations (Appendix C)."""
    items = (AgendaItem.objects.annotate(lifted=Count("conclusions") + Count("recommendations")).prefetch_related("conclusions", Prefetch("recommendations", queryset=_recommendations()))
             .order_by("order"))
    return (Meeting.objects.filter(committee=of, start__date__gte=year.start, start__date__lte=year.end).exclude(status="cancelled").exclude(import_state="draft")
            .order_by("start").prefetch_related(Prefetch("items", queryset=items), "attendance"))


@dataclass
class IssueHit:
    kind: str  # "minutes", "conclusion", "recommendation"
    meeting: Meeting
    item: AgendaItem | None
    text: str
    recommendation: Recommendation | None = None
    extra: dict = field(default_factory=dict)


def issue_history(of: Committee | None, words: str, since: date | None = None, *, part_b: bool = False) -> list[IssueHit]:
    """What scrutiny has said about a subject: items (title or minutes), conclusions and recommendations.

    On PostgreSQL the minutes are searched with full-text search (stemmed English); elsewhere, and
    for conclusions and recommendations, every word must appear (case-insensitive).
    """
    words = words.strip()
    if not words:
        return []
    hits: list[IssueHit] = []
    items = AgendaItem.objects.select_related("meeting__committee").exclude(meeting__import_state="draft")
    conclusions = Conclusion.objects.select_related("item__meeting__committee").exclude(item__meeting__import_state="draft")
    recs = _recommendations().exclude(meeting__import_state="draft")
    if of:
        items, conclusions, recs = items.filter(meeting__committee=of), conclusions.filter(item__meeting__committee=of), recs.filter(committee=of)
    if since:
        items, conclusions, recs = items.filter(meeting__start__date__gte=since), conclusions.filter(item__meeting__start__date__gte=since), recs.filter(meeting__start__date__gte=since)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        items = items.annotate(search=SearchVector("title", "minutes", config="english")).filter(search=SearchQuery(words, config="english"))
    else:
        for word in words.split():
            items = items.filter(Q(title__icontains=word) | Q(minutes__icontains=word))
    for word in words.split():
        conclusions = conclusions.filter(text__icontains=word)
        recs = recs.filter(text__icontains=word)
    for found in items:
        if found.part == "B" and not part_b:
            continue
        hits.append(IssueHit("minutes", found.meeting, found, found.minutes))
    hits += [IssueHit("conclusion", c.item.meeting, c.item, c.text) for c in conclusions if c.item.part == "A" or part_b]
    hits += [IssueHit("recommendation", r.meeting, r.item, r.text, recommendation=r) for r in recs if r.item is None or r.item.part == "A" or part_b]
    return sorted(hits, key=lambda hit: (hit.meeting.start, hit.kind), reverse=True)


def _has_ref(text: str, ref: str) -> bool:
    return ref.strip().lower() in {part.strip().lower() for part in text.split(",")}


@dataclass
class ItemsAbout:
    items: list[AgendaItem]
    conclusions: list[Conclusion]
    recommendations: list[Recommendation]


def items_about(indicator_ref: str | None = None, plan_action_ref: str | None = None) -> ItemsAbout:
    """Scrutiny items, conclusions and recommendations about an indicator ("CP 5") or plan action ("6.7").

    For other apps' pages. An item's conclusions count as about the subject when the item is;
    recommendations count when they or their item carry the reference. Part B items are left out.
    """
    field_name, ref = ("indicator_refs", indicator_ref) if indicator_ref else ("plan_action_refs", plan_action_ref)
    if not ref:
        return ItemsAbout([], [], [])
    mentions = {f"{field_name}__icontains": ref.strip()}
    if not (AgendaItem.objects.filter(**mentions).exists() or Recommendation.objects.filter(**mentions).exists()):
        return ItemsAbout([], [], [])  # most indicators and actions were never discussed: skip the heavier queries
    items = [i for i in AgendaItem.objects.filter(**{f"{field_name}__icontains": ref.strip()}, part="A").exclude(meeting__import_state="draft")
             .select_related("meeting__committee").prefetch_related("conclusions").order_by("-meeting__start") if _has_ref(getattr(i, field_name), ref)]
    recs = [r for r in _recommendations().filter(Q(**{f"{field_name}__icontains": ref.strip()}) | Q(**{f"item__{field_name}__icontains": ref.strip()}))
            .exclude(meeting__import_state="draft").order_by("-meeting__start")
            if _has_ref(getattr(r, field_name), ref) or (r.item and _has_ref(getattr(r.item, field_name), ref))]
    return ItemsAbout(items=items, conclusions=[c for i in items for c in i.conclusions.all()], recommendations=recs)
