"""Every indicator judged for one organisation and month: what the dashboard and the packs both show.

A ``Viewer`` says what its reader may see (unpublished months, small numbers); the board picks the
visible values, applies the year's target, judges the latest month and runs SPC on the series.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date

from lineofsight.accounts.permissions import may
from lineofsight import judge as judging
from lineofsight.performance.pages import catalogue, queries
from lineofsight.performance.pages.catalogue import Definition
from lineofsight.performance.pages.queries import Point

log = logging.getLogger(__name__)

SMALL_COUNT_MAX = 5  # DfE's default: counts 1–5 are suppressed in public output


@dataclass(frozen=True)
class Viewer:
    unpublished: bool = False
    unsuppressed: bool = False
    small_count_max: int = SMALL_COUNT_MAX

    @classmethod
    def for_user(cls, user) -> "Viewer":
        return cls(unpublished=may(user, "performance.view_unpublished"), unsuppressed=may(user, "performance.view_unsuppressed"))

    @classmethod
    def for_audience(cls, audience: str, small_count_max: int = SMALL_COUNT_MAX, unpublished: bool = True) -> "Viewer":
        """A pack's reader: the public sees published, suppressed figures; the board sees them unsuppressed,
        and unpublished months too only when whoever asks for the pack may see those (``unpublished``)."""
        if audience == "internal_board":
            return cls(unpublished=unpublished, unsuppressed=True)
        return cls(unpublished=False, unsuppressed=False, small_count_max=small_count_max)


@dataclass
class Assessed:
    definition: Definition
    points: list[Point]
    month: date | None
    latest: Point | None
    previous: Point | None
    target: float | None
    method: str
    bands: object
    methodology_text: str
    owner: str
    judgement: object = None
    spc: object = None
    suppressed: bool = False

    @property
    def ref(self) -> str:
        return self.definition.ref

    @property
    def status(self) -> str:
        return getattr(self.judgement, "status", "no_data") if self.judgement is not None else "not_judged"

    @property
    def variation(self) -> str:
        return str(getattr(self.spc, "variation", "") or "")

    @property
    def is_concern(self) -> bool:
        return "concern" in self.variation

    @property
    def is_improvement(self) -> bool:
        return "improvement" in self.variation

    @property
    def is_exception(self) -> bool:
        """What a committee asks about first: Red, or a real change for the worse."""
        return self.status == "red" or self.is_concern

    @property
    def is_strength(self) -> bool:
        return not self.is_exception and (self.status == "green" or self.is_improvement)


@dataclass
class Board:
    organisation: object
    month: date | None
    viewer: Viewer
    indicators: list[Assessed] = field(default_factory=list)
    months: list[date] = field(default_factory=list)

    @property
    def areas(self) -> list[tuple[str, list[Assessed]]]:
        grouped: dict[str, list[Assessed]] = {}
        for item in self.indicators:
            grouped.setdefault(item.definition.area, []).append(item)
        return list(grouped.items())

    @property
    def exceptions(self) -> list[Assessed]:
        return [item for item in self.indicators if item.is_exception]

    @property
    def strengths(self) -> list[Assessed]:
        return [item for item in self.indicators if item.is_strength]

    @property
    def month_published(self) -> bool:
        return all(item.latest is None or item.latest.published for item in self.indicators)


def is_small(point: Point, viewer: Viewer) -> bool:
    """Public output hides counts of 1 to the threshold, and any rate built on such a count (judging.md §11)."""
    if viewer.unsuppressed:
        return False
    count = point.numerator if point.numerator is not None else (point.value if point.denominator is None else None)
    return count is not None and 0 < count <= viewer.small_count_max


def _effective(definition: Definition, month: date | None, targets: dict) -> tuple:
    """The year's target and bands: the organisation's own ``Target`` row over the definition's defaults."""
    override = targets.get((definition.ref, judging.financial_year(month))) if month else None
    target = definition.target_for(month)
    if override is None:
        return target, definition.method, definition.bands, definition.methodology_text
    bands = override.bands or definition.bands
    target = override.target if override.target is not None else target
    return target, override.method or definition.method, bands, override.methodology_text or definition.methodology_text


def bands_for(bands, methodology_text: str, unit: str):
    """The judge's ``Bands`` from stored dicts, or from the published methodology wording."""
    if isinstance(bands, judging.Bands):
        return bands
    if isinstance(bands, list) and bands and isinstance(bands[0], dict):
        return judging.Bands.from_dicts(bands, percent=unit == "percent")
    if methodology_text:
        try:
            return judging.parse_methodology(methodology_text)
        except ValueError:
            return None
    return None


def judge_item(item: Assessed, viewer: Viewer) -> None:
    definition = item.definition
    polarity = definition.polarity
    item.bands = bands_for(item.bands, item.methodology_text, definition.unit)
    if item.latest is not None:
        item.suppressed = is_small(item.latest, viewer)
    try:
        item.judgement = judging.judge(
            item.latest.value if item.latest is not None else None,
            polarity=polarity,
            bands=item.bands,
            target=item.target,
            method=item.method,
            amber_variance=definition.amber_variance,
            suppressed=item.suppressed,
            percent=definition.unit == "percent",
        )
    except ValueError as error:  # a definition the judge cannot use: show it unjudged, say why
        log.warning("cannot judge %s: %s", definition.ref, error)
    values = [p.value for p in item.points if p.value is not None]
    if len(values) >= 2 and not item.suppressed:
        item.spc = judging.analyse(values, polarity or "in_range", target=item.target)


def assess(definition: Definition, points: list[Point], month: date | None, targets: dict, owner: str, viewer: Viewer) -> Assessed:
    series = sorted((p for p in points if month is None or p.month <= month), key=lambda p: p.month)
    latest = series[-1] if series and (month is None or series[-1].month == month) else None
    earlier = [p for p in series if latest is None or p.month < latest.month]
    previous = earlier[-1] if earlier else None
    target, method, bands, methodology = _effective(definition, month, targets)
    item = Assessed(definition, series, month, latest, previous, target, method, bands, methodology, owner or definition.owner)
    judge_item(item, viewer)
    return item


def build(org, viewer: Viewer, month: date | None = None, *, dashboard: str | None = "main", refs=None, breakdown: str = "service", key: str | None = None) -> Board:
    """The board for ``month`` (default: the latest month the viewer may see)."""
    known = catalogue.load()
    points = queries.visible_points(org, unpublished=viewer.unpublished, refs=refs, breakdown=breakdown, key=key) if org else []
    by_ref: dict[str, list[Point]] = {}
    for point in points:
        by_ref.setdefault(point.ref, []).append(point)
    months = sorted({p.month for p in points})
    if month is None and months:
        month = months[-1]
    definitions = {ref: catalogue.definition_for(ref, known) for ref in by_ref}
    if refs is None:  # indicators with a definition but no values still show, as "no data"
        for ref, definition in known.items():
            definitions.setdefault(ref, definition)
    wanted = [
        d for d in definitions.values()
        if dashboard is None or (dashboard == "workforce") == d.is_workforce
    ]
    wanted.sort(key=lambda d: (d.order, d.ref))
    targets = queries.targets(org) if org else {}
    owners = queries.owners(org) if org else {}
    board = Board(org, month, viewer, months=[m for m in months if month is None or m <= month])
    for definition in wanted:
        owner = owners.get(definition.ref)
        board.indicators.append(
            assess(definition, by_ref.get(definition.ref, []), month, targets, owner.owner_initials if owner else "", viewer)
        )
    return board


def with_points(item: Assessed, points: list[Point]) -> Assessed:
    return replace(item, points=points)
