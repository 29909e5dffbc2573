"""Reading an old pack's indicator tables (seed 003, Appendix 2: Croydon, October 2017)."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import xlsxwriter

from lineofsight.formats import indicator_pack

SEED = Path(__file__).parent / "data" / "seed_003_appendix_2.txt"
MONTHS = [dt.date(2017, month, 1) for month in range(4, 11)]
HEADER = ["Indicator Number", "Indicator Title", "Polarity", "Sep-17", "Oct-17", "2017-18 Target", "Target Owner", "RAG", "RAG Methodology"]


@pytest.fixture(scope="module")
def seed():
    pack, problems = indicator_pack.parse(SEED)
    return pack, problems


def row(pack, ref):
    return next(r for r in pack.indicators if r.ref == ref)


def test_seed_amt_2_series_is_read_april_to_october(seed):
    amt_2 = row(seed[0], "AMT 2")
    assert [v.month for v in amt_2.values] == MONTHS
    assert [v.number for v in amt_2.values] == [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7]
    assert [v.text for v in amt_2.values][-1] == "67.7%"
    assert (amt_2.polarity, amt_2.target, amt_2.target_text, amt_2.owner) == ("higher_is_better", 95.0, "95.0%", "MK")
    assert (amt_2.rag_text, amt_2.rag) == ("RAG", "")
    assert amt_2.methodology == "95% or above Green 85%-94% Amber 84% and below Red"
    assert amt_2.section == "ASSESSMENT"


def test_seed_has_every_indicator_table_and_no_errors(seed):
    pack, problems = seed
    assert not [p for p in problems if p.is_error]
    assert len(pack.indicators) == 34
    assert pack.months == MONTHS
    assert "Assessment" not in [r.ref for r in pack.indicators]  # Appendix 3's workforce table is not an indicator table


def test_yellow_is_read_as_amber_but_kept_as_printed(seed):
    w1_b = row(seed[0], "W1 b")
    assert (w1_b.rag_text, w1_b.rag) == ("Yellow", "amber")


def test_notes_beside_values_are_kept(seed):
    lac_19 = row(seed[0], "LAC 19")
    assert lac_19.ref_note == "(12m)"
    assert (lac_19.values[0].text, lac_19.values[0].number, lac_19.values[0].note) == ("79% (6m+)", 79.0, "(6m+)")
    assert lac_19.values[-1].note == ""


def test_blank_months_are_absent_and_words_stand_in_for_numbers(seed):
    pack = seed[0]
    assert [v.month for v in row(pack, "P1").values] == [dt.date(2017, 10, 1)]
    qa_2 = row(pack, "QA 2")
    assert (qa_2.values[0].text, qa_2.values[0].number) == ("Awaiting Data - under development", None)


def test_cohort_target_keeps_its_words_without_a_number(seed):
    cp_10 = row(seed[0], "CP 10")
    assert (cp_10.target_text, cp_10.target) == ("<10% of Cohort", None)


def test_a_row_printed_one_column_right_is_read_with_a_warning(seed):
    pack, problems = seed
    qa_3 = row(pack, "QA 3")
    assert (qa_3.target, qa_3.owner, qa_3.rag_text) == (50.0, "TS", "")
    assert any(p.code == "pack.shifted" and "QA 3" in p.message and not p.is_error for p in problems)


def test_action_log_is_read(seed):
    actions = seed[0].actions
    assert len(actions) == 13
    assert (actions[0].log_ref, actions[0].when_text, actions[0].complete) == ("Oct-01", "Dec-17", "Ongoing")
    assert actions[-1].log_ref == "Nov-01"


def test_commentary_belongs_to_its_table_and_latest_month(seed):
    notes = {tuple(c.refs): c for c in seed[0].commentary}
    front_door = notes[("FD 3", "FD 8")]
    assert front_door.month == dt.date(2017, 10, 1)
    assert front_door.improvement_activity.startswith("FD3 - performance in October dropped slightly")
    assert front_door.next_steps.startswith("(1) From Monday 27 November 2017")
    workforce = next(c for c in seed[0].commentary if "W 1" in c.refs)
    assert "<p>" not in workforce.improvement_activity and "\n\n" in workforce.improvement_activity
    assert ("CL 1", "CL 1a", "CL 2", "CL 3", "CL 3a") not in notes  # empty commentary is not kept


def test_front_page_rag_list_is_read(seed):
    assert seed[0].summary_rag["AMT 2"] == "Red"


def _table(*rows):
    return [HEADER, *rows]


def test_csv_reads_like_the_pack_text(tmp_path):
    path = tmp_path / "pack.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(_table(["FD 8", "Re-referrals", "SIB", "23%", "18%", "22%", "IL", "Green", "22% or below Green 21% - 25% Amber 26% and above Red"]))
    pack, problems = indicator_pack.parse(path)
    assert problems == []
    assert [v.number for v in pack.indicators[0].values] == [23.0, 18.0]


def test_xlsx_is_read_with_calamine(tmp_path):
    path = tmp_path / "pack.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Front door")
    for r, cells in enumerate(_table(["FD 3", "Contacts in a day", "BIB", "92%", 86, "90%", "IL", "Amber", "90% or above Green 85%-89% Amber 84% and below Red"])):
        for c, cell in enumerate(cells):
            sheet.write(r, c, cell)
    workbook.close()
    pack, problems = indicator_pack.parse(path)
    assert problems == []
    fd_3 = pack.indicators[0]
    assert [(v.text, v.number) for v in fd_3.values] == [("92%", 92.0), ("86", 86.0)]
    assert fd_3.rag == "amber"


def test_month_headings_without_a_year_take_the_financial_year():
    text = "\t".join(["Indicator Number", "Indicator Title", "Polarity", "Mar", "Apr"]) + "\nX 1\tT\tBIB\t1\t2\n"
    pack, problems = indicator_pack.parse(text, year=2017)
    assert [v.month for v in pack.indicators[0].values] == [dt.date(2018, 3, 1), dt.date(2017, 4, 1)]


def test_unknown_polarity_names_row_and_field():
    text = "\t".join(HEADER) + "\n" + "\t".join(["FD 8", "Re-referrals", "XIB", "23%", "18%", "22%", "IL", "Green", ""]) + "\n"
    _, problems = indicator_pack.parse(text, filename="pack.txt")
    error = next(p for p in problems if p.is_error)
    assert (error.file, error.row, error.field) == ("pack.txt", 2, "Polarity")
    assert "XIB" in error.message


def test_a_value_that_is_not_a_number_names_its_month():
    text = "\t".join(HEADER) + "\n" + "\t".join(["FD 8", "Re-referrals", "SIB", "2o%", "18%", "22%", "IL", "Green", ""]) + "\n"
    _, problems = indicator_pack.parse(text)
    assert [(p.row, p.field) for p in problems if p.is_error] == [(2, "Sep-17")]


def test_a_file_without_an_indicator_table_is_an_error():
    _, problems = indicator_pack.parse("Just some minutes\nwith no table\n", filename="minutes.txt")
    assert [p.code for p in problems] == ["pack.no_tables"]


def test_bytes_in_windows_1252_are_read():
    text = "\t".join(HEADER) + "\n" + "\t".join(["AMT 2", "Assessments – timely", "BIB", "78.5%", "67.7%", "95%", "MK", "Red", ""]) + "\n"
    pack, _ = indicator_pack.parse(text.encode("cp1252"))
    assert pack.indicators[0].title == "Assessments – timely"


def test_parse_accepts_a_text_stream_copy_of_the_seed():
    pack, problems = indicator_pack.parse(io.StringIO(SEED.read_text()).getvalue())
    assert len(pack.indicators) == 34
