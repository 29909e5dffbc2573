"""Placements within a period of care."""

import dataclasses

import numpy as np

from lineofsight.synth.care import placements
from lineofsight.synth.profiles import Rates
from lineofsight.synth.sim import Sim


def test_a_child_soon_to_be_adopted_and_moved_twice_keeps_placements_in_order():
    # Found generating England x 60 months: adopted, in care for under 120 days when the data ends,
    # moved twice; the adoptive placement was dated before the move it should follow.
    rates = dataclasses.replace(Rates(), placement_moves_per_year=200.0)  # many moves in a short period
    sim = Sim.create(7, 1000, 12, np.datetime64("2026-10"), rates)
    count = 200
    start = np.full(count, np.datetime64("2026-07-07"))
    care = {"start": start, "end": np.full(count, np.datetime64("NaT", "D")), "ended": np.zeros(count, bool),
            "adopted": np.ones(count, bool), "dob": start - 365}
    place = placements(sim, care)
    assert (np.bincount(place["parent"]) > 2).any(), "no period with two moves: the case is not exercised"
    same_period = place["parent"][1:] == place["parent"][:-1]
    assert (place["start"][1:][same_period] > place["start"][:-1][same_period]).all()
