"""Section 47 enquiries, initial conferences, CP plans and CIN plans, with their visits and reviews."""

import numpy as np

from lineofsight.synth.dates import NAT, add_working_days, series
from lineofsight.synth.sim import Sim

CATEGORIES = ["NEG", "EMO", "PHY", "SAB", "MUL"]
CATEGORY_WEIGHTS = [50, 38, 6, 4, 2]
# CP plans ending in 2024/25 by duration (reference §9): ≤3m, 3–6m, 6–12m, 1–2y; 2y+ is the drifting rate.
DURATION_BINS = [(20, 91, 0.159), (92, 182, 0.110), (183, 365, 0.435), (366, 730, 0.252)]


def section47(sim: Sim, ref: dict, assessed: dict) -> dict:
    rng = sim.rng
    candidates = assessed["index"]
    chosen = candidates[rng.random(len(candidates)) < sim.rates.s47_per_referral / (1 - sim.rates.referral_nfa)]
    start = add_working_days(ref["date"][chosen], rng.integers(0, 6, len(chosen)))
    chosen, start = chosen[start <= sim.end], start[start <= sim.end]
    end = sim.clip_future(add_working_days(start, rng.integers(3, 16, len(chosen))))
    ids = sim.ids("S", len(chosen))
    conference = rng.random(len(chosen)) < sim.rates.icpc_per_s47
    sim.add("ssd_s47_enquiry", s47e_s47_enquiry_id=ids, s47e_referral_id=ref["referral_id"][chosen], s47e_person_id=ref["person"][chosen],
            s47e_s47_start_date=start, s47e_s47_end_date=end, s47e_s47_nfa=np.where(conference, "N", "Y"),
            s47e_s47_outcome_json=np.where(conference, '{"icpc": true}', '{"icpc": false}'), s47e_s47_completed_by_worker_id=None,
            s47e_s47_completed_by_team=None)
    held = np.flatnonzero(conference)
    on_time = sim.chance("icpc_within_15wd", start[held])
    delay = np.where(on_time, rng.integers(8, 16, len(held)), 16 + rng.geometric(0.25, len(held)))
    icpc_date = add_working_days(start[held], delay)
    happened = icpc_date <= sim.end
    held, icpc_date = held[happened], icpc_date[happened]
    plan = rng.random(len(held)) < sim.rates.icpc_to_cp_plan
    icpc_ids = sim.ids("I", len(held))
    plan_ids = np.where(plan, sim.ids("P", len(held)), None)
    rows = chosen[held]
    sim.add("ssd_initial_cp_conference", icpc_icpc_id=icpc_ids, icpc_icpc_meeting_id=np.char.add("M", icpc_ids), icpc_s47_enquiry_id=ids[held],
            icpc_person_id=ref["person"][rows], icpc_cp_plan_id=plan_ids, icpc_referral_id=ref["referral_id"][rows], icpc_icpc_transfer_in="N",
            icpc_icpc_target_date=add_working_days(start[held], 15), icpc_icpc_date=icpc_date, icpc_icpc_outcome_cp_flag=np.where(plan, "Y", "N"),
            icpc_icpc_outcome_json=None, icpc_icpc_team=None, icpc_icpc_worker_id=None)
    return {"rows": rows, "icpc_id": icpc_ids, "date": icpc_date, "plan": plan, "plan_id": plan_ids, "s47_rows": chosen, "s47_start": start}


def plan_days(sim: Sim, start: np.ndarray) -> np.ndarray:
    """How long each CP plan lasts, by the national distribution of plans ending (reference §9)."""
    rng = sim.rng
    count = len(start)
    long = sim.chance("cp_plan_two_years", start)
    weights = np.array([w for _, _, w in DURATION_BINS])
    which = rng.choice(len(DURATION_BINS), size=count, p=weights / weights.sum())
    low = np.array([lo for lo, _, _ in DURATION_BINS])[which]
    high = np.array([hi for _, hi, _ in DURATION_BINS])[which]
    return np.where(long, rng.integers(731, 1000, count), rng.integers(low, high + 1))


def cp_plans(sim: Sim, ref: dict, conf: dict, stock: dict | None = None) -> dict:
    """Plans from the window's conferences, plus ``stock``: plans already open when the history starts."""
    rng = sim.rng
    chosen = np.flatnonzero(conf["plan"])
    rows, start = conf["rows"][chosen], conf["date"][chosen]
    days = plan_days(sim, start)
    icpc_ids, plan_ids = conf["icpc_id"][chosen], conf["plan_id"][chosen].astype(str)
    if stock is not None:
        rows, start, days = np.r_[stock["rows"], rows], np.r_[stock["start"], start], np.r_[stock["days"], days]
        icpc_ids, plan_ids = np.r_[stock["icpc_id"], icpc_ids], np.r_[stock["plan_id"], plan_ids]
    count = len(rows)
    end = sim.clip_future(start + days)
    initial = sim.choose(CATEGORIES, CATEGORY_WEIGHTS, count)
    latest = np.where(rng.random(count) < 0.9, initial, sim.choose(CATEGORIES, CATEGORY_WEIGHTS, count))
    person = ref["person"][rows]
    sim.add("ssd_cp_plans", cppl_cp_plan_id=plan_ids, cppl_referral_id=ref["referral_id"][rows], cppl_icpc_id=icpc_ids,
            cppl_person_id=person, cppl_cp_plan_start_date=start, cppl_cp_plan_end_date=end, cppl_cp_plan_initial_category=initial,
            cppl_cp_plan_ola="N", cppl_cp_plan_latest_category=latest)
    open_until = np.where(np.isnat(end), sim.end, end)
    _visits(sim, "ssd_cp_visits", "cppv", person, plan_ids, start, open_until, "cp_visit_on_time", (5, 14), (15, 28))
    _cp_reviews(sim, person, plan_ids, start, open_until)
    return {"rows": rows, "start": start, "end": end, "person": person, "plan_id": plan_ids}


def _visits(sim, table, prefix, person, plan_ids, start, end, rate, on_time_gap, late_gap):
    rng = sim.rng
    interval = np.full(len(start), float(np.mean(on_time_gap)))
    parent, when = series(start, end, interval, rng, first=rng.integers(1, on_time_gap[1], len(start)))
    late = ~sim.chance(rate, when)
    # Redraw gaps so the share of visits on time follows the drifting rate.
    when = when + np.where(late, rng.integers(late_gap[0] - on_time_gap[1], late_gap[1] - on_time_gap[1], len(when)), 0)
    keep = when <= end[parent]
    parent, when = parent[keep], when[keep]
    count = len(when)
    seen = rng.random(count) < 0.96
    columns = {
        f"{prefix}_{'cp' if prefix == 'cppv' else 'cin'}_visit_id": sim.ids("V" if prefix == "cppv" else "W", count),
        f"{prefix}_person_id": person[parent],
    }
    if prefix == "cppv":
        columns["cppv_cp_plan_id"] = plan_ids[parent]
    kind = "cp" if prefix == "cppv" else "cin"
    columns[f"{prefix}_{kind}_visit_date"] = when
    columns[f"{prefix}_{kind}_visit_seen"] = np.where(seen, "Y", "N")
    columns[f"{prefix}_{kind}_visit_seen_alone"] = np.where(seen & (rng.random(count) < 0.6), "Y", "N")
    columns[f"{prefix}_{kind}_visit_bedroom"] = np.where(rng.random(count) < 0.4, "Y", "N")
    sim.add(table, **columns)


def _reviews(sim, start, end, first_due, then_every, rate, later=None):
    """Review due dates and dates held: each next due date runs from the review actually held.

    ``then_every`` days after the first review, then ``later`` (default the same) after each one after that.
    """
    rng = sim.rng
    parents, dues, helds = [], [], []
    due = start + first_due
    active = np.arange(len(start))
    for number in range(60):
        active = active[due[active] <= end[active]] if len(active) else active
        if not len(active):
            break
        on_time = sim.chance(rate, due[active])
        held = due[active] + np.where(on_time, -rng.integers(0, 15, len(active)), rng.integers(1, 40, len(active)))
        held = np.maximum(held, start[active] + 1)
        parents.append(active)
        dues.append(due[active].copy())
        helds.append(held)
        due[active] = held + (then_every if number == 0 or later is None else later)
    if not parents:
        return np.array([], dtype=np.int64), np.array([], dtype="datetime64[D]"), np.array([], dtype="datetime64[D]")
    held = np.concatenate(helds)
    held[held > sim.end] = NAT
    return np.concatenate(parents), np.concatenate(dues), held


def _cp_reviews(sim, person, plan_ids, start, end):
    parent, due, held = _reviews(sim, start, end, 91, 182, "cp_review_on_time")
    count = len(parent)
    ids = sim.ids("Q", count)
    sim.add("ssd_cp_reviews", cppr_cp_review_id=ids, cppr_person_id=person[parent], cppr_cp_plan_id=plan_ids[parent], cppr_cp_review_due=due,
            cppr_cp_review_date=held, cppr_cp_review_meeting_id=np.char.add("M", ids), cppr_cp_review_outcome_continue_cp="Y",
            cppr_cp_review_quorate=np.where(sim.rng.random(count) < 0.95, "Y", "N"), cppr_cp_review_participation=None)


def cin_plans(sim: Sim, ref: dict, rows: np.ndarray, start: np.ndarray) -> dict:
    rng = sim.rng
    keep = start <= sim.end
    rows, start = rows[keep], start[keep]
    count = len(rows)
    end = sim.clip_future(start + np.maximum(rng.gamma(3.0, 70.0, count).astype(np.int64), 30))
    ids = sim.ids("N", count)
    person = ref["person"][rows]
    sim.add("ssd_cin_plans", cinp_cin_plan_id=ids, cinp_referral_id=ref["referral_id"][rows], cinp_person_id=person,
            cinp_cin_plan_start_date=start, cinp_cin_plan_end_date=end, cinp_cin_plan_team=None, cinp_cin_plan_worker_id=None)
    open_until = np.where(np.isnat(end), sim.end, end)
    _visits(sim, "ssd_cin_visits", "cinv", person, ids, start, open_until, "cin_visit_on_time", (10, 28), (29, 50))
    parent, due, held = _reviews(sim, start, open_until, 91, 91, "cin_review_on_time")
    sim.add("local_cin_reviews", cinr_review_id=sim.ids("CR", len(parent)), cinr_person_id=person[parent], cinr_cin_plan_id=ids[parent],
            cinr_review_due_date=due, cinr_review_date=held)
    return {"rows": rows, "start": start, "end": end, "person": person, "plan_id": ids}
