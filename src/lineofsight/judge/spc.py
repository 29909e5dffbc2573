"""Statistical process control after NHS England's "Making Data Count" (judging.md §7).

An XmR chart: centre line the mean, limits mean ± 2.66 × the mean moving range. Like the Making Data
Count Excel tools (not the R package's default) every moving range counts (ADR-004).
"""

from dataclasses import dataclass, field

from lineofsight.judge.polarity import Polarity

LIMIT_FACTOR = 2.66  # 3 / 1.128: turns the mean moving range into 3 sigma
NEAR_FACTOR = LIMIT_FACTOR * 2 / 3  # 2 sigma
SHIFT_POINTS = 7  # consecutive points on one side of the mean
TREND_POINTS = 7  # points each above (or below) the one before: 6 increases
MIN_BASELINE = 12  # fewer points than this make the limits unreliable

RULE_NAMES = {
    "outside_limits": "a point outside the process limits",
    "shift": f"a shift: {SHIFT_POINTS} points in a row on one side of the mean",
    "trend": f"a trend: {TREND_POINTS} points in a row each higher (or lower) than the one before",
    "two_of_three": "two of three points in a row close to a limit, on the same side",
}

VARIATION_TEXT = {
    "common_cause": "Common cause variation: no significant change",
    "improvement_high": "Special cause variation: improvement (higher)",
    "improvement_low": "Special cause variation: improvement (lower)",
    "concern_high": "Special cause variation: concern (higher)",
    "concern_low": "Special cause variation: concern (lower)",
    "neither_high": "Special cause variation: a significant rise, neither good nor bad",
    "neither_low": "Special cause variation: a significant fall, neither good nor bad",
}
VARIATION_LABEL = {
    "common_cause": "Common cause",
    "improvement_high": "Improvement (higher)",
    "improvement_low": "Improvement (lower)",
    "concern_high": "Concern (higher)",
    "concern_low": "Concern (lower)",
    "neither_high": "Change (higher)",
    "neither_low": "Change (lower)",
}
ASSURANCE_LABEL = {"pass": "P: pass", "fail": "F: fail", "hit_and_miss": "Hit and miss"}
ASSURANCE_TEXT = {
    "pass": "Assurance: the target will be met every month unless the process changes",
    "fail": "Assurance: the target will be missed every month unless the process changes",
    "hit_and_miss": "Assurance: the target will be met in some months and missed in others",
}


@dataclass
class SpcPoint:
    index: int
    value: float
    rules: set[str] = field(default_factory=set)
    kind: str = "common"  # common | improvement | concern | neutral
    side: int = 0  # +1 above the mean, -1 below, 0 on it


@dataclass
class SpcResult:
    mean: float
    lower_limit: float
    upper_limit: float
    near_lower: float
    near_upper: float
    points: list[SpcPoint]
    variation: str
    variation_text: str = ""
    assurance: str | None = None
    assurance_text: str = ""
    warning: str | None = None
    mean_moving_range: float = 0.0

    def __post_init__(self):
        self.variation_text = self.variation_text or VARIATION_TEXT[self.variation]
        self.assurance_text = self.assurance_text or (ASSURANCE_TEXT[self.assurance] if self.assurance else "Assurance: no target to assure against")

    @property
    def variation_label(self) -> str:
        return VARIATION_LABEL[self.variation]

    @property
    def assurance_label(self) -> str:
        return ASSURANCE_LABEL.get(self.assurance, "")


def analyse(values: list[float], polarity, target: float | None = None) -> SpcResult:
    """Limits, special-cause rules, variation and assurance for a series in time order.

    >>> result = analyse([10, 11, 9, 10, 12, 30], "BIB", target=50)
    >>> round(result.mean, 2), result.variation, result.assurance
    (13.67, 'improvement_high', 'fail')
    >>> result.points[-1].rules
    {'outside_limits'}
    >>> result.warning
    'Only 6 points: the limits are unreliable below 12.'
    """
    if not values:
        raise ValueError("SPC needs at least one value")
    gaps = [i for i, v in enumerate(values) if v is None]
    if gaps:
        raise ValueError(f"SPC needs a value for every period, in order; missing at positions {gaps}: shorten the series instead")
    values = [float(v) for v in values]
    polarity = Polarity.parse(polarity)
    mean = sum(values) / len(values)
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    mean_range = sum(ranges) / len(ranges) if ranges else 0.0
    points = [SpcPoint(i, v, side=(v > mean) - (v < mean)) for i, v in enumerate(values)]
    lower, upper = mean - LIMIT_FACTOR * mean_range, mean + LIMIT_FACTOR * mean_range
    near_lower, near_upper = mean - NEAR_FACTOR * mean_range, mean + NEAR_FACTOR * mean_range
    _flag_outside(points, lower, upper)
    _flag_shifts(points)
    trend_directions = _flag_trends(points)
    _flag_two_of_three(points, near_lower, near_upper)
    good = polarity.good_direction if polarity else 0
    for point in points:
        if point.rules:
            direction = point.side or trend_directions.get(point.index, 0)
            if point.rules == {"trend"}:
                direction = trend_directions[point.index]
            point.kind = "neutral" if not good else "improvement" if direction == good else "concern"
    return SpcResult(
        mean=mean,
        lower_limit=lower,
        upper_limit=upper,
        near_lower=near_lower,
        near_upper=near_upper,
        points=points,
        variation=_variation(points[-1], trend_directions),
        assurance=_assurance(target, good, lower, upper),
        warning=f"Only {len(values)} points: the limits are unreliable below {MIN_BASELINE}." if len(values) < MIN_BASELINE else None,
        mean_moving_range=mean_range,
    )


def _flag_outside(points, lower, upper):
    for point in points:
        if point.value > upper or point.value < lower:
            point.rules.add("outside_limits")


def _flag_shifts(points):
    run: list[SpcPoint] = []
    for point in points + [SpcPoint(-1, 0.0, side=0)]:  # the sentinel closes the last run
        if run and point.side == run[-1].side and point.side != 0:
            run.append(point)
            continue
        if len(run) >= SHIFT_POINTS:
            for member in run:
                member.rules.add("shift")
        run = [point] if point.side != 0 else []


def _flag_trends(points) -> dict[int, int]:
    """Flag runs of TREND_POINTS each above (or below) the one before; returns each flagged point's direction.

    An unchanged value ends a run, as in the Making Data Count tools.
    """
    directions: dict[int, int] = {}
    run_start, run_direction = 0, 0

    def close(last):
        if run_direction and last - run_start + 1 >= TREND_POINTS:
            for member in points[run_start : last + 1]:
                member.rules.add("trend")
                directions[member.index] = run_direction

    for i in range(1, len(points)):
        step = _step(points, i)
        if step and step == run_direction:
            continue
        close(i - 1)
        run_start, run_direction = i - 1, step
    close(len(points) - 1)
    return directions


def _step(points, i):
    if i <= 0 or i >= len(points):
        return 0
    diff = points[i].value - points[i - 1].value
    return (diff > 0) - (diff < 0)


def _flag_two_of_three(points, near_lower, near_upper):
    for i in range(len(points) - 2):
        window = points[i : i + 3]
        for side, beyond in ((1, lambda v: v > near_upper), (-1, lambda v: v < near_lower)):
            close = [p for p in window if beyond(p.value)]
            if len(close) >= 2:
                for point in close:
                    point.rules.add("two_of_three")


def _variation(latest: SpcPoint, trend_directions) -> str:
    if not latest.rules:
        return "common_cause"
    direction = latest.side or trend_directions.get(latest.index, 0)
    if latest.rules == {"trend"}:
        direction = trend_directions[latest.index]
    high_low = "high" if direction > 0 else "low"
    kind = {"improvement": "improvement", "concern": "concern"}.get(latest.kind, "neither")
    return f"{kind}_{high_low}"


def _assurance(target, good, lower, upper) -> str | None:
    if target is None or not good:
        return None
    if lower <= target <= upper:
        return "hit_and_miss"
    target_on_good_side = (target > upper) if good > 0 else (target < lower)
    return "fail" if target_on_good_side else "pass"
