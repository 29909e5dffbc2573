"""Scrutiny pages: each view asks ``queries`` for records, wraps them in presenters and renders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from lineofsight.accounts.permissions import may, requires
from lineofsight.scrutiny import edit_queries, forms, presenters, queries
from lineofsight.scrutiny.import_queries import pending_imports
from lineofsight.scrutiny.models import Committee, Meeting


def _get(finder, *args):
    try:
        return finder(*args)
    except ObjectDoesNotExist:
        raise Http404 from None


def _visible_meeting(request, meeting: Meeting) -> Meeting:
    """Draft imports are not yet the record: only those who may edit see them."""
    if meeting.import_state == "draft" and not may(request.user, "scrutiny.edit"):
        raise Http404
    return meeting


@requires("scrutiny.view")
def committees(request):
    return render(request, "scrutiny/committees.jinja", {"committees": queries.committees()})


@requires("scrutiny.view")
def committee(request, pk: int):
    found = _get(queries.committee, pk)
    today = timezone.localdate()
    editor = may(request.user, "scrutiny.edit")
    return render(request, "scrutiny/committee.jinja", {
        "committee": found,
        "members": queries.current_memberships(found, today),
        "past_members": queries.past_memberships(found, today)[:30],
        "meetings": queries.meetings_of(found, include_drafts=editor),
        "work_programme": queries.work_programme(found),
        "overdue_deadlines": presenters.deadline_rows(queries.overdue_deadlines(today, found), today),
        "overdue_recommendations": [presenters.RecommendationPresenter(r, today) for r in queries.overdue_recommendations(today, found)],
        "years": queries.municipal_years(found),
    })


@requires("scrutiny.view")
def meeting(request, pk: int):
    found = _visible_meeting(request, _get(queries.meeting, pk))
    today = timezone.localdate()
    part_b = may(request.user, "scrutiny.view_part_b", found)
    paperwork = forms.PaperworkForm(initial={"action_sheet_sent": found.action_sheet_sent, "minutes_published": found.minutes_published, "minutes_approved": found.minutes_approved})
    return render(request, "scrutiny/meeting.jinja", {
        "meeting": found,
        "items": [presenters.ItemPresenter(i, may_see_part_b=part_b, today=today) for i in found.items.all()],
        "attendance": presenters.attendance_groups(list(found.attendance.all())),
        "declarations": [d for d in found.declarations.all() if d.item is None or d.item.part == "A" or part_b],
        "deadlines": [(d, d.is_overdue(today), d.was_late()) for d in found.deadlines()] if found.deadlines_tracked else [],
        "paperwork": paperwork,
        "requests": list(found.requests.all()),
        "imports": list(found.imports.all()),
        "may_edit": may(request.user, "scrutiny.edit"),
    })


@requires("scrutiny.edit")
@require_POST
def meeting_paperwork(request, pk: int):
    found = _get(queries.meeting, pk)
    form = forms.PaperworkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
        return redirect("scrutiny:meeting", pk)
    edit_queries.update_paperwork(found, form.cleaned_data, request.user)
    messages.success(request, "Paperwork dates saved")
    return redirect("scrutiny:meeting", pk)


def _form_page(request, *, form, title: str, caption: str, back: str, fields: list[str], intro: str = ""):
    return render(request, "scrutiny/form.jinja", {"form": form, "title": title, "caption": caption, "back": back, "fields": fields,
                                                   "intro": intro, "errors": forms.error_summary(form)})


@requires("scrutiny.edit")
def declaration_new(request, pk: int):
    found = _get(queries.meeting, pk)
    form = forms.DeclarationForm(request.POST or None, items=list(found.items.all()))
    if request.method == "POST" and form.is_valid():
        edit_queries.add_declaration(found, form.cleaned_data, request.user)
        messages.success(request, "Declaration recorded")
        return redirect("scrutiny:meeting", pk)
    return _form_page(request, form=form, title="Record a declaration of interest", caption=str(found), back=f"/scrutiny/meetings/{pk}/", fields=list(form.fields))


@requires("scrutiny.edit")
def recommendation_new(request, item_pk: int):
    item = _get(queries.item, item_pk)
    form = forms.RecommendationForm(request.POST or None, initial={"plan_action_refs": item.plan_action_refs, "indicator_refs": item.indicator_refs})
    if request.method == "POST" and form.is_valid():
        recommendation = edit_queries.create_recommendation(item, form.cleaned_data, request.user)
        messages.success(request, f"Recommendation {recommendation.ref} recorded")
        return redirect("scrutiny:meeting", item.meeting_id)
    return _form_page(request, form=form, title="Add a recommendation", caption=f"{item.meeting}: {item}", back=request.path.rsplit("/recommendations/", 1)[0],
                      fields=list(form.fields), intro="Quote the recommendation exactly as the committee agreed it.")


@requires("scrutiny.view")
def recommendation(request, pk: int):
    found = _get(queries.recommendation, pk)
    _visible_meeting(request, found.meeting)
    if found.item and found.item.part == "B" and not may(request.user, "scrutiny.view_part_b", found):
        raise PermissionDenied
    today = timezone.localdate()
    form = forms.ResponseForm()
    return render(request, "scrutiny/recommendation.jinja", {"r": presenters.RecommendationPresenter(found, today), "rec": found, "form": form,
                                                             "may_edit": may(request.user, "scrutiny.edit")})


@requires("scrutiny.edit")
def response_new(request, pk: int):
    found = _get(queries.recommendation, pk)
    form = forms.ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        edit_queries.add_response(found, form.cleaned_data, request.user)
        messages.success(request, f"Response to {found.ref} recorded")
        return redirect("scrutiny:recommendation", pk)
    return _form_page(request, form=form, title=f"Record a response to {found.ref}", caption=found.text[:120], back=f"/scrutiny/recommendations/{pk}/",
                      fields=list(form.fields), intro="A recommendation rejected or accepted in part needs the reason.")


@requires("scrutiny.edit")
@require_POST
def recommendation_implemented(request, pk: int):
    found = _get(queries.recommendation, pk)
    edit_queries.mark_implemented(found, request.user)
    messages.success(request, f"{found.ref} marked implemented")
    return redirect("scrutiny:recommendation", pk)


@requires("scrutiny.edit")
def action_new(request, item_pk: int):
    item = _get(queries.item, item_pk)
    form = forms.ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        edit_queries.create_action(item, form.cleaned_data, request.user)
        messages.success(request, "Action recorded")
        return redirect("scrutiny:meeting", item.meeting_id)
    return _form_page(request, form=form, title="Add an action", caption=f"{item.meeting}: {item}", back=f"/scrutiny/meetings/{item.meeting_id}/", fields=list(form.fields))


@requires("scrutiny.edit")
def action_edit(request, pk: int):
    found = _get(queries.action, pk)
    form = forms.ActionForm(request.POST or None, initial={name: getattr(found, name) for name in forms.ActionForm.base_fields})
    if request.method == "POST" and form.is_valid():
        edit_queries.update_action(found, form.cleaned_data, request.user)
        messages.success(request, "Action updated")
        return redirect("scrutiny:meeting", found.meeting_id)
    return _form_page(request, form=form, title="Update an action", caption=str(found.meeting), back=f"/scrutiny/meetings/{found.meeting_id}/", fields=list(form.fields))


@requires("scrutiny.view")
def tracker(request):
    today = timezone.localdate()
    status = request.GET.get("status") or None
    committee_id = request.GET.get("committee") or None
    chosen = None
    if committee_id and committee_id.isdigit():
        chosen = queries.committees().filter(pk=int(committee_id)).first()
    found = queries.recommendations(of=chosen, status=status, today=today)
    shown = []
    for rec in found:
        if rec.item and rec.item.part == "B" and not may(request.user, "scrutiny.view_part_b", rec):
            continue
        if rec.meeting.import_state == "draft" and not may(request.user, "scrutiny.edit"):
            continue
        shown.append(presenters.RecommendationPresenter(rec, today))
    groups = [(label, [r for r in shown if (r.overdue if key == "overdue" else (r.recommendation.status == key and not r.overdue))])
              for key, label in [("overdue", "Overdue: no response by the due date")] + list(presenters.STATUS_LABELS.items())]
    return render(request, "scrutiny/tracker.jinja", {"groups": [(label, rows) for label, rows in groups if rows], "status": status or "",
                                                      "committees": queries.committees(), "chosen": chosen,
                                                      "statuses": [("overdue", "Overdue")] + list(presenters.STATUS_LABELS.items())})


@requires("scrutiny.edit")
def to_do(request):
    today = timezone.localdate()
    return render(request, "scrutiny/to_do.jinja", {
        "deadlines": presenters.deadline_rows(queries.overdue_deadlines(today), today),
        "recommendations": [presenters.RecommendationPresenter(r, today) for r in queries.overdue_recommendations(today)],
        "actions": list(queries.overdue_actions(today)),
        "unowned": list(queries.unowned_actions()),
        "imports": list(pending_imports()),
        "standing_missing": queries.standing_item_missing(),
        "today": today,
    })


@requires("scrutiny.view")
def chairs_report(request, pk: int, year: str, fmt: str = "html"):
    found = _get(queries.committee, pk)
    year_name = year.replace("-", "/")
    municipal_year = _get(queries.municipal_year, year_name)
    today = timezone.localdate()
    shaped = presenters.chairs_report_meetings(queries.chairs_report_meetings(found, municipal_year), today)
    if fmt == "txt":
        text = presenters.chairs_report_text(found.name, municipal_year.name, shaped)
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    context = {"committee": found, "year": municipal_year, "meetings": shaped, "year_slug": year}
    if fmt == "pdf":
        from django.contrib.staticfiles import finders

        from lineofsight.reports.pdf import html_to_pdf

        # WeasyPrint reads the stylesheet from disk: the server need not fetch from itself.
        found_css = finders.find("govuk/application.css")
        context["stylesheet"] = Path(found_css).as_uri() if found_css else ""
        html = render_to_string("scrutiny/chairs_report_print.jinja", context, request=request)
        response = HttpResponse(html_to_pdf(html, base_url=request.build_absolute_uri("/")), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{found.code}-chairs-report-{year}.pdf"'
        return response
    return render(request, "scrutiny/chairs_report.jinja", context)


@requires("scrutiny.view")
def issue_history(request, pk: int | None = None):
    found = _get(queries.committee, pk) if pk else None
    words = request.GET.get("q", "").strip()
    since_text = request.GET.get("since", "").strip()
    since, error = None, ""
    if since_text:
        try:
            since = date(int(since_text), 1, 1) if since_text.isdigit() else date.fromisoformat(since_text)
        except ValueError:
            error = "Enter 'since' as a year, like 2017, or a date, like 2017-09-01"
    hits = queries.issue_history(found, words, since, part_b=may(request.user, "scrutiny.view_part_b", found) if found else may(request.user, "scrutiny.edit")) if words and not error else []
    return render(request, "scrutiny/issue_history.jinja", {"committee": found, "words": words, "since": since_text, "hits": hits, "error": error})


@requires("scrutiny.import")
def imports(request):
    committees_list = list(queries.committees())
    form = forms.ImportForm(request.POST or None, request.FILES or None, committees=committees_list)
    if request.method == "POST" and form.is_valid():
        from lineofsight.scrutiny.import_queries import ImportRefused, save_draft
        from lineofsight.scrutiny.minutes_files import parse_upload

        upload = form.cleaned_data["file"]
        draft, problems = parse_upload(upload.name, upload.read())
        chosen: Committee = next(c for c in committees_list if str(c.pk) == form.cleaned_data["committee"])
        try:
            record = save_draft(draft, problems, chosen, source_name=upload.name, user=request.user, meeting_date=form.cleaned_data["meeting_date"])
        except ImportRefused as refused:
            for problem in refused.problems:
                form.add_error("file", problem)
        else:
            messages.success(request, "Minutes read: check the draft below, then confirm it")
            return redirect("scrutiny:import-review", record.pk)
    return render(request, "scrutiny/imports.jinja", {"form": form, "errors": forms.error_summary(form), "pending": list(pending_imports())})


@requires("scrutiny.import")
def import_review(request, pk: int):
    from lineofsight.formats.minutes_draft import MinutesDraft
    from lineofsight.scrutiny.import_queries import confirm, import_record

    record = _get(import_record, pk)
    if request.method == "POST":
        if record.state != "draft":
            messages.error(request, "This import was already confirmed")
        else:
            confirm(record, request.user)
            messages.success(request, "Minutes confirmed: the meeting is now on the public record")
        return redirect("scrutiny:meeting", record.meeting_id)
    draft = MinutesDraft.from_dict(record.draft)
    return render(request, "scrutiny/import_review.jinja", {"record": record, "draft": draft})
