"""The analyst's case-data upload page: the same load as the command line, all or nothing."""

from django.shortcuts import render

from lineofsight.accounts.audit import record_access
from lineofsight.accounts.permissions import requires
from lineofsight.performance.upload.forms import UploadForm
from lineofsight.performance.upload.loads import load_upload
from lineofsight.performance.upload.presenters import ProblemReport, success_rows


@requires("performance.load_case_data")
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    outcome = report = None
    if request.method == "POST" and form.is_valid():
        upload_file, org_code = form.cleaned_data["file"], form.cleaned_data["org_code"]
        outcome = load_upload(upload_file, org_code)
        report = ProblemReport(outcome.problems)
        detail = (f"{org_code} {upload_file.name}: loaded batch {outcome.result.batch_id}, {outcome.result.row_count} rows"
                  if outcome.loaded else f"{org_code} {upload_file.name}: refused, {report.error_count} errors")
        record_access(request.user, what="case data upload", detail=detail)
    form_errors = [{"text": str(message), "href": f"#id_{name}"} for name, messages in form.errors.items() for message in messages]
    return render(request, "performance/upload/upload.jinja", {
        "form": form,
        "form_errors": form_errors,
        "outcome": outcome,
        "report": report,
        "loaded_rows": success_rows(outcome.result) if outcome and outcome.loaded else [],
    })
