"""What the pages need to know about each indicator, read through ``lineofsight.indicators``' Python API.

The engine owns the YAML definitions; this module turns each into one small ``Definition`` so pages
and packs never reach into the engine's own objects. A value whose indicator has no definition
(e.g. reported in a past pack only) still shows, under its ref, rather than disappearing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lineofsight.judge.periods import financial_year

OTHER_AREA = "Other indicators"
# Area headings as Appendix 2 prints them, in its order.
AREA_NAMES = {
    "workforce": "Workforce",
    "front_door": "Front door",
    "assessment": "Assessment",
    "help_and_protection": "Children in need of help and protection",
    "looked_after": "Looked after children",
    "fostering_adoption": "Fostering and adoption",
    "care_leavers": "Care leavers",
    "quality_assurance": "Quality assurance",
}
UNITS = {"count": "number", "average": "number", "rate_per_10000": "rate"}
POLARITIES = {"BIB": "higher_is_better", "SIB": "lower_is_better", "in_range": "in_range", "none": None}


@dataclass(frozen=True)
class Definition:
    ref: str
    title: str
    area: str = OTHER_AREA
    unit: str = "number"  # percent | number | days | rate
    polarity: str | None = None  # higher_is_better | lower_is_better | in_range
    targets: dict = field(default_factory=dict)  # financial year → target
    method: str = "fixed_bands"  # fixed_bands | pct_of_target
    bands: list | None = None  # judge Band fields as dicts
    amber_variance: float | None = None
    methodology_text: str = ""
    owner: str = ""
    breakdowns: tuple[str, ...] = ("service",)
    dashboard: str = "main"  # main | workforce
    description: str = ""
    no_data_reason: str = ""
    order: int = 0
    bad_records: dict = field(default_factory=dict)  # what the query does with undated records (indicators.bad_records)
    is_count: bool = False

    @property
    def slug(self) -> str:
        return slug_for(self.ref)

    @property
    def is_workforce(self) -> bool:
        return self.dashboard == "workforce" or self.ref.upper().startswith("WF")

    def missing_dates(self, counts: dict[str, int] | None = None) -> list[str]:
        """The bad-records statement in words; with ``counts``, how many of each there were."""
        from lineofsight.indicators import bad_records

        return bad_records.in_words(self.bad_records, is_count=self.is_count, counts=counts)

    def target_for(self, month) -> float | None:
        """The target for ``month``'s financial year; a year without its own keeps the last one set.

        >>> from datetime import date
        >>> d = Definition("AMT 2", "t", targets={"2017-18": 95})
        >>> d.target_for(date(2017, 10, 1)), d.target_for(date(2026, 10, 1)), d.target_for(date(2016, 10, 1))
        (95.0, 95.0, None)
        """
        if month is None:
            return None
        year = financial_year(month)
        known = sorted(y for y in self.targets if y <= year)
        if not known:
            return None
        value = self.targets[known[-1]]
        if isinstance(value, dict):
            value = value.get("target")
        try:
            return float(value) if value is not None else None
        except (TypeError, ValueError):  # "<10% of cohort": a target the judge cannot compare against
            return None


def slug_for(ref: str) -> str:
    """
    >>> slug_for("AMT 2"), slug_for("LAC 19 (12m)"), slug_for("W1 a")
    ('amt-2', 'lac-19-12m', 'w1-a')
    """
    from lineofsight.indicators import slug

    return slug(ref)


def _band(row: dict) -> dict:
    return {"lower": None, "upper": None, **row}


def from_engine(raw, order: int = 0) -> Definition:
    rag = raw.rag or {}
    bands = [_band(b) for b in (rag.get("bands") or [])] or None
    return Definition(
        ref=raw.ref,
        title=raw.title,
        area=AREA_NAMES.get(raw.area, raw.area.replace("_", " ").capitalize()),
        unit=UNITS.get(raw.unit, raw.unit),
        polarity=POLARITIES.get(raw.polarity, raw.polarity),
        targets=dict(raw.targets or {}),
        method=rag.get("method") or "fixed_bands",
        bands=bands,
        amber_variance=rag.get("amber_variance"),
        methodology_text=rag.get("methodology") or "",
        owner=raw.owner or "",
        breakdowns=tuple(raw.breakdowns or ("service",)),
        dashboard=raw.dashboard or "main",
        description=raw.description or raw.numerator or "",
        no_data_reason=raw.no_data_reason or "",
        order=order,
        bad_records=dict(raw.bad_records),
        is_count=raw.unit == "count",
    )


def load() -> dict[str, Definition]:
    """Every known definition by ref, in the engine's (area) order."""
    from lineofsight import indicators

    areas = list(AREA_NAMES)
    ordered = sorted(indicators.definitions(), key=lambda d: (areas.index(d.area) if d.area in areas else len(areas), natural_key(d.ref)))
    return {d.ref: d for d in (from_engine(raw, order) for order, raw in enumerate(ordered))}


def natural_key(ref: str) -> tuple:
    """Refs in the order people count them: WF 2 before WF 10.

    >>> sorted(["WF 10", "WF 2", "W1 a", "W 1"], key=natural_key)
    ['W 1', 'W1 a', 'WF 2', 'WF 10']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in re.findall(r"\d+|[A-Za-z]+", ref))


def definition_for(ref: str, known: dict[str, Definition] | None = None) -> Definition:
    known = load() if known is None else known
    if ref in known:
        return known[ref]
    from lineofsight.indicators.definitions import ref_key

    for definition in known.values():
        if ref_key(definition.ref) == ref_key(ref):
            return definition
    return Definition(ref=ref, title=ref, order=10_000, dashboard="workforce" if ref.upper().startswith("WF") else "main")
