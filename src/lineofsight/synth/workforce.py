"""Teams, workers and who holds each case: allocations, supervision, monthly establishment, foster carers."""

import numpy as np
import pandas as pd

from lineofsight.synth.dates import NAT, series
from lineofsight.synth.sim import Sim

SERVICES = {"Assessment": "Front Door and Assessment", "Care Planning": "Family Safeguarding",
            "Children with Disabilities": "Family Safeguarding", "Children in Care": "Corporate Parenting",
            "Permanence": "Corporate Parenting", "Leaving Care": "Corporate Parenting"}
SW_REASONS = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "OTHERS"]


def teams(sim: Sim) -> dict[str, list[str]]:
    """Team identifiers by kind, more teams for a bigger borough."""
    scale = sim.referrals_per_year
    counts = {"Assessment": max(1, round(scale / 1200)), "Care Planning": max(1, round(scale / 900)),
              "Children with Disabilities": 1, "Children in Care": max(1, round(scale / 1500)),
              "Permanence": max(1, round(scale / 5000)), "Leaving Care": max(1, round(scale / 3000))}
    by_kind, rows = {}, []
    for kind, count in counts.items():
        by_kind[kind] = []
        for number in range(1, count + 1):
            team_id = f"T{len(rows) + 1:03d}"
            by_kind[kind].append(team_id)
            rows.append((team_id, f"{kind} {number}" if count > 1 else kind, "S" + str(list(SERVICES.values()).index(SERVICES[kind]) + 1), SERVICES[kind]))
    frame = pd.DataFrame(rows, columns=["dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"])
    sim.tables["ssd_department"] = [frame]
    return by_kind


def allocate(sim: Sim, by_kind: dict, phases: list[dict]) -> pd.DataFrame:
    """Turn phases of work (kind, person, referral, start, end) into allocations to workers, with worker changes."""
    rng = sim.rng
    frame = pd.concat([pd.DataFrame(phase) for phase in phases], ignore_index=True)
    frame = frame[frame["start"] <= sim.end].reset_index(drop=True)
    end_or_now = frame["end"].fillna(pd.Timestamp(sim.end)).to_numpy().astype("datetime64[D]")
    start = frame["start"].to_numpy().astype("datetime64[D]")
    # Long pieces of work change hands now and then; most children in care keep their worker for months at a time.
    per_year = np.where(frame["kind"] == "Children in Care", sim.rates.cla_worker_changes_per_year, sim.rates.worker_changes_per_year)
    changes = rng.poisson(np.maximum((end_or_now - start).astype(np.int64), 0) / 365.0 * per_year)
    parent = np.repeat(np.arange(len(frame)), 1 + changes)
    first = np.r_[True, parent[1:] != parent[:-1]]
    last = np.r_[parent[1:] != parent[:-1], True]
    span = (end_or_now - start).astype(np.int64)[parent]
    cut = start[parent] + (rng.random(len(parent)) * np.maximum(span, 0)).astype(np.int64)
    order = np.lexsort((cut, parent))
    cut = cut[order]
    begin = np.where(first, start[parent], cut)
    finish = np.r_[begin[1:], NAT]
    finish = np.where(last, frame["end"].to_numpy().astype("datetime64[D]")[parent], finish)
    kind = frame["kind"].to_numpy()[parent]
    team = np.empty(len(parent), dtype=object)
    for name, ids in by_kind.items():
        rows = kind == name
        team[rows] = np.asarray(ids)[rng.integers(0, len(ids), int(rows.sum()))]
    result = pd.DataFrame({"person": frame["person"].to_numpy()[parent], "referral": frame["referral"].to_numpy()[parent], "team": team,
                           "start": begin, "end": finish, "reason": np.where(last, None, sim.choose(SW_REASONS, [10, 5, 40, 15, 10, 8, 7, 5], len(parent))),
                           "kind": kind, "phase": parent})
    return result


def workers(sim: Sim, allocations: pd.DataFrame) -> None:
    """Size each team so the average caseload sits near the drifting target, then give each allocation a worker."""
    rng = sim.rng
    middle = sim.end - 180
    start = allocations["start"].to_numpy().astype("datetime64[D]")
    end = allocations["end"].fillna(pd.Timestamp(sim.end + 1)).to_numpy().astype("datetime64[D]")
    open_mid = (start <= middle) & (end > middle)
    worker_rows, worker_of = [], np.empty(len(allocations), dtype=object)
    target = float(np.mean(sim.paths["caseload"]))
    for team in allocations["team"].unique():
        rows = np.flatnonzero(allocations["team"].to_numpy() == team)
        size = max(2, int(np.ceil(open_mid[rows].sum() / target)))
        ids = [f"W{len(worker_rows) + n + 1:05d}" for n in range(size)]
        # Newly qualified workers (ASYE) hold protected, smaller caseloads.
        asye = np.zeros(size, dtype=bool)
        asye[rng.permutation(size)[: int(sim.rates.asye_share * size + rng.random())]] = True
        weight = np.where(asye, sim.rates.asye_caseload_ratio, 1.0)
        worker_of[rows] = np.asarray(ids)[rng.choice(size, size=len(rows), p=weight / weight.sum())]
        for worker, newly_qualified in zip(ids, asye):
            agency = rng.random() < sim.rates.agency and not newly_qualified
            title = "Social Worker (ASYE)" if newly_qualified else ("Social Worker" if rng.random() > 0.15 else "Senior Practitioner")
            worker_rows.append((worker, worker, f"Synthetic Worker {worker[1:]}", f"SW{rng.integers(10**9, 10**10)}", title, team,
                                float(rng.choice([1.0, 1.0, 1.0, 0.8, 0.6])), "Y" if agency else "N"))
    allocations["worker"] = worker_of
    thirtieth = np.datetime64(f"{int(str(sim.end)[:4]) - (1 if str(sim.end)[5:] < '09-30' else 0)}-09-30")
    held = allocations[(start <= thirtieth) & (end > thirtieth)].groupby("worker").size()
    professionals = pd.DataFrame(worker_rows, columns=["prof_professional_id", "prof_staff_id", "prof_professional_name",
                                                       "prof_social_worker_registration_no", "prof_professional_job_title",
                                                       "prof_professional_department", "prof_full_time_equivalency", "prof_agency_worker_flag"])
    professionals["prof_professional_caseload"] = professionals["prof_professional_id"].map(held).fillna(0).astype(int)
    sim.tables["ssd_professionals"] = [professionals]
    sim.add("ssd_involvements", invo_involvements_id=sim.ids("IV", len(allocations)), invo_professional_id=allocations["worker"].to_numpy(),
            invo_professional_role_id="SW", invo_professional_team=allocations["team"].to_numpy(),
            invo_involvement_start_date=start, invo_involvement_end_date=allocations["end"].to_numpy().astype("datetime64[D]"),
            invo_worker_change_reason=allocations["reason"].to_numpy(), invo_person_id=allocations["person"].to_numpy(),
            invo_referral_id=allocations["referral"].to_numpy())


def supervision(sim: Sim, allocations: pd.DataFrame) -> None:
    rng = sim.rng
    professionals = sim.tables["ssd_professionals"][0]
    workers = professionals["prof_professional_id"].to_numpy()
    begin = np.full(len(workers), sim.start)
    finish = np.full(len(workers), sim.end)
    parent, when = series(begin, finish, np.full(len(workers), 28.0), rng, first=rng.integers(1, 28, len(workers)))
    late = ~sim.chance("supervision_on_time", when)
    when = when + np.where(late, rng.integers(5, 25, len(when)), 0)
    when = np.minimum(when, sim.end)
    personal = pd.DataFrame({"supv_worker_id": workers[parent], "supv_person_id": None, "supv_session_date": when, "supv_kind": "personal"})
    start = allocations["start"].to_numpy().astype("datetime64[D]")
    end = allocations["end"].fillna(pd.Timestamp(sim.end)).to_numpy().astype("datetime64[D]")
    cparent, cwhen = series(start, end, np.full(len(start), 42.0), rng)
    cases = pd.DataFrame({"supv_worker_id": allocations["worker"].to_numpy()[cparent], "supv_person_id": allocations["person"].to_numpy()[cparent],
                          "supv_session_date": cwhen, "supv_kind": "case"})
    both = pd.concat([personal, cases], ignore_index=True)
    both.insert(0, "supv_id", sim.ids("SV", len(both)))
    sim.tables["local_supervision"] = [both]


def establishment(sim: Sim) -> None:
    """One row per team per month; vacancy = vacant ÷ posts and agency = agency ÷ (agency + permanent) follow the drift."""
    rng = sim.rng
    professionals = sim.tables["ssd_professionals"][0]
    size = professionals.groupby("prof_professional_department").size()
    months = np.arange(sim.first_month, sim.last_month + 1)
    rows = []
    for team, staff in size.items():
        posts = float(staff + 1)
        for index, month in enumerate(months):
            vacancy = sim.paths["vacancy"][index] * rng.uniform(0.7, 1.3)
            agency_rate = sim.paths["agency"][index] * rng.uniform(0.7, 1.3)
            vacant = round(posts * vacancy, 1)
            permanent = posts - vacant
            agency = round(min(permanent * agency_rate / (1 - agency_rate), vacant + 1), 1)
            rows.append((month.astype("datetime64[D]"), team, posts, permanent, agency, int(permanent * 0.7), int(agency * 0.3),
                         int(rng.integers(0, 2)), int(rng.integers(0, 3)), int(rng.poisson(0.4)), int(rng.poisson(0.4)),
                         vacant, max(round(vacant - agency, 1), 0.0), 1, int(rng.random() < 0.2), int(rng.random() < 0.1)))
    columns = ["estb_month", "estb_team_id", "estb_posts_fte", "estb_permanent_fte", "estb_agency_fte", "estb_permanent_12m_plus",
               "estb_agency_12m_plus", "estb_non_case_holding", "estb_nqsw", "estb_starters", "estb_leavers", "estb_vacant_posts",
               "estb_unfilled_posts", "estb_managers_permanent", "estb_managers_agency", "estb_managers_vacant"]
    sim.tables["local_establishment"] = [pd.DataFrame(rows, columns=columns)]


def foster_carers(sim: Sim, households: int) -> None:
    rng = sim.rng
    approval = sim.start - rng.integers(30, 3650, households)
    # Annual reviews from approval; only those due in the window are listed.
    years = int((sim.end - sim.start).astype(np.int64) // 365) + 12
    parent = np.repeat(np.arange(households), years)
    number = np.tile(np.arange(1, years + 1), households)
    due = approval[parent] + number * 365
    keep = (due >= sim.start) & (due <= sim.end + 365)
    parent, due = parent[keep], due[keep]
    on_time = sim.chance("foster_review_on_time", np.minimum(due, sim.end))
    held = due + np.where(on_time, -rng.integers(0, 30, len(due)), rng.integers(1, 60, len(due)))
    held = np.where(held <= sim.end, held, NAT)
    ids = sim.ids("FC", households)
    sim.add("local_foster_carer_reviews", fcr_carer_id=ids[parent], fcr_approval_date=approval[parent], fcr_review_due_date=due, fcr_review_date=held)
