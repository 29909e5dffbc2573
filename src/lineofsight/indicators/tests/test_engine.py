"""The engine on hand-built raw case data: from ssd_ rows through stg_ views to results."""

from datetime import date

from lineofsight.indicators import definition, definitions, engine
from lineofsight.indicators.tests.builders import build_store, monthly_referrals

APRIL_2018 = date(2018, 4, 1)


def _service(results, ref, month):
    found = [r for r in results if r.ref == ref and r.month == month and r.breakdown == "service"]
    assert len(found) == 1, found
    return found[0]


def _store(extra: dict | None = None, org="AAA", first=date(2017, 1, 1), months=18):
    tables = {"ssd_cin_episodes": monthly_referrals(first, months), **(extra or {})}
    return build_store(":memory:", [(org, 1, first, date(2018, 6, 30), tables)])


def test_amt_2_authorised_on_45th_working_day_across_easter_is_on_time():
    # 16 Feb 2018 + 45 working days (Good Friday 30 March and Easter Monday 2 April skipped) = 24 April
    connection = _store({"ssd_cin_assessments": [
        {"cina_assessment_id": "a1", "cina_person_id": "p1", "cina_assessment_start_date": date(2018, 2, 16), "cina_assessment_auth_date": date(2018, 4, 24), "cina_assessment_team": "T1"},
        {"cina_assessment_id": "a2", "cina_person_id": "p2", "cina_assessment_start_date": date(2018, 2, 16), "cina_assessment_auth_date": date(2018, 4, 25), "cina_assessment_team": "T1"},
        {"cina_assessment_id": "a3", "cina_person_id": "p3", "cina_assessment_start_date": date(2018, 4, 2), "cina_assessment_auth_date": None},
    ]})
    results = engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("AMT 2")])
    april = _service(results, "AMT 2", APRIL_2018)
    assert (april.numerator, april.denominator) == (1, 2)
    team = [r for r in results if r.breakdown == "team"]
    assert [(r.breakdown_key, r.numerator, r.denominator) for r in team] == [("T1", 1, 2)]


def test_cp_5_icpc_with_no_strategy_discussion_leaves_both_counts():
    connection = _store({
        "ssd_s47_enquiry": [{"s47e_s47_enquiry_id": "s1", "s47e_person_id": "p1", "s47e_s47_start_date": date(2018, 4, 3)}],
        "ssd_initial_cp_conference": [
            # 3 April + 15 working days = 24 April
            {"icpc_icpc_id": "i1", "icpc_s47_enquiry_id": "s1", "icpc_person_id": "p1", "icpc_icpc_date": date(2018, 4, 24)},
            {"icpc_icpc_id": "i2", "icpc_s47_enquiry_id": None, "icpc_person_id": "p2", "icpc_icpc_date": date(2018, 4, 10)},
        ],
    })
    april = _service(engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("CP 5")]), "CP 5", APRIL_2018)
    assert (april.numerator, april.denominator) == (1, 1)


def test_fd_8_child_referred_twice_11_months_apart_is_a_re_referral():
    referrals = monthly_referrals(date(2017, 1, 1), 18) + [
        {"cine_referral_id": "x1", "cine_person_id": "child", "cine_referral_date": date(2017, 5, 20)},
        {"cine_referral_id": "x2", "cine_person_id": "child", "cine_referral_date": date(2018, 4, 20)},
    ]
    connection = build_store(":memory:", [("AAA", 1, date(2017, 1, 1), date(2018, 6, 30), {"ssd_cin_episodes": referrals})])
    april = _service(engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("FD 8")]), "FD 8", APRIL_2018)
    # April's 4 generated referrals are first referrals of new children; the child's second one is a re-referral
    assert (april.numerator, april.denominator) == (1, 5)


def test_fd_8_month_without_12_months_history_is_no_data():
    connection = _store()
    results = engine.compute(connection, ["AAA"], [date(2017, 6, 1)], chosen=[definition("FD 8")])
    june = _service(results, "FD 8", date(2017, 6, 1))
    assert june.numerator is None and "12 months of history" in june.no_data_reason


def test_indicator_whose_tables_have_no_rows_for_the_organisation_is_no_data_never_zero():
    connection = _store()
    april = _service(engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("AMT 2")]), "AMT 2", APRIL_2018)
    assert april.numerator is None and april.denominator is None
    assert "ssd_cin_assessments has no rows for AAA" in april.no_data_reason


def test_month_with_data_but_no_events_is_zero_of_zero_with_reason():
    connection = _store({"ssd_cin_assessments": [
        {"cina_assessment_id": "a1", "cina_person_id": "p1", "cina_assessment_start_date": date(2018, 1, 2), "cina_assessment_auth_date": date(2018, 1, 20)},
    ]})
    april = _service(engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("AMT 2")]), "AMT 2", APRIL_2018)
    assert (april.numerator, april.denominator) == (0, 0)
    assert april.no_data_reason.startswith("none in the month")


def test_qa_2_is_no_data_because_audits_are_not_in_the_store():
    connection = _store()
    april = _service(engine.compute(connection, ["AAA"], [APRIL_2018], chosen=[definition("QA 2")]), "QA 2", APRIL_2018)
    assert april.numerator is None and "audit results are not in the case store" in april.no_data_reason


def test_two_organisations_are_counted_apart():
    rows = [{"cina_assessment_id": "a1", "cina_person_id": "p1", "cina_assessment_start_date": date(2018, 4, 2), "cina_assessment_auth_date": date(2018, 4, 3)}]
    connection = build_store(":memory:", [
        ("AAA", 1, date(2017, 1, 1), date(2018, 6, 30), {"ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18), "ssd_cin_assessments": rows}),
        ("BBB", 2, date(2017, 1, 1), date(2018, 6, 30), {"ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18), "ssd_cin_assessments": rows * 3}),
    ])
    results = engine.compute(connection, None, [APRIL_2018], chosen=[definition("AMT 2")])
    by_org = {r.org_code: r.denominator for r in results if r.breakdown == "service"}
    assert by_org == {"AAA": 1, "BBB": 3}


def test_result_records_only_batches_whose_period_starts_by_month_end():
    connection = _store()
    connection.execute("insert into ssd_cin_episodes (cine_referral_id, cine_person_id, cine_referral_date, org_code, batch_id) values ('late', 'q', '2018-05-10', 'AAA', 7)")
    connection.execute("insert into load_batches values (7, 'AAA', 'ssd', 'later', '2018-05-01', '2018-05-31', now(), 1)")
    results = engine.compute(connection, ["AAA"], [APRIL_2018, date(2018, 5, 1)], chosen=[definition("SM 10a")])
    assert _service(results, "SM 10a", APRIL_2018).batches == [1]
    assert _service(results, "SM 10a", date(2018, 5, 1)).batches == [1, 7]


def test_each_definition_runs_one_query_for_all_months(monkeypatch):
    calls = []
    real = engine.run_query
    monkeypatch.setattr(engine, "run_query", lambda *args, **kwargs: calls.append(args[1].ref) or real(*args, **kwargs))
    connection = _store()
    engine.compute(connection, ["AAA"], engine.month_range(date(2017, 1, 1), date(2018, 6, 1)), chosen=[definition("SM 10a"), definition("FD 8")])
    assert calls == ["SM 10a", "FD 8"]


def test_every_definition_runs_on_an_empty_store_without_error():
    connection = _store()
    results = engine.compute(connection, ["AAA"], [APRIL_2018])
    assert {r.ref for r in results} == {item.ref for item in definitions()}
