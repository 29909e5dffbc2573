"""One synthetic borough: child journeys from contact to leaving care, as SSD-shaped tables.

Every child, worker and date is invented. Rates follow ``profiles.Rates`` and drift month to month. The borough
does not start empty: children already looked after, CP plans already open, care leavers and children who left
care before the history (``standing``) carry on into the simulated months.
"""

import numpy as np
import pandas as pd

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.synth import care as care_steps
from lineofsight.synth import frontdoor, protection, standing, workforce
from lineofsight.synth.dates import NAT
from lineofsight.synth.people import add_people
from lineofsight.synth.profiles import Rates
from lineofsight.synth.sim import Sim

# Adoption, special guardianship and child arrangements orders end care without making a care leaver.
NOT_CARE_LEAVERS = ["E11", "E12", "E45", "E46", "E41"]
CLOSE_BY_EXIT = {"E11": "RC1", "E12": "RC1", "E45": "RC4", "E46": "RC4", "E41": "RC3"}


def build(referrals_per_year: int, months: int, seed: int, end_month, rates: Rates | None = None) -> dict[str, pd.DataFrame]:
    """Simulate ``months`` months (plus a year of history) ending with ``end_month``; tables keyed by store name.

    Frames carry the store's columns in order; columns starting ``_`` are extras other writers need.
    """
    sim = Sim.create(seed, referrals_per_year, months, np.datetime64(end_month, "M"), rates)
    rng = sim.rng
    ref = frontdoor.referrals(sim)
    window = len(ref["date"])
    in_window = {key: value[:window] for key, value in ref.items()}
    stock = _care_stock(sim, ref)
    cp_stock = standing.cp_stock(sim, ref)
    # Care leavers aged 17 to 21 at the end who had left care before the history started.
    former = standing.former_leavers(sim, sim.rates.care_leavers_per_cla * len(stock))
    recent = standing.recent_leavers(sim, len(stock))
    # Those who left care before the history, as one group: the leavers' and the others'.
    gone = {key: np.r_[former[key], recent[key]] for key in former}
    gone_rows = standing.append_referrals(sim, ref, gone["entered"], gone["dob"], gone["person"], "5A", "N1")
    frontdoor.contacts(sim, in_window)
    assessed = frontdoor.assessments(sim, in_window)
    conf = protection.section47(sim, ref, assessed)
    cp = protection.cp_plans(sim, ref, conf, cp_stock)

    to_cin = assessed["index"][rng.random(len(assessed["index"])) < sim.rates.cin_plan_after_assessment]
    cin_start = _lookup(assessed["index"], assessed["auth"], to_cin)
    no_plan = conf["rows"][~conf["plan"]]
    cp_ended = ~np.isnat(cp["end"])
    into_care_from_cp = cp_ended & sim.chance("care_entry_from_cp", np.where(cp_ended, cp["end"], sim.end))
    step_down = cp_ended & ~into_care_from_cp & (rng.random(len(cp_ended)) < 0.55)
    rows = np.r_[to_cin, no_plan, cp["rows"][step_down]]
    starts = np.r_[cin_start, conf["date"][~conf["plan"]], cp["end"][step_down]]
    has_start = ~np.isnat(starts)
    cin = protection.cin_plans(sim, ref, rows[has_start], starts[has_start])
    cin_ended = ~np.isnat(cin["end"])
    into_care_from_cin = cin_ended & sim.chance("care_entry_from_cin", np.where(cin_ended, cin["end"], sim.end))

    direct = rng.random(len(assessed["index"])) < sim.rates.care_entry_from_assessment
    direct_start = sim.clip_future(assessed["start"][direct] + rng.integers(1, 20, int(direct.sum())))
    direct_rows, direct_start = assessed["index"][direct][~np.isnat(direct_start)], direct_start[~np.isnat(direct_start)]
    entry_rows = np.r_[cp["rows"][into_care_from_cp], cin["rows"][into_care_from_cin], direct_rows, stock, gone_rows]
    entry_start = np.r_[cp["end"][into_care_from_cp], cin["end"][into_care_from_cin], direct_start, ref["date"][stock], ref["date"][gone_rows]]
    legal = sim.choose(["C1", "V2", "E1", "L1", "C2", "J1"], [45, 35, 3, 8, 8, 1], len(entry_rows))
    # Children already in care stay for a while yet: about three years on average from the start of the history;
    # those who left care before it left on the day drawn for them.
    stock_stay = sim.start + rng.exponential(3 * 365, len(stock)).astype(np.int64)
    fresh = len(entry_rows) - len(stock) - len(gone_rows)
    min_end = np.r_[np.full(fresh, NAT), stock_stay, gone["left"]]
    min_end = np.where(np.isnat(min_end), entry_start, min_end)
    max_end = np.r_[np.full(len(entry_rows) - len(gone_rows), NAT), gone["left"]]
    exit_reason = np.r_[np.full(len(entry_rows) - len(gone_rows), None, dtype=object), gone["reason"]]
    care = care_steps.periods_of_care(sim, ref["person"][entry_rows], ref["referral_id"][entry_rows], ref["dob"][entry_rows], entry_start, legal,
                                      min_end, max_end, exit_reason)
    place = care_steps.placements(sim, care)
    care_steps.write_care(sim, care, place)
    care_steps.reviews_and_visits(sim, care, place)
    care_steps.missing(sim, care)
    care_steps.permanence(sim, care, place)
    care_steps.proceedings(sim, care)
    leavers = _care_leavers(sim, care)

    by_kind = workforce.teams(sim)
    phases = _phases(sim, ref, assessed, conf, cp, cin, care, leavers)
    allocations = workforce.allocate(sim, by_kind, phases)
    workforce.workers(sim, allocations)
    workforce.supervision(sim, allocations)
    workforce.establishment(sim)
    workforce.foster_carers(sim, max(3, len(care["start"]) // 2))
    _episodes_and_assessments(sim, ref, assessed, conf, cp, cin, care, allocations)
    _fill_teams(sim, allocations)
    return {name: _finish(sim.frame(name), name) for name in TABLES}


def _lookup(keys, values, wanted):
    order = np.argsort(keys)
    return values[order][np.searchsorted(keys[order], wanted)]


def _care_stock(sim: Sim, ref: dict) -> np.ndarray:
    """Children already in care when the history starts, each with the referral that brought them in; their rows."""
    rng = sim.rng
    count = max(2, int(sim.referrals_per_year * sim.rates.cla_per_referral))
    age = standing.cla_ages(sim, count)
    dob = sim.start - age
    # Entered care at some point since birth, up to about ten years before; recent entries more likely.
    back = np.minimum(rng.exponential(2.2 * 365, count), np.minimum(age, 10 * 365)).astype(np.int64)
    entered = np.maximum(sim.start - back - 20, dob)
    ids = add_people(sim, dob)
    return standing.append_referrals(sim, ref, entered, dob, ids, "5A", "N1")


def _care_leavers(sim: Sim, care: dict) -> dict:
    """Young people who left care at 16 or over, having been looked after 13 weeks or more since 14, and are 21 or under at the window's end,
    with their latest activity, accommodation and contact."""
    rng = sim.rng
    sixteen = (care["dob"].astype("datetime64[M]") + 192).astype("datetime64[D]")
    left = care["ended"] & (care["end"] >= sixteen) & ~np.isin(care["reason"], NOT_CARE_LEAVERS)
    fourteen = (care["dob"].astype("datetime64[M]") + 168).astype("datetime64[D]")
    left &= (care["end"] - np.maximum(care["start"], fourteen)).astype(np.int64) >= 91
    left &= care["dob"] > sim.end - int(22 * 365.25)
    first = np.unique(care["person"][left], return_index=True)[1]
    rows = np.flatnonzero(left)[first]
    ids, dob, left_on = care["person"][rows], care["dob"][rows], care["end"][rows]
    count = len(ids)
    eet = rng.random(count) < sim.rates.care_leaver_eet
    suitable = rng.random(count) < sim.rates.care_leaver_suitable
    letter = sim.choose(list("BDETUZKC"), [15, 30, 10, 10, 20, 8, 4, 3], count)
    in_touch = np.where(rng.random(count) < sim.rates.care_leaver_in_touch, "YES", sim.choose(["NO", "REFU", "NREQ"], [50, 30, 20], count))
    latest = np.maximum(sim.end - rng.integers(0, 90, count), left_on)
    sim.add("ssd_care_leavers", clea_table_id=sim.ids("CL", count), clea_person_id=ids,
            clea_care_leaver_eligibility=np.where(standing.eighteenth(dob) > sim.end, "Relevant", "Former relevant"), clea_care_leaver_in_touch=in_touch,
            clea_care_leaver_latest_contact=latest,
            clea_care_leaver_accommodation=np.char.add(letter.astype(str), np.where(suitable, "1", "2")),
            clea_care_leaver_accom_suitable=np.where(suitable, "Suitable", "Unsuitable"),
            clea_care_leaver_activity=np.where(eet, sim.choose(["F1", "F2", "P2", "F4", "F5", "P5"], [10, 30, 8, 7, 35, 10], count),
                                               sim.choose(["G4", "G5", "G6"], [25, 60, 15], count)),
            clea_pathway_plan_review_date=np.maximum(sim.end - rng.integers(0, 240, count), left_on), clea_care_leaver_personal_advisor=None,
            clea_care_leaver_allocated_team=None, clea_care_leaver_worker_id=None, _dob=dob)
    return {"person": ids, "start": left_on}


def _phases(sim, ref, assessed, conf, cp, cin, care, leavers) -> list[dict]:
    rows = assessed["index"]
    assess_end = sim.clip_future(np.where(np.isnat(assessed["auth"]), NAT, assessed["auth"] + 5))
    return [
        {"kind": "Assessment", "person": ref["person"][rows], "referral": ref["referral_id"][rows], "start": ref["date"][rows], "end": assess_end},
        {"kind": "Care Planning", "person": cp["person"], "referral": ref["referral_id"][cp["rows"]], "start": cp["start"], "end": cp["end"]},
        {"kind": np.where(sim.rng.random(len(cin["rows"])) < 0.12, "Children with Disabilities", "Care Planning"),
         "person": cin["person"], "referral": ref["referral_id"][cin["rows"]], "start": cin["start"], "end": cin["end"]},
        {"kind": np.where(care["adopted"], "Permanence", "Children in Care"), "person": care["person"], "referral": care["referral"],
         "start": care["start"], "end": care["end"]},
        {"kind": "Leaving Care", "person": leavers["person"], "referral": None, "start": leavers["start"], "end": NAT},
    ]


def _episodes_and_assessments(sim, ref, assessed, conf, cp, cin, care, allocations) -> None:
    """Referral episodes close when the last piece of work on them ends; open if any is still open."""
    count = len(ref["date"])
    latest = ref["date"].copy()
    still_open = np.zeros(count, dtype=bool)
    reason = np.full(count, "RC8", dtype=object)
    index = {key: position for position, key in enumerate(ref["referral_id"])}

    def extend(rows, ends, why):
        open_rows = rows[np.isnat(ends)]
        still_open[open_rows] = True
        done = ~np.isnat(ends)
        np.maximum.at(latest.view("int64"), rows[done], ends[done].astype("datetime64[D]").view("int64"))
        later = ends[done] >= latest[rows[done]]
        reason[rows[done][later]] = why[done][later] if isinstance(why, np.ndarray) else why

    extend(assessed["index"], assessed["auth"], "RC8")
    extend(conf["s47_rows"], sim.clip_future(conf["s47_start"] + 10), "RC8")
    extend(cp["rows"], cp["end"], "RC7")
    extend(cin["rows"], cin["end"], "RC7")
    care_rows = np.array([index[key] for key in care["referral"]], dtype=np.int64)
    exits = np.array([CLOSE_BY_EXIT.get(code, "RC7") if code else "RC7" for code in care["reason"]], dtype=object)
    extend(care_rows, care["end"], exits)
    nfa = ref["nfa"]
    latest[nfa] = ref["date"][nfa] + sim.rng.integers(0, 3, int(nfa.sum()))
    close = np.where(still_open | (latest > sim.end), NAT, latest)
    lead = allocations[allocations["kind"].isin(["Assessment", "Children in Care", "Permanence"])].drop_duplicates("referral")
    team = ref["referral_id"]
    team_of = dict(zip(lead["referral"], lead["team"]))
    worker_of = dict(zip(lead["referral"], lead["worker"]))
    sim.add("ssd_cin_episodes", cine_referral_id=ref["referral_id"], cine_person_id=ref["person"], cine_referral_date=ref["date"],
            cine_cin_primary_need_code=ref["need"], cine_referral_source_code=ref["source"], cine_referral_source_desc=None,
            cine_referral_outcome_json=None, cine_referral_nfa=np.where(nfa, "Y", "N"), cine_close_reason=np.where(np.isnat(close), None, reason),
            cine_close_date=close, cine_referral_team=[team_of.get(key) for key in team], cine_referral_worker_id=[worker_of.get(key) for key in team])
    rows = assessed["index"]
    keys = ref["referral_id"][rows]
    outcome_nfa = ~np.isin(rows, np.r_[conf["s47_rows"], cin["rows"], cp["rows"]])
    sim.add("ssd_cin_assessments", cina_assessment_id=assessed["id"], cina_person_id=ref["person"][rows], cina_referral_id=keys,
            cina_assessment_start_date=assessed["start"], cina_assessment_child_seen=np.where(assessed["seen"], "Y", "N"),
            cina_assessment_auth_date=assessed["auth"], cina_assessment_outcome_json=None,
            cina_assessment_outcome_nfa=np.where(np.isnat(assessed["auth"]), None, np.where(outcome_nfa, "Y", "N")),
            cina_assessment_team=[team_of.get(key) for key in keys], cina_assessment_worker_id=[worker_of.get(key) for key in keys])


def _fill_teams(sim, allocations) -> None:
    """Copy the allocated team and worker onto the plan, conference and care-leaver rows (as case systems do)."""
    by_referral = allocations.drop_duplicates("referral").set_index("referral")
    planning = allocations[allocations["kind"].isin(["Care Planning", "Children with Disabilities"])].drop_duplicates("referral").set_index("referral")
    by_person = allocations.drop_duplicates("person", keep="last").set_index("person")
    for table, referral, team, worker in [("ssd_cin_plans", "cinp_referral_id", "cinp_cin_plan_team", "cinp_cin_plan_worker_id"),
                                          ("ssd_initial_cp_conference", "icpc_referral_id", "icpc_icpc_team", "icpc_icpc_worker_id"),
                                          ("ssd_s47_enquiry", "s47e_referral_id", "s47e_s47_completed_by_team", "s47e_s47_completed_by_worker_id")]:
        for part in sim.tables.get(table, []):
            source = planning if table == "ssd_cin_plans" else by_referral
            part[team] = part[referral].map(source["team"]).fillna(part[referral].map(by_referral["team"]))
            part[worker] = part[referral].map(source["worker"]).fillna(part[referral].map(by_referral["worker"]))
    for part in sim.tables.get("ssd_care_leavers", []):
        part["clea_care_leaver_allocated_team"] = part["clea_person_id"].map(by_person["team"])
        part["clea_care_leaver_worker_id"] = part["clea_person_id"].map(by_person["worker"])
    for part in sim.tables.get("local_care_proceedings", []):
        part["proc_team"] = part["proc_person_id"].map(by_person["team"])


def _finish(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Columns in store order (extras after), dates as datetime64, blanks as None."""
    columns = list(TABLES[name])
    if frame.empty:
        return pd.DataFrame({column: pd.Series(dtype="datetime64[s]" if kind == "date" else "object") for column, kind in TABLES[name].items()})
    for column in columns:
        if column not in frame:
            frame[column] = None
    for column, kind in TABLES[name].items():
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    extras = [column for column in frame.columns if column.startswith("_")]
    return frame[columns + extras]
