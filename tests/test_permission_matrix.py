"""Every URL and every API endpoint, for every role: allowed or refused, as the specification says.

The table below is written from the specification, not copied from ``accounts/permissions.py``: the
test compares the two, then asks the running app. A URL or endpoint missing from the table fails the
test, so a new page is not reachable until someone decides who may see it.

To add a page: one line in ``PAGES`` (URL name → who may, sample kwargs if it takes any).
To add an endpoint: one line in ``ENDPOINTS`` ("METHOD /api/v1/path" → who may, sample path values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lineofsight.accounts.middleware import declared_action
from lineofsight.accounts.permissions import (
    ADMINISTRATOR as ADMIN,
    COUNCILLOR,
    DEMOCRATIC_SERVICES as DEMOCRATIC,
    LEAD_OFFICER as LEAD,
    PERFORMANCE_ANALYST as ANALYST,
    PROGRAMME_OFFICER as PROGRAMME,
    PUBLIC,
    SERVICE_MANAGER as MANAGER,
    TARGET_OWNER as OWNER,
    may,
)
from tests.conftest import ALL_ROLES

EVERYONE = frozenset(ALL_ROLES)
SIGNED_IN = EVERYONE - {PUBLIC}
ANALYSTS = frozenset({ADMIN, ANALYST})
ADMIN_ONLY = frozenset({ADMIN})
PLAN_EDITORS = frozenset({ADMIN, PROGRAMME})
CLERKS = frozenset({ADMIN, DEMOCRATIC})


@dataclass(frozen=True)
class Rule:
    who: frozenset[str]  # roles allowed on every object
    own: frozenset[str] = frozenset()  # roles allowed only on objects they own (owner_user_ids)
    kwargs: dict = field(default_factory=dict)  # sample URL arguments
    query: str = ""


# ---- the table: pages --------------------------------------------------------------------------
PAGES: dict[str, Rule] = {
    "core:home": Rule(EVERYONE),
    "core:patterns": Rule(EVERYONE),
    "accounts:sign-in": Rule(EVERYONE),
    "accounts:sign-out": Rule(EVERYONE),
    "accounts:audit-log": Rule(ADMIN_ONLY),
    # improvement plan: everyone reads it; the programme office edits; lead officers update their own actions
    "plan:overview": Rule(EVERYONE),
    "plan:timetabled": Rule(EVERYONE),
    "plan:priority": Rule(EVERYONE, kwargs={"number": 1}),
    "plan:action": Rule(EVERYONE, kwargs={"ref": "1.1"}),
    "plan:update-action": Rule(PLAN_EDITORS, own=frozenset({LEAD}), kwargs={"ref": "1.1"}),
    "plan:import": Rule(PLAN_EDITORS),
    "plan:export": Rule(EVERYONE),
    # performance: published, suppressed aggregates are public; case and worker level for analysts only
    "performance:dashboard": Rule(EVERYONE),
    "performance:indicator": Rule(EVERYONE, kwargs={"slug": "amt-2"}),
    "performance:workforce": Rule(SIGNED_IN),
    "performance:upload": Rule(ANALYSTS),
    "performance:publish": Rule(ANALYSTS),
    # scrutiny: Part A public; committees' own members see their Part B; democratic services edit
    "scrutiny:committees": Rule(EVERYONE),
    "scrutiny:committee": Rule(EVERYONE, kwargs={"pk": 1}),
    "scrutiny:committee-issue-history": Rule(EVERYONE, kwargs={"pk": 1}),
    "scrutiny:chairs-report": Rule(EVERYONE, kwargs={"pk": 1, "year": "2017-18"}),
    "scrutiny:chairs-report-text": Rule(EVERYONE, kwargs={"pk": 1, "year": "2017-18"}),
    "scrutiny:chairs-report-pdf": Rule(EVERYONE, kwargs={"pk": 1, "year": "2017-18"}),
    "scrutiny:issue-history": Rule(EVERYONE),
    "scrutiny:meeting": Rule(EVERYONE, kwargs={"pk": 1}),
    "scrutiny:meeting-paperwork": Rule(CLERKS, kwargs={"pk": 1}),
    "scrutiny:declaration-new": Rule(CLERKS, kwargs={"pk": 1}),
    "scrutiny:recommendation-new": Rule(CLERKS, kwargs={"item_pk": 1}),
    "scrutiny:action-new": Rule(CLERKS, kwargs={"item_pk": 1}),
    "scrutiny:action-edit": Rule(CLERKS, kwargs={"pk": 1}),
    "scrutiny:tracker": Rule(EVERYONE),
    "scrutiny:recommendation": Rule(EVERYONE, kwargs={"pk": 1}),
    "scrutiny:response-new": Rule(CLERKS, kwargs={"pk": 1}),
    "scrutiny:recommendation-implemented": Rule(CLERKS, kwargs={"pk": 1}),
    "scrutiny:to-do": Rule(CLERKS),
    "scrutiny:imports": Rule(CLERKS),
    "scrutiny:import-review": Rule(CLERKS, kwargs={"pk": 1}),
    # reports: the public pack for everyone; the internal pack is checked inside the view (see below)
    "reports:index": Rule(EVERYONE),
    "reports:download": Rule(EVERYONE, kwargs={"pack": "indicators", "month": "2026-09", "audience": "public_scrutiny", "fmt": "html"}),
}
# Names the table may hold before their page lands; they must resolve once the page exists.
PLANNED: set[str] = set()

# ---- the table: API endpoints (paths as in the OpenAPI description) ----------------------------
ENDPOINTS: dict[str, Rule] = {
    "GET /api/v1/plan": Rule(EVERYONE),
    "GET /api/v1/me": Rule(SIGNED_IN),
    "GET /api/v1/indicators": Rule(EVERYONE),
    "GET /api/v1/indicators/{ref}/values": Rule(EVERYONE, kwargs={"ref": "AMT 2"}),
    "GET /api/v1/meetings": Rule(EVERYONE),
    "GET /api/v1/meetings/{meeting_id}": Rule(EVERYONE, kwargs={"meeting_id": 1}),
    "GET /api/v1/recommendations": Rule(EVERYONE),
}
# The API's own description and docs page are public; they are URLs, not endpoints in the description.
API_META = {"api:openapi-json", "api:openapi-view", "api:api-root"}
# Actions that carry case-level or worker-level data: never for a councillor or the public.
CASE_LEVEL_ACTIONS = {"performance.view_case_level", "performance.view_worker", "performance.load_case_data",
                      "performance.view_unpublished", "performance.view_team"}


def url_patterns():
    """(name, pattern) for every named URL outside the admin, walking includes."""

    def walk(patterns, namespace=None):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                yield (f"{namespace}:{entry.name}" if namespace else entry.name or str(entry.pattern)), entry

    return [(name, pattern) for name, pattern in walk(get_resolver().url_patterns)
            if not name.startswith("admin:")]


def api_operations():
    from lineofsight.config.api import api

    schema = api.get_openapi_schema()
    return sorted(f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops)


def expected(rule: Rule, role: str) -> str:
    if role in rule.who:
        return "allowed"
    return "own" if role in rule.own else "refused"


# ---- the table covers the app, and the app the table ---------------------------------------------


def test_every_page_has_a_row_in_the_table():
    missing = sorted(name for name, _ in url_patterns() if name not in PAGES and not name.startswith("api:"))
    assert not missing, f"add these URL names to PAGES in {__file__} (who may see them?): {missing}"


def test_every_api_endpoint_has_a_row_in_the_table():
    missing = [op for op in api_operations() if op not in ENDPOINTS]
    assert not missing, f"add these endpoints to ENDPOINTS in {__file__} (who may call them?): {missing}"


def test_every_page_declares_a_permission_rule():
    undeclared = sorted(name for name, pattern in url_patterns()
                        if not name.startswith("api:") and declared_action(pattern.callback) is None)
    assert not undeclared, f"decorate these views with @requires(...): {undeclared}"


def test_table_rows_name_pages_that_exist_or_are_planned():
    names = {name for name, _ in url_patterns()}
    stale = sorted(set(PAGES) - names - PLANNED)
    assert not stale, f"these PAGES rows name no URL: remove or rename them: {stale}"


def test_no_action_grants_case_or_worker_level_data_to_councillors_or_the_public(user_with_role):
    from django.contrib.auth.models import AnonymousUser

    councillor = user_with_role(COUNCILLOR)
    for action in CASE_LEVEL_ACTIONS:
        assert not may(councillor, action), action
        assert not may(AnonymousUser(), action), action


# ---- each page, each role ------------------------------------------------------------------------


def _pages():
    patterns = dict(url_patterns())
    return [(name, patterns[name]) for name in PAGES if name in patterns]


PAGE_CASES = [pytest.param(name, role, id=f"{name}-{role}") for name in PAGES for role in ALL_ROLES]


def _resolve_case(name):
    patterns = dict(url_patterns())
    if name not in patterns:
        pytest.skip(f"{name} is not built yet (planned in the table)")
    return patterns[name], PAGES[name]


@pytest.mark.parametrize("name, role", PAGE_CASES)
def test_declared_rule_matches_the_table(name, role, user_with_role):
    pattern, rule = _resolve_case(name)
    action = declared_action(pattern.callback)
    user = None if role == PUBLIC else user_with_role(role)
    from django.contrib.auth.models import AnonymousUser

    user = user or AnonymousUser()
    want = expected(rule, role)
    assert may(user, action) is (want != "refused"), f"{name} ({action}) for {role}: the table says {want}"
    if want == "own":
        someone_else = SimpleNamespace(owner_user_ids=lambda: {-1})
        own = SimpleNamespace(owner_user_ids=lambda: {user.id})
        assert not may(user, action, someone_else), f"{role} may {action} on others' objects"
        assert may(user, action, own), f"{role} may not {action} on their own objects"


@pytest.mark.parametrize("name, role", PAGE_CASES)
def test_page_answers_each_role_as_the_table_says(name, role, client_as):
    pattern, rule = _resolve_case(name)
    url = reverse(name, kwargs=rule.kwargs) + (f"?{rule.query}" if rule.query else "")
    client = client_as(role)
    response = client.get(url)
    want = expected(rule, role)
    refused_status = {302} if role == PUBLIC else {403}
    if want == "allowed":
        # 404: the sample object does not exist in an empty database; the rule was checked above.
        assert response.status_code in {200, 302, 404, 405}, f"{role} GET {url}: {response.status_code}"
        if response.status_code == 302:
            assert "/accounts/sign-in/" not in response["Location"], f"{role} sent to sign in at {url}"
    elif want == "own":
        # the sample object is not theirs (or not there): refused either way
        assert response.status_code in {403, 404}, f"{role} GET {url} of someone else's object: {response.status_code}"
    else:
        assert response.status_code in refused_status, f"{role} GET {url}: {response.status_code}, expected refusal"
        if role == PUBLIC:
            assert "/accounts/sign-in/" in response["Location"]


# ---- each endpoint, each role --------------------------------------------------------------------

API_CASES = [pytest.param(op, role, id=f"{op}-{role}") for op in ENDPOINTS for role in ALL_ROLES]


@pytest.mark.parametrize("operation, role", API_CASES)
def test_endpoint_answers_each_role_as_the_table_says(operation, role, client_as):
    if operation not in api_operations():
        pytest.skip(f"{operation} is not built yet (planned in the table)")
    rule = ENDPOINTS[operation]
    method, path = operation.split(" ", 1)
    url = path.format(**rule.kwargs) + (f"?{rule.query}" if rule.query else "")
    response = client_as(role).generic(method, url)
    want = expected(rule, role)
    if want == "allowed":
        assert response.status_code in {200, 404}, f"{role} {method} {url}: {response.status_code} {response.content[:200]!r}"
    else:
        assert response.status_code in ({401} if role == PUBLIC else {403}) | ({404} if want == "own" else set()), (
            f"{role} {method} {url}: {response.status_code}, expected refusal")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_internal_packs_only_for_signed_in_users(role, client_as):
    if "reports:download" not in dict(url_patterns()):
        pytest.skip("packs are not built yet")
    url = reverse("reports:download", kwargs={"pack": "indicators", "month": "2026-09", "audience": "internal_board", "fmt": "html"})
    status = client_as(role).get(url).status_code
    assert status in ({403, 302} if role == PUBLIC else {200, 404}), f"{role}: {status}"


@pytest.mark.parametrize("name", sorted(API_META))
def test_the_api_description_is_public(name, db):
    from django.test import Client

    try:
        url = reverse(name)
    except Exception:
        pytest.skip(f"{name} is not mounted")
    response = Client().get(url)  # ninja's own pages, not held to our page checks
    assert response.status_code in {200, 404}  # 404: api-root lists nothing
    assert response.status_code != 403


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != ADMIN])
def test_only_administrators_reach_the_django_admin(role, client_as):
    response = client_as(role).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_administrators_reach_the_django_admin(user_with_role):
    from django.test import Client

    admin = Client()  # the admin's pages are Django's own, not held to our page checks
    admin.force_login(user_with_role(ADMIN))
    assert admin.get("/admin/").status_code == 200
