"""The packs page and pack downloads: public packs for everyone, internal ones for the signed in."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import render

from lineofsight.accounts.permissions import may, requires
from lineofsight.performance.pages import queries
from lineofsight.performance.queries import published_versions
from lineofsight.reports import packs, render as rendering
from lineofsight.reports.presenters import pack_rows

PUBLIC = "public_scrutiny"


def audiences_for(user) -> list[str]:
    return [PUBLIC] + (["internal_board"] if may(user, "reports.internal") else [])


@requires("reports.view")
def index(request):
    org = queries.organisation(request.GET.get("org"))
    audiences = audiences_for(request.user)
    published = sorted(published_versions(org), reverse=True) if org else []
    months = published[:12]
    if may(request.user, "performance.view_unpublished") and org:
        # analysts may print the board's pack for a month still under review
        drafts = [m for m in queries.months_with_values(org) if m not in published]
        if drafts and (not months or drafts[-1] > months[0]):
            months = [drafts[-1]] + months
    return render(request, "reports/index.jinja", {"org": org, "rows": pack_rows(org, months, audiences, published=set(published))})


@requires("reports.view")
def download(request, pack: str, month: str, audience: str, fmt: str):
    if pack not in packs.PACKS or fmt not in packs.FORMATS or audience not in packs.AUDIENCES:
        raise Http404("No such pack")
    if audience != PUBLIC and not may(request.user, "reports.internal"):
        return HttpResponseForbidden("Internal packs are for signed-in officers and councillors")
    org = queries.organisation(request.GET.get("org"))
    if org is None:
        raise Http404("No organisation")
    try:
        year, number = month.split("-")
        when = date(int(year), int(number), 1)
    except ValueError:
        raise Http404("No such month") from None
    built = packs.build(pack, org, when, audience, unpublished=may(request.user, "performance.view_unpublished"))
    response = HttpResponse(rendering.render(built, fmt), content_type=packs.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{built.filename(fmt)}"'
    return response
