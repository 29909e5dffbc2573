import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from lineofsight.accounts.models import AuditEvent
from lineofsight.performance.models import ActionLogEntry, Commentary, ComputeRun, IndicatorOwner, Team
from lineofsight.performance.pages.tests import factories as f

pytestmark = pytest.mark.django_db

AMT2 = "/performance/indicators/amt-2/"


@pytest.fixture
def org():
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7])
    f.series(org, "FD 8", [21.0, 10.0, 28.0, 19.0, 24.0, 23.0, 18.0])
    return org


def test_dashboard_judges_each_indicator_with_word_and_distance(client_as, org):
    html = client_as("performance_analyst").get("/performance/").content.decode()
    assert "67.7%" in html
    assert "govuk-tag--red" in html and ">Red<" in html.replace("\n", "").replace(" ", "")
    assert "27.3 points short of the 95% target" in html
    assert "Down 10.8 percentage points since Sep 2017 (worse)" in html


def test_exceptions_view_shows_only_red_or_concern(client_as, org):
    html = client_as("performance_analyst").get("/performance/?view=exceptions").content.decode()
    assert "AMT 2" in html
    assert "FD 8" not in html  # 18% against a 22% lower-is-better target is Green


def test_area_filter_keeps_one_area(client_as, org):
    html = client_as("performance_analyst").get("/performance/?area=Front+door").content.decode()
    assert "FD 8" in html and "amt-2" not in html


def test_team_filter_shows_the_team_values_to_its_manager(client, user_with_role, org):
    manager = user_with_role("service_manager")
    team = Team.objects.create(organisation=org, team_id="T1", name="Assessment team")
    team.managers.add(manager)
    f.series(org, "AMT 2", [40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0], breakdown="team", key="T1", label="Assessment team")
    f.publish(org, *[f.month(i) for i in range(7)])
    client.force_login(manager)
    html = client.get("/performance/?team=T1").content.decode()
    assert "Assessment team" in html and "46.0%" in html


def test_workforce_dashboard_needs_signing_in(client, org):
    assert client.get("/performance/workforce/").status_code == 302


def test_workforce_dashboard_renders_for_councillors(client_as, org):
    assert client_as("councillor").get("/performance/workforce/").status_code == 200


def test_indicator_page_states_bands_in_words_and_polarity(client_as, org):
    f.publish(org, *[f.month(i) for i in range(7)])
    html = client_as("councillor").get(AMT2).content.decode()
    assert "Green: 95% or more" in html
    assert "Higher is better" in html
    assert "los-chart" in html and "Target 95" in html


def test_public_sees_no_commentary_form_and_no_worker_link(client, org):
    html = client.get(AMT2).content.decode()
    assert "Add commentary" not in html
    assert "show=workers" not in html


def test_analyst_adds_commentary_which_is_appended_and_audited(client_as, org):
    client = client_as("performance_analyst")
    data = {"form": "commentary", "commentary-month": "2017-10-01", "commentary-improvement_activity": "Best Start team on rota", "commentary-next_steps": ""}
    assert client.post(f"{AMT2}?org=TEST", data).status_code == 302
    data["commentary-improvement_activity"] = "Scoping the workflow"
    client.post(f"{AMT2}?org=TEST", data)
    assert Commentary.objects.filter(indicator_ref="AMT 2").count() == 2
    assert AuditEvent.objects.filter(object_type="performance.commentary", kind=AuditEvent.CREATE).count() == 2
    html = client.get(AMT2).content.decode()
    assert html.index("Scoping the workflow") < html.index("Best Start team on rota")


def test_empty_commentary_shows_an_error_summary(client_as, org):
    response = client_as("performance_analyst").post(AMT2, {"form": "commentary", "commentary-month": "2017-10-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and 'href="#id_commentary-improvement_activity"' in html
    assert Commentary.objects.count() == 0


def test_target_owner_writes_only_for_their_own_indicator(client, user_with_role, org):
    owner = user_with_role("target_owner")
    IndicatorOwner.objects.create(organisation=org, indicator_ref="AMT 2", owner_initials="MK").users.add(owner)
    client.force_login(owner)
    data = {"form": "action-log", "action-log_ref": "Oct-01", "action-action": "Map the workflow", "action-when_text": "Dec-17", "action-complete": ""}
    assert client.post(AMT2, data).status_code == 302
    assert client.post("/performance/indicators/fd-8/", data).status_code == 403
    assert ActionLogEntry.objects.count() == 1


def test_action_log_update_keeps_the_earlier_version(client_as, org):
    client = client_as("performance_analyst")
    base = {"form": "action-log", "action-log_ref": "Oct-01", "action-action": "Recruit a team", "action-when_text": "Dec-17"}
    client.post(AMT2, {**base, "action-complete": "Ongoing"})
    client.post(AMT2, {**base, "action-complete": "Y"})
    html = client.get(AMT2).content.decode()
    assert ActionLogEntry.objects.filter(log_ref="Oct-01").count() == 2
    assert "(earlier version)" in html


def test_worker_breakdown_is_logged_when_viewed(client_as, org):
    f.series(org, "AMT 2", [50.0] * 7, breakdown="worker", key="W9", label="Worker W9")
    client = client_as("performance_analyst")
    assert "Worker W9" not in client.get(AMT2).content.decode()
    assert AuditEvent.objects.filter(kind=AuditEvent.VIEW_CASE_DATA).count() == 0
    assert "Worker W9" in client.get(f"{AMT2}?org=TEST&show=workers").content.decode()
    assert AuditEvent.objects.filter(kind=AuditEvent.VIEW_CASE_DATA).count() == 1


def test_worker_breakdown_is_refused_quietly_to_councillors(client_as, org):
    f.series(org, "AMT 2", [50.0] * 7, breakdown="worker", key="W9", label="Worker W9")
    html = client_as("councillor").get(f"{AMT2}?show=workers").content.decode()
    assert "Worker W9" not in html


def test_manager_cannot_filter_to_another_managers_team(client, user_with_role, org):
    Team.objects.create(organisation=org, team_id="T2", name="Care planning team")
    f.series(org, "AMT 2", [30.0] * 7, breakdown="team", key="T2", label="Care planning team")
    f.publish(org, *[f.month(i) for i in range(7)])
    client.force_login(user_with_role("service_manager"))
    html = client.get("/performance/?team=T2").content.decode()
    assert "30.0%" not in html and "67.7%" in html


def test_workforce_dashboard_shows_each_team_and_the_whole_service(client_as, org):
    for key, label, count in (("T1", "Assessment", 20.0), ("T2", "Care Planning", 30.0)):
        f.series(org, "WF 6", [count] * 7, denominator=None, breakdown="team", key=key, label=label)
    f.series(org, "WF 6", [50.0] * 6 + [53.0], denominator=None)
    soup = BeautifulSoup(client_as("performance_analyst").get("/performance/workforce/").content.decode(), "html5lib")
    table = soup.find("caption", string=lambda t: t and t.startswith("Workforce by team")).parent
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == ["Measure", "Assessment", "Care Planning", "Whole service"]
    agency = next(row for row in table.tbody.find_all("tr") if row.th.get_text(strip=True) == "Agency Staff")
    assert [td.get_text(strip=True) for td in agency.find_all("td")] == ["20", "30", "53"]
    assert soup.find("h3", string=lambda t: t and t.startswith("Agency staff:"))


def test_indicator_page_lists_the_plan_measure_it_answers(client_as, org):
    from lineofsight.plan.models import Plan, Priority, SuccessMeasure, Workstream

    plan = Plan.objects.create(name="November 2017", is_current=True)
    stream = Workstream.objects.create(plan=plan, name="Practice", order=1)
    priority = Priority.objects.create(plan=plan, workstream=stream, number=1, title="Ensure consistent, high quality social work")
    SuccessMeasure.objects.create(priority=priority, order=1, text="% of child and family assessments completed within 45 days")
    html = client_as("councillor").get(AMT2).content.decode()
    assert "Priority 1. Ensure consistent, high quality social work" in html
    assert "% of child and family assessments completed within 45 days" in html


def test_comparators_are_drawn_dotted_and_labelled(client_as, org):
    from datetime import date

    from lineofsight.performance.models import ComparatorValue

    ComparatorValue.objects.create(indicator_ref="AMT 2", group="England", period_label="2016-17", period_end=date(2017, 3, 31), value=82.9)
    html = client_as("performance_analyst").get(AMT2).content.decode()
    assert "los-chart__comparator" in html and "England 2016-17" in html


def _computed_with_undated(org, **left_out):
    run = ComputeRun.objects.create(organisation=org, first_month=f.month(0), last_month=f.month(6), left_out=left_out)
    run.finished_at = timezone.now()
    run.save()


def test_indicator_page_says_what_undated_records_leave_and_counts_them_for_analysts(client_as, org):
    _computed_with_undated(org, stg_assessments=3, stg_cin_visits=9)
    html = BeautifulSoup(client_as("performance_analyst").get(AMT2).content, "html.parser").get_text(" ", strip=True)
    assert "Assessments with no start date: left out of the numerator and the denominator" in html
    assert "3 assessments with no start date" in html
    assert "9 CIN visits" not in html  # AMT 2 does not read visits


def test_public_reads_the_rule_for_undated_records_but_not_the_counts(client, org):
    _computed_with_undated(org, stg_assessments=3)
    f.publish(org, *[f.month(i) for i in range(7)])
    html = BeautifulSoup(client.get(AMT2).content, "html.parser").get_text(" ", strip=True)
    assert "Assessments with no start date: left out of the numerator and the denominator" in html
    assert "3 assessments" not in html
