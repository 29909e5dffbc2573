"""A machine client with a token gets its account's view of the API, end to end through the URL conf."""

import pytest
from django.test import Client

from tests.test_case_data_never_leaks import ORG, WORKER, canaries  # noqa: F401  (the canaries fixture)

pytest.importorskip("lineofsight.performance.api", reason="the indicators API is not built yet")


def call(token, ref, **query):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().get(f"/api/v1/indicators/{ref}/values", {"org": ORG, **query}, **headers)


def test_an_analysts_token_reads_the_worker_breakdown(canaries, token_for):  # noqa: F811
    _, ref = canaries
    response = call(token_for("performance_analyst"), ref, breakdown="worker")
    assert response.status_code == 200
    assert WORKER in response.content.decode()


def test_a_councillors_token_is_refused_the_worker_breakdown_but_reads_the_service_series(canaries, token_for):  # noqa: F811
    _, ref = canaries
    token = token_for("councillor")
    assert call(token, ref, breakdown="worker").status_code == 403
    service = call(token, ref)
    assert service.status_code == 200 and WORKER not in service.content.decode()


def test_a_wrong_or_revoked_token_is_refused_not_treated_as_public(canaries, token_for):  # noqa: F811
    from lineofsight.accounts.models import ApiToken

    _, ref = canaries
    token = token_for("performance_analyst")
    assert call(token + "-tampered", ref).status_code == 401
    ApiToken.objects.update(revoked=True)
    assert call(token, ref).status_code == 401
    assert call(None, ref).status_code == 200  # the same request with no token at all is the public's


def test_me_names_the_tokens_account_and_roles(token_for):
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("api:me")
    except NoReverseMatch:
        pytest.skip("/api/v1/me is not mounted yet: config/api.py needs api.add_router('/', accounts_router)")
    response = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {token_for('service_manager', username='etl')}")
    assert response.json() == {"username": "etl", "roles": ["service_manager"]}
    assert Client().get(url).status_code == 401
