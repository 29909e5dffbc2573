"""The performance dashboard, an indicator's page and the workforce dashboard: thin views over the board."""

from __future__ import annotations

from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from lineofsight.accounts.audit import record_access, record_change
from lineofsight.accounts.models import AuditEvent
from lineofsight.accounts.permissions import may, requires
from lineofsight.core import fragments
from lineofsight.performance.pages import board as boards
from lineofsight.performance.pages import catalogue, queries
from lineofsight.performance.pages.forms import ActionLogForm, CommentaryForm, FilterForm, error_summary, keep
from lineofsight.performance.pages.indicator_page import IndicatorPage
from lineofsight.performance.pages.presenters import present, summary_counts
from lineofsight.performance.pages.workforce import WorkforcePage
from lineofsight.performance.queries import latest_run
from lineofsight.scrutiny import queries as scrutiny_queries


class _Unowned:
    """An indicator nobody owns yet: only roles granted everywhere may write about it."""

    def owner_user_ids(self):
        return set()


def _organisation(request):
    org = queries.organisation(request.GET.get("org") or request.POST.get("org"))
    if org is None and request.GET.get("org"):
        raise Http404("No such organisation")
    return org


FILTERS = ("area", "rag", "owner", "view", "team")


def _teams_seen_by(user, org) -> list:
    """The organisation's teams whose figures ``user`` may see."""
    return [team for team in queries.teams(org) if may(user, "performance.view_team", team)] if org else []


def _named(teams) -> tuple:
    """Teams as plain values, for a kept part's key (core.fragments)."""
    return tuple((team.team_id, team.name) for team in teams)


@requires("performance.view_aggregates")
def dashboard(request):
    org = _organisation(request)
    viewer = boards.Viewer.for_user(request.user)
    teams = _teams_seen_by(request.user, org)
    organisations = queries.organisations_with_values()
    depends_on = (
        queries.stamp(org) if org else None, viewer, _named(teams),
        tuple((o.code, o.name) for o in organisations), tuple(request.GET.get(name, "")[:200] for name in FILTERS),
    )
    content = fragments.kept("dashboard", depends_on, lambda: _dashboard_content(request.GET, org, viewer, teams, organisations))
    return render(request, "performance/dashboard.jinja", {"org": org, "content": Markup(content)})


def _dashboard_content(query, org, viewer, teams, organisations) -> str:
    known_board = boards.build(org, viewer) if org else boards.Board(None, None, viewer)
    areas = [area for area, _ in known_board.areas]
    owners = sorted({item.owner for item in known_board.indicators if item.owner})
    form = FilterForm(query or None, areas=areas, owners=owners, teams=teams)
    team_id = form.value("team")
    board = known_board
    team = None
    if team_id:
        team = next((t for t in teams if t.team_id == team_id), None)
        board = boards.build(org, viewer, breakdown="team", key=team_id) if team else known_board
    chosen = dict(area=form.value("area"), rag=form.value("rag"), owner=form.value("owner"), view=form.value("view") or "all")
    shown = [item for item in board.indicators if keep(item, **chosen)]
    exceptions = [item for item in shown if item.is_exception]
    areas_shown = []
    for area, items in board.areas:
        items = [item for item in items if item in shown]
        if items:
            areas_shown.append((area, present(items, viewer, org_code=org.code)))
    return render_to_string(
        "performance/_dashboard_content.jinja",
        {
            "org": org,
            "organisations": organisations,
            "board": board,
            "team": team,
            "form": form,
            "filters_applied": any(chosen[k] for k in ("area", "rag", "owner")) or chosen["view"] != "all" or bool(team),
            "exceptions": present(exceptions, viewer, org_code=org.code if org else ""),
            "areas": areas_shown,
            "counts": summary_counts(shown),
            "viewer": viewer,
        },
    )


def _definition(org, slug: str):
    known = catalogue.load()
    for ref in known:
        if catalogue.slug_for(ref) == slug:
            return known[ref]
    # a ref only a past pack reported has no definition, but still has a page
    for ref in sorted(set(queries.refs_with_values(org)) if org else ()):
        if catalogue.slug_for(ref) == slug:
            return catalogue.definition_for(ref, known)
    raise Http404("No indicator with that reference")


@requires("performance.view_aggregates")
def indicator(request, slug: str):
    org = _organisation(request)
    if org is None:
        raise Http404("No organisation has values yet")
    definition = _definition(org, slug)
    owner = queries.owner_for(org, definition.ref)
    may_write = may(request.user, "performance.write_commentary", owner or _Unowned())
    viewer = boards.Viewer.for_user(request.user)
    teams = _teams_seen_by(request.user, org) if may(request.user, "performance.view_team") else None
    comparators = queries.comparators(definition.ref)
    depends_on = (queries.stamp(org), definition.ref, viewer, _named(teams) if teams is not None else None,
                  tuple((c.pk, c.group, c.period_label, c.period_end, c.value, c.symbol) for c in comparators))
    figures, latest_month = fragments.kept("indicator", depends_on, lambda: _indicator_figures(org, definition, viewer, teams, comparators))

    commentary_form = action_form = None
    if request.method == "POST":
        if not may_write:
            return HttpResponseForbidden("You may not write commentary for this indicator")
        kind = request.POST.get("form")
        if kind == "commentary":
            commentary_form = CommentaryForm(request.POST, prefix="commentary")
            if commentary_form.is_valid():
                data = commentary_form.cleaned_data
                entry = queries.add_commentary(
                    org, definition.ref, data["month"], improvement_activity=data["improvement_activity"].strip(),
                    next_steps=data["next_steps"].strip(), author=request.user,
                )
                record_change(request.user, entry, after={"improvement_activity": entry.improvement_activity, "next_steps": entry.next_steps, "month": str(entry.month)},
                              kind=AuditEvent.CREATE, summary=f"Commentary added to {definition.ref} for {entry.month:%b %Y}")
                return redirect(_page_url(org, slug) + "#commentary")
        elif kind == "action-log":
            action_form = ActionLogForm(request.POST, prefix="action")
            if action_form.is_valid():
                data = action_form.cleaned_data
                entry = queries.add_action_log_entry(org, definition.ref, author=request.user, **data)
                record_change(request.user, entry, after=data, kind=AuditEvent.CREATE, summary=f"Action log {entry.log_ref} added to {definition.ref}")
                return redirect(_page_url(org, slug) + "#action-log")
    if may_write:
        commentary_form = commentary_form or CommentaryForm(prefix="commentary", initial={"month": latest_month})
        action_form = action_form or ActionLogForm(prefix="action")

    workers_table = None
    if request.GET.get("show") == "workers" and may(request.user, "performance.view_worker"):
        points = queries.visible_points(org, unpublished=viewer.unpublished, breakdown="worker", refs=[definition.ref])
        record_access(request.user, what=f"indicator {definition.ref} by worker", detail=f"{org.code}: worker breakdown of {definition.ref} viewed")
        workers_table = IndicatorPage(_assessed(org, definition, viewer), viewer).breakdown_table(points, "Worker")
    return render(
        request,
        "performance/indicator.jinja",
        {
            "org": org,
            "figures": Markup(figures),
            "latest_month": latest_month,
            "definition": definition,
            "commentary": queries.commentary(org, definition.ref),
            "action_log": queries.action_log(org, definition.ref),
            "plan_links": queries.plan_links(definition.ref, definition.title),
            "scrutiny": scrutiny_queries.items_about(indicator_ref=definition.ref),
            "may_write": may_write,
            "commentary_form": commentary_form,
            "action_form": action_form,
            "errors": error_summary((commentary_form, "id_commentary-"), (action_form, "id_action-")),
            "workers_table": workers_table,
            "may_view_workers": may(request.user, "performance.view_worker"),
            "page_url": _page_url(org, slug),
            "undated": _undated(org, definition, viewer),
        },
    )


def _undated(org, definition, viewer) -> dict:
    """What the definition does with records missing their date, and (for readers of unsuppressed figures) how many there were."""
    run = latest_run(org) if viewer.unsuppressed and definition.bad_records else None
    return {"rules": definition.missing_dates(), "counts": definition.missing_dates(run.left_out) if run else None, "run": run}


def _assessed(org, definition, viewer) -> boards.Assessed:
    board = boards.build(org, viewer, refs=[definition.ref], dashboard=None)
    return board.indicators[0] if board.indicators else boards.assess(definition, [], None, {}, "", viewer)


def _indicator_figures(org, definition, viewer, teams, comparators) -> tuple[str, object]:
    """The page's value, chart, data table, methodology and team breakdown, with the latest month shown."""
    item = _assessed(org, definition, viewer)
    page = IndicatorPage(item, viewer, comparators=comparators)
    teams_table = None
    if teams is not None:
        allowed = {t.team_id for t in teams}
        points = queries.visible_points(org, unpublished=viewer.unpublished, breakdown="team", refs=[definition.ref])
        teams_table = page.breakdown_table([p for p in points if p.key in allowed], "Team")
    html = render_to_string("performance/_indicator_figures.jinja", {"org": org, "page": page, "item": item, "definition": definition, "teams_table": teams_table})
    return html, item.month or (item.latest.month if item.latest else None)


def _page_url(org, slug: str) -> str:
    return f"{reverse('performance:indicator', args=[slug])}?org={org.code}"


@requires("performance.view_workforce")
def workforce(request):
    org = _organisation(request)
    viewer = boards.Viewer.for_user(request.user)
    page = WorkforcePage.build(org, viewer) if org else None
    return render(request, "performance/workforce.jinja", {"org": org, "page": page, "organisations": queries.organisations_with_values()})
