from django.urls import reverse


def test_api_returns_current_plan_with_derived_status(small_plan, client):
    response = client.get("/api/v1/plan")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "November 2017"
    practice = body["workstreams"][0]
    assert practice["name"] == "Practice" and practice["sro"]["initials"] == "PS"
    actions = {a["ref"]: a for a in practice["priorities"][0]["actions"]}
    assert actions["2.3"]["lead_initials"] == ["BP", "PS"]
    assert actions["2.10"]["milestones"][0]["due_month"] == "2017-12-01"
    assert actions["2.10"]["status"] == "Overdue"


def test_api_without_a_current_plan_is_not_found(db, client):
    assert client.get("/api/v1/plan").status_code == 404


def test_api_url_is_named(small_plan):
    assert reverse("api:plan") == "/api/v1/plan"


def test_api_as_at_a_past_day(small_plan, client):
    body = client.get("/api/v1/plan", {"as_at": "2017-12-12"}).json()
    assert body["as_at"] == "2017-12-12"
    refs = {a["ref"]: a["status"] for w in body["workstreams"] for p in w["priorities"] for a in p["actions"]}
    assert refs["2.10"] == "On track" and refs["6.7"] == "Overdue"


def test_api_refuses_a_malformed_as_at(small_plan, client):
    assert client.get("/api/v1/plan", {"as_at": "December"}).status_code == 422
