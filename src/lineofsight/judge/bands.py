"""RAG bands with explicit edges, read from a pack's "RAG Methodology" wording and checked (judging.md §4).

A band is half-open ``[lower, upper)`` unless it says otherwise; ``None`` is an open end (±∞).
Packs print whole or one-decimal figures, which leave gaps ("84% and below Red" / "85%-94% Amber")
and sometimes overlaps. ADR-003 sets the rule: values are judged unrounded, and a value the wording
gives to two bands, or to none, goes to the worse of the two neighbouring bands.
"""

import math
import re
from dataclasses import asdict, dataclass, field

from lineofsight.judge.polarity import Polarity

RANK = {"red": 0, "amber": 1, "green": 2}
COLOUR_WORDS = {"green": "green", "amber": "amber", "yellow": "amber", "red": "red"}


@dataclass(frozen=True)
class Band:
    rag: str  # "green" | "amber" | "red"
    lower: float | None
    upper: float | None
    lower_inclusive: bool = True
    upper_inclusive: bool = False

    def contains(self, value: float) -> bool:
        """
        >>> Band("amber", 85, 95).contains(94.99), Band("amber", 85, 95).contains(95)
        (True, False)
        """
        if self.lower is not None and (value < self.lower or (value == self.lower and not self.lower_inclusive)):
            return False
        if self.upper is not None and (value > self.upper or (value == self.upper and not self.upper_inclusive)):
            return False
        return True

    def describe(self, percent: bool = False) -> str:
        """The band in words, as pages state edges.

        >>> Band("amber", 85, 95).describe(percent=True)
        'Amber: 85% to under 95%'
        >>> Band("green", None, 20, upper_inclusive=True).describe()
        'Green: 20 or less'
        >>> Band("red", 22, None, lower_inclusive=False).describe()
        'Red: more than 22'
        """
        low, high = (_number(self.lower, percent), _number(self.upper, percent))
        if self.lower is None and self.upper is None:
            words = "any value"
        elif self.lower is None:
            words = f"{high} or less" if self.upper_inclusive else f"under {high}"
        elif self.upper is None:
            words = f"{low} or more" if self.lower_inclusive else f"more than {low}"
        else:
            words = {
                (True, False): f"{low} to under {high}",
                (True, True): f"{low} to {high}",
                (False, True): f"more than {low} up to {high}",
                (False, False): f"more than {low} and under {high}",
            }[(self.lower_inclusive, self.upper_inclusive)]
        return f"{self.rag.capitalize()}: {words}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Bands:
    bands: list[Band]  # the bands values are judged against, ascending by value
    published: list[Band] = field(default_factory=list)  # the wording read literally
    percent: bool = False
    relative_to: str | None = None  # "cohort" when edges are a share of a cohort, not the value itself
    text: str = ""
    seam_problems: list[str] = field(default_factory=list)  # gaps and overlaps in the wording

    def band_for(self, value: float) -> Band | None:
        """The worst band holding ``value`` (bands are closed already, so at most one normally)."""
        holding = [band for band in self.bands if band.contains(value)]
        return min(holding, key=lambda band: RANK[band.rag]) if holding else None

    def get(self, rag: str) -> Band | None:
        return next((band for band in self.bands if band.rag == rag), None)

    def describe(self) -> list[str]:
        return [band.describe(self.percent) for band in sorted(self.bands, key=lambda b: -RANK[b.rag])]

    def as_dicts(self) -> list[dict]:
        return [band.as_dict() for band in self.bands]

    @classmethod
    def from_dicts(cls, rows: list[dict], percent: bool = False) -> "Bands":
        bands = sorted((Band(**row) for row in rows), key=_sort_key)
        return cls(bands=bands, published=list(bands), percent=percent)


def _sort_key(band: Band):
    return (-math.inf if band.lower is None else band.lower, math.inf if band.upper is None else band.upper)


def _number(value, percent):
    if value is None:
        return ""
    text = f"{value:g}"
    return f"{text}%" if percent else text


_SEGMENT = re.compile(r"(.*?)\b(green|amber|yellow|red)\b", re.IGNORECASE | re.DOTALL)
_NUMBER = r"(\d+(?:\.\d+)?)"


class MethodologyError(ValueError):
    pass


def parse_methodology(text: str) -> Bands:
    """Read RAG methodology wording into bands.

    >>> bands = parse_methodology("95% or above Green 85%-94% Amber 84% and below Red")
    >>> bands.describe()
    ['Green: 95% or more', 'Amber: 85% to under 95%', 'Red: under 85%']
    >>> parse_methodology("558 or below Green 559 to 608 Amber 609 and above Red").describe()
    ['Green: 558 or less', 'Amber: more than 558 up to 608', 'Red: more than 608']
    >>> parse_methodology("22% or below Green 21% - 25% Amber 26% and above Red").seam_problems
    ['Green (22% or below) and Amber (21% - 25%) overlap from 21% to 22%']
    """
    segments = _SEGMENT.findall(text or "")
    if not segments:
        raise MethodologyError(f"no Green, Amber or Red band in {text!r}")
    percent = "%" in text
    relative_to = "cohort" if re.search(r"\bcohort\b", text, re.IGNORECASE) else None
    published, steps, wording = [], [], {}
    for spec, colour in segments:
        band, step = _read_spec(spec, COLOUR_WORDS[colour.lower()], text)
        published.append(band)
        steps.append(step)
        wording[band] = " ".join(spec.split())
    order = sorted(range(len(published)), key=lambda i: _sort_key(published[i]))
    published = [published[i] for i in order]
    steps = [steps[i] for i in order]
    bands, problems = _close_seams(published, steps, wording, percent)
    return Bands(bands=bands, published=published, percent=percent, relative_to=relative_to, text=text, seam_problems=problems)


def _read_spec(spec: str, rag: str, text: str) -> tuple[Band, float]:
    clean = spec.lower().replace("of cohort", "").replace("%", "").replace("–", "-").strip()
    numbers = re.findall(_NUMBER, clean)
    step = min((10 ** -len(n.split(".")[1]) if "." in n else 1.0) for n in numbers) if numbers else 1.0
    if len(numbers) == 2 and re.search(rf"{_NUMBER}\s*(?:-|to)\s*{_NUMBER}", clean):
        low, high = sorted(float(n) for n in numbers)
        return Band(rag, low, high, True, True), step
    if len(numbers) == 1:
        value = float(numbers[0])
        if re.search(r"or above|and above|or more|and over|or over|^\s*>=|^\s*≥|^\s*at least|\d\s*\+", clean):
            return Band(rag, value, None, True, False), step
        if re.search(r"or below|and below|or less|and under|or under|^\s*<=|^\s*≤|^\s*up to|^\s*at most", clean):
            return Band(rag, None, value, False, True), step
        if re.search(r"^\s*(?:<|less than|under|below)", clean):
            return Band(rag, None, value, False, False), step
        if re.search(r"^\s*(?:>|more than|over|above)", clean):
            return Band(rag, value, None, False, False), step
    raise MethodologyError(f"cannot read the {rag.capitalize()} band {spec.strip()!r} in {text!r}")


def _close_seams(published, steps, wording, percent):
    """Join neighbouring bands; the worse band takes any gap or overlap (ADR-003)."""
    bands = list(published)
    problems = []
    for i in range(len(bands) - 1):
        low, high = bands[i], bands[i + 1]
        if low.upper is None or high.lower is None:
            problems.append(f"{_name(published[i], wording, percent)} and {_name(published[i + 1], wording, percent)} overlap")
            continue
        gap = high.lower - low.upper
        step = min(steps[i], steps[i + 1])  # one printed unit: "84%" then "85%", or "20" then "20.1"
        pair = f"{_name(published[i], wording, percent)} and {_name(published[i + 1], wording, percent)}"
        if gap > step + 1e-9 or (abs(gap) <= 1e-9 and not low.upper_inclusive and not high.lower_inclusive):
            problems.append(f"{pair} leave a gap between {_number(low.upper, percent)} and {_number(high.lower, percent)}")
        elif gap < -1e-9:
            problems.append(f"{pair} overlap from {_number(high.lower, percent)} to {_number(low.upper, percent)}")
        elif abs(gap) <= 1e-9 and low.upper_inclusive and high.lower_inclusive:
            problems.append(f"{pair} overlap at {_number(low.upper, percent)}")
        overlapping = gap < -1e-9 or (abs(gap) <= 1e-9 and low.upper_inclusive and high.lower_inclusive)
        low_is_worse = RANK[low.rag] <= RANK[high.rag]
        if low_is_worse != overlapping:  # the lower-valued band reaches up to where the higher one starts
            bands[i] = _with(bands[i], upper=high.lower, upper_inclusive=not high.lower_inclusive)
        else:  # the higher-valued band reaches down to where the lower one ends
            bands[i + 1] = _with(high, lower=low.upper, lower_inclusive=not low.upper_inclusive)
    return bands, problems


def _with(band: Band, **changes) -> Band:
    data = band.as_dict()
    data.update(changes)
    return Band(**data)


def _name(band: Band, wording, percent) -> str:
    return f"{band.rag.capitalize()} ({wording.get(band) or band.describe(percent).split(': ', 1)[1]})"


def check_bands(bands: Bands, polarity, target: float | None = None) -> list[str]:
    """What is wrong with a set of bands, in words; an empty list when nothing is.

    >>> check_bands(parse_methodology("98% or above Green 90%-97% Amber 89% and below Red"), "BIB", 75)
    ['the target 75% is outside its own Green band (Green: 98% or more)']
    >>> check_bands(parse_methodology("90% or above Green 80%-89% Amber 79% and below Red"), "SIB")
    ['the bands are ordered for higher is better, but the polarity is lower is better']
    """
    polarity = Polarity.parse(polarity)
    problems = list(bands.seam_problems)
    seen = [band.rag for band in bands.published]
    for rag in sorted(set(seen)):
        if seen.count(rag) > 1:
            problems.append(f"{rag.capitalize()} appears {seen.count(rag)} times")
    edges = bands.published or bands.bands
    if edges and (edges[0].lower is not None or edges[-1].upper is not None):
        problems.append("the bands do not cover every value (an outer band should be open-ended)")
    if not bands.seam_problems and bands.published == bands.bands:
        problems.extend(_exact_seams(bands.bands, bands.percent))
    ranks = [RANK[band.rag] for band in bands.bands]
    if polarity is None:
        problems.append("no polarity: a RAG needs to know whether higher or lower is better")
    elif len(set(ranks)) > 1:
        rising, falling = ranks == sorted(ranks), ranks == sorted(ranks, reverse=True)
        implied = "higher is better" if rising else "lower is better" if falling else "in range"
        wanted = {Polarity.HIGHER_IS_BETTER: rising, Polarity.LOWER_IS_BETTER: falling}.get(polarity)
        if polarity is Polarity.IN_RANGE:
            wanted = not rising and not falling and ranks.index(max(ranks)) not in (0, len(ranks) - 1)
        if not wanted:
            problems.append(f"the bands are ordered for {implied}, but the polarity is {polarity.value.replace('_', ' ')}")
    if target is not None and bands.relative_to is None:
        # the published wording decides where the target sits, before any seam was closed
        green = next((band for band in bands.published if band.rag == "green"), None) or bands.get("green")
        if green is None:
            problems.append("there is no Green band for the target to sit in")
        elif not green.contains(target):
            problems.append(f"the target {_number(target, bands.percent)} is outside its own Green band ({green.describe(bands.percent)})")
    return problems


def _exact_seams(bands: list[Band], percent: bool) -> list[str]:
    problems = []
    for low, high in zip(bands, bands[1:]):
        if low.upper is None or high.lower is None or low.upper > high.lower or (
            low.upper == high.lower and low.upper_inclusive and high.lower_inclusive
        ):
            problems.append(f"{low.describe(percent)} and {high.describe(percent)} overlap")
        elif low.upper < high.lower or (not low.upper_inclusive and not high.lower_inclusive):
            problems.append(f"{low.describe(percent)} and {high.describe(percent)} leave a gap")
    return problems
