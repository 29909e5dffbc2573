"""Mappers: each format's parsed tables → the store's SSD-shaped tables, plus the period the data covers."""

from dataclasses import dataclass, field
from datetime import date

from lineofsight.formats.problems import Problem
from lineofsight.formats.table import Table


@dataclass
class Mapped:
    tables: dict[str, Table]
    problems: list[Problem] = field(default_factory=list)
    # The collection period for a return (CIN, 903, Annex A); None for a snapshot, worked out from the data.
    period_start: date | None = None
    period_end: date | None = None
