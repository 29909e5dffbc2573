"""Suppress small numbers in public output (judging.md §11).

Counts from 1 to the threshold become ``c``; where a row or column total would let a reader work a
suppressed cell out, a second cell is suppressed too; a percentage whose numerator is suppressed is
suppressed. Values stay unrounded; round after this. Every suppression is logged with its reason.
"""

from dataclasses import dataclass

SYMBOLS = {
    "c": "confidential: suppressed to protect individuals",
    "x": "unavailable for other reasons",
    "z": "not applicable",
    "low": "rounds to 0 but is not 0",
    "k": "rounds to 0 but is not 0",
    "u": "low reliability",
}
DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class SuppressedCell:
    row: str
    column: str
    value: float | None  # unrounded; kept for the audit record, never shown when a symbol is set
    symbol: str | None = None
    reason: str = ""

    @property
    def shown(self) -> str:
        """What a public table prints.

        >>> SuppressedCell("A", "B", 3, "c").shown, SuppressedCell("A", "B", 12.0).shown
        ('c', '12')
        """
        if self.symbol:
            return self.symbol
        return "" if self.value is None else f"{self.value:g}"


@dataclass
class SuppressedTable:
    cells: dict[str, dict[str, SuppressedCell]]
    log: list[SuppressedCell]  # each suppressed cell, with why

    def shown(self) -> dict[str, dict[str, str]]:
        return {row: {col: cell.shown for col, cell in cols.items()} for row, cols in self.cells.items()}


def suppress_table(
    table: dict[str, dict[str, float | str | None]],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    total_row: str | None = "Total",
    total_column: str | None = "Total",
    rates: dict[str, str] | None = None,
) -> SuppressedTable:
    """Suppress a table of counts given as ``{row: {column: value}}``.

    ``rates`` maps a percentage column to the count column that is its numerator. A cell already
    holding a symbol (``"z"``, ``"x"``) keeps it.

    >>> result = suppress_table({"Team A": {"Boys": 3, "Girls": 10, "Total": 13},
    ...                          "Team B": {"Boys": 8, "Girls": 9, "Total": 17}})
    >>> result.shown()["Team A"]
    {'Boys': 'c', 'Girls': 'c', 'Total': '13'}
    >>> [(cell.row, cell.column, cell.reason) for cell in result.log]  # doctest: +NORMALIZE_WHITESPACE
    [('Team A', 'Boys', 'primary: 3 is between 1 and 5'),
     ('Team A', 'Girls', 'secondary: Total of row Team A would reveal Boys')]
    """
    rates = rates or {}
    rows = list(table)
    columns = list(dict.fromkeys(col for cols in table.values() for col in cols))
    symbols: dict[tuple[str, str], str] = {}
    reasons: dict[tuple[str, str], str] = {}
    order: list[tuple[str, str]] = []

    def mark(key, reason, symbol="c"):
        if key not in symbols:
            symbols[key], reasons[key] = symbol, reason
            order.append(key)

    for row in rows:
        for col in columns:
            value = table[row].get(col)
            if isinstance(value, str):
                symbols[(row, col)] = value  # published symbol, not a suppression of ours
            elif col not in rates and value is not None and 1 <= value <= threshold:
                mark((row, col), f"primary: {value:g} is between 1 and {threshold}")

    count_columns = [col for col in columns if col not in rates]
    changed = True
    while changed:
        changed = False
        lines = []
        if total_column in count_columns:
            lines += [("row", row, [(row, col) for col in count_columns if col != total_column], (row, total_column)) for row in rows]
        if total_row in rows:
            lines += [("column", col, [(row, col) for row in rows if row != total_row], (total_row, col)) for col in count_columns]
        for kind, name, parts, total in lines:
            if total not in _present(table, [total]):
                continue
            hidden = [key for key in parts if symbols.get(key) == "c"]
            if len(hidden) != 1 or symbols.get(total) == "c":
                continue
            candidates = [key for key in parts if key not in symbols and isinstance(table[key[0]].get(key[1]), (int, float))]
            revealed = hidden[0][1] if kind == "row" else hidden[0][0]
            reason = f"secondary: {total[1] if kind == 'row' else total[0]} of {kind} {name} would reveal {revealed}"
            if candidates:
                smallest = min(candidates, key=lambda key: (table[key[0]][key[1]] == 0, table[key[0]][key[1]]))
                mark(smallest, reason)
            else:
                mark(total, reason)
            changed = True

    for rate_col, numerator_col in rates.items():
        for row in rows:
            if symbols.get((row, numerator_col)) == "c" and rate_col in table[row]:
                mark((row, rate_col), f"rate: its numerator {numerator_col} is suppressed")

    cells = {
        row: {
            col: SuppressedCell(row, col, _number(table[row][col]), symbols.get((row, col)), reasons.get((row, col), ""))
            for col in columns
            if col in table[row]
        }
        for row in rows
    }
    return SuppressedTable(cells=cells, log=[cells[row][col] for row, col in order])


def _present(table, keys):
    return [key for key in keys if key[0] in table and key[1] in table[key[0]]]


def _number(value):
    return None if isinstance(value, str) or value is None else float(value)
