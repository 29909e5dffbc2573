"""The standing population a real borough already has when the simulated history starts.

Children already looked after (``borough._care_stock``), CP plans already open, and care leavers who left
care before the history: each with the referral, enquiry, conference or period of care that explains it,
dated before the first simulated month and carrying on into it.
"""

import numpy as np

from lineofsight.synth.dates import add_working_days
from lineofsight.synth.people import add_people
from lineofsight.synth.protection import plan_days
from lineofsight.synth.sim import Sim

# Ages of children looked after at 31 March (England): under 1, 1-4, 5-9, 10-15, 16-17.
CLA_AGE_BANDS = [(0, 1, 5), (1, 5, 13), (5, 10, 18), (10, 16, 39), (16, 17.9, 25)]


def cla_ages(sim: Sim, count: int) -> np.ndarray:
    """Ages in days of children looked after, in the national proportions."""
    rng = sim.rng
    weights = np.array([w for _, _, w in CLA_AGE_BANDS], dtype=float)
    band = rng.choice(len(CLA_AGE_BANDS), size=count, p=weights / weights.sum())
    low = np.array([lo for lo, _, _ in CLA_AGE_BANDS])[band]
    high = np.array([hi for _, hi, _ in CLA_AGE_BANDS])[band]
    return (rng.uniform(low, high) * 365.25).astype(np.int64)


def append_referrals(sim: Sim, ref: dict, dates: np.ndarray, dob: np.ndarray, person: np.ndarray, source: str, need: str) -> np.ndarray:
    """Add referral rows (after the window's own) and return their row numbers."""
    count = len(dates)
    total = len(ref["date"])
    for key, extra in {"referral_id": sim.ids("R", count), "date": dates, "person": person, "dob": dob, "source": np.full(count, source),
                       "need": np.full(count, need), "nfa": np.zeros(count, dtype=bool)}.items():
        ref[key] = np.r_[ref[key], extra]
    return np.arange(total, total + count)


def cp_stock(sim: Sim, ref: dict) -> dict:
    """CP plans open when the history starts: starts over the previous 1,000 days at the window's own rate of new
    plans, the same durations, kept if still open on the first day. Each has its referral, enquiry and conference."""
    rng = sim.rng
    rates = sim.rates
    per_year = sim.referrals_per_year * rates.s47_per_referral * rates.icpc_per_s47 * rates.icpc_to_cp_plan
    lookback = 1000
    drawn = rng.poisson(per_year * lookback / 365.0)
    start = sim.start - rng.integers(1, lookback + 1, drawn)
    days = plan_days(sim, start)
    keep = start + days >= sim.start
    order = np.argsort(start[keep], kind="stable")
    start, days = start[keep][order], days[keep][order]
    count = len(start)
    age = rng.uniform(0, 15.5, count) * 365.25
    dob = start - age.astype(np.int64)
    person = add_people(sim, dob)
    s47_start = add_working_days(start, -rng.integers(10, 16, count))
    referral_date = add_working_days(s47_start, -rng.integers(0, 6, count))
    rows = append_referrals(sim, ref, referral_date, dob, person, "6", "N1")
    s47_ids = sim.ids("S", count)
    sim.add("ssd_s47_enquiry", s47e_s47_enquiry_id=s47_ids, s47e_referral_id=ref["referral_id"][rows], s47e_person_id=person,
            s47e_s47_start_date=s47_start, s47e_s47_end_date=np.minimum(add_working_days(s47_start, rng.integers(3, 10, count)), start),
            s47e_s47_nfa="N", s47e_s47_outcome_json='{"icpc": true}', s47e_s47_completed_by_worker_id=None, s47e_s47_completed_by_team=None)
    icpc_ids = sim.ids("I", count)
    plan_ids = sim.ids("P", count)
    sim.add("ssd_initial_cp_conference", icpc_icpc_id=icpc_ids, icpc_icpc_meeting_id=np.char.add("M", icpc_ids), icpc_s47_enquiry_id=s47_ids,
            icpc_person_id=person, icpc_cp_plan_id=plan_ids, icpc_referral_id=ref["referral_id"][rows], icpc_icpc_transfer_in="N",
            icpc_icpc_target_date=add_working_days(s47_start, 15), icpc_icpc_date=start, icpc_icpc_outcome_cp_flag="Y",
            icpc_icpc_outcome_json=None, icpc_icpc_team=None, icpc_icpc_worker_id=None)
    return {"rows": rows, "start": start, "days": days, "icpc_id": icpc_ids, "plan_id": plan_ids}


def former_leavers(sim: Sim, target: float) -> dict:
    """Care leavers who left care before the history starts and are 17 to 21 at its end.

    ``target`` care leavers aged 17 to 21 are drawn with ages spread evenly; each left care at 16 or over
    (at 18 for most, ``care_leaver_left_at_18``); those who left before the history are kept, each with a
    period of care (13 weeks to five years) ending the day they left."""
    rng = sim.rng
    count = int(round(target))
    age_at_end = rng.uniform(17, 21.95, count)
    dob = sim.end - (age_at_end * 365.25).astype(np.int64)
    at_18 = rng.random(count) < sim.rates.care_leaver_left_at_18
    left_age = np.where(at_18, 18.0, rng.uniform(16, 17.95, count))
    left = np.where(at_18, eighteenth(dob), dob + (left_age * 365.25).astype(np.int64))
    keep = left < sim.start - 1
    dob, left, at_18 = dob[keep], left[keep], at_18[keep]
    count = len(dob)
    stayed = (rng.uniform(0.3, 5.0, count) * 365.25).astype(np.int64)
    entered = np.maximum(left - stayed, dob + 365)
    reason = np.where(at_18, sim.choose(["E17", "E13", "E5", "E8"], [30, 10, 40, 20], count), sim.choose(["E5", "E8", "E13", "E4A"], [35, 25, 15, 25], count))
    person = add_people(sim, dob)
    return {"person": person, "dob": dob, "entered": entered, "left": left, "reason": reason.astype(object)}


# Ages of children starting to be looked after (England): under 1, 1-4, 5-9, 10-15, 16-17.
ENTRY_AGE_BANDS = [(0, 1, 18), (1, 5, 13), (5, 10, 15), (10, 16, 36), (16, 17.8, 18)]
RECENT_EXITS = ["E4A", "E4B", "E13", "E45", "E46", "E41", "E15"]
RECENT_EXIT_WEIGHTS = [45, 5, 8, 15, 15, 9, 3]


def recent_leavers(sim: Sim, in_care: int) -> dict:
    """Children who came into care in the three years before the history and left before it (and before 16: not
    care leavers), home or to a family under an order: the 903 years before the history list them."""
    rng = sim.rng
    lookback = 3 * 365
    count = rng.poisson(sim.rates.cla_entries_per_cla * in_care * lookback / 365.0)
    entered = sim.start - rng.integers(20, lookback, count)
    weights = np.array([w for _, _, w in ENTRY_AGE_BANDS], dtype=float)
    band = rng.choice(len(ENTRY_AGE_BANDS), size=count, p=weights / weights.sum())
    low = np.array([lo for lo, _, _ in ENTRY_AGE_BANDS])[band]
    high = np.array([hi for _, hi, _ in ENTRY_AGE_BANDS])[band]
    dob = entered - (rng.uniform(low, high) * 365.25).astype(np.int64)
    short = rng.random(count) < 0.5
    left = entered + np.where(short, rng.integers(14, 240, count), rng.integers(240, 1100, count))
    # Those leaving at 16 or over are care leavers, drawn by ``former_leavers``.
    sixteenth = (dob.astype("datetime64[M]") + 192).astype("datetime64[D]")
    keep = (left < sim.start - 1) & (left < sixteenth)
    dob, entered, left = dob[keep], entered[keep], left[keep]
    person = add_people(sim, dob)
    reason = sim.choose(RECENT_EXITS, RECENT_EXIT_WEIGHTS, len(dob)).astype(object)
    return {"person": person, "dob": dob, "entered": entered, "left": left, "reason": reason}


def eighteenth(dob: np.ndarray) -> np.ndarray:
    return (dob.astype("datetime64[M]") + 216).astype("datetime64[D]") + (dob - dob.astype("datetime64[M]").astype("datetime64[D]"))


__all__ = ["cla_ages", "cp_stock", "former_leavers", "recent_leavers", "append_referrals", "eighteenth"]
