import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lineofsight.accounts.middleware import RefuseNulCharactersMiddleware

passthrough = RefuseNulCharactersMiddleware(lambda request: HttpResponse("ok"))


@pytest.mark.parametrize("url", ["/api/v1/indicators?org=%00", "/api/v1/indicators?%00=1", "/plan/%00/", "/x?a=1&a=b%00c"])
def test_a_nul_character_in_the_path_or_query_is_refused_before_any_view(url):
    assert passthrough(RequestFactory().get(url)).status_code == 400


def test_an_ordinary_request_passes_through():
    assert passthrough(RequestFactory().get("/performance/?org=DEMO&show=workers")).content == b"ok"


def test_the_api_is_told_in_its_own_json_error_shape():
    response = passthrough(RequestFactory().get("/api/v1/meetings?committee=%00"))
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
