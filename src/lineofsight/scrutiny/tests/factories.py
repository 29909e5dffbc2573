"""Small builders for scrutiny records, so each test states only what matters to it."""

from datetime import date, datetime, time

from django.utils import timezone

from lineofsight.scrutiny.import_queries import add_recommendation
from lineofsight.scrutiny.models import AgendaItem, Committee, Conclusion, Meeting, Member, Membership


def committee(code="CYP", name="Children & Young People Sub-Committee", **fields) -> Committee:
    return Committee.objects.create(code=code, name=name, **fields)


def meeting(of: Committee, day: date, **fields) -> Meeting:
    return Meeting.objects.create(committee=of, start=timezone.make_aware(datetime.combine(day, time(18, 30))), **fields)


def item(at: Meeting, title="Children's Improvement Plan", order=1, **fields) -> AgendaItem:
    return AgendaItem.objects.create(meeting=at, title=title, order=order, **fields)


def recommendation(at: AgendaItem, text="That caseloads be reported by team."):
    return add_recommendation(at.meeting, at, text, None)


def member_of(of: Committee, user=None, name="Demo Councillor", start=date(2024, 5, 22), end=None) -> Member:
    member = Member.objects.create(name=name, user=user)
    Membership.objects.create(member=member, committee=of, start=start, end=end)
    return member


def item_about(*, conclusion: str, recommendation: str, part: str = "A", **refs) -> AgendaItem:
    """A held meeting's item naming an indicator or plan action (``indicator_refs="CP 5"``), with one conclusion and one recommendation."""
    at = item(meeting(committee(), date(2018, 9, 18), status="held"), number="5/18", part=part, **refs)
    Conclusion.objects.create(item=at, order=1, text=conclusion)
    add_recommendation(at.meeting, at, recommendation, None, **refs)
    return at
