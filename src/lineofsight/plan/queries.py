"""Reading the plan. The pages, the API and the monthly programme pack all start here.

``current_plan_tree(today)`` and ``actions_due_in_month(month, today)`` are the seams the
presentation code uses; ``today`` is a parameter so a pack for December 2017 derives Overdue as it
stood then.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from lineofsight.plan import models, tree


class NoCurrentPlan(LookupError):
    pass


def current_plan():
    plan = models.Plan.objects.filter(is_current=True).first()
    if plan is None:
        raise NoCurrentPlan("no improvement plan is marked current: import one with `lineofsight import-plan`")
    return plan


def _officer(officer) -> tree.OfficerRef | None:
    return tree.OfficerRef(officer.initials, officer.name, officer.job_title) if officer else None


def _action_nodes(actions, today: date) -> list[tree.ActionNode]:
    ids = [a.id for a in actions]
    updates = defaultdict(list)
    for update in models.ProgressUpdate.objects.filter(action_id__in=ids).select_related("author").order_by("created_at", "id"):
        author = update.author_name or (update.author.get_full_name() or update.author.get_username() if update.author else "")
        updates[update.action_id].append({
            "id": update.id, "milestone_id": update.milestone_id, "status": update.status, "commentary": update.commentary,
            "evidence_link": update.evidence_link, "author": author, "created_at": update.created_at,
        })
    return [
        tree.build_action(
            id=a.id, ref=a.ref, priority_number=a.priority.number, issue=a.issue, text=a.text, partners=a.partners,
            leads=[_officer(lead.officer) for lead in a.leads.all()],
            milestones=[{"id": m.id, "letter": m.letter, "text": m.text, "due_month": m.due_month, "ongoing_from": m.ongoing_from,
                         "is_ongoing": m.is_ongoing} for m in a.milestones.all()],
            updates=updates[a.id], today=today,
        )
        for a in actions
    ]


def _actions_of(plan):
    return list(
        models.Action.objects.filter(priority__plan=plan)
        .select_related("priority")
        .prefetch_related("leads__officer", "milestones")
        .order_by("priority__number", "sort_key")
    )


def plan_tree(plan, today: date) -> tree.PlanTree:
    by_priority = defaultdict(list)
    for node in _action_nodes(_actions_of(plan), today):
        by_priority[node.priority_number].append(node)
    priorities = defaultdict(list)
    for p in plan.priorities.select_related("sro", "workstream").order_by("number"):
        priorities[p.workstream_id].append(
            tree.build_priority(number=p.number, title=p.title, workstream=p.workstream.name, sro=_officer(p.sro), actions=by_priority[p.number])
        )
    workstreams = [
        tree.build_workstream(name=w.name, order=w.order, sro=_officer(w.sro), priorities=priorities[w.id])
        for w in plan.workstreams.select_related("sro").order_by("order")
    ]
    return tree.build_plan(name=plan.name, is_current=plan.is_current, review_date=plan.review_date, today=today, workstreams=workstreams)


def current_plan_tree(today: date) -> tree.PlanTree:
    """The current plan: workstreams (with SRO, counts by status and overall status) → priorities
    (with SRO, counts, status) → actions (ref, leads, derived status, milestones with due month and
    derived status, updates oldest first). Raises ``NoCurrentPlan`` when none is marked current.
    """
    return plan_tree(current_plan(), today)


def actions_due_in_month(month: date, today: date) -> list[tree.ActionNode]:
    """Actions of the current plan with a milestone due in ``month`` (any day of it), in ref order.

    Use ``action.due_in(month)`` for the milestones that fall in it, as Agenda Item 5 §5.1 lists
    "Actions timetabled for December".
    """
    plan = current_plan()
    first = month.replace(day=1)
    actions = [a for a in _actions_of(plan) if any(m.due_month == first for m in a.milestones.all())]
    return _action_nodes(actions, today)


def plan_officers(plan) -> list[tree.OfficerRef]:
    """Officers leading at least one action in the plan, for the lead filter."""
    officers = models.Officer.objects.filter(leads__action__priority__plan=plan).distinct().order_by("initials")
    return [_officer(o) for o in officers]


def due_months(plan) -> list[date]:
    months = models.Milestone.objects.filter(action__priority__plan=plan, due_month__isnull=False).values_list("due_month", flat=True)
    return sorted(set(months))


def priority_detail(plan, number: int):
    """The priority model (narrative, success measures, recommendations) or None."""
    return (
        models.Priority.objects.filter(plan=plan, number=number)
        .select_related("sro", "workstream")
        .prefetch_related("success_measures", "recommendations")
        .first()
    )


def action_in_plan(plan, ref: str):
    return models.Action.objects.filter(priority__plan=plan, ref=ref).select_related("priority").first()


def action_node(action, today: date) -> tree.ActionNode:
    fresh = models.Action.objects.filter(pk=action.pk).select_related("priority").prefetch_related("leads__officer", "milestones")
    return _action_nodes(list(fresh), today)[0]
