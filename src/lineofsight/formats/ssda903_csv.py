"""SSDA903 (children looked after) CSV files. Each file is recognised by its set of columns (reference §4.1),
not its name, as the DfE validator does. Dates are ``DD/MM/YYYY``; codes are upper-cased. Sample ``Episodes``::

    CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
    C0000123,02/05/2024,S,C1,N1,U4,PR1,,,,,,

A folder may hold several collection years; every row records which file it came from.
"""

import csv
import io
from operator import itemgetter
from pathlib import Path

from lineofsight.formats.problems import ERROR, Problem
from lineofsight.formats.table import Table
from lineofsight.formats.text_files import read_text
from lineofsight.formats.ssd_csv import convert_column

FORMAT = "903"
TABLES = {
    "Header": ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    "Episodes": ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
    "Reviews": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    "UASC": ["CHILD", "SEX", "DOB", "DUC"],
    "OC2": ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    "OC3": ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    "AD1": ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    "PlacedAdoption": ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    "PrevPerm": ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
    "Missing": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    "SWEpisodes": ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
}
DATE_COLUMNS = {"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH", "DATE_PLACED", "DATE_PLACED_CEASED",
                "DATE_PERM", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC"}
# Columns whose values are codes: upper-cased and stripped, as the DfE validator does.
KEEP_CASE = {"CHILD", "UPN", "HOME_POST", "PL_POST", "URN", "SW_ID"}


def identify(header: list[str]) -> str | None:
    """The 903 table a header belongs to: the one whose columns it holds, preferring the most specific.

    >>> identify(["CHILD", "DOB", "REVIEW", "REVIEW_CODE"])
    'Reviews'
    >>> identify(["CHILD", "SEX", "DOB", "DUC"])
    'UASC'
    """
    names = set(header)
    matches = [name for name, columns in TABLES.items() if set(columns) <= names]
    return max(matches, key=lambda name: len(TABLES[name])) if matches else None


def parse(source: Path) -> tuple[dict[str, Table], list[Problem]]:
    source = Path(source)
    files = sorted(p for p in source.rglob("*.csv")) if source.is_dir() else [source]
    found: dict[str, list[Table]] = {}
    problems: list[Problem] = []
    for path in files:
        table, file_problems = parse_file(path)
        problems.extend(file_problems)
        if table is not None:
            found.setdefault(table.name, []).append(table)
    if "Episodes" not in found and "Header" not in found and not any(p.is_error for p in problems):
        problems.append(Problem("903.no_tables", ERROR, source.name, None, "", "No SSDA903 Header or Episodes file was found"))
    tables = {}
    for name, parts in found.items():
        columns = {column: [v for part in parts for v in part.columns[column]] for column in parts[0].columns}
        tables[name] = Table(name, columns, "; ".join(p.source_file for p in parts), [r for part in parts for r in part.source_rows],
                             columns["_file"])
    return tables, problems


def parse_file(path: Path) -> tuple[Table | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return None, problems + [Problem("csv.malformed", ERROR, path.name, None, "", f"The file is not valid CSV: {error}")]
    if not records:
        return None, problems + [Problem("csv.empty", ERROR, path.name, 1, "", "The file is empty: it needs a header row")]
    header = [cell.strip().upper() for cell in records[0]]
    name = identify(header)
    if name is None:
        best = max(TABLES, key=lambda t: len(set(TABLES[t]) & set(header)))
        missing = [column for column in TABLES[best] if column not in header]
        return None, problems + [Problem("csv.missing_column", ERROR, path.name, 1, column,
                                         f"The file looks like the 903 {best} table but has no '{column}' column") for column in missing]
    width = len(header)
    body, rows = [], []
    for line, record in enumerate(records[1:], start=2):
        if len(record) != width:
            if any(cell.strip() for cell in record):
                problems.append(Problem("csv.row_width", ERROR, path.name, line, "", f"The row has {len(record)} values but the header has {width}"))
            continue
        if any(cell.strip() for cell in record):
            body.append(record)
            rows.append(line)
    columns = {}
    for column in TABLES[name]:
        raw = list(map(itemgetter(header.index(column)), body))
        if column in DATE_COLUMNS:
            columns[column], found = convert_column(raw, "date", path.name, column, rows)
            problems.extend(found)
        elif column in KEEP_CASE:
            columns[column] = [text.strip() or None for text in raw]
        else:
            columns[column] = [text.strip().upper() or None for text in raw]
    columns["_file"] = [path.name] * len(rows)
    # A table with a header and no rows is normal (no adoptions this year, say): nothing to report.
    return Table(name, columns, path.name, rows), problems
