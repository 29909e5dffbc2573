"""Hand-built case stores for tests: raw ssd_/local_ rows in, a DuckDB store file (or memory) out."""

from __future__ import annotations

from datetime import date, datetime

from lineofsight.store import open_store


def add_rows(connection, table: str, rows: list[dict], org_code: str, batch_id: int) -> None:
    """Insert rows naming only the columns they need; org_code and batch_id are filled in."""
    for row in rows:
        filled = {**row, "org_code": org_code, "batch_id": batch_id}
        names = list(filled)
        connection.execute(f"insert into {table} ({', '.join(names)}) values ({', '.join('?' for _ in names)})", [filled[n] for n in names])


def add_batch(connection, org_code: str, batch_id: int, period_start: date, period_end: date, tables: dict[str, list[dict]]) -> None:
    for table, rows in tables.items():
        add_rows(connection, table, rows, org_code, batch_id)
    connection.execute(
        "insert into load_batches values (?, ?, 'ssd', 'test', ?, ?, ?, ?)",
        [batch_id, org_code, period_start, period_end, datetime(2020, 1, 1), sum(len(rows) for rows in tables.values())],
    )


def build_store(path, batches: list[tuple[str, int, date, date, dict[str, list[dict]]]]):
    """A store at ``path`` (":memory:" for none) holding the given batches; returns the open connection."""
    connection = open_store(path)
    for org_code, batch_id, start, end, tables in batches:
        add_batch(connection, org_code, batch_id, start, end, tables)
    return connection


def monthly_referrals(first: date, months: int, per_month: int = 4, prefix: str = "r") -> list[dict]:
    """Referrals spread over months (referrals mark the months a store has data for)."""
    rows = []
    for index in range(months):
        year, month = first.year + (first.month - 1 + index) // 12, (first.month - 1 + index) % 12 + 1
        for n in range(per_month):
            rows.append({"cine_referral_id": f"{prefix}{index}-{n}", "cine_person_id": f"p{index}-{n}", "cine_referral_date": date(year, month, 10 + n),
                         "cine_referral_team": "T1", "cine_referral_nfa": "N"})
    return rows
