"""Storing a parsed minutes draft, all or nothing, and confirming it after review.

A draft is stored only after a clean parse, in one transaction: a meeting with ``import_state``
"draft" that an officer reviews and confirms. Minutes for a meeting already held on record (an
agenda-item page repeating an item) add only the items not already there; matched items are left
exactly as they were and the differences are noted for the reviewer.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lineofsight.accounts import audit
from lineofsight.accounts.models import AuditEvent
from lineofsight.formats.minutes_draft import MinutesDraft
from lineofsight.scrutiny import deadlines
from lineofsight.scrutiny.models import (AgendaItem, Attendance, Committee, Conclusion, Declaration, Meeting, Member,
                                         MinutesImport, MunicipalYear, Recommendation, Resolution, ScrutinyAction,
                                         WorkProgrammeItem)


class ImportRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def folded(text: str) -> str:
    """Titles compared without case, curly quotes or spacing.

    >>> folded("Children’s  Improvement Plan Update") == folded("children's improvement plan update")
    True
    """
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def start_time(day: date, written: str) -> datetime:
    """A meeting's start from its date and a free-text time ("6.30 pm", "10.00 am"); midnight if unreadable.

    >>> start_time(date(2018, 3, 6), "6.30 pm").time()
    datetime.time(18, 30)
    """
    match = re.match(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m", written or "", re.I)
    clock = time(0, 0)
    if match:
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        clock = time(hour, int(match.group(2) or 0))
    return timezone.make_aware(datetime.combine(day, clock))


def municipal_year_for(day: date) -> MunicipalYear:
    year = MunicipalYear.objects.filter(start__lte=day, end__gte=day).first()
    if year:
        return year
    name = deadlines.municipal_year_name(day)
    start, end = deadlines.municipal_year_bounds(name)
    return MunicipalYear.objects.get_or_create(name=name, defaults={"start": start, "end": end})[0]


def next_recommendation(committee: Committee, day: date) -> tuple[MunicipalYear, int, str]:
    """The next reference in the committee's numbering for the year: ``CYP 18/19 03``."""
    year = municipal_year_for(day)
    sequence = (Recommendation.objects.filter(committee=committee, municipal_year=year).aggregate(top=Max("sequence"))["top"] or 0) + 1
    short = f"{year.name[2:4]}/{year.name[-2:]}"
    return year, sequence, f"{committee.code} {short} {sequence:02d}"


def response_due_for(committee: Committee, day: date) -> date:
    return deadlines.response_due(day, committee.response_months, committee.response_days)


def member_named(name: str, *, is_councillor: bool = True, description: str = "") -> Member:
    member, created = Member.objects.get_or_create(name=name, defaults={
        "is_councillor": is_councillor,
        "description": description,
        "is_voting": not re.search(r"\bnon-?voting\b", description, re.I),
    })
    if not created and description and not member.description:
        member.description = description
        member.save(update_fields=["description"])
    return member


def add_recommendation(meeting: Meeting, item: AgendaItem | None, text: str, user, *, to_whom: str = "cabinet", addressee: str = "",
                       plan_action_refs: str = "", indicator_refs: str = "", order: int = 1) -> Recommendation:
    year, sequence, ref = next_recommendation(meeting.committee, meeting.day)
    recommendation = Recommendation.objects.create(
        committee=meeting.committee, municipal_year=year, sequence=sequence, ref=ref, meeting=meeting, item=item, order=order,
        to_whom=to_whom, addressee=addressee, text=text, response_due=response_due_for(meeting.committee, meeting.day),
        plan_action_refs=plan_action_refs, indicator_refs=indicator_refs,
    )
    audit.record_change(user, recommendation, after=audit.snapshot(recommendation), kind=AuditEvent.CREATE, summary=f"Recommendation {ref} made")
    return recommendation


def _refuse_if_unusable(draft: MinutesDraft, problems, day: date | None) -> None:
    refusals = [problem.message for problem in problems if problem.is_error]
    if day is None:
        refusals.append("No meeting date: the minutes do not give one, so give it with --date YYYY-MM-DD.")
    if refusals:
        raise ImportRefused(refusals)


def _store_item(meeting: Meeting, drafted, order: int, user, notes: list[str]) -> AgendaItem:
    item = AgendaItem.objects.create(
        meeting=meeting, number=drafted.number, number_inferred=drafted.number_inferred, order=order, title=drafted.title[:500],
        purpose=drafted.purpose, part=drafted.part, exempt_paragraph=drafted.exempt_paragraph[:300], documents=drafted.documents,
        minutes=drafted.minutes, minutes_truncated=drafted.minutes_truncated,
    )
    for index, text in enumerate(drafted.resolutions, start=1):
        Resolution.objects.create(item=item, order=index, text=text)
    for index, text in enumerate(drafted.conclusions, start=1):
        Conclusion.objects.create(item=item, order=index, text=text)
    for index, text in enumerate(drafted.recommendations, start=1):
        add_recommendation(meeting, item, text, user, order=index)
    sheet_due = deadlines.action_sheet_due(meeting.day, meeting.committee.action_sheet_working_days)
    for text in drafted.actions:
        ScrutinyAction.objects.create(meeting=meeting, item=item, text=text, due=None)
    for text in drafted.work_programme_requests:
        WorkProgrammeItem.objects.create(committee=meeting.committee, municipal_year=municipal_year_for(meeting.day), topic=text[:500],
                                         status="proposed", requested_at=meeting, requested_text=text)
    if drafted.actions:
        notes.append(f"item {item.number or item.title}: {len(drafted.actions)} action(s) need an owner and a due date (action sheet due {sheet_due:%d %B %Y})")
    return item


def same_item(held: AgendaItem, drafted) -> bool:
    """The same item when the numbers agree; by title only when one side has no trustworthy number."""
    numbered = bool(drafted.number) and not drafted.number_inferred and bool(held.number) and not held.number_inferred
    if numbered:
        return held.number == drafted.number
    return folded(held.title) == folded(drafted.title)


def _merge_item(existing: AgendaItem, drafted, notes: list[str]) -> None:
    """An item already on record is left exactly as it was; differences are noted for the reviewer."""
    label = existing.number or existing.title
    held = [folded(c.text) for c in existing.conclusions.all()]
    if held != [folded(text) for text in drafted.conclusions]:
        notes.append(f"item {label}: already recorded, but its conclusions differ from this import; the record was not changed")
    elif folded(existing.minutes) != folded(drafted.minutes) and drafted.minutes:
        notes.append(f"item {label}: already recorded; this import's minutes text differs in wording or layout; the record was not changed")
    else:
        notes.append(f"item {label}: already recorded, identical")


def save_draft(draft: MinutesDraft, problems, committee: Committee, *, source_name: str, user=None, meeting_date: date | None = None) -> MinutesImport:
    """Store a parsed draft as a meeting awaiting review; refuse (storing nothing) if it cannot be placed."""
    if meeting_date and draft.meeting_date and meeting_date != draft.meeting_date:
        raise ImportRefused([f"The minutes say the meeting was on {draft.meeting_date:%d %B %Y}, but --date gave {meeting_date:%d %B %Y}."])
    day = draft.meeting_date or meeting_date
    _refuse_if_unusable(draft, problems, day)
    notes = list(draft.notes)
    with transaction.atomic():
        meeting = Meeting.objects.filter(committee=committee, start__date=day).first()
        created = meeting is None
        if created:
            meeting = Meeting.objects.create(committee=committee, start=start_time(day, draft.start_time), venue=draft.venue[:300], status="held",
                                             import_state="draft", date_supplied=draft.meeting_date is None)
        before = None if created else audit.snapshot(meeting)
        existing = list(meeting.items.prefetch_related("conclusions"))
        order = max((item.order for item in existing), default=0)
        added = 0
        for drafted in draft.items:
            match = next((item for item in existing if same_item(item, drafted)), None)
            if match:
                _merge_item(match, drafted, notes)
                continue
            order += 1
            added += 1
            existing.append(_store_item(meeting, drafted, order, user, notes))
        by_number = {item.number: item for item in existing if item.number}
        for person in draft.attendance:
            member = member_named(person.name, is_councillor=person.is_councillor, description=person.description)
            replaced = member_named(person.substitute_for) if person.substitute_for else None
            Attendance.objects.get_or_create(meeting=meeting, member=member, kind=person.kind, defaults={"role": person.role, "substitute_for": replaced})
        for declared in draft.declarations:
            Declaration.objects.create(meeting=meeting, member=member_named(declared.member), kind=declared.kind, text=declared.text,
                                       item=by_number.get(declared.item_number))
        if not created and added:
            meeting.import_state = "draft"
            meeting.save(update_fields=["import_state"])
        stored = draft.as_dict()
        stored["notes"] = notes
        record = MinutesImport.objects.create(committee=committee, meeting=meeting, source_name=source_name[:300], layout=draft.layout, draft=stored, created_by=user)
        summary = f"Minutes imported from {source_name}: {added} item(s) added" + ("" if created else " to a meeting already on record")
        audit.record_change(user, meeting, before=before, after=audit.snapshot(meeting), kind=AuditEvent.CREATE if created else AuditEvent.CHANGE, summary=summary)
    return record


def confirm(record: MinutesImport, user) -> None:
    with transaction.atomic():
        meeting = record.meeting
        before = audit.snapshot(meeting)
        meeting.import_state = "confirmed"
        meeting.save(update_fields=["import_state"])
        record.state = "confirmed"
        record.save(update_fields=["state"])
        audit.record_change(user, meeting, before=before, after=audit.snapshot(meeting), summary=f"Imported minutes confirmed ({record.source_name})")


def pending_imports():
    return MinutesImport.objects.filter(state="draft").select_related("committee", "meeting")


def import_record(pk: int) -> MinutesImport:
    return MinutesImport.objects.select_related("committee", "meeting").get(pk=pk)


def committee_named(name: str) -> Committee | None:
    return Committee.objects.filter(name__iexact=name).first() or Committee.objects.filter(code__iexact=name).first()
