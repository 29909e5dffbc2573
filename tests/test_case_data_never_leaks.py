"""A councillor or the public never sees case-level or worker-level data, by any page, query or API call.

Canary values are planted as worker- and team-level results and a draft (unpublished) month; every
page and endpoint is then asked for them by every trick a query string offers. An analyst asking the
indicator page for its worker table must see the worker canary, or this test proves nothing.
"""

from datetime import date

import pytest
from django.urls import reverse

from tests.test_permission_matrix import ENDPOINTS, PAGES, api_operations, url_patterns

WORKER = "Canary Worker 7731"
TEAM = "Canary Team 5150"
DRAFT_NUMERATOR = 8675309.0  # only in the unpublished month
TRICKS = ["", "show=workers", "show=teams", "breakdown=worker", "breakdown=team", "team=T-5150", "worker=W-7731",
          "unpublished=1", "version=2", "format=csv", "export=csv", "download=xlsx", "view=all&show=workers"]
ORG = "CANARY"


@pytest.fixture
def canaries(db):
    perf = pytest.importorskip("lineofsight.performance.pages.catalogue")
    from lineofsight.performance.models import IndicatorValue, Organisation, PublishedMonth, Team

    definitions = perf.load()
    if not definitions:
        pytest.skip("no indicator definitions yet")
    ref = next((d.ref for d in definitions.values() if "worker" in d.breakdowns), next(iter(definitions)))
    org = Organisation.objects.create(code=ORG, name="Canary Borough")
    Team.objects.create(organisation=org, team_id="T-5150", name=TEAM)
    published, draft = date(2026, 9, 1), date(2026, 10, 1)
    rows = [
        dict(month=published, breakdown="service", numerator=5, denominator=10, value=50.0),
        dict(month=draft, breakdown="service", numerator=DRAFT_NUMERATOR, denominator=DRAFT_NUMERATOR * 2, value=50.0),
    ] + [
        row
        for month in (published, draft)
        for row in (
            dict(month=month, breakdown="team", breakdown_key="T-5150", breakdown_label=TEAM, numerator=3, denominator=4, value=75.0),
            dict(month=month, breakdown="worker", breakdown_key="W-7731", breakdown_label=WORKER, numerator=1, denominator=2, value=50.0),
        )
    ]
    for row in rows:
        IndicatorValue.objects.create(organisation=org, indicator_ref=ref, **row)
    PublishedMonth.objects.create(organisation=org, month=published, version=1)
    return perf.slug_for(ref), ref


def _urls(slug, ref):
    patterns = dict(url_patterns())
    for name, rule in PAGES.items():
        if name in patterns and name not in {"accounts:sign-out"}:
            kwargs = {k: (slug if k == "slug" else v) for k, v in rule.kwargs.items()}
            yield reverse(name, kwargs=kwargs)
    built = set(api_operations())
    for operation, rule in ENDPOINTS.items():
        if operation in built and operation.startswith("GET "):
            kwargs = {k: (ref if k == "ref" else v) for k, v in rule.kwargs.items()}
            yield operation.split(" ", 1)[1].format(**kwargs)


def _pack_urls():
    if "reports:download" not in dict(url_patterns()):
        return
    from lineofsight.reports import packs

    for pack in packs.PACKS:
        for audience in packs.AUDIENCES:
            for month in ("2026-09", "2026-10"):
                for fmt in ("html", "xlsx"):
                    yield reverse("reports:download", kwargs={"pack": pack, "month": month, "audience": audience, "fmt": fmt})


def _text_of(response) -> str:
    """The body as text; a spreadsheet's sheets and shared strings unzipped, since xlsx is a zip of XML."""
    import io
    import zipfile

    if response.content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist() if name.endswith(".xml"))
    return response.content.decode(errors="replace")


CANARIES = (WORKER, TEAM, "W-7731", f"{DRAFT_NUMERATOR:,.0f}", f"{DRAFT_NUMERATOR:.0f}")


def _leaks(client, slug, ref):
    found = []
    for url in _pack_urls():
        body = _text_of(client.get(f"{url}?org={ORG}"))
        found += [f"{url} shows {canary!r}" for canary in CANARIES if canary in body]
    for url in _urls(slug, ref):
        for trick in TRICKS:
            query = f"org={ORG}&{trick}" if trick else f"org={ORG}"
            response = client.get(f"{url}?{query}")
            body = _text_of(response)
            for canary in CANARIES:
                if canary in body:
                    found.append(f"{url}?{query} shows {canary!r}")
    return found


@pytest.mark.parametrize("role", ["councillor", "public"])
def test_worker_team_and_draft_figures_never_reach_councillors_or_the_public(canaries, client_as, role):
    slug, ref = canaries
    leaks = _leaks(client_as(role), slug, ref)
    assert not leaks, "\n".join(leaks)


def test_an_analyst_does_see_the_worker_canary_so_the_test_can_fail(canaries, client_as):
    slug, _ = canaries
    page = client_as("performance_analyst").get(reverse("performance:indicator", kwargs={"slug": slug}) + f"?org={ORG}&show=workers")
    assert page.status_code == 200
    body = page.content.decode()
    assert WORKER in body, "the worker table no longer shows with ?show=workers: update TRICKS and this check"
    assert any(c in body for c in CANARIES[3:]), "the draft month's numerator no longer shows to analysts: update the draft canary"
