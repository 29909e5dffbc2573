"""Turn judged indicators into the strings and GOV.UK macro params the pages and packs print."""

from __future__ import annotations

from markupsafe import Markup
from django.urls import reverse

from lineofsight.core.formatting import month_label
from lineofsight import charts
from lineofsight.performance.pages import wording
from lineofsight.performance.pages.board import Assessed, Viewer, is_small

SUPPRESSED = "c"
STATUS_WORDS = {
    "green": "Green",
    "amber": "Amber",
    "red": "Red",
    "no_data": "No data",
    "not_due": "Not due",
    "data_only": "Data only",
    "suppressed": "Suppressed",
    "not_judged": "Not judged",
}
TAG_COLOURS = {"green": "green", "amber": "orange", "red": "red"}


def tag_params(judgement) -> dict:
    """govukTag params for a judgement: the word always shown, colour only for Red, Amber and Green."""
    status = getattr(judgement, "status", "not_judged") if judgement is not None else "not_judged"
    text = getattr(judgement, "label", "") or STATUS_WORDS.get(status, status)
    colour = getattr(judgement, "tag_colour", None) or TAG_COLOURS.get(status, "grey")
    # status and label feed the shared rag_tag component; text and classes feed govukTag directly
    return {"status": status, "label": text, "text": text, "classes": f"govuk-tag--{colour}"}


class IndicatorPresenter:
    def __init__(self, item: Assessed, viewer: Viewer | None = None, *, with_links: bool = True, org_code: str = ""):
        self.item = item
        self.org_code = org_code
        self.viewer = viewer or Viewer(unsuppressed=True)
        self.definition = item.definition
        self.with_links = with_links

    @property
    def ref(self) -> str:
        return self.definition.ref

    @property
    def title(self) -> str:
        return self.definition.title

    @property
    def href(self) -> str:
        if not self.with_links:
            return ""
        href = reverse("performance:indicator", args=[self.definition.slug])
        return f"{href}?org={self.org_code}" if self.org_code else href

    @property
    def unit(self) -> str:
        return self.definition.unit

    @property
    def value_text(self) -> str:
        latest = self.item.latest
        if latest is None:
            return "No data"
        if self.item.suppressed:
            return SUPPRESSED
        if latest.value is None:
            return "No data"
        return wording.value_text(latest.value, self.unit)

    @property
    def no_data_reason(self) -> str:
        latest = self.item.latest
        if latest is None:
            if self.definition.no_data_reason:  # the source is not in the case store at all
                return self.definition.no_data_reason
            return f"No value for {month_label(self.item.month)}" if self.item.month else "No values yet"
        if latest.value is None:
            return latest.no_data_reason or "No value could be computed"
        return ""

    @property
    def is_unpublished(self) -> bool:
        return self.item.latest is not None and not self.item.latest.published

    @property
    def target_text(self) -> str:
        return wording.value_text(self.item.target, self.unit) if self.item.target is not None else "No target"

    @property
    def rag(self) -> dict:
        return tag_params(self.item.judgement)

    @property
    def judgement(self):
        return self.item.judgement

    @property
    def status(self) -> str:
        return self.item.status

    @property
    def distance_text(self) -> str:
        if self.item.suppressed:
            return "Small number: not shown"
        return getattr(self.item.judgement, "distance_text", "") or ""

    @property
    def change_text(self) -> str:
        previous = self.item.previous
        if self.item.suppressed or (previous is not None and is_small(previous, self.viewer)):
            return "Small numbers: not shown"
        return wording.change_text(
            self.item.latest.value if self.item.latest else None,
            previous.value if previous else None,
            self.unit,
            self.definition.polarity,
            previous.month if previous else None,
        )

    @property
    def spc(self):
        return self.item.spc

    @property
    def variation_text(self) -> str:
        if self.item.spc is None:
            return "Too few months for SPC"
        return getattr(self.item.spc, "variation_text", "") or ""

    @property
    def variation_label(self) -> str:
        """The short SPC wording for tables; the full sentence is on the indicator page."""
        if self.item.spc is None:
            return "Too few months"
        return getattr(self.item.spc, "variation_label", "") or ""

    @property
    def assurance_label(self) -> str:
        if self.item.spc is None:
            return ""
        return getattr(self.item.spc, "assurance_label", "") or ""

    @property
    def assurance_text(self) -> str:
        if self.item.spc is None:
            return ""
        return getattr(self.item.spc, "assurance_text", "") or ""

    @property
    def spc_warning(self) -> str:
        return (getattr(self.item.spc, "warning", "") or "") if self.item.spc is not None else ""

    @property
    def owner(self) -> str:
        return self.item.owner

    @property
    def polarity_text(self) -> str:
        return wording.polarity_text(self.definition.polarity)

    @property
    def series_values(self) -> list[float | None]:
        if self.item.suppressed:
            return []
        return [p.value for p in self.item.points[-12:]]

    @property
    def sparkline(self) -> Markup:
        values = [v for v in self.series_values if v is not None]
        if len(values) < 2:
            return Markup("")
        svg = charts.sparkline(self.series_values, label=f"{self.ref} trend: {self.sparkline_text}")
        return Markup(svg)

    @property
    def sparkline_text(self) -> str:
        points = [p for p in self.item.points[-12:] if p.value is not None]
        if len(points) < 2 or self.item.suppressed:
            return ""
        return f"From {wording.value_text(points[0].value, self.unit)} in {month_label(points[0].month)} to {wording.value_text(points[-1].value, self.unit)} in {month_label(points[-1].month)}"


def present(items: list[Assessed], viewer=None, *, with_links: bool = True, org_code: str = "") -> list[IndicatorPresenter]:
    return [IndicatorPresenter(item, viewer, with_links=with_links, org_code=org_code) for item in items]


def summary_counts(items: list[Assessed]) -> list[tuple[str, int]]:
    """How many indicators sit in each state, in the order a committee reads them."""
    order = ["red", "amber", "green", "no_data", "data_only", "not_due", "suppressed", "not_judged"]
    counts = {status: 0 for status in order}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    return [(STATUS_WORDS.get(status, status), n) for status, n in counts.items() if n]
