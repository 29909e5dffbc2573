"""152 synthetic councils: each a borough of its own size, written to its own folder ``<out>/<LA code>/``.

Sizes are log-normal around the profile's mean, scaled so England has about 620,000 referrals a year; each
council gets its own seed (derived from the run's seed) so they differ but stay reproducible.
"""

from pathlib import Path

import numpy as np

from lineofsight.synth.borough import build
from lineofsight.synth.profiles import Profile
from lineofsight.synth.writers import WRITERS


def council_sizes(profile: Profile, seed: int) -> np.ndarray:
    """Referrals a year for each council.

    >>> sizes = council_sizes(Profile("england", 4100, councils=152), 1)
    >>> len(sizes), bool(600_000 < sizes.sum() < 640_000)
    (152, True)
    """
    rng = np.random.default_rng(seed)
    raw = rng.lognormal(0.0, 0.55, profile.councils)
    return np.maximum((raw / raw.sum() * profile.referrals_per_year * profile.councils).astype(int), 200)


def generate_england(profile: Profile, months: int, seed: int, fmt: str, out: Path, end_month, rates=None, progress=None) -> list[Path]:
    paths = []
    for index, size in enumerate(council_sizes(profile, seed)):
        folder = out / f"{201 + index:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        tables = build(int(size), months, seed * 1000 + index, end_month, rates)
        paths += WRITERS[fmt](tables, folder)
        if progress:
            progress(index + 1)
    return paths
