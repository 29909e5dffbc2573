"""The simulation's shared state: random generator, calendar window, drifting rates and the tables built so far."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lineofsight.synth.dates import NAT, month_index
from lineofsight.synth.drift import monthly_path
from lineofsight.synth.profiles import Rates

HISTORY_MONTHS = 12


@dataclass
class Sim:
    rng: np.random.Generator
    rates: Rates
    referrals_per_year: int
    first_month: np.datetime64  # datetime64[M], start of history
    report_month: np.datetime64  # first reported month
    last_month: np.datetime64
    paths: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)
    counters: dict = field(default_factory=dict)

    @classmethod
    def create(cls, seed: int, referrals_per_year: int, months: int, end_month: np.datetime64, rates: Rates | None = None):
        rng = np.random.default_rng(seed)
        rates = rates or Rates()
        last = np.datetime64(end_month, "M")
        report = last - (months - 1)
        first = report - HISTORY_MONTHS
        sim = cls(rng, rates, referrals_per_year, first, report, last)
        total = int(last - first) + 1
        for name in rates.names():
            base = getattr(rates, name)
            if 0 < base < 1:
                sim.paths[name] = monthly_path(base, total, rng)
            else:
                sim.paths[name] = monthly_path(base, total, rng, low=0.0, high=base * 3)
        return sim

    @property
    def start(self) -> np.datetime64:
        return self.first_month.astype("datetime64[D]")

    @property
    def end(self) -> np.datetime64:
        """The last day of the last month: nothing happens after it."""
        return (self.last_month + 1).astype("datetime64[D]") - 1

    @property
    def months(self) -> int:
        return int(self.last_month - self.first_month) + 1

    def rate(self, name: str, days: np.ndarray) -> np.ndarray:
        """Each record's rate for the month it happens in."""
        index = np.minimum(month_index(days, self.first_month), self.months - 1)
        return self.paths[name][index]

    def chance(self, name: str, days: np.ndarray) -> np.ndarray:
        return self.rng.random(len(days)) < self.rate(name, days)

    def ids(self, prefix: str, count: int) -> np.ndarray:
        start = self.counters.get(prefix, 0)
        self.counters[prefix] = start + count
        if count == 0:
            return np.array([], dtype=str)
        return np.char.add(prefix, np.char.zfill(np.arange(start + 1, start + count + 1).astype(str), 7))

    def clip_future(self, days: np.ndarray) -> np.ndarray:
        """Events after the window's end have not happened yet."""
        days = days.copy()
        days[days > self.end] = NAT
        return days

    def add(self, table: str, **columns) -> None:
        self.tables.setdefault(table, []).append(pd.DataFrame(columns))

    def frame(self, table: str) -> pd.DataFrame:
        parts = self.tables.get(table, [])
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def choose(self, options, weights, count: int) -> np.ndarray:
        weights = np.asarray(weights, dtype=float)
        return np.asarray(options)[self.rng.choice(len(options), size=count, p=weights / weights.sum())]
