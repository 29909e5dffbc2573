"""Fuzzing: the JSON API from its OpenAPI description, and the upload page with malformed files. No 500s.

Bounded: a few dozen generated requests an endpoint, a fixed list of hostile files plus a few dozen
random ones. Hypothesis drives the API directly from the schema rather than through schemathesis,
to keep the test dependencies to what the project already installs.
"""

import io
import urllib.parse
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["", " ", "-1", "0", "9" * 30, "2018-13-45", "AMT 2", "../etc/passwd",
                                                          "'; DROP TABLE x; --", "%00", "worker", "team", "service", "\u202e", "1e309"]))
# The edges of the databases' integer columns are sampled directly, not left to chance.
INTS = st.one_of(st.integers(min_value=-(2**63), max_value=2**63), st.sampled_from([0, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**30]))


def operations():
    from lineofsight.config.api import api

    schema = api.get_openapi_schema()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            if method == "get":
                yield path, op.get("parameters", [])


def is_integer(parameter) -> bool:
    """Optional parameters are described as ``anyOf: [{type: integer}, {type: null}]``."""
    schema = parameter.get("schema") or {}
    return "integer" in {schema.get("type"), *(option.get("type") for option in schema.get("anyOf", []))}


def value_for(parameter):
    return INTS.map(str) if is_integer(parameter) else TEXT


def request_strategy(path, parameters):
    path_params = {p["name"]: value_for(p) for p in parameters if p["in"] == "path"}
    query_params = {p["name"]: st.one_of(st.none(), value_for(p)) for p in parameters if p["in"] == "query"}
    # Parameters the description does not know are sent too: they must be ignored, not crash.
    extra = st.dictionaries(st.sampled_from(["breakdown", "show", "format", "limit", "offset", "page"]), TEXT, max_size=2)
    return st.tuples(st.fixed_dictionaries(path_params), st.fixed_dictionaries(query_params), extra)


def url_of(path, path_values, query, extra):
    url = path
    for name, value in path_values.items():
        url = url.replace("{" + name + "}", urllib.parse.quote(value, safe="") or "%20")
    pairs = {k: v for k, v in {**extra, **query}.items() if v is not None}
    return url + ("?" + urllib.parse.urlencode(pairs) if pairs else "")


@pytest.mark.parametrize("path, parameters", list(operations()), ids=[p for p, _ in operations()])
@pytest.mark.parametrize("role", ["public", "performance_analyst"])
def test_the_api_answers_any_request_its_description_allows_without_a_server_error(client_as, path, parameters, role):
    from django.test import Client

    user_client = client_as(role)
    api_client = Client()  # the API returns JSON: no page checks
    api_client.cookies = user_client.cookies

    @FUZZ
    @given(request_strategy(path, parameters))
    def check(generated):
        url = url_of(path, *generated)
        response = api_client.get(url)
        assert response.status_code < 500, f"GET {url} as {role}: {response.status_code}"
        # A %2F in a path segment no longer matches the route: Django's own (HTML) 404, before the API.
        if response.status_code != 404:
            assert response["Content-Type"].startswith("application/json"), f"GET {url}: {response['Content-Type']}"

    check()


INTEGER_EDGES = [2**63, -(2**63) - 1, 10**30]


def integer_parameters():
    for path, parameters in operations():
        for parameter in parameters:
            if is_integer(parameter):
                yield path, parameter


@pytest.mark.parametrize("path, parameter", list(integer_parameters()), ids=[f"{p}:{q['name']}" for p, q in integer_parameters()])
def test_the_api_refuses_a_number_beyond_the_databases_integers_without_a_server_error(client_as, path, parameter):
    from django.test import Client

    api_client = Client()
    api_client.cookies = client_as("performance_analyst").cookies
    for number in INTEGER_EDGES:
        others = {p["name"]: "1" for p in operations_by_path()[path] if p["in"] == "path" and p is not parameter}
        values = {**others, parameter["name"]: str(number)} if parameter["in"] == "path" else others
        query = {parameter["name"]: str(number)} if parameter["in"] == "query" else {}
        url = url_of(path, values, query, {})
        response = api_client.get(url)
        assert response.status_code in {400, 404, 422}, f"GET {url}: {response.status_code}"


def operations_by_path():
    return dict(operations())


# ---- the upload page ---------------------------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><Message><Header>&lol9;</Header></Message>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><Message><Header>&x;</Header></Message>"""

HOSTILE = {
    "empty.csv": b"",
    "nul.csv": b"person_id,dob\x00\n\x00\x00\x00",
    "binary.csv": bytes(range(256)) * 8,
    "headers-only.csv": b"person_id,person_birth_date\n",
    "bad-values.csv": b"person_id,person_birth_date,person_sex\n1,not-a-date,Q\n,,\n" + b"2,1900-01-01," + b"x" * 5000 + b"\n",
    "ragged.csv": b"a,b,c\n1\n1,2,3,4,5\n\"unterminated\n",
    "latin1.csv": "person_id,name\n1,Zoë Müller\n".encode("latin-1"),
    "malformed.xml": b"<Message><Header><Unclosed>",
    "billion-laughs.xml": BILLION_LAUGHS,
    "xxe.xml": XXE,
    "not-a-spreadsheet.xlsx": b"this is not a zip",
    "truncated.zip": zip_of({"ssd_person.csv": b"person_id\n1\n" * 100})[:120],
    "traversal.zip": zip_of({"../../../../tmp/los-escape.csv": b"person_id\n1\n", "/abs/path.csv": b"x\n"}),
    "nested.zip": zip_of({"inner.zip": zip_of({"ssd_person.csv": b"person_id\n1\n"})}),
    "empty.zip": zip_of({}),
    "bomb.zip": zip_of({"ssd_contacts.csv": b"0" * (20 * 1024 * 1024)}),
    "unicode-\u202ename.csv": b"person_id\n1\n",
}


@pytest.fixture
def uploader(client_as, tmp_path, monkeypatch):
    pytest.importorskip("lineofsight.performance.upload.views", reason="the upload page is not built yet")
    monkeypatch.setenv("LINEOFSIGHT_CASE_STORE", str(tmp_path / "casestore.duckdb"))
    client = client_as("performance_analyst")

    def send(name: str, data: bytes):
        return client.post("/performance/upload/", {"org_code": "FUZZ", "file": SimpleUploadedFile(name, data)})

    return send


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_malformed_upload_is_refused_with_a_page_not_a_server_error(uploader, name):
    import os

    response = uploader(name, HOSTILE[name])
    assert response.status_code in {200, 400}, f"{name}: HTTP {response.status_code}"
    page = response.content.decode()
    assert "root:x:0:0" not in page, "an XML external entity was resolved"
    assert not os.path.exists("/tmp/los-escape.csv"), "a zip entry was written outside its folder"


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from([".csv", ".xml", ".xlsx", ".zip"]))
def test_random_bytes_under_any_accepted_extension_never_cause_a_server_error(uploader, data, extension):
    response = uploader(f"random{extension}", data)
    assert response.status_code in {200, 400}


def test_an_upload_over_the_size_limit_is_refused_and_nothing_is_stored(uploader, settings, tmp_path):
    settings.CASE_UPLOAD_MAX_BYTES = 1024
    response = uploader("big.csv", b"person_id\n" + b"1\n" * 2000)
    assert response.status_code in {200, 400}
    assert "smaller than" in response.content.decode()
    assert not (tmp_path / "casestore.duckdb").exists()


# ---- pages addressed by number -----------------------------------------------------------------


def numbered_routes():
    """Every page route with an ``<int:…>`` part, as (route, the names of its int parts)."""
    from django.urls import URLPattern, URLResolver, get_resolver
    from django.urls.converters import IntConverter

    def walk(patterns, prefix=""):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                converters = entry.pattern.converters
                ints = [name for name, converter in converters.items() if isinstance(converter, IntConverter)]
                if ints:
                    yield route, ints

    return sorted(walk(get_resolver().url_patterns))


@pytest.mark.parametrize("number", [2**63, 10**30])
@pytest.mark.parametrize("role", ["administrator", "democratic_services"])
def test_a_page_asked_for_a_number_too_large_for_the_database_is_not_found(client_as, role, number):
    import re

    client = client_as(role)
    routes = numbered_routes()
    assert routes, "no page is addressed by number: the walk found nothing to check"
    for route, _ in routes:
        url = "/" + re.sub(r"<int:\w+>", str(number), re.sub(r"<str:\w+>", "2017-18", route)).lstrip("^").rstrip("$")
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in {302, 400, 403, 404, 405}, f"{method.__name__.upper()} {url} as {role}: {response.status_code}"
