"""Judge one value: Red, Amber or Green, or a state that is not a RAG (judging.md §3, §5)."""

from dataclasses import dataclass

from lineofsight.judge.bands import Bands
from lineofsight.judge.polarity import Polarity

LABELS = {
    "green": "Green",
    "amber": "Amber",
    "red": "Red",
    "no_data": "No data",
    "not_due": "Not yet due",
    "data_only": "Data only",
    "suppressed": "Suppressed",
}
TAG_COLOURS = {"green": "green", "amber": "orange", "red": "red"}
METHODS = ("fixed_bands", "pct_of_target")


@dataclass(frozen=True)
class Judgement:
    """A judged value. ``label`` and ``tag_colour`` follow from ``status`` when not given."""

    status: str
    label: str = ""
    tag_colour: str = ""
    distance_to_target: float | None = None  # positive = better than target
    distance_text: str = ""
    reason: str = ""  # why a value got no RAG, when it did not

    def __post_init__(self):
        if self.status not in LABELS:
            raise ValueError(f"unknown judgement status {self.status!r}")
        if not self.label:
            object.__setattr__(self, "label", LABELS[self.status])
        if not self.tag_colour:
            object.__setattr__(self, "tag_colour", TAG_COLOURS.get(self.status, "grey"))

    @property
    def is_rag(self) -> bool:
        return self.status in TAG_COLOURS

    @property
    def tag_classes(self) -> str:
        return f"govuk-tag--{self.tag_colour}"


def judge(
    value: float | None,
    *,
    polarity,
    bands: Bands | None = None,
    target: float | None = None,
    method: str = "fixed_bands",
    amber_variance: float | None = None,
    due: bool = True,
    suppressed: bool = False,
    percent: bool | None = None,
) -> Judgement:
    """Judge an unrounded value.

    >>> from lineofsight.judge.bands import parse_methodology
    >>> bands = parse_methodology("95% or above Green 85%-94% Amber 84% and below Red")
    >>> j = judge(67.7, polarity="BIB", bands=bands, target=95)
    >>> j.label, j.tag_colour, j.distance_text
    ('Red', 'red', '27.3 points short of the 95% target')
    >>> judge(94.5, polarity="BIB", bands=bands).label
    'Amber'
    >>> judge(84.5, polarity="BIB", bands=bands).label
    'Red'
    >>> judge(19, polarity="SIB", target=20, method="pct_of_target", amber_variance=10).label
    'Green'
    >>> judge(None, polarity="BIB", bands=bands).label, judge(80, polarity="BIB").label
    ('No data', 'Data only')
    """
    polarity = Polarity.parse(polarity)
    if isinstance(bands, list):  # as stored in Target.bands
        bands = Bands.from_dicts([b if isinstance(b, dict) else b.as_dict() for b in bands])
    if percent is None:
        percent = bool(bands and bands.percent)
    distance, text = _distance(value, polarity, target, percent)
    if suppressed:
        return Judgement("suppressed", reason="suppressed to protect individuals")
    if not due:
        return Judgement("not_due", reason="not yet due")
    if value is None:
        return Judgement("no_data", reason="a value was due and is missing")
    if polarity is None:
        return Judgement("data_only", distance_to_target=distance, distance_text=text, reason="no polarity: a RAG needs to know which direction is better")
    if method == "fixed_bands":
        if bands is None or not bands.bands:
            return Judgement("data_only", distance_to_target=distance, distance_text=text, reason="no RAG bands")
        if bands.relative_to:
            return Judgement("data_only", distance_to_target=distance, distance_text=text, reason=f"the bands are a share of the {bands.relative_to}, not the value itself")
        band = bands.band_for(value)
        if band is None:
            return Judgement("data_only", distance_to_target=distance, distance_text=text, reason="the value falls in no band")
        return Judgement(band.rag, distance_to_target=distance, distance_text=text)
    if method == "pct_of_target":
        if polarity is Polarity.IN_RANGE:
            raise ValueError("in_range indicators are judged with fixed bands only")
        if target is None:
            return Judgement("data_only", reason="no target")
        if amber_variance is None:
            raise ValueError("pct_of_target needs an amber_variance (how far short is still Amber, in %)")
        variance = variance_from_target(value, target, polarity)
        status = "green" if variance >= 0 else "amber" if variance >= -abs(amber_variance) else "red"
        return Judgement(status, distance_to_target=distance, distance_text=text)
    raise ValueError(f"unknown RAG method {method!r}: use one of {', '.join(METHODS)}")


def variance_from_target(value: float, target: float, polarity) -> float:
    """``(value − target) / target × 100``, sign flipped so positive is always better.

    >>> variance_from_target(90, 100, "BIB"), variance_from_target(22, 20, "SIB")
    (-10.0, -10.0)
    """
    if target == 0:
        raise ValueError("a zero target has no percentage variance: use fixed bands")
    sign = -1 if Polarity.parse(polarity) is Polarity.LOWER_IS_BETTER else 1
    return sign * (value - target) / abs(target) * 100


def _distance(value, polarity, target, percent) -> tuple[float | None, str]:
    """How closely the target is being met, signed and in words.

    >>> _distance(17, Polarity.LOWER_IS_BETTER, 20, False)
    (3.0, '3 under the target of 20')
    >>> _distance(30, Polarity.LOWER_IS_BETTER, 20, False)
    (-10.0, '10 over the target of 20')
    >>> _distance(95.0, Polarity.HIGHER_IS_BETTER, 95, True)
    (0.0, 'on the 95% target')
    """
    if value is None or target is None or polarity not in (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER):
        return None, ""
    distance = float(round((value - target) * polarity.good_direction, 10))
    size = f"{abs(distance):.1f}".removesuffix(".0")
    goal = f"the {target:g}% target" if percent else f"the target of {target:g}"
    unit = " points" if percent else ""
    if size == "0":
        return distance, f"on {goal}"
    if polarity is Polarity.HIGHER_IS_BETTER:
        return distance, f"{size}{unit} {'short of' if distance < 0 else 'above'} {goal}"
    return distance, f"{size}{unit} {'over' if distance < 0 else 'under'} {goal}"
