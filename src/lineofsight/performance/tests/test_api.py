"""GET /api/v1/indicators and /api/v1/indicators/{ref}/values: visibility, suppression, breakdowns, audit."""

from datetime import date

import pytest

from lineofsight.accounts.models import AuditEvent
from lineofsight.performance import queries

pytestmark = pytest.mark.django_db
MONTHS = [date(2018, month, 1) for month in range(1, 7)]


def _row(month, numerator, denominator, breakdown="service", key="", label="", ref="AMT 2"):
    return {"indicator_ref": ref, "month": month, "breakdown": breakdown, "breakdown_key": key, "breakdown_label": label,
            "numerator": numerator, "denominator": denominator, "value": numerator / denominator * 100, "no_data_reason": "", "batches": [1]}


@pytest.fixture
def org():
    org = queries.ensure_organisation("AAA", "A council")
    queries.sync_teams(org, [("T1", "Assessment 1"), ("T2", "Care Planning 2")])
    rows = [_row(month, 30 + index, 40) for index, month in enumerate(MONTHS)]
    rows += [_row(MONTHS[-1], 3, 4, "team", "T1", "Assessment 1"), _row(MONTHS[-1], 30, 36, "team", "T2", "Care Planning 2")]
    rows += [_row(MONTHS[-1], 2, 2, "worker", "W1", "Worker One")]
    queries.save_results(org, queries.start_run(org, MONTHS[0], MONTHS[-1], [1]), rows)
    for month in MONTHS[:-1]:
        queries.publish_month(org, month)
    return org


def test_amt_2_values_for_the_public_are_published_months_only(client, org):
    response = client.get("/api/v1/indicators/AMT%202/values?org=AAA")
    assert response.status_code == 200
    values = response.json()["values"]
    assert [v["month"] for v in values] == [m.isoformat() for m in MONTHS[:-1]]
    assert values[0]["rag"]["label"] == "Red"  # 30 of 40 is 75%, under the 85% Amber edge


def test_amt_2_slug_and_encoded_ref_give_the_same_series(client, org):
    assert client.get("/api/v1/indicators/amt-2/values?org=AAA").json() == client.get("/api/v1/indicators/AMT%202/values?org=AAA").json()


def test_amt_2_analyst_sees_the_unpublished_month(client_as, org):
    values = client_as("performance_analyst").get("/api/v1/indicators/amt-2/values?org=AAA").json()["values"]
    assert values[-1]["month"] == MONTHS[-1].isoformat() and values[-1]["is_published"] is False


def test_amt_2_team_breakdown_refused_to_the_public_and_councillors(client_as, org):
    assert client_as("public").get("/api/v1/indicators/amt-2/values?org=AAA&breakdown=team").status_code == 403


def test_amt_2_service_manager_sees_only_the_teams_they_manage(client, user_with_role, org):
    manager = user_with_role("service_manager")
    queries.team(org, "T1").managers.add(manager)
    client.force_login(manager)
    values = client.get("/api/v1/indicators/amt-2/values?org=AAA&breakdown=team").json()["values"]
    # the team rows are in the unpublished month, which a manager does not see
    assert {v["breakdown_key"] for v in values} <= {"T1"}


def test_amt_2_worker_breakdown_is_audited(client_as, org):
    response = client_as("performance_analyst").get("/api/v1/indicators/amt-2/values?org=AAA&breakdown=worker")
    assert [v["breakdown_key"] for v in response.json()["values"]] == ["W1"]
    assert AuditEvent.objects.filter(kind=AuditEvent.VIEW_CASE_DATA, summary__contains="AMT 2").count() == 1


def test_cp_5_public_sees_a_count_of_3_and_its_rate_as_c(client, org):
    queries.save_results(org, queries.start_run(org, MONTHS[0], MONTHS[0], [1]), [_row(MONTHS[0], 3, 12, ref="CP 5")])
    queries.publish_month(org, MONTHS[0])
    value = client.get("/api/v1/indicators/cp-5/values?org=AAA").json()["values"][0]
    assert (value["numerator"], value["denominator"], value["value"], value["rag"]["status"]) == ("c", 12, "c", "suppressed")


def test_indicator_list_has_every_definition_with_rag_and_spc(client_as, org):
    body = client_as("performance_analyst").get("/api/v1/indicators?org=AAA").json()
    amt = next(item for item in body if item["ref"] == "AMT 2")
    # June: 35 of 40 is 87.5%, in the 85%-95% Amber band
    assert amt["latest"]["month"] == MONTHS[-1].isoformat() and amt["latest"]["rag"]["status"] == "amber"
    assert amt["spc"]["points"] == 6 and amt["spc"]["variation"]
    assert next(item for item in body if item["ref"] == "QA 2")["latest"] is None


def test_indicator_list_for_the_main_dashboard_leaves_out_workforce_measures(client, org):
    refs = [item["ref"] for item in client.get("/api/v1/indicators?org=AAA&dashboard=main").json()]
    assert "AMT 2" in refs and not any(ref.startswith("WF") for ref in refs)


def test_unknown_indicator_is_404(client, org):
    assert client.get("/api/v1/indicators/zz-9/values?org=AAA").status_code == 404
