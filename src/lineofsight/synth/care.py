"""Children in care: periods of care split into placement episodes, reviews, visits, missing episodes,
return interviews, adoption and other permanence, and care proceedings."""

import numpy as np

from lineofsight.synth.dates import NAT, series
from lineofsight.synth.sim import Sim

FOSTER = ["U1", "U3", "U4", "U6", "U5", "U2"]
OTHER = ["K2", "R1", "P1", "S1", "K1", "R3"]
OLDER = ["H5"]
PROVIDERS = ["PR1", "PR4", "PR2", "PR5", "PR3"]
PROVIDER_WEIGHTS = [45, 35, 8, 10, 2]


def periods_of_care(sim: Sim, person, referral, dob, start, legal, min_end, max_end=None, exit_reason=None) -> dict:
    """One period of care per entry, overlapping entries for the same child dropped; returns the kept periods.

    ``min_end`` and ``max_end`` (NaT: none) bound when each period ends (a child already in care stays a while;
    one who left before the history left on a known day); ``exit_reason`` (None: drawn) says why, if known."""
    if max_end is None:
        max_end = np.full(len(start), NAT)
    if exit_reason is None:
        exit_reason = np.full(len(start), None, dtype=object)
    rng = sim.rng
    eighteen_at = (dob.astype("datetime64[M]") + 216).astype("datetime64[D]")
    # Nobody enters care within a week of turning 18.
    young = eighteen_at > start + 7
    person, referral, dob, start, legal, min_end, max_end, exit_reason = (
        a[young] for a in (person, referral, dob, start, legal, min_end, max_end, exit_reason))
    order = np.lexsort((start, person))
    person, referral, dob, start, legal, exit_reason = person[order], referral[order], dob[order], start[order], legal[order], exit_reason[order]
    count = len(start)
    age_days = (start - dob).astype(np.int64)
    eighteen = (dob.astype("datetime64[M]") + 216).astype("datetime64[D]") + (dob - dob.astype("datetime64[M]").astype("datetime64[D]"))
    kind = rng.random(count)
    adopted = (age_days < 4 * 365) & (kind < 0.35)
    short = ~adopted & (kind < 0.45)
    days = np.where(short, rng.integers(14, 240, count), rng.integers(300, 2200, count))
    days = np.where(adopted, rng.normal(486, 120, count).astype(np.int64) + rng.integers(150, 400, count), days)
    end = np.minimum(np.maximum(start + np.maximum(days, 7), min_end[order]), eighteen)
    end = np.where(~np.isnat(max_end[order]) & (max_end[order] < end), max_end[order], end)
    # A child cannot start a new period of care before the last one ended.
    previous_end = np.r_[NAT, end[:-1]]
    same = np.r_[False, person[1:] == person[:-1]]
    keep = ~(same & ((previous_end >= start) | np.isnat(previous_end)))
    while not keep.all():
        person, referral, dob, start, legal, end, adopted, short, eighteen, exit_reason = (
            a[keep] for a in (person, referral, dob, start, legal, end, adopted, short, eighteen, exit_reason))
        previous_end = np.r_[NAT, end[:-1]]
        same = np.r_[False, person[1:] == person[:-1]]
        keep = ~(same & (previous_end >= start))
    count = len(start)
    reason = np.where(end >= eighteen, sim.choose(["E17", "E13", "E5", "E8"], [30, 10, 40, 20], count),
                      np.where(adopted, sim.choose(["E11", "E12"], [70, 30], count),
                               np.where(short, sim.choose(["E4A", "E4B", "E13"], [70, 20, 10], count),
                                        sim.choose(["E45", "E46", "E41", "E4A", "E15"], [25, 25, 15, 30, 5], count))))
    reason = np.where(exit_reason == None, reason, exit_reason)  # noqa: E711
    adopted = adopted & ((exit_reason == None) | np.isin(exit_reason, ["E11", "E12"]))  # noqa: E711
    ended = end <= sim.end
    return {"cla_id": sim.ids("L", count), "person": person, "referral": referral, "dob": dob, "start": start, "legal": legal,
            "end": np.where(ended, end, NAT), "reason": np.where(ended, reason, None), "adopted": adopted, "ended": ended}


def placements(sim: Sim, care: dict) -> dict:
    """Split each period into placements (903 episodes): moves cluster in the first year or two, so a 3+-placement
    year stays uncommon and most children long in care have been in their placement two years or more."""
    rng = sim.rng
    open_until = np.where(care["ended"], care["end"], sim.end + 1)
    length = np.maximum((open_until - care["start"]).astype(np.int64), 0)
    # Moves come mostly early: a hazard of ``placement_moves_per_year`` at entry, easing off over
    # ``placement_settle_years``, plus a small lasting rate, so children long in care are mostly settled
    # (long-term stability about 68%, reference §9).
    tau = sim.rates.placement_settle_years * 365.0
    early = sim.rates.placement_moves_per_year / 365.0 * tau * (1 - np.exp(-length / tau))
    late = sim.rates.placement_moves_late_per_year / 365.0 * length
    moves = np.minimum(rng.poisson(early + late), np.maximum(length // 30, 0))
    # A child adopted from care has a foster placement, then moves in with the adoptive family.
    moves = np.where(care["adopted"] & (length > 120), 1, moves)
    mparent = np.repeat(np.arange(len(length)), moves)
    span = length[mparent].astype(float)
    from_early = rng.random(len(mparent)) < (early / np.maximum(early + late, 1e-12))[mparent]
    early_cut = -tau * np.log(1 - rng.random(len(mparent)) * (1 - np.exp(-span / tau)))
    cut = np.where(from_early, early_cut, rng.random(len(mparent)) * span)
    cut = np.clip(cut.astype(np.int64), 1, np.maximum(span.astype(np.int64) - 1, 1))
    # Distinct move days within each period: at most one move a day.
    pairs = np.unique(np.c_[mparent, cut], axis=0) if len(mparent) else np.empty((0, 2), dtype=np.int64)
    keep_pair = pairs[:, 1] < np.maximum(length[pairs[:, 0]], 1)
    pairs = pairs[keep_pair]
    counts = 1 + np.bincount(pairs[:, 0], minlength=len(length)).astype(np.int64)
    parent = np.repeat(np.arange(len(length)), counts)
    first = np.r_[True, parent[1:] != parent[:-1]]
    last = np.r_[parent[1:] != parent[:-1], True]
    offsets = np.zeros(len(parent), dtype=np.int64)
    offsets[~first] = pairs[:, 1]
    begin = care["start"][parent] + offsets
    finish = np.where(last, open_until[parent], np.r_[begin[1:], NAT] if len(begin) else begin)
    age = (begin - care["dob"][parent]).astype(np.int64) / 365.25
    place = np.where(age >= 16, sim.choose(["U4", "U6", "H5", "K2"], [30, 25, 35, 10], len(parent)),
                     np.where(rng.random(len(parent)) < 0.76, sim.choose(FOSTER, [5, 6, 30, 50, 4, 5], len(parent)),
                              sim.choose(OTHER, [60, 5, 25, 4, 2, 4], len(parent))))
    # Only a period long enough for the forced single move above ends in an adoptive placement: in a shorter one
    # (still open when the data ends) the moves are random and the adoptive date could fall before the last of them.
    adoption_last = care["adopted"][parent] & last & (counts[parent] > 1) & (length[parent] > 120)
    # England's adoption scorecard (A1) averaged about 486 days from entering care to moving in (reference §9).
    moved_in = care["start"][parent] + np.clip(rng.normal(486, 120, len(parent)).astype(np.int64), 60, np.maximum(length[parent] - 30, 60))
    moved_in = np.minimum(moved_in, open_until[parent] - 1)
    begin = np.where(adoption_last, moved_in, begin)
    follows_adoption = np.r_[adoption_last[1:], False]
    finish = np.where(follows_adoption, np.r_[begin[1:], NAT], finish)
    place = np.where(adoption_last, sim.choose(["A5", "A6", "A3", "A4"], [40, 40, 10, 10], len(parent)), place)
    still_open = last & ~care["ended"][parent]
    return {"parent": parent, "start": begin, "end": np.where(still_open, NAT, finish), "place": place, "first": first, "last": last,
            "provider": sim.choose(PROVIDERS, PROVIDER_WEIGHTS, len(parent)), "id": sim.ids("PL", len(parent))}


def write_care(sim: Sim, care: dict, place: dict) -> None:
    rng = sim.rng
    parent = place["parent"]
    count = len(parent)
    episode_ids = sim.ids("E", count)
    start_reason = np.where(place["first"], "S", sim.choose(["P", "T", "B", "U"], [70, 20, 5, 5], count))
    sim.add("ssd_cla_episodes", clae_cla_episode_id=episode_ids, clae_person_id=care["person"][parent],
            clae_cla_episode_start_date=place["start"], clae_cla_episode_start_reason=start_reason,
            clae_cla_primary_need_code=sim.choose(["N1", "N2", "N4", "N5", "N8"], [62, 5, 8, 13, 12], count),
            clae_cla_episode_ceased_date=place["end"], clae_cla_episode_ceased_reason=np.where(place["last"], care["reason"][parent], "X1"),
            clae_cla_id=care["cla_id"][parent], clae_referral_id=care["referral"][parent], clae_cla_placement_id=place["id"],
            clae_entered_care_date=care["start"][parent], clae_cla_last_iro_contact_date=None,
            _legal=care["legal"][parent], _dob=care["dob"][parent])
    change = np.where(place["last"], None, sim.choose(["CARPL", "CHILD", "LAREQ", "PLACE", "APPRR", "OTHER"], [30, 15, 20, 15, 10, 10], count))
    sim.add("ssd_cla_placement", clap_cla_placement_id=place["id"], clap_cla_placement_start_date=place["start"], clap_cla_placement_type=place["place"],
            clap_cla_placement_urn=np.where(np.isin(place["place"], ["K2", "K1", "H5"]), np.char.add("SC", rng.integers(100000, 999999, count).astype(str)), None),
            clap_cla_placement_distance=np.round(rng.gamma(1.5, 8.0, count), 1), clap_cla_id=care["cla_id"][parent],
            clap_cla_placement_provider=place["provider"], clap_cla_placement_postcode=None, clap_cla_placement_end_date=place["end"],
            clap_cla_placement_change_reason=change, clap_person_id=care["person"][parent])


def reviews_and_visits(sim: Sim, care: dict, place: dict) -> None:
    from lineofsight.synth.protection import _reviews

    rng = sim.rng
    open_until = np.where(care["ended"], care["end"], sim.end)
    parent, due, held = _reviews(sim, care["start"], open_until, 20, 91, "cla_review_on_time", later=182)
    count = len(parent)
    sim.add("ssd_cla_reviews", clar_cla_review_id=sim.ids("CV", count), clar_cla_id=care["cla_id"][parent], clar_cla_review_due_date=due,
            clar_cla_review_date=held, clar_cla_review_cancelled=np.where(rng.random(count) < 0.01, "Y", "N"),
            clar_cla_review_participation=sim.choose([f"PN{n}" for n in range(8)], [10, 40, 15, 10, 5, 10, 5, 5], count))
    # Visits follow each placement: the first within a week of moving in, then about every five weeks (reg. 28).
    placed_from = place["start"]
    placed_until = np.where(np.isnat(place["end"]), sim.end, place["end"])
    first_visit = np.where(sim.chance("cla_visit_on_time", placed_from), rng.integers(1, 8, len(placed_from)), rng.integers(8, 20, len(placed_from)))
    pparent, when = series(placed_from, placed_until, np.full(len(placed_from), 35.0), rng, first=first_visit)
    later = np.r_[False, pparent[1:] == pparent[:-1]]
    late = later & ~sim.chance("cla_visit_on_time", when)
    when = when + np.where(late, rng.integers(10, 30, len(when)), 0)
    keep = when <= placed_until[pparent]
    vparent, when = place["parent"][pparent[keep]], when[keep]
    count = len(when)
    sim.add("ssd_cla_visits", clav_cla_visit_id=sim.ids("CW", count), clav_cla_id=care["cla_id"][vparent], clav_person_id=care["person"][vparent],
            clav_cla_visit_date=when, clav_cla_visit_seen=np.where(rng.random(count) < 0.97, "Y", "N"),
            clav_cla_visit_seen_alone=np.where(rng.random(count) < 0.6, "Y", "N"))


def missing(sim: Sim, care: dict) -> None:
    rng = sim.rng
    open_until = np.where(care["ended"], care["end"], sim.end)
    age = (care["start"] - care["dob"]).astype(np.int64) / 365.25
    goes_missing = rng.random(len(age)) < sim.rates.missing_children * np.where(age >= 11, 2.2, 0.3)
    counts = np.where(goes_missing, 1 + rng.poisson(2.5, len(age)), 0)
    parent = np.repeat(np.arange(len(age)), counts)
    span = np.maximum((open_until - care["start"]).astype(np.int64)[parent], 1)
    start = care["start"][parent] + (rng.random(len(parent)) * span).astype(np.int64)
    back = start + rng.integers(0, 4, len(parent))
    end = np.where(back <= sim.end, back, NAT)
    count = len(parent)
    offered = (rng.random(count) < sim.rate("rhi_offered", start)) & ~np.isnat(end)
    accepted = offered & (rng.random(count) < 0.7)
    ids = sim.ids("MS", count)
    sim.add("ssd_missing", miss_table_id=ids, miss_person_id=care["person"][parent], miss_missing_episode_start_date=start,
            miss_missing_episode_type=sim.choose(["M", "A"], [80, 20], count), miss_missing_episode_end_date=end,
            miss_missing_rhi_offered=np.where(offered, "Y", np.where(np.isnat(end), None, "N")), miss_missing_rhi_accepted=np.where(accepted, "Y", np.where(offered, "N", None)),
            _dob=care["dob"][parent])
    rows = np.flatnonzero(offered)
    quick = sim.chance("rhi_within_72h", start[rows])
    offered_on = end[rows] + rng.integers(0, 2, len(rows))
    completed = offered_on + np.where(quick, rng.integers(0, 3, len(rows)), rng.integers(3, 12, len(rows)))
    completed = np.where(accepted[rows] & (completed <= sim.end), completed, NAT)
    sim.add("local_return_interviews", rhi_id=sim.ids("RH", len(rows)), miss_table_id=ids[rows],
            rhi_offered_date=np.minimum(offered_on, sim.end), rhi_completed_date=completed)


def permanence(sim: Sim, care: dict, place: dict) -> None:
    """Adoption milestones working back from the adoptive placement; SGO and CAO orders for other exits."""
    rng = sim.rng
    adopted = np.flatnonzero(care["adopted"])
    last_start = np.full(len(care["start"]), NAT)
    last_start[place["parent"][place["last"]]] = place["start"][place["last"]]
    placed = last_start[adopted]
    placed = np.where(placed > care["start"][adopted] + 60, placed, NAT)
    entered = care["start"][adopted]
    decision = entered + rng.integers(90, 220, len(adopted))
    order = decision + rng.integers(60, 150, len(adopted))
    matched = np.where(np.isnat(placed), NAT, placed - rng.integers(7, 40, len(adopted)))
    count = len(adopted)
    clip = lambda days: np.where((days <= sim.end) & (days >= entered), days, NAT)  # noqa: E731
    sim.add("ssd_permanence", perm_table_id=sim.ids("PM", count), perm_person_id=care["person"][adopted], perm_cla_id=care["cla_id"][adopted],
            perm_adm_decision_date=clip(decision), perm_ffa_cp_decision_date=None, perm_placement_order_date=clip(order),
            perm_placed_for_adoption_date=clip(placed), perm_matched_date=clip(matched), perm_adopted_by_carer_flag=np.where(rng.random(count) < 0.12, "Y", "N"),
            perm_placed_ffa_cp_date=None, perm_decision_reversed_date=None, perm_placed_foster_carer_date=None,
            perm_part_of_sibling_group=np.where(rng.random(count) < 0.3, "Y", "N"), perm_siblings_placed_together=None, perm_siblings_placed_apart=None,
            perm_placement_provider_urn=None, perm_decision_reversed_reason=None,
            perm_permanence_order_date=np.where(care["reason"][adopted] == None, NAT, care["end"][adopted]),  # noqa: E711
            perm_permanence_order_type=np.where(care["ended"][adopted], "Adoption", None), perm_adoption_worker_id=None,
            perm_adopter_sex=sim.choose(["MF", "FF", "MM", "F1", "M1"], [70, 8, 6, 14, 2], count),
            perm_adopter_legal_status=sim.choose(["L0", "L11", "L12", "L2"], [10, 60, 20, 10], count),
            perm_number_of_adopters=rng.integers(1, 3, count))


def proceedings(sim: Sim, care: dict) -> None:
    rng = sim.rng
    chosen = np.flatnonzero(np.isin(care["legal"], ["C1", "E1"]))
    issue = care["start"][chosen] - rng.integers(0, 30, len(chosen))
    quick = sim.chance("proceedings_within_26w", issue)
    weeks = np.where(quick, rng.integers(12, 27, len(chosen)), rng.integers(27, 75, len(chosen)))
    conclusion = issue + weeks * 7
    sim.add("local_care_proceedings", proc_id=sim.ids("CP", len(chosen)), proc_person_id=care["person"][chosen], proc_issue_date=issue,
            proc_conclusion_date=np.where(conclusion <= sim.end, conclusion, NAT), proc_team=None, _cla=care["cla_id"][chosen])
