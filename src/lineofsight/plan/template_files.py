"""Read and write the plan template as one XLSX workbook or as a set of CSV files.

An XLSX file holds one sheet per part (``actions``, ``workstreams``, ``priorities``,
``recommendations``, ``officers``). As CSV, ``plan.csv`` holds the actions and its companions sit
beside it: ``plan-workstreams.csv``, ``plan-priorities.csv`` and so on.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from lineofsight.plan.template import SHEETS


class TemplateFileError(ValueError):
    pass


class Sheet(list):
    """Rows as dicts, remembering the header even when there are no rows."""

    def __init__(self, header, rows):
        super().__init__(rows)
        self.header = list(header)


def csv_path(path: Path, sheet: str) -> Path:
    """Where a sheet lives beside the actions CSV.

    >>> csv_path(Path("demo/plan.csv"), "officers").as_posix()
    'demo/plan-officers.csv'
    >>> csv_path(Path("demo/plan.csv"), "actions").as_posix()
    'demo/plan.csv'
    """
    return path if sheet == "actions" else path.with_name(f"{path.stem}-{sheet}{path.suffix}")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m")  # a spreadsheet turned "2017-12" into a date
    return str(value)


def read(path: Path) -> dict[str, Sheet]:
    path = Path(path)
    if not path.exists():
        raise TemplateFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise TemplateFileError(f"{path}: use an .xlsx or .csv file")


def _to_sheet(table: list[list]) -> Sheet:
    if not table:
        return Sheet([], [])
    header = [_cell(h).strip() for h in table[0]]
    rows = [dict(zip(header, (_cell(v) for v in row))) for row in table[1:] if any(_cell(v).strip() for v in row)]
    return Sheet(header, rows)


def _read_xlsx(path: Path) -> dict[str, Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own types for a broken file
        raise TemplateFileError(f"{path}: not a readable XLSX workbook ({error})") from error
    return {name.lower(): _to_sheet(workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names}


def _read_csv(path: Path) -> dict[str, Sheet]:
    sheets = {}
    for sheet in SHEETS:
        part = csv_path(path, sheet)
        if part.exists():
            with part.open(newline="", encoding="utf-8-sig") as handle:
                sheets[sheet] = _to_sheet(list(csv.reader(handle)))
    return sheets


def write(path: Path, sheets: dict[str, list[dict]]) -> list[Path]:
    """Write every sheet; returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        import xlsxwriter

        workbook = xlsxwriter.Workbook(str(path))
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        bold = workbook.add_format({"bold": True})
        for sheet, columns in SHEETS.items():
            worksheet = workbook.add_worksheet(sheet)
            for col, name in enumerate(columns):
                worksheet.write_string(0, col, name, bold)
            for row_index, row in enumerate(sheets.get(sheet, []), start=1):
                for col, name in enumerate(columns):
                    # write_string: a ref "2.10" must not become the number 2.1
                    worksheet.write_string(row_index, col, row.get(name, ""), wrap)
        workbook.close()
        return [path]
    if suffix == ".csv":
        written = []
        for sheet, columns in SHEETS.items():
            part = csv_path(path, sheet)
            with part.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows(sheets.get(sheet, []))
            written.append(part)
        return written
    raise TemplateFileError(f"{path}: use an .xlsx or .csv file")
