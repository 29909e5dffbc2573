"""What a new load replaces, and what it may not be stored beside, so no child is ever counted twice.

* An **SSD extract** is a full snapshot. Loading one replaces, for that organisation, every row previously loaded
  from an SSD extract in each table the new extract contains. Tables it does not contain are left alone, so
  local tables can be sent separately.
* A **CIN census, SSDA903 return or Annex A** covers a collection period. Loading one replaces the
  organisation's earlier batch of the same format with the same period end (e.g. the CIN census for the year to
  31 March 2025), so a corrected resubmission supersedes the first.
* Returns for other periods overlap: a referral open on 31 March is in both years' CIN census, a child looked
  after for years in every 903. A record already stored from another return of the same format keeps one
  version, the one from the return with the later period end (as the mappers do within one load), and the load
  says how many it superseded.
* Two formats for one organisation in the same table and overlapping periods (an SSD extract and a CIN census)
  would hold the same children under different identifiers, so the second load is refused, naming the batch
  to unload first.

A batch left with no rows after a replacement is removed from ``load_batches``.
"""

from collections import Counter
from datetime import date

from lineofsight.formats.problems import ERROR, WARNING, Problem
from lineofsight.formats.ssd_tables import TABLES, key_column
from lineofsight.store.registry import FORMATS


def conflicts(connection, org_code: str, source_format: str, staged: dict[str, tuple[str, int]],
              period_start: date | None, period_end: date | None) -> list[Problem]:
    """An error for each table the load fills that already holds the organisation's rows from another format."""
    clashes: dict[tuple, list[tuple[str, str]]] = {}
    for name, (file, rows) in staged.items():
        if not rows:
            continue
        for batch in connection.execute(
            f"SELECT DISTINCT b.batch_id, b.source_format, b.period_start, b.period_end FROM {name} t JOIN load_batches b USING (batch_id) "
            "WHERE t.org_code = ? AND b.source_format <> ?",
            [org_code, source_format],
        ).fetchall():
            if _overlap(period_start, period_end, batch[2], batch[3]):
                clashes.setdefault(batch, []).append((name, file))
    problems = []
    for (batch_id, other_format, start, end), tables in sorted(clashes.items()):
        names = ", ".join(name for name, _ in tables)
        problems.append(Problem(
            "load.other_format", ERROR, tables[0][1], None, names,
            f"{org_code}'s records for {_period(start, end)} are already stored in these tables from {FORMATS[other_format].label} "
            f"(batch {batch_id}): beside this {FORMATS[source_format].label} the same children would be counted twice. "
            f"Unload batch {batch_id} first (lineofsight unload {batch_id}), or load this under another organisation code.",
        ))
    return problems


def replace_earlier(connection, org_code: str, source_format: str, staged: dict[str, tuple[str, int]], period_end: date | None) -> list[Problem]:
    """Remove what this load replaces; drop staged records a later return already holds. Returns what it superseded.

    ``staged`` is updated in place with the rows that will be stored.
    """
    if FORMATS[source_format].snapshot:
        earlier = _batches(connection, "org_code = ? AND source_format = ?", [org_code, source_format])
        _delete_batches(connection, earlier, list(staged))
        return []
    same_period = _batches(connection, "org_code = ? AND source_format = ? AND period_end IS NOT DISTINCT FROM ?", [org_code, source_format, period_end])
    _delete_batches(connection, same_period, list(TABLES))
    older = _batches(connection, "org_code = ? AND source_format = ? AND period_end < ?", [org_code, source_format, period_end])
    newer = _batches(connection, "org_code = ? AND source_format = ? AND (period_end > ? OR period_end IS NULL)", [org_code, source_format, period_end])
    problems = []
    for name, (file, rows) in list(staged.items()):
        if not rows:
            continue
        same = _same_record(name)
        superseded = connection.execute(
            f"DELETE FROM {name} WHERE org_code = ? AND list_contains(?, batch_id) AND EXISTS (SELECT 1 FROM new_{name} n WHERE {same}) RETURNING batch_id",
            [org_code, older],
        ).fetchall() if older else []
        for batch_id, count in Counter(row[0] for row in superseded).items():
            connection.execute("UPDATE load_batches SET row_count = row_count - ? WHERE batch_id = ?", [count, batch_id])
        kept_later = connection.execute(
            f"DELETE FROM new_{name} n WHERE EXISTS (SELECT 1 FROM {name} WHERE org_code = ? AND list_contains(?, batch_id) AND {same})",
            [org_code, newer],
        ).fetchone()[0] if newer else 0
        if superseded:
            problems.append(Problem("load.superseded", WARNING, file, None, name,
                                    f"{len(superseded)} of these {name} records were already stored from an earlier return; this return's version is kept"))
        if kept_later:
            problems.append(Problem("load.already_later", WARNING, file, None, name,
                                    f"{kept_later} of these {name} records are already stored from a later return, whose version is kept"))
        staged[name] = (file, rows - kept_later)
    _drop_empty_batches(connection, older)
    return problems


def _same_record(name: str) -> str:
    """A stored row (``{name}``) and a staged one (``n``) are one record: the same key, or every column where the SSD declares no key."""
    key = key_column(name)
    return " AND ".join(f"n.{column} IS NOT DISTINCT FROM {name}.{column}" for column in ([key] if key else TABLES[name]))


def _overlap(start, end, other_start, other_end) -> bool:
    return (start is None or other_end is None or start <= other_end) and (other_start is None or end is None or other_start <= end)


def _period(start, end) -> str:
    return f"{start:%d %b %Y} to {end:%d %b %Y}" if start and end else "an unknown period"


def _batches(connection, where: str, parameters: list) -> list[int]:
    return [row[0] for row in connection.execute(f"SELECT batch_id FROM load_batches WHERE {where}", parameters).fetchall()]


def _delete_batches(connection, batch_ids: list[int], tables: list[str]) -> None:
    if not batch_ids:
        return
    for name in tables:
        connection.execute(f"DELETE FROM {name} WHERE list_contains(?, batch_id)", [batch_ids])
    _drop_empty_batches(connection, batch_ids)


def _drop_empty_batches(connection, batch_ids: list[int]) -> None:
    if not batch_ids:
        return
    counts = " UNION ALL ".join(f"SELECT batch_id FROM {name} WHERE list_contains(?, batch_id)" for name in TABLES)
    still_used = {row[0] for row in connection.execute(f"SELECT DISTINCT batch_id FROM ({counts})", [batch_ids] * len(TABLES)).fetchall()}
    empty = [batch_id for batch_id in batch_ids if batch_id not in still_used]
    if empty:
        connection.execute("DELETE FROM load_batches WHERE list_contains(?, batch_id)", [empty])
