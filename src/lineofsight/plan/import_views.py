"""The programme office's plan import page, and the current plan as a template to start from.

The page runs the same import as ``lineofsight import-plan``: the file is checked whole, a file with
any problem is refused and nothing is stored, and a clean file is stored in one transaction.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from lineofsight.accounts.audit import record_change
from lineofsight.accounts.models import AuditEvent
from lineofsight.accounts.permissions import requires
from lineofsight.plan import importing, loading_queries, queries
from lineofsight.plan.template import SHEETS
from lineofsight.plan.template_files import TemplateFileError, csv_path

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COMPANIONS = [sheet for sheet in SHEETS if sheet != "actions"]
MAX_SHOWN = 500


def max_bytes() -> int:
    # A whole plan is tens of kilobytes; the request-body limit is already far more than enough.
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class PlanImportForm(forms.Form):
    file = forms.FileField(error_messages={"required": "Choose the plan file to upload", "empty": "The chosen file is empty"})
    name = forms.CharField(max_length=100, error_messages={
        "required": "Enter the plan's name", "max_length": "The plan's name must be 100 characters or fewer"})
    make_current = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], error_messages={
        "required": "Select whether to make this the current plan", "invalid_choice": "Select yes or no"})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix == ".csv":
            raise forms.ValidationError("Upload the CSV files together as one .zip: plan.csv with plan-workstreams.csv, "
                                        "plan-priorities.csv, plan-recommendations.csv and plan-officers.csv")
        if suffix not in (".xlsx", ".zip"):
            raise forms.ValidationError("The file must be an .xlsx workbook or a .zip of the template's CSV files")
        if upload.size > max_bytes():
            raise forms.ValidationError(f"The file must be smaller than {max_bytes() // (1024 * 1024)} MB")
        # Both an XLSX workbook and a .zip are zip archives: anything else only wears the name.
        upload.seek(0)
        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError(f"The file is not a real {suffix} file: save it again as {suffix} and upload that")
        upload.seek(0)
        return upload

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the plan's name")
        if loading_queries.plan_exists(name):
            raise forms.ValidationError(f"A plan named {name!r} is already stored: choose another name")
        return name

    def error_list(self) -> list[dict]:
        """Entries for govukErrorSummary, each linking to its field."""
        return [{"text": str(message), "href": f"#{name}"} for name, errors in self.errors.items() for message in errors]


@contextlib.contextmanager
def saved_template(upload):
    """The path to import: the saved workbook, or the actions CSV unpacked from a .zip beside its companions."""
    folder = Path(tempfile.mkdtemp(prefix="lineofsight-plan-"))
    try:
        name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.name).name) or "plan"
        target = folder / name
        with target.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            yield target if target.suffix.lower() == ".xlsx" else _unzip_csvs(target, folder / "unpacked")
        except TemplateFileError as error:
            # Messages name our temporary copy; the person uploading knows only their file's own name.
            raise TemplateFileError(str(error).replace(f"{folder}/unpacked/", "").replace(f"{folder}/", "")) from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unzip_csvs(archive_path: Path, folder: Path) -> Path:
    folder.mkdir()
    budget = max_bytes() * 10  # CSVs compress well, but a plan never unpacks to more than this
    try:
        with zipfile.ZipFile(archive_path) as archive:
            for info in archive.infolist():
                name = Path(info.filename).name  # flattened: no folders, no ../ traversal
                if info.is_dir() or name.startswith(".") or "__MACOSX" in info.filename or not name.lower().endswith(".csv"):
                    continue
                with archive.open(info) as source:
                    data = source.read(budget + 1)  # read at most the budget, whatever the header claims
                budget -= len(data)
                if budget < 0:
                    raise TemplateFileError(f"{archive_path.name}: unpacks to more than {max_bytes() * 10 // (1024 * 1024)} MB")
                (folder / name).write_bytes(data)
    # zipfile raises NotImplementedError for a compression method it lacks, RuntimeError for encryption.
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as error:
        raise TemplateFileError(f"{archive_path.name}: the zip file cannot be opened ({error})") from error
    return _actions_csv(folder, archive_path.name)


def _actions_csv(folder: Path, zip_name: str) -> Path:
    """The CSV holding the actions: not named as a companion, and with the most companions beside it."""
    def companions(path):
        return sum(csv_path(path, sheet).exists() for sheet in COMPANIONS)

    candidates = [p for p in sorted(folder.glob("*.csv")) if not any(p.stem.endswith(f"-{sheet}") for sheet in COMPANIONS)]
    best = max(map(companions, candidates), default=0)
    chosen = [p for p in candidates if companions(p) == best]
    if len(chosen) != 1:
        raise TemplateFileError(f"{zip_name}: put one set of template CSVs in the zip: plan.csv with plan-workstreams.csv, "
                                "plan-priorities.csv, plan-recommendations.csv and plan-officers.csv")
    return chosen[0]


def problem_rows(problems) -> list[list[dict]]:
    """Rows for govukTable: sheet, row, field and message.

    >>> from lineofsight.plan.template import Problem
    >>> [cell["text"] for cell in problem_rows([Problem("actions", 3, "lead", "unknown lead officer 'ZZ'")])[0]]
    ['actions', '3', 'lead', "unknown lead officer 'ZZ'"]
    """
    return [[{"text": p.sheet}, {"text": str(p.row) if p.row else "", "format": "numeric"}, {"text": p.field}, {"text": p.message}]
            for p in problems[:MAX_SHOWN]]


def problem_summary(problems) -> list[dict]:
    """The first ten problems for the error summary, each linking to the table."""
    items = [{"text": str(p), "href": "#problems"} for p in problems[:10]]
    if len(problems) > 10:
        items.append({"text": f"…and {len(problems) - 10} more problems, listed below", "href": "#problems"})
    return items


def counts_text(data) -> str:
    """What a plan holds, for the success message.

    >>> from lineofsight.plan.template import PlanData, WorkstreamRow
    >>> counts_text(PlanData(workstreams=[WorkstreamRow(1, "Practice")]))
    '1 workstream, 0 priorities, 0 actions and 0 milestones'
    """
    milestones = sum(len(a.milestones) for a in data.actions)
    words = [f"{n} {one if n == 1 else many}" for n, one, many in (
        (len(data.workstreams), "workstream", "workstreams"), (len(data.priorities), "priority", "priorities"),
        (len(data.actions), "action", "actions"), (milestones, "milestone", "milestones"))]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _current_plan_name() -> str | None:
    try:
        return queries.current_plan().name
    except queries.NoCurrentPlan:
        return None


def _page(request, form, problems=(), file_error=None):
    problems = list(problems)
    errors = form.error_list() if form.is_bound else []
    if file_error:
        errors.append({"text": file_error, "href": "#file"})
    return render(request, "plan/import.jinja", {
        "form": form,
        "raw": form.data if form.is_bound else {},
        "errors": errors,
        "file_error": file_error or (form.errors["file"][0] if "file" in form.errors else None),
        "problems": problems,
        "problem_summary": problem_summary(problems),
        "problem_rows": problem_rows(problems),
        "not_shown": max(len(problems) - MAX_SHOWN, 0),
        "current_plan": _current_plan_name(),
        "max_mb": max_bytes() // (1024 * 1024),
    })


@requires("plan.import")
def import_plan(request):
    if request.method != "POST":
        return _page(request, PlanImportForm())
    form = PlanImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    upload, name, make_current = form.cleaned_data["file"], form.cleaned_data["name"], form.cleaned_data["make_current"] == "yes"
    replaced = _current_plan_name() if make_current else None
    try:
        with saved_template(upload) as path, transaction.atomic():
            plan = importing.import_plan(path, name, make_current=make_current)
            _, data = loading_queries.stored_plan(plan.name)
            counts = counts_text(data)
            record_change(request.user, plan, kind=AuditEvent.CREATE, after={"name": plan.name, "is_current": plan.is_current, "file": upload.name},
                          summary=f"Imported plan {plan.name!r} from {upload.name}: {counts}"
                                  + (f"; now current, replacing {replaced!r}" if replaced else ""))
    except importing.ImportRefused as refused:
        return _page(request, form, problems=refused.problems)
    except TemplateFileError as error:
        return _page(request, form, file_error=str(error))
    except loading_queries.PlanExists:  # someone stored the same name since the form was checked
        form.add_error("name", f"A plan named {name!r} is already stored: choose another name")
        return _page(request, form)
    where = "It is now the current plan." if plan.is_current else "It is stored but is not the current plan."
    messages.success(request, f"Plan {plan.name!r} imported: {counts}. {where}")
    return redirect(reverse("plan:overview"))


@requires("plan.view")
def export_plan(request):
    """The current plan as an XLSX template: edit it and import it as next year's plan."""
    name = _current_plan_name()
    if name is None:
        raise Http404("No improvement plan is current")
    with tempfile.TemporaryDirectory(prefix="lineofsight-plan-") as folder:
        path = Path(folder) / "plan.xlsx"
        importing.export_plan(path, name)
        content = path.read_bytes()
    response = HttpResponse(content, content_type=XLSX_TYPE)
    filename = re.sub(r"[^A-Za-z0-9-]+", "-", name).strip("-").lower() or "plan"
    response["Content-Disposition"] = f'attachment; filename="improvement-plan-{filename}.xlsx"'
    return response
