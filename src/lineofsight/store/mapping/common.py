"""Helpers shared by the mappers: keeping the latest version of a record, and collection years."""

from datetime import date

from lineofsight.formats.table import Table


def latest_by_key(table: Table, key: str, version: str = "reference_date") -> list[int]:
    """Row positions keeping, for each key, the row from the latest collection (later files win).

    >>> t = Table("x", {"k": ["a", "b", "a"], "reference_date": [date(2024, 3, 31), None, date(2025, 3, 31)]}, "f", [1, 2, 3])
    >>> latest_by_key(t, "k")
    [1, 2]
    """
    best: dict = {}
    versions = table.columns.get(version) or [None] * len(table)
    for position, (value, when) in enumerate(zip(table.columns[key], versions)):
        current = best.get(value)
        if current is None or (when or date.min) >= (versions[current] or date.min):
            best[value] = position
    return sorted(best.values())


def select(table: Table, name: str, positions: list[int], columns: dict) -> Table:
    """A store table from chosen rows: ``columns`` maps store column → source column name or a function of the row."""
    out = {}
    for column, source in columns.items():
        if callable(source):
            out[column] = [source(table.row(position)) for position in positions]
        elif source is None:
            out[column] = [None] * len(positions)
        else:
            values = table.columns[source]
            out[column] = [values[position] for position in positions]
    row_files = [table.row_files[position] for position in positions] if table.row_files is not None else None
    return Table(name, out, table.source_file, [table.source_rows[position] for position in positions], row_files)


def collection_year_end(day: date) -> date:
    """The 31 March closing the collection year holding ``day``.

    >>> collection_year_end(date(2024, 4, 1)), collection_year_end(date(2025, 3, 31))
    (datetime.date(2025, 3, 31), datetime.date(2025, 3, 31))
    """
    return date(day.year + (1 if day.month > 3 else 0), 3, 31)


def add_months(day: date, months: int) -> date:
    """Calendar months, clipped at month end (reference §7.1 point 7).

    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    import calendar

    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
