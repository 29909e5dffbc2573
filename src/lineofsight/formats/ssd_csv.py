"""SSD extract: one CSV per SSD object (``ssd_<object>.csv``) plus one per local table (``local_<name>.csv``).

The header row holds the store's column names exactly, in any order; dates are ``YYYY-MM-DD`` (a time part is
dropped) or ``DD/MM/YYYY``; flags ``Y``/``N``. For example ``ssd_cin_episodes.csv``::

    cine_referral_id,cine_person_id,cine_referral_date,cine_cin_primary_need_code,...
    R000001,C000001,2024-04-02,N1,...
"""

import csv
import gc
import io
from operator import itemgetter
from pathlib import Path

from lineofsight.formats.problems import ERROR, WARNING, Problem
from lineofsight.formats.ssd_tables import TABLES
from lineofsight.formats.table import Table
from lineofsight.formats.text_files import read_text
from lineofsight.formats.values import CONVERTERS

FORMAT = "ssd"
MAX_PROBLEMS_PER_COLUMN = 50


def is_ssd_file(path: Path) -> bool:
    return path.suffix.lower() == ".csv" and path.stem.lower().startswith(("ssd_", "local_"))


def parse(source: Path) -> tuple[dict[str, Table], list[Problem]]:
    """Read a folder of SSD CSVs, or one of them; returns typed tables keyed by store table name."""
    source = Path(source)
    files = sorted(p for p in source.iterdir() if is_ssd_file(p)) if source.is_dir() else [source]
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    if not files:
        problems.append(Problem("ssd.no_files", ERROR, source.name, None, "", "No ssd_*.csv or local_*.csv files were found"))
    # Millions of small lists would set off the cycle collector again and again; none of them form cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in files:
            table, found = parse_file(path)
            problems.extend(found)
            if table is not None:
                tables[table.name] = table
    finally:
        if collecting:
            gc.enable()
    return tables, problems


def parse_file(path: Path) -> tuple[Table | None, list[Problem]]:
    name = path.stem.lower()
    if name not in TABLES:
        return None, [Problem("ssd.unknown_file", WARNING, path.name, None, "", f"'{path.name}' is not an SSD or local table; it was ignored")]
    text, problems = read_text(path)
    if text is None:
        return None, problems
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return None, problems + [Problem("csv.malformed", ERROR, path.name, None, "", f"The file is not valid CSV: {error}")]
    if not records or not any(cell.strip() for cell in records[0]):
        return None, problems + [Problem("csv.empty", ERROR, path.name, 1, "", "The file is empty: it needs a header row")]
    header = [cell.strip().lower() for cell in records[0]]
    spec = TABLES[name]
    missing = [column for column in spec if column not in header]
    if missing:
        return None, problems + [
            Problem("csv.missing_column", ERROR, path.name, 1, column, f"The column '{column}' is missing from the header")
            for column in missing
        ]
    for extra in (column for column in header if column not in spec and column):
        problems.append(Problem("csv.extra_column", WARNING, path.name, 1, extra, f"The column '{extra}' is not part of {name}; it was ignored"))
    width = len(header)
    body, source_rows = [], []
    if all(len(record) == width for record in records[1:]):
        body, source_rows = records[1:], list(range(2, len(records) + 1))
    for line_number, record in enumerate(records[1:] if not body else (), start=2):
        if len(record) != width:
            if not any(cell.strip() for cell in record):
                continue
            problems.append(Problem("csv.row_width", ERROR, path.name, line_number, "", f"The row has {len(record)} values but the header has {width}"))
            continue
        body.append(record)
        source_rows.append(line_number)
    position = {column: header.index(column) for column in spec}
    columns = {}
    for column, kind in spec.items():
        raw = list(map(itemgetter(position[column]), body))
        values, found = convert_column(raw, kind, path.name, column, source_rows)
        columns[column] = values
        problems.extend(found)
    return Table(name, columns, path.name, source_rows), problems


def convert_column(raw, kind: str, file: str, column: str, source_rows: list[int]) -> tuple[list, list[Problem]]:
    """Convert one column of text; report at most MAX_PROBLEMS_PER_COLUMN bad values, then a count of the rest.

    Columns repeat values heavily (dates, codes), so each distinct text is converted once.
    """
    if kind == "text":
        return [text.strip() or None for text in raw], []
    convert = CONVERTERS[kind]
    converted = {text: convert(text) for text in set(raw)}
    values = [converted[text][0] for text in raw]
    bad_texts = {text for text, (_, complaint) in converted.items() if complaint}
    problems: list[Problem] = []
    if not bad_texts:
        return values, problems
    bad = [index for index, text in enumerate(raw) if text in bad_texts]
    for index in bad[:MAX_PROBLEMS_PER_COLUMN]:
        problems.append(Problem(f"{kind}.invalid", ERROR, file, source_rows[index], column, converted[raw[index]][1]))
    if len(bad) > MAX_PROBLEMS_PER_COLUMN:
        problems.append(Problem(f"{kind}.invalid", ERROR, file, None, column, f"…and {len(bad) - MAX_PROBLEMS_PER_COLUMN} more values like these"))
    return values, problems
