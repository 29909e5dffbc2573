"""The case store: one DuckDB file of SSD-shaped tables, opened only through here.

DuckDB allows one writing process at a time: a load holds the file for its transaction, so readers in another
process should expect to wait or retry while a load runs.
"""

from pathlib import Path

import duckdb

from lineofsight.config.paths import case_store_path

SCHEMA_SQL = Path(__file__).with_name("schema.sql")


def open_store(path: Path | str | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the case store (default: ``case_store_path()``), creating the file and its schema if absent.

    A read-only open of a store that does not exist yet creates it first, so readers always see every table.
    """
    target = Path(path) if path is not None else case_store_path()
    if read_only:
        if not target.exists():
            open_store(target).close()
        return duckdb.connect(str(target), read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(target))
    connection.execute(SCHEMA_SQL.read_text())
    return connection


__all__ = ["open_store"]
