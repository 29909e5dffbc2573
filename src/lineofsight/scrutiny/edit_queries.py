"""Changes to meetings, recommendations, responses and actions: each one audited, each in one transaction."""

from __future__ import annotations

from django.db import transaction

from lineofsight.accounts import audit
from lineofsight.accounts.models import AuditEvent
from lineofsight.scrutiny.import_queries import add_recommendation, member_named
from lineofsight.scrutiny.models import AgendaItem, Declaration, Meeting, Recommendation, Response, ScrutinyAction

# A response's outcome sets the recommendation's status; "in principle" is tracked as accepted.
STATUS_FOR_OUTCOME = {"accepted": "accepted", "accepted_in_principle": "accepted", "accepted_in_part": "accepted_in_part", "rejected": "rejected"}


def create_recommendation(item: AgendaItem, data: dict, user) -> Recommendation:
    with transaction.atomic():
        order = item.recommendations.count() + 1
        return add_recommendation(item.meeting, item, data["text"], user, to_whom=data["to_whom"], addressee=data.get("addressee", ""),
                                  plan_action_refs=data.get("plan_action_refs", ""), indicator_refs=data.get("indicator_refs", ""), order=order)


def add_response(recommendation: Recommendation, data: dict, user) -> Response:
    with transaction.atomic():
        before = audit.snapshot(recommendation)
        response = Response.objects.create(recommendation=recommendation, **data)
        recommendation.status = STATUS_FOR_OUTCOME[response.outcome]
        recommendation.save(update_fields=["status"])
        audit.record_change(user, recommendation, before=before, after=audit.snapshot(recommendation),
                            summary=f"Response recorded for {recommendation.ref}: {response.get_outcome_display()}")
    return response


def mark_implemented(recommendation: Recommendation, user) -> None:
    with transaction.atomic():
        before = audit.snapshot(recommendation)
        recommendation.status = "implemented"
        recommendation.save(update_fields=["status"])
        audit.record_change(user, recommendation, before=before, after=audit.snapshot(recommendation), summary=f"{recommendation.ref} implemented")


def create_action(item: AgendaItem, data: dict, user) -> ScrutinyAction:
    with transaction.atomic():
        action = ScrutinyAction.objects.create(meeting=item.meeting, item=item, **data)
        audit.record_change(user, item.meeting, after=audit.snapshot(action), kind=AuditEvent.CREATE, summary=f"Action added to item {item}")
    return action


def update_action(action: ScrutinyAction, data: dict, user) -> None:
    with transaction.atomic():
        before = audit.snapshot(action)
        for name, value in data.items():
            setattr(action, name, value)
        action.save()
        audit.record_change(user, action.meeting, before=before, after=audit.snapshot(action), summary=f"Action updated: {action.text[:80]}")


def update_paperwork(meeting: Meeting, data: dict, user) -> None:
    with transaction.atomic():
        before = audit.snapshot(meeting)
        for name, value in data.items():
            setattr(meeting, name, value)
        meeting.save()
        audit.record_change(user, meeting, before=before, after=audit.snapshot(meeting), summary="Meeting paperwork dates updated")


def add_declaration(meeting: Meeting, data: dict, user) -> Declaration:
    with transaction.atomic():
        item = meeting.items.filter(pk=int(data["item"])).first() if data.get("item") else None
        declaration = Declaration.objects.create(meeting=meeting, member=member_named(data["member"].strip()), kind=data.get("kind") or "", text=data["text"], item=item)
        audit.record_change(user, meeting, after=audit.snapshot(declaration), kind=AuditEvent.CREATE, summary=f"Declaration of interest recorded for {declaration.member.name}")
    return declaration
