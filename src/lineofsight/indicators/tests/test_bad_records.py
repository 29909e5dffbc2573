"""Each definition's ``bad_records`` statement holds: blanking the placing date in its own unit tests does what it says."""

import copy

import pytest

from lineofsight.indicators import definitions
from lineofsight.indicators.bad_records import PLACED_BY, in_words, placed_views_read, problems
from lineofsight.indicators.unit_testing import run_case

STATEMENTS = [pytest.param(item, view, effect, id=f"{item.ref}::{view}") for item in definitions() for view, effect in item.bad_records.items()]


def _outcome(item, case):
    rows = run_case(item, case)
    service = next(((float(row["numerator"] or 0), float(row["denominator"] or 0)) for row in rows if row["breakdown"] == "service"), (0.0, 0.0))
    parts = {(row["breakdown"], row["breakdown_key"]): (row["numerator"], row["denominator"]) for row in rows if row["breakdown"] != "service"}
    return service, parts


def _blanked(case, view):
    changed = copy.deepcopy(case)
    for row in changed["given"][view]:
        row[PLACED_BY[view].column] = None
    return changed


def _verdict(effect, unit, before, after) -> tuple[bool, bool]:
    """(contradicted, shown) for one unit test's service and breakdown rows, before and after blanking."""
    (numerator, denominator), parts = before
    (new_numerator, new_denominator), new_parts = after
    size, new_size = (numerator, new_numerator) if unit == "count" else (denominator, new_denominator)
    same_service = (numerator, denominator) == (new_numerator, new_denominator)
    if effect == "both":
        return new_numerator > numerator or new_denominator > denominator, new_denominator < denominator
    if effect == "numerator":
        return new_numerator > numerator or (unit != "count" and new_denominator != denominator), new_numerator < numerator
    if effect == "breakdown":
        return not same_service, new_parts != parts
    if effect == "not_excluded":
        return new_size < size, new_size > size
    return not same_service or new_parts != parts, True


@pytest.mark.parametrize(("item", "view", "effect"), STATEMENTS)
def test_statement_is_what_the_query_does_with_undated_records(item, view, effect):
    cases = [case for case in item.unit_tests if (case.get("given") or {}).get(view)]
    outcomes = [(case["name"], _outcome(item, case), _outcome(item, _blanked(case, view))) for case in cases]
    outcomes = [entry for entry in outcomes if entry[1][0] != (0.0, 0.0)]
    assert outcomes, f"{item.ref}: no unit test gives {view} rows and a result, so '{effect}' cannot be checked: add one"
    verdicts = {name: _verdict(effect, item.unit, before, after) for name, before, after in outcomes}
    assert not [name for name, (contradicted, _) in verdicts.items() if contradicted], f"{item.ref}: blanking {view} contradicts '{effect}'"
    assert any(shown for _, shown in verdicts.values()), f"{item.ref}: no unit test shows '{effect}' for {view}"


def test_a_definition_that_reads_an_undated_view_must_say_what_happens():
    assert problems({}, "select * from stg_cin_visits", "percent") == [
        ("bad_records.stg_cin_visits", "the query reads stg_cin_visits: say what CIN visits with no visit date leave "
                                       "(both, numerator, breakdown, not_excluded, neither)")]


def test_a_count_cannot_leave_a_denominator_it_does_not_have():
    assert problems({"stg_missing_episodes": "both"}, "select * from stg_missing_episodes", "count") == [
        ("bad_records.stg_missing_episodes", "'both' is not one of numerator, breakdown, not_excluded, neither")]


def test_a_statement_about_a_view_the_query_does_not_read_is_refused():
    assert problems({"stg_contacts": "both"}, "select * from stg_referrals", "percent")[-1][0] == "bad_records.stg_contacts"


def test_the_allocation_macro_counts_as_reading_allocations():
    assert placed_views_read("from stg_allocated_at_month_end($first_month, $last_month)") == ["stg_allocations"]


def test_described_names_the_count_the_records_and_the_effect():
    assert in_words({"stg_cin_visits": "numerator", "stg_cin_plans": "both"}, counts={"stg_cin_visits": 1204}) == [
        "1,204 CIN visits with no visit date: left out of the numerator, still in the denominator"]


def test_one_record_is_named_in_the_singular():
    assert in_words({"stg_people": "both", "stg_cin_visits": "numerator"}, counts={"stg_people": 1, "stg_cin_visits": 1}) == [
        "1 CIN visit with no visit date: left out of the numerator, still in the denominator",
        "1 child with no date of birth: left out of the numerator and the denominator"]


def test_the_load_warns_of_each_blank_placing_date_the_indicators_name():
    """The load's warning (store.validation.UNDATED) and the indicators' rule name the same raw date for every view."""
    import re

    from lineofsight.indicators.staging import staging_sql
    from lineofsight.store.validation import UNDATED

    sources = {}
    for view, placing in PLACED_BY.items():
        sql = staging_sql(view)
        table = re.search(r"\bfrom\s+(\w+)", sql).group(1)
        column = re.search(rf"(\w+)\)?(?:::\w+)?\s+as\s+{placing.column}\b", sql).group(1)
        sources[table] = column
    assert sources == UNDATED
