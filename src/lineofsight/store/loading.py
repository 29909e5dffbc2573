"""Loading case data: parse everything, validate everything, then insert in one transaction, or nothing.

What a load replaces, and when it is refused because another format already holds the same children, is
``store.replacement``'s: reloading never duplicates.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lineofsight.formats.problems import Problem, has_errors
from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import fast_ssd, open_store
from lineofsight.store.frame import to_frame
from lineofsight.store.registry import FORMATS, detect
from lineofsight.store.replacement import conflicts, replace_earlier
from lineofsight.store.validation import validate

Progress = Callable[[str, int, int], None]


class LoadRefused(Exception):
    """Nothing was stored: ``problems`` says why (at least one has severity error)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = sum(1 for p in problems if p.is_error)
        super().__init__(f"The load was refused: {errors} error(s) in the data")


@dataclass
class LoadResult:
    batch_id: int
    rows_by_table: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    source_format: str = ""
    period_start: date | None = None
    period_end: date | None = None
    seconds: float = 0.0

    @property
    def row_count(self) -> int:
        return sum(self.rows_by_table.values())


def _noop(stage: str, done: int, total: int) -> None:
    pass


def read(path: Path, source_format: str | None = None) -> tuple[str | None, object, list[Problem]]:
    """Parse and map a file or folder without touching the store: (format, Mapped or None, problems)."""
    path = Path(path)
    if not path.exists():
        return None, None, [Problem("file.missing", "error", path.name, None, "", f"'{path}' does not exist")]
    source_format = source_format or detect(path)
    if source_format is None:
        return None, None, [Problem("format.unknown", "error", path.name, None, "",
                                    "This is not a recognised case-data format (SSD CSVs, CIN census XML, SSDA903 CSVs or Annex A xlsx)")]
    if source_format not in FORMATS:
        return None, None, [Problem("format.unknown", "error", path.name, None, "format",
                                    f"'{source_format}' is not a format: use one of {', '.join(FORMATS)}")]
    fmt = FORMATS[source_format]
    parsed, problems = fmt.parse(path)
    if not parsed:
        if not has_errors(problems):
            problems = problems + [Problem("format.empty", "error", path.name, None, "", f"No {fmt.label} tables could be read")]
        return source_format, None, problems
    # Values that could not be read are None; the rest is still mapped and checked, so one report lists everything.
    try:
        mapped = fmt.to_store(parsed)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # Data the reader accepted but the mapper cannot place: say so rather than show a traceback.
        return source_format, None, problems + [Problem("map.failed", "error", path.name, None, "",
                                                        f"The {fmt.label} could not be mapped to the case store: {error!r}")]
    return source_format, mapped, problems + mapped.problems


def load_path(path, org_code: str, *, store_path=None, progress: Progress | None = None, source_format: str | None = None,
              today: date | None = None) -> LoadResult:
    """Load a file or folder for one organisation; raise LoadRefused (store untouched) on any error."""
    started = time.perf_counter()
    progress = progress or _noop
    path = Path(path)
    org_code = (org_code or "").strip().upper()
    if not org_code:
        raise LoadRefused([Problem("org.missing", "error", "", None, "org_code", "Give the organisation code")])
    progress("reading", 0, 1)
    if not path.exists():
        raise LoadRefused([Problem("file.missing", "error", path.name, None, "", f"'{path}' does not exist")])
    source_format = source_format or detect(path)
    connection = open_store(store_path)
    try:
        connection.begin()
        staged = fast_ssd.stage(connection, path, progress) if source_format == "ssd" else None
        problems: list[Problem] = []
        mapped = None
        if staged is None:
            source_format, mapped, problems = read(path, source_format)
            if mapped is None:
                connection.rollback()
                raise LoadRefused(problems)
            staged = _stage(connection, mapped, source_format, progress)
        total = sum(rows for _, rows in staged.values())
        progress("checking", total, total)
        # a value the reader could not read is stored blank: its problem is the reader's, not "blank"
        unread = {(problem.file, problem.row, problem.field) for problem in problems}
        checked = validate(connection, {name: file for name, (file, _) in staged.items()}, today)
        problems = problems + [problem for problem in checked if (problem.file, problem.row, problem.field) not in unread]
        if has_errors(problems):
            connection.rollback()
            raise LoadRefused(problems)
        period_start, period_end = (mapped.period_start, mapped.period_end) if mapped else (None, None)
        if period_end is None:
            period_start, period_end = _data_period(connection, staged)
        clashes = conflicts(connection, org_code, source_format, staged, period_start, period_end)
        if clashes:
            connection.rollback()
            raise LoadRefused(problems + clashes)
        problems = problems + replace_earlier(connection, org_code, source_format, staged, period_end)
        total = sum(rows for _, rows in staged.values())
        batch_id = connection.execute("SELECT nextval('load_batch_seq')").fetchone()[0]
        done = 0
        for name, (_, rows) in staged.items():
            columns = ", ".join(TABLES[name])
            connection.execute(f"INSERT INTO {name} SELECT {columns}, ?, ? FROM new_{name}", [org_code, batch_id])
            connection.execute(f"DROP TABLE new_{name}")
            done += rows
            progress("storing", done, total)
        files = "; ".join(dict.fromkeys(file for file, _ in staged.values()))
        connection.execute(
            "INSERT INTO load_batches VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [batch_id, org_code, source_format, files[:2000], period_start, period_end, datetime.now(), total],
        )
        connection.commit()
    except LoadRefused:
        raise
    except Exception:
        connection.rollback()
        raise
    finally:
        connection.close()
    return LoadResult(batch_id, {name: rows for name, (_, rows) in staged.items()}, problems, source_format,
                      period_start, period_end, time.perf_counter() - started)


def _stage(connection, mapped, source_format, progress) -> dict[str, tuple[str, int]]:
    """Stage mapped tables as ``new_<table>`` (a snapshot stages its empty tables too: they replace)."""
    tables = {name: table for name, table in mapped.tables.items() if len(table) or FORMATS[source_format].snapshot}
    total = sum(len(table) for table in tables.values())
    done = 0
    for name, table in tables.items():
        connection.register("incoming", to_frame(table))
        connection.execute(f"CREATE TEMP TABLE new_{name} AS SELECT * FROM incoming")
        connection.unregister("incoming")
        done += len(table)
        progress("staging", done, total)
    return {name: (table.source_file, len(table)) for name, table in tables.items()}


def _data_period(connection, tables) -> tuple[date | None, date | None]:
    """A snapshot's period: the earliest and latest event dates it holds (birth and due dates aside)."""
    parts = [
        f"SELECT min({column}) AS lo, max({column}) AS hi FROM new_{name}"
        for name in tables
        for column, kind in TABLES[name].items()
        if kind == "date" and not any(word in column for word in ("dob", "due", "target", "expected", "death"))
    ]
    if not parts:
        return None, None
    low, high = connection.execute(f"SELECT min(lo)::DATE, max(hi)::DATE FROM ({' UNION ALL '.join(parts)})").fetchone()
    return low, high


def unload_batch(batch_id: int, *, store_path=None) -> dict[str, int]:
    """Remove every row a batch loaded, and the batch record; returns rows removed per table."""
    connection = open_store(store_path)
    try:
        if not connection.execute("SELECT 1 FROM load_batches WHERE batch_id = ?", [batch_id]).fetchone():
            raise LookupError(f"There is no batch {batch_id}")
        connection.begin()
        removed = {}
        for name in TABLES:
            count = connection.execute(f"SELECT count(*) FROM {name} WHERE batch_id = ?", [batch_id]).fetchone()[0]
            if count:
                connection.execute(f"DELETE FROM {name} WHERE batch_id = ?", [batch_id])
                removed[name] = count
        connection.execute("DELETE FROM load_batches WHERE batch_id = ?", [batch_id])
        connection.commit()
        return removed
    finally:
        connection.close()
