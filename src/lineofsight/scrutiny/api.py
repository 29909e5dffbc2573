"""Scrutiny as JSON: meetings with their minutes, and recommendations (``?status=overdue`` is derived).

Part B minutes are withheld (``"withheld": true``, ``"minutes": null``) unless the caller may see
Part B of that meeting; draft imports appear only to those who may edit scrutiny records.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from lineofsight.accounts.api_auth import ensure
from lineofsight.accounts.permissions import may
from lineofsight.core.api_types import RecordId
from lineofsight.scrutiny import presenters, queries

router = Router(tags=["scrutiny"])

RECOMMENDATION_STATUSES = {"overdue", *presenters.STATUS_LABELS}


def _meeting_summary(meeting) -> dict:
    return {"id": meeting.pk, "committee": meeting.committee.name, "committee_code": meeting.committee.code, "date": meeting.day,
            "start": meeting.start, "venue": meeting.venue, "status": meeting.status, "minutes_state": meeting.import_state or "entered",
            "date_supplied": meeting.date_supplied, "action_sheet_sent": meeting.action_sheet_sent, "minutes_published": meeting.minutes_published,
            "minutes_approved": meeting.minutes_approved}


@router.get("/meetings", summary="Meetings, newest first")
def list_meetings(request, since: date | None = None, committee: RecordId | None = None):
    ensure(request, "scrutiny.view")
    found = queries.meetings(since=since, committee_id=committee, include_drafts=may(request.user, "scrutiny.edit"))
    return {"meetings": [_meeting_summary(m) for m in found]}


@router.get("/meetings/{meeting_id}", summary="One meeting: attendance, items, minutes, conclusions, recommendations")
def get_meeting(request, meeting_id: RecordId):
    ensure(request, "scrutiny.view")
    try:
        meeting = queries.meeting(meeting_id)
    except ObjectDoesNotExist:
        raise HttpError(404, "No such meeting.") from None
    if meeting.import_state == "draft" and not may(request.user, "scrutiny.edit"):
        raise HttpError(404, "No such meeting.")
    part_b = may(request.user, "scrutiny.view_part_b", meeting)
    today = timezone.localdate()
    return {
        **_meeting_summary(meeting),
        "attendance": [{"name": a.member.name, "kind": a.kind, "role": a.role, "is_councillor": a.member.is_councillor, "description": a.member.description,
                        "substitute_for": a.substitute_for.name if a.substitute_for else None} for a in meeting.attendance.all()],
        "declarations": [{"member": d.member.name, "kind": d.kind, "item": d.item.number if d.item else None, "text": d.text}
                         for d in meeting.declarations.all() if d.item is None or d.item.part == "A" or part_b],
        "items": [presenters.ItemPresenter(i, may_see_part_b=part_b, today=today).as_api() for i in meeting.items.all()],
    }


@router.get("/recommendations", summary="Recommendations; status=overdue lists those with no response after their due date")
def list_recommendations(request, status: str | None = None, committee: RecordId | None = None):
    ensure(request, "scrutiny.view")
    if status and status not in RECOMMENDATION_STATUSES:
        raise HttpError(422, f"status must be one of: {', '.join(sorted(RECOMMENDATION_STATUSES))}")
    today = timezone.localdate()
    chosen = queries.committees().filter(pk=committee).first() if committee else None
    if committee and chosen is None:
        raise HttpError(404, "No such committee.")
    editor = may(request.user, "scrutiny.edit")
    shown = []
    for rec in queries.recommendations(of=chosen, status=status, today=today):
        if rec.meeting.import_state == "draft" and not editor:
            continue
        if rec.item and rec.item.part == "B" and not may(request.user, "scrutiny.view_part_b", rec):
            continue
        shown.append(presenters.RecommendationPresenter(rec, today).as_api())
    return {"recommendations": shown}
