"""Rates that move: a gentle trend plus month-to-month noise, so charts and SPC have something real to show."""

import numpy as np


def monthly_path(base: float, months: int, rng: np.random.Generator, *, relative_trend: float = 0.06,
                 noise: float = 0.025, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """One value per month: ``base`` drifting by up to ``relative_trend`` a year (either way) with AR(1) noise.

    >>> path = monthly_path(0.8, 36, np.random.default_rng(1))
    >>> bool(((path > 0.6) & (path < 0.95)).all()), len(path)
    (True, 36)
    """
    trend = rng.uniform(-relative_trend, relative_trend) * base / 12.0
    shocks = rng.normal(0.0, noise * base, months)
    wobble = np.zeros(months)
    for month in range(1, months):
        wobble[month] = 0.6 * wobble[month - 1] + shocks[month]
    centre = (months - 1) / 2.0
    path = base + trend * (np.arange(months) - centre) + wobble
    return np.clip(path, low + 0.01 * (high - low), high - 0.01 * (high - low))
