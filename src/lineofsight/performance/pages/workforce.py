"""The workforce dashboard (the pack's Appendix 3): each team's measures for the latest month, trends, definitions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from lineofsight.core.formatting import month_label
from lineofsight.performance.pages import board as boards
from lineofsight import charts
from lineofsight.performance.pages import queries, wording
from lineofsight.performance.pages.board import Assessed, Viewer, is_small
from lineofsight.performance.pages.presenters import SUPPRESSED

# The trends Appendix 3's readers asked for, found by the words in each measure's title.
TREND_WORDS = (("agency staff", "Agency staff"), ("vacant", "Vacancy"), ("average caseload", "Caseload"))
TREND_MONTHS = 12


@dataclass
class Trend:
    name: str
    item: Assessed
    svg: Markup
    rows: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class WorkforcePage:
    org: object
    month: date | None
    measures: list[Assessed]
    columns: list[dict]
    rows: list[dict]
    total: dict | None
    trends: list[Trend]
    viewer: Viewer

    @property
    def month_text(self) -> str:
        return month_label(self.month) if self.month else ""

    @property
    def by_measure(self) -> dict:
        """The team table turned so measures run down the page: fourteen columns do not fit a screen."""
        units = self.rows + ([self.total] if self.total else [])
        return {
            "teams": [unit["name"] for unit in units],
            "rows": [{"title": column["title"], "cells": [unit["cells"][i] for unit in units]} for i, column in enumerate(self.columns)],
        }

    @property
    def definitions(self) -> list[dict]:
        return [{"ref": m.definition.ref, "title": m.definition.title, "description": m.definition.description or "No definition recorded"} for m in self.measures]

    @classmethod
    def build(cls, org, viewer: Viewer, month: date | None = None) -> "WorkforcePage":
        board = boards.build(org, viewer, month, dashboard="workforce")
        measures = board.indicators
        refs = [m.ref for m in measures]
        team_points = queries.visible_points(org, unpublished=viewer.unpublished, breakdown="team", refs=refs) if refs else []
        team_points = [p for p in team_points if p.month == board.month]
        columns = [{"ref": m.ref, "title": m.definition.title, "unit": m.definition.unit} for m in measures]
        cells: dict[str, dict[str, object]] = {}
        names: dict[str, str] = {}
        for point in team_points:
            names[point.key] = point.label or point.key
            cells.setdefault(point.key, {})[point.ref] = point
        rows = []
        for key in sorted(cells, key=lambda k: names[k]):
            rows.append({"name": names[key], "cells": [cls._cell(cells[key].get(m.ref), m.definition.unit, viewer) for m in measures]})
        total = None
        if measures:
            total = {"name": "Whole service", "cells": [cls._cell(m.latest, m.definition.unit, viewer) for m in measures]}
        trends = [cls._trend(name, item) for name, item in cls._trend_items(measures)]
        return cls(org, board.month, measures, columns, rows, total, trends, viewer)

    @staticmethod
    def _cell(point, unit: str, viewer: Viewer) -> str:
        if point is None:
            return "No data"
        if is_small(point, viewer):
            return SUPPRESSED
        if point.value is None:
            return f"No data: {point.no_data_reason}" if point.no_data_reason else "No data"
        return wording.value_text(point.value, unit)

    @staticmethod
    def _trend_items(measures: list[Assessed]):
        for words, name in TREND_WORDS:
            for item in measures:
                if words in item.definition.title.lower():
                    yield name, item
                    break

    @staticmethod
    def _trend(name: str, item: Assessed) -> Trend:
        points = item.points[-TREND_MONTHS:]
        unit = item.definition.unit
        rows = [(month_label(p.month), wording.value_text(p.value, unit) if p.value is not None else "No data") for p in points]
        svg = Markup("")
        if sum(1 for p in points if p.value is not None) >= 2:
            svg = Markup(
                charts.line_chart(
                    [(month_label(p.month), p.value) for p in points],
                    title=f"{name}: the last {len(points)} months",
                    description=f"{item.definition.title}, whole service, {rows[0][0]} to {rows[-1][0]}.",
                    unit=unit,
                    target=item.target,
                    polarity=item.definition.polarity,
                )
            )
        return Trend(name, item, svg, rows)
