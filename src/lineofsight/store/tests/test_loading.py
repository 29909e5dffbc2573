"""Loading is all or nothing, reloading replaces, unloading removes."""

from datetime import date

import pytest

from lineofsight.store import open_store
from lineofsight.store.loading import LoadRefused, load_path, unload_batch
from lineofsight.store.tests.helpers import small_extract, write_table


def _count(store, table):
    connection = open_store(store)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_clean_extract_loads_every_row_and_records_the_batch(tmp_path):
    small_extract(tmp_path / "x")
    result = load_path(tmp_path / "x", "demo", store_path=tmp_path / "s.duckdb")
    assert result.rows_by_table == {"ssd_cin_assessments": 2, "ssd_cin_episodes": 2, "ssd_person": 2}
    connection = open_store(tmp_path / "s.duckdb")
    batch = connection.execute("SELECT batch_id, org_code, source_format, row_count, period_start, period_end FROM load_batches").fetchone()
    assert batch == (result.batch_id, "DEMO", "ssd", 6, date(2024, 5, 1), date(2024, 6, 10))
    assert connection.execute("SELECT DISTINCT org_code, batch_id FROM ssd_person").fetchall() == [("DEMO", result.batch_id)]


def test_reloading_the_same_extract_replaces_rather_than_duplicates(tmp_path):
    small_extract(tmp_path / "x")
    store = tmp_path / "s.duckdb"
    first = load_path(tmp_path / "x", "DEMO", store_path=store)
    second = load_path(tmp_path / "x", "DEMO", store_path=store)
    assert second.batch_id != first.batch_id
    assert _count(store, "ssd_person") == 2
    assert _count(store, "load_batches") == 1


def test_another_organisation_is_kept_apart(tmp_path):
    small_extract(tmp_path / "x")
    store = tmp_path / "s.duckdb"
    load_path(tmp_path / "x", "AAA", store_path=store)
    load_path(tmp_path / "x", "BBB", store_path=store)
    assert _count(store, "ssd_person") == 4


def test_one_broken_row_loads_nothing_and_leaves_the_store_as_it_was(tmp_path):
    store = tmp_path / "s.duckdb"
    small_extract(tmp_path / "good")
    load_path(tmp_path / "good", "DEMO", store_path=store)
    small_extract(tmp_path / "bad", children=("C1", "C2", "C3"))
    write_table(tmp_path / "bad", "ssd_cin_assessments", [{"cina_assessment_id": "A1", "cina_person_id": "C1", "cina_referral_id": "RC1",
                                                           "cina_assessment_start_date": "2024-05-02", "cina_assessment_auth_date": "2024-04-01"}])
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "bad", "DEMO", store_path=store)
    (problem,) = [p for p in refused.value.problems if p.is_error]
    assert (problem.file, problem.row, problem.field, problem.code) == ("ssd_cin_assessments.csv", 2, "cina_assessment_auth_date", "date.end_before_start")
    assert _count(store, "ssd_person") == 2
    assert _count(store, "load_batches") == 1


@pytest.mark.parametrize("table,row,code", [
    ("ssd_cin_assessments", {"cina_assessment_id": "A9", "cina_person_id": "C1", "cina_referral_id": "NOPE", "cina_assessment_start_date": "2024-05-02"},
     "reference.unknown"),
    ("ssd_cin_assessments", {"cina_assessment_id": "A9", "cina_person_id": "C1", "cina_referral_id": "RC1", "cina_assessment_start_date": "2099-05-02"},
     "date.future"),
    ("ssd_cin_assessments", {"cina_assessment_id": "A9", "cina_person_id": "C9", "cina_referral_id": "RC1", "cina_assessment_start_date": "2024-05-02"},
     "person.unknown"),
    ("ssd_cin_episodes", {"cine_referral_id": "RC1", "cine_person_id": "C1", "cine_referral_date": "2024-05-01", "cine_cin_primary_need_code": "N99"},
     "code.unknown"),
])
def test_each_rule_refuses_the_load_and_names_itself(tmp_path, table, row, code):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", table, [row])
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert code in [p.code for p in refused.value.problems if p.is_error]


def test_overlapping_care_episodes_are_refused(tmp_path):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", "ssd_cla_episodes", [
        {"clae_cla_episode_id": "E1", "clae_person_id": "C1", "clae_cla_episode_start_date": "2024-01-01", "clae_cla_episode_ceased_date": "2024-06-01"},
        {"clae_cla_episode_id": "E2", "clae_person_id": "C1", "clae_cla_episode_start_date": "2024-03-01"},
    ])
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert [(p.code, p.row) for p in refused.value.problems if p.is_error] == [("episode.overlap", 3)]


def test_visit_outside_any_plan_is_only_a_warning(tmp_path):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", "ssd_cp_plans", [{"cppl_cp_plan_id": "P1", "cppl_referral_id": "RC1", "cppl_person_id": "C1",
                                                  "cppl_cp_plan_start_date": "2024-06-01", "cppl_cp_plan_end_date": "2024-09-01"}])
    write_table(tmp_path / "x", "ssd_cp_visits", [{"cppv_cp_visit_id": "V1", "cppv_person_id": "C1", "cppv_cp_plan_id": "P1", "cppv_cp_visit_date": "2024-10-01"}])
    result = load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert [(p.code, p.severity) for p in result.problems] == [("visit.no_open_plan", "warning")]


def test_unloading_a_batch_removes_its_rows(tmp_path):
    small_extract(tmp_path / "x")
    store = tmp_path / "s.duckdb"
    result = load_path(tmp_path / "x", "DEMO", store_path=store)
    removed = unload_batch(result.batch_id, store_path=store)
    assert removed == {"ssd_person": 2, "ssd_cin_episodes": 2, "ssd_cin_assessments": 2}
    assert _count(store, "load_batches") == 0


def test_unloading_an_unknown_batch_says_so(tmp_path):
    with pytest.raises(LookupError):
        unload_batch(99, store_path=tmp_path / "s.duckdb")


def test_missing_organisation_code_is_refused(tmp_path):
    small_extract(tmp_path / "x")
    with pytest.raises(LoadRefused):
        load_path(tmp_path / "x", " ", store_path=tmp_path / "s.duckdb")


def test_unknown_format_name_is_refused_with_a_problem(tmp_path):
    small_extract(tmp_path / "x")
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb", source_format="pdf")
    assert [p.code for p in refused.value.problems] == ["format.unknown"]


def test_folder_of_unrecognised_files_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("hello")
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert [p.code for p in refused.value.problems] == ["format.unknown"]


def test_unreadable_value_and_a_rule_breach_are_reported_together(tmp_path):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", "ssd_person", [{"pers_person_id": "C1", "pers_sex": "X", "pers_dob": "31/02/2018"}])
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert {(p.code, p.field) for p in refused.value.problems} == {("date.invalid", "pers_dob"), ("code.unknown", "pers_sex")}


def test_folder_holding_only_unknown_ssd_tables_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "ssd_mystery.csv").write_text("a\n1\n")
    with pytest.raises(LoadRefused) as refused:
        load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    assert "format.empty" in [p.code for p in refused.value.problems]


def test_a_visit_with_no_date_is_kept_with_a_warning_naming_its_row(tmp_path):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", "ssd_cp_plans", [{"cppl_cp_plan_id": "P1", "cppl_referral_id": "RC1", "cppl_person_id": "C1",
                                                  "cppl_cp_plan_start_date": "2024-06-01"}])
    write_table(tmp_path / "x", "ssd_cp_visits", [{"cppv_cp_visit_id": "V1", "cppv_person_id": "C1", "cppv_cp_plan_id": "P1", "cppv_cp_visit_date": "2024-07-01"},
                                                  {"cppv_cp_visit_id": "V2", "cppv_person_id": "C1", "cppv_cp_plan_id": "P1"}])
    store = tmp_path / "s.duckdb"
    result = load_path(tmp_path / "x", "DEMO", store_path=store)
    assert [(p.file, p.row, p.field, p.code, p.severity) for p in result.problems] == [
        ("ssd_cp_visits.csv", 3, "cppv_cp_visit_date", "date.missing", "warning")]
    assert _count(store, "ssd_cp_visits") == 2


def test_an_unborn_child_without_a_date_of_birth_is_no_fault(tmp_path):
    small_extract(tmp_path / "x", children=("C1",))
    write_table(tmp_path / "x", "ssd_person", [{"pers_person_id": "C1", "pers_sex": "F", "pers_ethnicity": "WBRI", "pers_dob": "2015-01-01"},
                                               {"pers_person_id": "U1", "pers_sex": "U", "pers_expected_dob": "2024-12-01"}])
    assert load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb").problems == []
