"""GET /api/v1/plan: the current improvement plan with derived statuses, for anyone (the plan is public)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from lineofsight.accounts.permissions import may
from lineofsight.plan import queries

router = Router(tags=["plan"])


class OfficerOut(Schema):
    initials: str
    name: str


class MilestoneOut(Schema):
    letter: str
    text: str
    due_month: date | None
    ongoing_from: date | None
    is_ongoing: bool
    status: str


class ActionOut(Schema):
    ref: str
    issue: str
    text: str
    lead_initials: list[str]
    partners: str
    status: str
    milestones: list[MilestoneOut]


class PriorityOut(Schema):
    number: int
    title: str
    sro: OfficerOut | None
    status: str
    counts: dict[str, int]
    actions: list[ActionOut]


class WorkstreamOut(Schema):
    name: str
    sro: OfficerOut | None
    status: str
    counts: dict[str, int]
    priorities: list[PriorityOut]


class PlanOut(Schema):
    name: str
    as_at: date
    status: str
    counts: dict[str, int]
    workstreams: list[WorkstreamOut]


def _officer(ref):
    return {"initials": ref.initials, "name": ref.name} if ref else None


def plan_payload(tree) -> dict:
    return {
        "name": tree.name,
        "as_at": tree.today,
        "status": tree.status,
        "counts": tree.counts,
        "workstreams": [
            {
                "name": w.name, "sro": _officer(w.sro), "status": w.status, "counts": w.counts,
                "priorities": [
                    {
                        "number": p.number, "title": p.title, "sro": _officer(p.sro), "status": p.status, "counts": p.counts,
                        "actions": [
                            {
                                "ref": a.ref, "issue": a.issue, "text": a.text, "lead_initials": [lead.initials for lead in a.leads],
                                "partners": a.partners, "status": a.status,
                                "milestones": [
                                    {"letter": m.letter, "text": m.text, "due_month": m.due_month, "ongoing_from": m.ongoing_from,
                                     "is_ongoing": m.is_ongoing, "status": m.status}
                                    for m in a.milestones
                                ],
                            }
                            for a in p.actions
                        ],
                    }
                    for p in w.priorities
                ],
            }
            for w in tree.workstreams
        ],
    }


@router.get("", response=PlanOut, summary="The current improvement plan", url_name="plan")
def current_plan(request, as_at: date | None = None):
    """Workstreams → priorities → actions (ref, lead initials, milestones with due month); every status derived
    as at today, or as at ``as_at`` (YYYY-MM-DD) to see the plan as it stood on a past day."""
    if not may(request.user, "plan.view"):
        raise HttpError(403, "You may not view the plan")
    try:
        tree = queries.current_plan_tree(as_at or timezone.localdate())
    except queries.NoCurrentPlan as error:
        raise HttpError(404, str(error)) from error
    return plan_payload(tree)
