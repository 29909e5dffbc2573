"""Date arithmetic on numpy arrays of days, using the product's working-day calendar (ADR-002)."""

import numpy as np

from lineofsight.workingdays import working_day_arrays

NAT = np.datetime64("NaT", "D")


def add_working_days(days: np.ndarray, counts) -> np.ndarray:
    """``days`` + ``counts`` working days, as ``lineofsight.workingdays.add_working_days`` does for one date."""
    weekmask, holidays = working_day_arrays()
    counts = np.broadcast_to(np.asarray(counts, dtype=np.int64), days.shape)
    result = np.busday_offset(days, counts, roll="backward", weekmask=weekmask, holidays=holidays)
    zero = counts == 0
    if zero.any():
        result[zero] = np.busday_offset(days[zero], 0, roll="forward", weekmask=weekmask, holidays=holidays)
    return result


def roll_to_working_day(days: np.ndarray) -> np.ndarray:
    weekmask, holidays = working_day_arrays()
    return np.busday_offset(days, 0, roll="forward", weekmask=weekmask, holidays=holidays)


def month_index(days: np.ndarray, first_month: np.datetime64) -> np.ndarray:
    """Months since ``first_month`` (a datetime64[M]), clipped at 0."""
    return np.maximum(days.astype("datetime64[M]").astype(np.int64) - first_month.astype(np.int64), 0)


def group_cumsum(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Running totals restarting at each new group (``groups`` sorted).

    >>> group_cumsum(np.array([1, 2, 3, 4]), np.array([0, 0, 1, 1])).tolist()
    [1, 3, 3, 7]
    """
    total = np.cumsum(values)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    offsets = np.zeros_like(total)
    offsets[starts[1:]] = total[starts[1:] - 1]
    return total - np.maximum.accumulate(offsets)


def series(starts: np.ndarray, ends: np.ndarray, interval: np.ndarray, rng: np.random.Generator, first=None):
    """Repeating events (visits, reviews) from ``starts`` to ``ends`` about ``interval`` days apart.

    Returns (parent index, event date). ``first`` is the delay to the first event (default: one interval).
    """
    interval = np.broadcast_to(np.asarray(interval, dtype=float), starts.shape)
    spans = (ends - starts).astype(np.int64)
    counts = np.maximum(spans // np.maximum(interval, 1).astype(np.int64) + 2, 1)
    parent = np.repeat(np.arange(len(starts)), counts)
    gaps = np.maximum(rng.gamma(9.0, interval[parent] / 9.0), 1).astype(np.int64)
    if first is not None:
        is_first = np.r_[True, parent[1:] != parent[:-1]]
        gaps[is_first] = np.broadcast_to(np.asarray(first, dtype=np.int64), starts.shape)[parent[is_first]]
    when = starts[parent] + group_cumsum(gaps, parent)
    keep = when <= ends[parent]
    return parent[keep], when[keep]
