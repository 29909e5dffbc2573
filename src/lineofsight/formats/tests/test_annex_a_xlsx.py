"""Annex A workbooks: tolerant headers, dropdown labels, Excel and text dates, empty and broken workbooks."""

from datetime import date, datetime

import xlsxwriter

from lineofsight.formats import annex_a_xlsx
from lineofsight.formats.annex_a_labels import decode


def _book(path, sheets):
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, datetime):
                    sheet.write_datetime(r, c, value, book.add_format({"num_format": "dd/mm/yyyy"}))
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()


def test_headers_match_whatever_the_council_calls_them(tmp_path):
    path = tmp_path / "annex.xlsx"
    _book(path, {"List 3": [["CHILD UNIQUE ID", "gender", "Ethnicity", "DOB", "Age", "Allocated team", "Allocated worker",
                             "Referral date", "Referral Source", "Referral NFA?"],
                            ["C1", "a) Male", "a) WBRI", datetime(2015, 6, 1), 9, "Team A", "Worker B", 45413, "q) 6: Police", "b) No"],
                            ["C2", "b) Female", "s) NOBT", "01/06/2016", 8, None, None, "02/05/2024", "e) 2A: Schools", "a) Yes"]]})
    tables, problems = annex_a_xlsx.parse(path)
    assert problems == []
    first, second = tables["list3"].row(0), tables["list3"].row(1)
    assert first["referral_date"] == date(2024, 5, 1)  # Excel serial 45413
    assert second["referral_date"] == date(2024, 5, 2)
    assert first["dob"] == date(2015, 6, 1)
    assert decode(first["referral_source"]) == "6"
    assert tables["list3"].source_rows == [2, 3]


def test_impossible_text_date_is_reported_with_sheet_row_and_header(tmp_path):
    path = tmp_path / "annex.xlsx"
    _book(path, {"List 1": [["Child Unique ID", "Date of Contact", "Contact Source"], ["C1", "31/02/2018", "q) 6: Police"]]})
    _, problems = annex_a_xlsx.parse(path)
    assert [(p.file, p.row, p.field, p.code) for p in problems] == [("annex.xlsx (List 1)", 2, "Date of Contact", "date.invalid")]


def test_missing_key_column_is_an_error(tmp_path):
    path = tmp_path / "annex.xlsx"
    _book(path, {"List 4": [["Child Unique ID", "Gender"], ["C1", "a) Male"]]})
    _, problems = annex_a_xlsx.parse(path)
    assert [(p.code, p.field) for p in problems] == [("xlsx.missing_column", "assessment start")]


def test_empty_sheet_is_skipped_and_a_workbook_with_no_lists_is_an_error(tmp_path):
    path = tmp_path / "annex.xlsx"
    _book(path, {"List 1": [], "Notes": [["hello"]]})
    tables, problems = annex_a_xlsx.parse(path)
    assert tables == {}
    assert [p.code for p in problems] == ["annexa.no_lists"]


def test_file_that_is_not_a_workbook_is_an_error(tmp_path):
    path = tmp_path / "annex.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    _, problems = annex_a_xlsx.parse(path)
    assert [p.code for p in problems] == ["xlsx.unreadable"]
