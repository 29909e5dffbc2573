"""Storing imported minutes: the seeds become meetings; nothing is stored from a refused import."""

from datetime import date
from pathlib import Path

import pytest

from lineofsight.accounts.models import AuditEvent
from lineofsight.formats import minutes_text
from lineofsight.scrutiny.import_queries import ImportRefused, confirm, save_draft
from lineofsight.scrutiny.models import AgendaItem, Attendance, Meeting, Recommendation, WorkProgrammeItem
from lineofsight.scrutiny.tests import factories

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "demo_data"


def seed(prefix: str) -> str:
    return next(DATA.glob(f"{prefix}_*.txt")).read_text()


def store(prefix: str, committee, meeting_date=None):
    draft, problems = minutes_text.parse(seed(prefix), prefix)
    return save_draft(draft, problems, committee, source_name=prefix, meeting_date=meeting_date)


def test_seed_000_becomes_a_draft_meeting_with_items_and_verbatim_conclusions():
    so = factories.committee("SO", "Scrutiny & Overview Committee")
    record = store("000", so)
    meeting = record.meeting
    assert (meeting.day, meeting.import_state, meeting.date_supplied) == (date(2018, 3, 6), "draft", False)
    item = meeting.items.get(number="12/18")
    assert [c.text for c in item.conclusions.all()] == [
        "Further information was required on the effectiveness and reality of the partnerships as their objectives were currently difficult to grasp.",
        "The Safeguarding boards to attend and present at future Scrutiny meetings.",
    ]
    assert meeting.items.get(number="13/18").conclusions.count() == 2
    assert Attendance.objects.get(meeting=meeting, member__name="Sean Fitzsimons").role == "chair"
    assert AuditEvent.objects.filter(object_type="scrutiny.meeting", object_id=str(meeting.pk)).exists()


def test_seed_004_needs_a_date_and_keeps_substitutes_and_work_programme_requests():
    cyp = factories.committee()
    with pytest.raises(ImportRefused, match="--date"):
        store("004", cyp)
    assert not Meeting.objects.exists()
    meeting = store("004", cyp, date(2024, 9, 10)).meeting
    assert meeting.date_supplied
    sub = Attendance.objects.get(meeting=meeting, member__name="Samir Dwesar")
    assert (sub.kind, sub.substitute_for.name) == ("substitute", "Holly Ramsey")
    governor = Attendance.objects.get(meeting=meeting, member__name="Paul O'Donnell").member
    assert (governor.is_councillor, governor.description, governor.is_voting) == (False, "Voting Parent Governor Representative", True)
    request = WorkProgrammeItem.objects.get(topic__startswith="A future paper on Family Hubs")
    assert (request.requested_at, request.status) == (meeting, "proposed")


def test_seed_001_repeating_an_item_of_000_adds_nothing_and_says_so():
    so = factories.committee("SO", "Scrutiny & Overview Committee")
    store("000", so)
    record = store("001", so, date(2018, 3, 6))
    assert AgendaItem.objects.filter(title__icontains="Improvement Plan Update").count() == 1
    assert any("12/18" in note and "already recorded" in note for note in record.draft["notes"])


def test_a_date_contradicting_the_minutes_is_refused():
    so = factories.committee("SO", "Scrutiny & Overview Committee")
    with pytest.raises(ImportRefused, match="6 March 2018"):
        store("000", so, date(2018, 3, 7))
    assert not Meeting.objects.exists()


def test_a_failure_midway_leaves_nothing_stored(monkeypatch):
    so = factories.committee("SO", "Scrutiny & Overview Committee")
    from lineofsight.scrutiny import import_queries

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_queries, "member_named", explode)
    with pytest.raises(RuntimeError):
        store("000", so)
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()


def test_recommendations_are_numbered_per_committee_and_municipal_year():
    cyp = factories.committee()
    draft, problems = minutes_text.parse(
        "CYP Sub-Committee\nheld on 27 November 2018\n\n5/18 Plan\nRecommendations\n1. That a staff representative attend.\n2. That evidence be provided.\n"
    )
    meeting = save_draft(draft, problems, cyp, source_name="x").meeting
    refs = list(Recommendation.objects.filter(meeting=meeting).values_list("ref", "response_due"))
    assert refs == [("CYP 18/19 01", date(2019, 1, 27)), ("CYP 18/19 02", date(2019, 1, 27))]


def test_confirming_puts_the_meeting_on_the_record_and_is_audited():
    so = factories.committee("SO", "Scrutiny & Overview Committee")
    record = store("000", so)
    confirm(record, None)
    record.meeting.refresh_from_db()
    assert record.meeting.import_state == "confirmed"
    assert AuditEvent.objects.filter(summary__startswith="Imported minutes confirmed").count() == 1
