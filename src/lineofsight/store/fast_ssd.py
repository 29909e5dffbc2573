"""The fast path for clean SSD extracts: DuckDB reads and types each CSV itself, straight into staging.

It only ever accepts: any surprise (a header that is not exactly the table's columns, a value it cannot type,
an encoding it cannot read) makes it step aside, and the loader falls back to ``formats.ssd_csv``, whose
problem reports are the ones users see. So clean files load at DuckDB speed and broken files are reported
exactly as the pure reader reports them.
"""

from pathlib import Path

import duckdb

from lineofsight.formats.ssd_csv import is_ssd_file
from lineofsight.formats.ssd_tables import TABLES

_TRUE = "('y', 'yes', 'true', '1', 'a) yes')"
_FALSE = "('n', 'no', 'false', '0', 'b) no')"
_NA = "('na', 'c) unknown', 'unknown')"


class _StepAside(Exception):
    pass


def _typed(column: str, kind: str) -> tuple[str, str]:
    """(SQL giving the typed value, SQL true when a non-blank value could not be typed)."""
    value = f"nullif(trim({column}), '')"
    if kind == "date":
        # ISO first (a plain cast is the fast path), then UK style, then a timestamp with its time dropped.
        typed = (f"coalesce(try_cast({value} AS DATE), CAST(try_strptime({value}, '%d/%m/%Y') AS DATE), "
                 f"CAST(try_cast({value} AS TIMESTAMP) AS DATE))")
    elif kind == "flag":
        typed = (f"CASE WHEN lower({value}) IN {_TRUE} THEN 'Y' WHEN lower({value}) IN {_FALSE} THEN 'N' "
                 f"WHEN lower({value}) IN {_NA} THEN 'NA' END")
    elif kind == "int":
        typed = f"CASE WHEN try_cast({value} AS DOUBLE) = floor(try_cast({value} AS DOUBLE)) THEN CAST(try_cast({value} AS DOUBLE) AS INTEGER) END"
    elif kind == "float":
        typed = f"try_cast({value} AS DOUBLE)"
    else:
        return value, "false"
    return typed, f"({value} IS NOT NULL AND {typed} IS NULL)"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _line_count(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def stage(connection: duckdb.DuckDBPyConnection, source: Path, progress=None) -> dict[str, tuple[str, int]] | None:
    """Stage every SSD CSV under ``source`` as ``new_<table>``; None (nothing left behind) if any file needs the slow path."""
    source = Path(source)
    files = sorted(p for p in source.iterdir() if is_ssd_file(p)) if source.is_dir() else [source]
    if not files or any(path.stem.lower() not in TABLES for path in files):
        return None
    staged: dict[str, tuple[str, int]] = {}
    # Lines are a cheap estimate of rows, so the progress bar has a total before DuckDB has read anything.
    expected = sum(_line_count(path) - 1 for path in files) if progress else 0
    done = 0
    try:
        for path in files:
            name = path.stem.lower()
            spec = TABLES[name]
            with open(path, encoding="utf-8-sig", newline="") as handle:
                header = [cell.strip().lower() for cell in handle.readline().rstrip("\r\n").split(",")]
            if sorted(header) != sorted(spec):
                raise _StepAside
            declared = ", ".join(f"'{column}': 'VARCHAR'" for column in header)
            typed = {column: _typed(column, kind) for column, kind in spec.items()}
            selected = ", ".join(f"{expression} AS {column}" for column, (expression, _) in typed.items())
            # The raw text of typed columns rides along (as _raw_<column>) so one pass both types and checks.
            raw = ", ".join(f"{column} AS _raw_{column}" for column, (_, check) in typed.items() if check != "false")
            blank = " AND ".join(f"nullif(trim({column}), '') IS NULL" for column in spec)
            connection.execute(
                f"CREATE TEMP TABLE new_{name} AS SELECT {selected}, {raw + ', ' if raw else ''}_row, {_quote(Path(path.name))} AS _file "
                f"FROM (SELECT row_number() OVER () + 1 AS _row, * FROM read_csv({_quote(path)}, header = true, auto_detect = false, "
                f"delim = ',', quote = '\"', escape = '\"', columns = {{{declared}}})) WHERE NOT ({blank})"
            )
            bad = " OR ".join(f"(_raw_{column} IS NOT NULL AND nullif(trim(_raw_{column}), '') IS NOT NULL AND {column} IS NULL)"
                              for column, (_, check) in typed.items() if check != "false") or "false"
            if connection.execute(f"SELECT count(*) FROM new_{name} WHERE {bad}").fetchone()[0]:
                raise _StepAside
            staged[name] = (path.name, connection.execute(f"SELECT count(*) FROM new_{name}").fetchone()[0])
            done += staged[name][1]
            if progress:
                progress("reading", done, max(expected, done))
    except (_StepAside, duckdb.Error, UnicodeDecodeError, OSError):
        for name in TABLES:
            connection.execute(f"DROP TABLE IF EXISTS temp.new_{name}")
        return None
    return staged
