"""Every definition loads, and every definition's own unit tests pass on in-memory DuckDB."""

from pathlib import Path

import pytest

from lineofsight.indicators import definitions
from lineofsight.indicators.definitions import DefinitionError, definition, load_definition
from lineofsight.indicators.unit_testing import check_case

CASES = [pytest.param(item, case, id=f"{item.ref}::{case['name']}") for item in definitions() for case in item.unit_tests]
APPENDIX_2 = ["P1", "W 1", "W1 a", "W1 b", "W1 c", "W1 d", "W 1 e", "FD 3", "FD 8", "AMT 2", "CIN 4", "CIN 5", "CP 5", "CP 13", "CP 10",
              "CP 10a", "MC 1", "MC 6", "LE 2", "LE 3", "LAC 10", "LAC 11", "LAC 19", "LAC 20", "F 3", "AD 7", "CL a", "CL 1", "CL 1a",
              "CL 2", "CL 3", "CL 3a", "QA 1", "QA 2", "QA 3"]
SEED = Path("/work/shared/seeds/003_f348974a3683b691.txt")


@pytest.mark.parametrize(("item", "case"), CASES)
def test_definition_unit_test(item, case):
    check_case(item, case)


def test_every_appendix_2_indicator_is_defined():
    known = {item.ref for item in definitions()}
    assert [ref for ref in APPENDIX_2 if ref not in known] == []


@pytest.mark.skipif(not SEED.exists(), reason="the seed pack is not on this machine")
def test_appendix_2_titles_are_word_for_word_from_the_pack():
    text = SEED.read_text()
    wrong = [item.ref for item in definitions() if item.ref in APPENDIX_2 and item.title not in text]
    assert wrong == []


def test_workforce_dashboard_measures_are_marked_and_prefixed_wf_or_kept_on_main():
    workforce = definitions("workforce")
    assert len(workforce) >= 14
    assert all(item.ref.startswith("WF") for item in workforce)
    assert not any(item.ref.startswith("WF") for item in definitions("main"))


def test_qa_2_has_no_query_and_says_why():
    item = definition("QA 2")
    assert item.sql is None and "audit results are not in the case store" in item.no_data_reason


def test_ref_found_by_slug_and_by_spaced_form():
    assert definition("amt-2") is definition("AMT 2") is definition("AMT2")
    assert definition("lac-19-12m").ref == "LAC 19 (12m)"


def _write(tmp_path, body: str) -> Path:
    folder = tmp_path / "assessment"
    folder.mkdir()
    path = folder / "xx_1.yml"
    path.write_text(body)
    (folder / "xx_1.sql").write_text("select 1")
    return path


GOOD = """
ref: XX 1
title: A test indicator
area: assessment
unit: percent
polarity: BIB
numerator: n
denominator: d
period_basis: in_month
day_rule: none
decisions: []
tables: [ssd_cin_assessments]
owner: MK
targets: {"2017-18": 95}
rag: {methodology: "", bands: [{rag: green, lower: 95}, {rag: amber, lower: 85, upper: 95}, {rag: red, upper: 85}]}
breakdowns: [service]
unit_tests: [{name: x, month: 2018-01, given: {}, expect: {numerator: 0}}]
"""


def test_a_good_definition_loads(tmp_path):
    assert load_definition(_write(tmp_path, GOOD)).ref == "XX 1"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("unit: percent", "unit: percentage"), "unit"),
        (("denominator: d\n", ""), "denominator"),
        (("breakdowns: [service]", "breakdowns: [team]"), "breakdowns"),
        (('targets: {"2017-18": 95}', 'targets: {"2017-18": 80}'), "rag.bands"),
        (("polarity: BIB", "polarity: SIB"), "rag.bands"),
        (("owner: MK\n", ""), "owner"),
        (("area: assessment", "area: front_door"), "area"),
        # a shared query's undated-record statement lives once, with the query
        (("breakdowns: [service]", "breakdowns: [service]\nkind: caseload\nparams: {team_pattern: '', worker_filter: true}\n"
          "bad_records: {stg_allocations: both}"), "bad_records"),
    ],
)
def test_a_bad_definition_names_the_file_and_the_field(tmp_path, change, field):
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DefinitionError) as raised:
        load_definition(path)
    assert raised.value.field == field
    assert "xx_1.yml" in str(raised.value)
