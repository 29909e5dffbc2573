"""compute_organisation: results stored as IndicatorValue rows, history left alone, published months frozen."""

from datetime import date

import pytest

from lineofsight.indicators.tests.builders import add_batch, build_store, monthly_referrals
from lineofsight.performance import queries
from lineofsight.performance.compute import NothingToCompute, compute_organisation, publish
from lineofsight.performance.models import IndicatorValue, Team

pytestmark = pytest.mark.django_db
APRIL = date(2018, 4, 1)
ASSESSMENTS = [
    {"cina_assessment_id": "a1", "cina_person_id": "p1", "cina_assessment_start_date": date(2018, 2, 16), "cina_assessment_auth_date": date(2018, 4, 24), "cina_assessment_team": "T1"},
    {"cina_assessment_id": "a2", "cina_person_id": "p2", "cina_assessment_start_date": date(2018, 2, 16), "cina_assessment_auth_date": date(2018, 4, 25), "cina_assessment_team": "T1"},
]


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store.duckdb"
    connection = build_store(path, [("AAA", 1, date(2017, 1, 1), date(2018, 6, 30), {
        "ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18),
        "ssd_cin_assessments": ASSESSMENTS,
        "ssd_department": [{"dept_team_id": "T1", "dept_team_name": "Assessment 1"}],
    })])
    connection.close()
    return path


def _amt_2(month=APRIL, version=None):
    rows = IndicatorValue.objects.filter(indicator_ref="AMT 2", month=month, breakdown="service")
    return rows.get(version=version) if version else rows.order_by("-version").first()


def test_amt_2_stored_with_counts_derived_value_run_and_batches(store):
    summary = compute_organisation("AAA", store_path=store)
    assert summary.months[0] == date(2017, 1, 1) and summary.months[-1] == date(2018, 6, 1)
    value = _amt_2()
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    assert value.source == IndicatorValue.COMPUTED and value.version == 1
    assert value.batches == [1] and value.run_id == summary.run_id
    assert list(Team.objects.values_list("team_id", "name")) == [("T1", "Assessment 1")]


def test_amt_2_month_without_its_table_is_stored_as_no_data_not_zero(tmp_path):
    path = tmp_path / "s.duckdb"
    build_store(path, [("BBB", 1, date(2017, 1, 1), date(2018, 6, 30), {"ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18)})]).close()
    compute_organisation("BBB", store_path=path)
    value = _amt_2()
    assert value.numerator is None and value.value is None and value.no_data_reason.startswith("no data")


def test_second_compute_with_nothing_new_computes_nothing(store):
    compute_organisation("AAA", store_path=store)
    assert compute_organisation("AAA", store_path=store).months == []


def test_new_month_of_data_computes_only_the_new_month(store):
    compute_organisation("AAA", store_path=store)
    connection = build_store(store, [])
    add_batch(connection, "AAA", 2, date(2018, 7, 1), date(2018, 7, 31), {"ssd_cin_episodes": monthly_referrals(date(2018, 7, 1), 1, prefix="july")})
    connection.close()
    assert compute_organisation("AAA", store_path=store).months == [date(2018, 7, 1)]


def test_reloaded_data_recomputes_the_months_it_touches(store):
    compute_organisation("AAA", store_path=store)
    connection = build_store(store, [])
    connection.execute("update ssd_cin_assessments set batch_id = 3")
    connection.execute("insert into load_batches values (3, 'AAA', 'ssd', 'reload', '2018-03-01', '2018-06-30', now(), 2)")
    connection.close()
    assert APRIL in compute_organisation("AAA", store_path=store).months


def test_published_month_is_never_overwritten_a_recompute_writes_version_2(store):
    compute_organisation("AAA", store_path=store)
    assert publish("AAA", APRIL).version == 1
    compute_organisation("AAA", store_path=store, first_month=APRIL, last_month=APRIL)
    assert _amt_2(version=1).numerator == 1
    assert _amt_2().version == 2
    org = queries.organisation("AAA")
    assert queries.published_version(org, APRIL) == 1
    assert publish("AAA", APRIL).version == 2


def test_unpublished_month_is_replaced_in_place(store):
    compute_organisation("AAA", store_path=store)
    compute_organisation("AAA", store_path=store, first_month=APRIL, last_month=APRIL)
    assert IndicatorValue.objects.filter(indicator_ref="AMT 2", month=APRIL, breakdown="service").count() == 1
    assert _amt_2().version == 1


def test_organisation_without_case_data_is_refused(store):
    with pytest.raises(NothingToCompute, match="no case data for ZZZ"):
        compute_organisation("ZZZ", store_path=store)


def test_the_run_counts_records_missing_the_date_that_places_them(tmp_path):
    path = tmp_path / "s.duckdb"
    undated = {**ASSESSMENTS[0], "cina_assessment_id": "a3", "cina_assessment_start_date": None}
    build_store(path, [("AAA", 1, date(2017, 1, 1), date(2018, 6, 30), {
        "ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18),
        "ssd_cin_assessments": [*ASSESSMENTS, undated],
    })]).close()
    summary = compute_organisation("AAA", store_path=path)
    assert queries.latest_run(queries.organisation("AAA")).left_out == {"stg_assessments": 1}
    assert summary.message.splitlines()[1] == "Missing the date that places them in a month: 1 assessment with no start date (each indicator's page says what it does with them)"
