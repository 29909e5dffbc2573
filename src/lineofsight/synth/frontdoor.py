"""Contacts, referrals (with re-referrals), contact decisions and assessments."""

import numpy as np

from lineofsight.synth.dates import NAT, add_working_days, roll_to_working_day
from lineofsight.synth.people import add_people
from lineofsight.synth.sim import Sim

SOURCES = ["1A", "1B", "2A", "2B", "3A", "3B", "3C", "3E", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"]
SOURCE_WEIGHTS = [3, 2, 18, 2, 5, 3, 2, 4, 2, 4, 2, 2, 3, 29, 4, 8, 2, 5]
NEEDS = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N0"]
NEED_WEIGHTS = [57, 4, 5, 8, 16, 2, 1, 2, 4, 1]


def referrals(sim: Sim) -> dict:
    """Referral dates over the window, seasonal and trending, each for a new child or a recent one again."""
    rng = sim.rng
    month_starts = np.arange(sim.first_month, sim.last_month + 1).astype("datetime64[D]")
    seasonal = np.array([1.05, 1.0, 1.08, 0.95, 1.05, 1.08, 1.0, 0.75, 0.95, 1.1, 1.1, 0.85])
    months_of_year = (np.arange(sim.first_month, sim.last_month + 1).astype(np.int64)) % 12
    expected = sim.referrals_per_year / 12 * seasonal[months_of_year] * np.linspace(0.95, 1.05, len(month_starts))
    counts = rng.poisson(expected)
    month_of = np.repeat(month_starts, counts)
    length = (np.repeat(month_starts + 0, counts).astype("datetime64[M]") + 1).astype("datetime64[D]") - month_of
    dates = roll_to_working_day(month_of + (rng.random(len(month_of)) * length.astype(np.int64)).astype(np.int64))
    dates = np.sort(dates[dates <= sim.end])
    count = len(dates)
    child = np.full(count, -1, dtype=np.int64)
    again = sim.chance("re_referral", dates)
    lows = np.searchsorted(dates, dates - 365, side="left")
    new_children = 0
    # Sequential on purpose: a re-referred child takes the identity of an earlier referral, itself maybe a re-referral.
    for index in range(count):
        if again[index] and lows[index] < index:
            child[index] = child[rng.integers(lows[index], index)]
        else:
            child[index] = new_children
            new_children += 1
    ages = np.where(rng.random(new_children) < 0.12, rng.integers(0, 365, new_children), rng.integers(365, 17 * 365 + 300, new_children))
    first_date = np.full(new_children, NAT)
    first_seen = np.unique(child, return_index=True)[1]
    first_date[child[first_seen]] = dates[first_seen]
    person_ids = add_people(sim, first_date - ages)
    return {
        "referral_id": sim.ids("R", count),
        "date": dates,
        "person": person_ids[child],
        "dob": (first_date - ages)[child],
        "source": sim.choose(SOURCES, SOURCE_WEIGHTS, count),
        "need": sim.choose(NEEDS, NEED_WEIGHTS, count),
        "nfa": rng.random(count) < sim.rates.referral_nfa,
    }


def contacts(sim: Sim, ref: dict) -> None:
    """A contact before each referral, decided the day the referral is made, and contacts that go no further."""
    rng = sim.rng
    count = len(ref["date"])
    late = ~sim.chance("contact_decided_in_1wd", ref["date"])
    taken = np.where(late, rng.integers(2, 5, count), rng.integers(0, 2, count))
    weekmask_start = add_working_days(ref["date"], -taken)
    extra = int(count * (sim.rates.contacts_per_referral - 1))
    extra_dates = sim.start + rng.integers(0, int((sim.end - sim.start).astype(np.int64)) + 1, extra)
    extra_people = ref["person"][rng.integers(0, count, extra)] if count else np.array([], dtype=str)
    new_people = rng.random(extra) < 0.6
    if new_people.any():
        ages = rng.integers(0, 17 * 365, int(new_people.sum()))
        extra_people = extra_people.astype(object)
        extra_people[new_people] = add_people(sim, extra_dates[new_people] - ages)
    extra_late = ~sim.chance("contact_decided_in_1wd", extra_dates)
    extra_decided = add_working_days(extra_dates, np.where(extra_late, rng.integers(2, 5, extra), rng.integers(0, 2, extra)))
    contact_date = np.r_[weekmask_start, extra_dates]
    decided = sim.clip_future(np.r_[ref["date"], extra_decided])
    ids = sim.ids("K", len(contact_date))
    outcome = np.r_[np.full(count, '{"outcome": "referral"}'), np.full(extra, '{"outcome": "advice or early help"}')]
    sim.add("ssd_contacts", cont_contact_id=ids, cont_person_id=np.r_[ref["person"], extra_people].astype(str),
            cont_contact_date=contact_date, cont_contact_source_code=np.r_[ref["source"], sim.choose(SOURCES, SOURCE_WEIGHTS, extra)],
            cont_contact_source_desc=None, cont_contact_outcome_json=outcome)
    sim.add("local_contact_decisions", cont_contact_id=ids, cont_decision_date=decided)


def assessments(sim: Sim, ref: dict) -> dict:
    """Single assessments for referrals not closed at the front door; about 86% authorised within 45 WD."""
    rng = sim.rng
    chosen = np.flatnonzero(~ref["nfa"])
    start = add_working_days(ref["date"][chosen], rng.integers(0, 4, len(chosen)))
    on_time = sim.chance("assessment_within_45wd", start)
    within = np.clip(rng.triangular(0, 36, 46, len(chosen)), 0, 45).astype(np.int64)
    late = 46 + rng.exponential(10, len(chosen)).astype(np.int64)
    auth = sim.clip_future(add_working_days(start, np.where(on_time, within, late)))
    keep = start <= sim.end
    return {"index": chosen[keep], "start": start[keep], "auth": auth[keep],
            "id": sim.ids("A", int(keep.sum())), "seen": rng.random(int(keep.sum())) < sim.rates.assessment_child_seen}
