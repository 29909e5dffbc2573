from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.accounts.permissions import may, requires
from lineofsight.plan import presenters, queries, update_queries
from lineofsight.scrutiny import queries as scrutiny_queries
from lineofsight.plan import status as plan_status
from lineofsight.plan.forms import PlanFilterForm, ProgressUpdateForm
from lineofsight.plan.tree import filtered


def _plan_or_none():
    try:
        return queries.current_plan()
    except queries.NoCurrentPlan:
        return None


@requires("plan.view")
def overview(request):
    plan = _plan_or_none()
    if plan is None:
        return render(request, "plan/no_plan.jinja")
    form = PlanFilterForm(request.GET or None)
    valid = form.is_bound and form.is_valid()
    today = (form.cleaned_data["as_at"] if valid else None) or timezone.localdate()
    whole = queries.plan_tree(plan, today)
    shown = whole
    if valid:
        data = form.cleaned_data
        shown = filtered(whole, lead=data["lead"], status=data["status"], due_month=data["due"])
    raw = request.GET
    field_errors = {name: str(messages_[0]) for name, messages_ in form.errors.items()} if form.is_bound else {}
    return render(request, "plan/overview.jinja", {
        "tree": whole,
        "shown": shown,
        "is_filtered": valid and any(form.cleaned_data.values()),
        "as_at": raw.get("as_at", ""),
        "next_month": presenters.month_param(plan_status.next_month(today)),
        "field_errors": field_errors,
        "errors": [{"text": text, "href": f"#{name}"} for name, text in field_errors.items()],
        "lead_items": presenters.lead_items(queries.plan_officers(plan), raw.get("lead", "")),
        "status_items": presenters.status_items(raw.get("status", "")),
        "month_items": presenters.month_items(queries.due_months(plan), raw.get("due", "")),
        "p": presenters,
    })


@requires("plan.view")
def timetabled(request):
    plan = _plan_or_none()
    if plan is None:
        return render(request, "plan/no_plan.jinja")
    today = timezone.localdate()
    form = PlanFilterForm({"due": request.GET.get("month", "")})
    month = form.cleaned_data["due"] if form.is_valid() and form.cleaned_data["due"] else plan_status.next_month(today)
    actions = queries.actions_due_in_month(month, today)
    return render(request, "plan/timetabled.jinja", {
        "plan": plan, "month": month, "actions": actions, "p": presenters,
        "previous": presenters.month_param(month.replace(year=month.year - (month.month == 1), month=(month.month - 2) % 12 + 1)),
        "following": presenters.month_param(plan_status.next_month(month)),
    })


@requires("plan.view")
def priority(request, number: int):
    plan = _plan_or_none()
    detail = queries.priority_detail(plan, number) if plan else None
    if detail is None:
        raise Http404("No such priority in the current plan")
    tree = queries.plan_tree(plan, timezone.localdate())
    node = next(p for w in tree.workstreams for p in w.priorities if p.number == number)
    return render(request, "plan/priority.jinja", {"plan": plan, "detail": detail, "node": node, "p": presenters})


def _action_page(request, plan, action, *, form=None, conflict=None, status=200):
    node = queries.action_node(action, timezone.localdate())
    detail = queries.priority_detail(plan, action.priority.number)
    may_update = may(request.user, "plan.update_action", action)
    if form is None:
        form = ProgressUpdateForm(initial={"based_on": update_queries.latest_update_id(action)})
    raw = form.data if form.is_bound else {}
    context = {
        "plan": plan, "action": node, "priority": detail, "p": presenters, "may_update": may_update, "form": form,
        "errors": ([{"text": conflict, "href": "#status"}] if conflict else []) + (form.error_list() if form.is_bound else []),
        "conflict": conflict,
        "based_on": update_queries.latest_update_id(action) if conflict or not form.is_bound else raw.get("based_on", ""),
        "milestone_items": presenters.milestone_items(node, raw.get("milestone", "")),
        "selected_status": raw.get("status", ""),
        "history": presenters.update_rows(node),
        "scrutiny": scrutiny_queries.items_about(plan_action_ref=action.ref),
    }
    return render(request, "plan/action.jinja", context, status=status)


def _action_or_404(ref):
    plan = _plan_or_none()
    action = queries.action_in_plan(plan, ref) if plan else None
    if action is None:
        raise Http404("No such action in the current plan")
    return plan, action


@requires("plan.view")
def action(request, ref: str):
    plan, found = _action_or_404(ref)
    return _action_page(request, plan, found)


@requires("plan.update_action")
def update_action(request, ref: str):
    plan, found = _action_or_404(ref)
    if not may(request.user, "plan.update_action", found):
        raise PermissionDenied("Only the action's lead officers and the programme team may update it")
    if request.method != "POST":
        return redirect(reverse("plan:action", args=[ref]))
    form = ProgressUpdateForm(request.POST, milestone_ids=update_queries.milestone_ids(found))
    if not form.is_valid():
        return _action_page(request, plan, found, form=form, status=400)
    data = form.cleaned_data
    try:
        update_queries.append_update(
            found, user=request.user, based_on=data["based_on"], status=data["status"], commentary=data["commentary"],
            evidence_link=data["evidence_link"], milestone=update_queries.milestone_of(found, data["milestone"]),
        )
    except update_queries.EditConflict as conflict:
        latest = conflict.latest
        who = latest.author_name or "someone else"
        message = (f"{who} updated this action to {latest.status} while you were editing it. "
                   "Your update was not saved: read their update below, then submit yours again if it still applies.")
        return _action_page(request, plan, found, form=form, conflict=message, status=409)
    messages.success(request, f"Progress on action {ref} saved")
    return redirect(reverse("plan:action", args=[ref]))
