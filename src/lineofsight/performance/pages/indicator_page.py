"""One indicator's page: its chart, the data table beside it, the methodology in words, and breakdowns."""

from __future__ import annotations

from markupsafe import Markup

from lineofsight.core.formatting import month_label
from lineofsight import charts
from lineofsight import judge as judging
from lineofsight.performance.pages import wording
from lineofsight.performance.pages.board import Assessed, Viewer, is_small
from lineofsight.performance.pages.presenters import SUPPRESSED, IndicatorPresenter, tag_params


class IndicatorPage(IndicatorPresenter):
    def __init__(self, item: Assessed, viewer: Viewer, *, comparators=(), with_links: bool = True):
        super().__init__(item, viewer, with_links=with_links)
        self.comparators = list(comparators)

    @property
    def chart_title(self) -> str:
        """A title that tells the story: where the latest month stands against the target."""
        status = self.item.status
        if self.item.latest is None or self.item.latest.value is None:
            return f"{self.ref}: no value for the latest month"
        story = {"red": "well short of target", "amber": "close to target", "green": "meeting target"}.get(status, "")
        if self.item.is_concern:
            story = f"{story}, and worsening" if story else "a real change for the worse"
        elif self.item.is_improvement:
            story = f"{story}, and improving" if story else "a real change for the better"
        return f"{self.ref} {story}" if story else f"{self.ref} month by month"

    @property
    def chart_subtitle(self) -> str:
        points = self.item.points
        span = f"{month_label(points[0].month)} to {month_label(points[-1].month)}" if points else "no months yet"
        return f"{self.title}, {self.item.definition.unit}, whole service, {span}"

    def _visible(self, point) -> bool:
        return point.value is not None and not is_small(point, self.viewer)

    @property
    def chart_svg(self) -> Markup:
        points = [(month_label(p.month), p.value if self._visible(p) else None) for p in self.item.points]
        if sum(1 for _, v in points if v is not None) < 2:
            return Markup("")
        # Comparators are annual: each is drawn flat across the months, labelled with its period.
        latest = {}
        for row in self.comparators:
            if row.value is not None:
                latest[row.group] = row
        comparators = {f"{group} {row.period_label}": [(label, row.value) for label, _ in points] for group, row in latest.items()}
        svg = charts.line_chart(
            points,
            title=self.chart_title,
            description=f"{self.chart_subtitle}. The data table beside the chart gives every value.",
            unit=self.item.definition.unit,
            target=self.item.target,
            spc=self.item.spc,
            comparators=comparators,
            polarity=self.item.definition.polarity,
        )
        return Markup(svg)

    @property
    def table_rows(self) -> list[dict]:
        """Month, numerator, denominator, value and RAG; small numbers replaced by ``c`` for the public."""
        rows = []
        for point in reversed(self.item.points):
            small = is_small(point, self.viewer)
            if small:
                judgement = judging.judge(None, polarity=None, suppressed=True)
            else:
                try:
                    judgement = judging.judge(
                        point.value, polarity=self.item.definition.polarity, bands=self.item.bands, target=self.item.target,
                        method=self.item.method, amber_variance=self.item.definition.amber_variance,
                        percent=self.item.definition.unit == "percent",
                    )
                except ValueError:
                    judgement = None
            rows.append(
                {
                    "month": month_label(point.month),
                    "numerator": SUPPRESSED if small else wording.count_text(point.numerator),
                    "denominator": "" if point.denominator is None else (SUPPRESSED if small and point.numerator is None else wording.count_text(point.denominator)),
                    "value": SUPPRESSED if small else (wording.value_text(point.value, self.unit) if point.value is not None else f"No data: {point.no_data_reason or 'not computed'}"),
                    "rag": tag_params(judgement),
                    "judgement": judgement,
                    "unpublished": not point.published,
                }
            )
        return rows

    @property
    def chart_head(self) -> list[str]:
        return ["Month", "Numerator", "Denominator", "Value", "RAG"]

    @property
    def chart_rows(self) -> list[list[str]]:
        """The data table beside the chart (the chart's text alternative), newest month first."""
        return [
            [row["month"] + (" (not yet published)" if row["unpublished"] else ""), row["numerator"], row["denominator"], row["value"], row["rag"]["label"]]
            for row in self.table_rows
        ]

    @property
    def table_cells(self) -> list[list[dict]]:
        """govukTable rows when there is no chart to sit beside."""
        return [[{"text": cell, "format": "numeric" if 0 < i < 4 else ""} for i, cell in enumerate(row)] for row in self.chart_rows]

    @property
    def bands_in_words(self) -> list[str]:
        bands = self.item.bands
        if bands is not None and hasattr(bands, "describe"):
            return bands.describe()
        return []

    @property
    def method_text(self) -> str:
        if self.item.method == "pct_of_target":
            variance = self.item.definition.amber_variance
            amber = f"Amber when short of it by up to {variance:g}%" if variance is not None else "Amber when a little short"
            return f"Judged against the target: Green at or beyond it, {amber}, Red when further short."
        if self.bands_in_words:
            return "Judged against fixed bands."
        if not self.item.definition.polarity:
            return "Not rated: no direction is set as better, so the value is shown as data only."
        return "Not rated: no RAG bands are set for this indicator."

    @property
    def published_methodology(self) -> str:
        return self.item.methodology_text

    @property
    def judgement_reason(self) -> str:
        return getattr(self.item.judgement, "reason", "") or ""

    def breakdown_table(self, points, label: str) -> dict:
        """The latest month by team or worker: a unit per row."""
        month = self.item.month
        latest = [p for p in points if p.month == month] if month else []
        latest.sort(key=lambda p: (p.value is None, -(p.value or 0) * (1 if self.definition.polarity == "lower_is_better" else -1), p.label))
        return {
            "label": label,
            "month": month_label(month) if month else "",
            "rows": [
                {
                    "name": p.label or p.key,
                    "numerator": wording.count_text(p.numerator),
                    "denominator": wording.count_text(p.denominator),
                    "value": wording.value_text(p.value, self.unit) if p.value is not None else f"No data: {p.no_data_reason or 'not computed'}",
                }
                for p in latest
            ],
        }
