"""Store a checked plan template, and read a stored plan back into one (import and export)."""

from __future__ import annotations

from django.db import transaction

from lineofsight.plan import models
from lineofsight.plan.template import (
    ActionRow,
    MilestoneRow,
    OfficerRow,
    PlanData,
    PriorityRow,
    RecommendationRow,
    WorkstreamRow,
    ref_sort_key,
)


class PlanExists(ValueError):
    pass


def known_officer_initials() -> frozenset[str]:
    return frozenset(models.Officer.objects.values_list("initials", flat=True))


def plan_exists(name: str) -> bool:
    return models.Plan.objects.filter(name=name).exists()


@transaction.atomic
def store_plan(name: str, data: PlanData, *, make_current: bool = False) -> models.Plan:
    """Store a plan that ``template.parse`` passed without problems, all or nothing.

    Officers are shared by every plan: a row for known initials updates their name and title.
    """
    if models.Plan.objects.filter(name=name).exists():
        raise PlanExists(f"a plan named {name!r} is already stored: choose another name")
    officers = {o.initials: o for o in models.Officer.objects.all()}
    for row in data.officers:
        officer = officers.get(row.initials)
        if officer is None:
            officers[row.initials] = models.Officer.objects.create(initials=row.initials, name=row.name, job_title=row.job_title)
        elif (officer.name, officer.job_title) != (row.name, row.job_title):
            officer.name, officer.job_title = row.name, row.job_title
            officer.save(update_fields=["name", "job_title"])
    if make_current:
        models.Plan.objects.filter(is_current=True).update(is_current=False)
    plan = models.Plan.objects.create(name=name, is_current=make_current)
    workstreams = {
        w.name: models.Workstream.objects.create(plan=plan, name=w.name, order=w.order, sro=officers.get(w.sro)) for w in data.workstreams
    }
    priorities = {}
    for p in data.priorities:
        priority = models.Priority.objects.create(
            plan=plan, workstream=workstreams[p.workstream], number=p.number, title=p.title, sro=officers.get(p.sro),
            what_good_looks_like=p.what_good_looks_like, children_will_say=p.children_will_say,
            staff_will_say=p.staff_will_say, partners_will_say=p.partners_will_say,
        )
        models.SuccessMeasure.objects.bulk_create(
            models.SuccessMeasure(priority=priority, order=i, text=text) for i, text in enumerate(p.success_measures)
        )
        priorities[p.number] = priority
    for r in data.recommendations:
        recommendation = models.OfstedRecommendation.objects.create(plan=plan, number=r.number, text=r.text)
        recommendation.priorities.set([priorities[n] for n in r.priorities])
    for a in data.actions:
        action = models.Action.objects.create(
            priority=priorities[a.priority], ref=a.ref, sort_key=ref_sort_key(a.ref), issue=a.issue, text=a.text, partners=a.partners
        )
        models.ActionLead.objects.bulk_create(
            models.ActionLead(action=action, officer=officers[initials], order=i) for i, initials in enumerate(a.leads)
        )
        models.Milestone.objects.bulk_create(
            models.Milestone(action=action, order=i, letter=m.letter, text=m.text, due_month=m.due_month,
                             ongoing_from=m.ongoing_from, is_ongoing=m.is_ongoing)
            for i, m in enumerate(a.milestones)
        )
    return plan


def stored_plan(name: str | None = None) -> tuple[models.Plan, PlanData]:
    """A stored plan (by name, else the current one) as template data, ready to export."""
    plans = models.Plan.objects.all()
    plan = plans.get(name=name) if name else plans.get(is_current=True)
    workstreams = list(plan.workstreams.select_related("sro"))
    priorities = list(plan.priorities.select_related("workstream", "sro").prefetch_related("success_measures"))
    actions = list(
        models.Action.objects.filter(priority__plan=plan)
        .select_related("priority")
        .prefetch_related("leads__officer", "milestones")
        .order_by("priority__number", "sort_key")
    )
    officer_ids = {w.sro_id for w in workstreams} | {p.sro_id for p in priorities}
    officer_ids |= {lead.officer_id for action in actions for lead in action.leads.all()}
    data = PlanData(
        workstreams=[WorkstreamRow(w.order, w.name, w.sro.initials if w.sro else "") for w in workstreams],
        officers=[OfficerRow(o.initials, o.name, o.job_title) for o in models.Officer.objects.filter(id__in=officer_ids - {None})],
        priorities=[
            PriorityRow(p.number, p.workstream.name, p.title, p.sro.initials if p.sro else "", p.what_good_looks_like,
                        p.children_will_say, p.staff_will_say, p.partners_will_say, [m.text for m in p.success_measures.all()])
            for p in priorities
        ],
        recommendations=[
            RecommendationRow(r.number, r.text, sorted(p.number for p in r.priorities.all()))
            for r in plan.recommendations.prefetch_related("priorities")
        ],
        actions=[
            ActionRow(a.ref, a.priority.number, a.text, a.issue, [lead.officer.initials for lead in a.leads.all()], a.partners,
                      [MilestoneRow(m.letter, m.text, m.due_month, m.ongoing_from, m.is_ongoing) for m in a.milestones.all()])
            for a in actions
        ],
    )
    return plan, data


def plan_fingerprint() -> dict[str, list]:
    """Everything the plan tables hold, for proving an import left them untouched."""
    tables = [models.Plan, models.Officer, models.Workstream, models.Priority, models.SuccessMeasure, models.OfstedRecommendation,
              models.Action, models.ActionLead, models.Milestone, models.ProgressUpdate]
    return {table.__name__: list(table.objects.order_by("pk").values()) for table in tables}

