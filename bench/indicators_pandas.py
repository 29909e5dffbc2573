"""The baseline: a few definitions written plainly in pandas, a month at a time, as today's public tools work.

Same rules as the SQL definitions (elapsed working days, 12-month re-referral window, snapshots at
month end), every organisation, by month and team. Used only by ``bench.indicators_engine``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

BASELINE_REFS = ("AMT 2", "FD 8", "CP 5", "CIN 4", "LAC 11", "W 1")
TABLES = ("ssd_cin_assessments", "ssd_cin_episodes", "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cin_plans", "ssd_cin_visits",
          "ssd_cp_plans", "ssd_cla_episodes", "ssd_cla_reviews", "ssd_involvements")


def read_tables(store) -> dict[str, pd.DataFrame]:
    from lineofsight.store import open_store

    connection = open_store(store, read_only=True)
    try:
        frames = {}
        for table in TABLES:
            frame = connection.execute(f"select * from {table}").fetch_df()
            for column in frame.columns:
                if column.endswith(("_date", "_due")):
                    frame[column] = pd.to_datetime(frame[column])
            frames[table] = frame
        return frames
    finally:
        connection.close()


def _months(first: date, last: date):
    for start in pd.date_range(first, last, freq="MS"):
        yield start, start + pd.offsets.MonthEnd(0)


def _working_days(start: pd.Series, end: pd.Series) -> np.ndarray:
    from lineofsight.workingdays import working_day_arrays

    weekmask, holidays = working_day_arrays()
    begin = (start + pd.Timedelta(days=1)).values.astype("datetime64[D]")
    finish = (end + pd.Timedelta(days=1)).values.astype("datetime64[D]")
    return np.busday_count(begin, finish, weekmask=weekmask, holidays=holidays)


def _by_team(frame: pd.DataFrame, month, team_column: str, flag: str) -> list[dict]:
    rows = []
    for org, group in frame.groupby("org_code"):
        rows.append({"org_code": org, "month": month, "breakdown": "service", "key": "", "numerator": int(group[flag].sum()), "denominator": len(group)})
        # a record with no team is still counted by team, under the key "" (as the definitions do)
        for team, part in group.groupby(group[team_column].fillna("")):
            rows.append({"org_code": org, "month": month, "breakdown": "team", "key": team, "numerator": int(part[flag].sum()), "denominator": len(part)})
    return rows


def amt_2(t, first, last) -> pd.DataFrame:
    frame = t["ssd_cin_assessments"].dropna(subset=["cina_assessment_auth_date"])
    rows = []
    for start, end in _months(first, last):
        done = frame[(frame.cina_assessment_auth_date >= start) & (frame.cina_assessment_auth_date <= end)].copy()
        done = done[done.cina_assessment_auth_date >= done.cina_assessment_start_date]
        done["on_time"] = _working_days(done.cina_assessment_start_date, done.cina_assessment_auth_date) <= 45
        rows += _by_team(done, start, "cina_assessment_team", "on_time")
    return pd.DataFrame(rows)


def fd_8(t, first, last) -> pd.DataFrame:
    referrals = t["ssd_cin_episodes"][["org_code", "cine_referral_id", "cine_person_id", "cine_referral_date", "cine_referral_team"]]
    rows = []
    for start, end in _months(first, last):
        current = referrals[(referrals.cine_referral_date >= start) & (referrals.cine_referral_date <= end)]
        pairs = current.merge(referrals, on=["org_code", "cine_person_id"], suffixes=("", "_earlier"))
        earlier = pairs[(pairs.cine_referral_date_earlier < pairs.cine_referral_date)
                        & (pairs.cine_referral_date_earlier >= pairs.cine_referral_date - pd.DateOffset(months=12))]
        # referral ids are each council's own, so they are matched with the council
        re_referred = pd.MultiIndex.from_frame(earlier[["org_code", "cine_referral_id"]])
        # referral ids are each council's own, so they are matched with the council
        re_referred = pd.MultiIndex.from_frame(earlier[["org_code", "cine_referral_id"]])
        current = current.assign(is_re=pd.MultiIndex.from_frame(current[["org_code", "cine_referral_id"]]).isin(re_referred))
        rows += _by_team(current, start, "cine_referral_team", "is_re")
    return pd.DataFrame(rows)


def cp_5(t, first, last) -> pd.DataFrame:
    icpcs = t["ssd_initial_cp_conference"]
    icpcs = icpcs[icpcs.icpc_icpc_transfer_in.fillna("N") != "Y"]
    joined = icpcs.merge(t["ssd_s47_enquiry"], left_on=["org_code", "icpc_s47_enquiry_id"], right_on=["org_code", "s47e_s47_enquiry_id"])
    joined = joined.dropna(subset=["s47e_s47_start_date", "icpc_icpc_date"])
    rows = []
    for start, end in _months(first, last):
        held = joined[(joined.icpc_icpc_date >= start) & (joined.icpc_icpc_date <= end) & (joined.icpc_icpc_date >= joined.s47e_s47_start_date)].copy()
        held["on_time"] = _working_days(held.s47e_s47_start_date, held.icpc_icpc_date) <= 15
        rows += _by_team(held, start, "icpc_icpc_team", "on_time")
    return pd.DataFrame(rows)


def _open_at(frame, start_column, end_column, when):
    return frame[(frame[start_column] <= when) & (frame[end_column].isna() | (frame[end_column] > when))]


def cin_4(t, first, last) -> pd.DataFrame:
    plans, visits = t["ssd_cin_plans"], t["ssd_cin_visits"]
    visits = visits[visits.cinv_cin_visit_seen.fillna("Y") != "N"]
    rows = []
    for start, end in _months(first, last):
        window = end - pd.Timedelta(days=28)
        open_plans = _open_at(plans, "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", end)
        open_plans = open_plans[open_plans.cinp_cin_plan_start_date <= window]
        open_plans = open_plans.sort_values(["cinp_cin_plan_start_date", "cinp_cin_plan_id"]).drop_duplicates(["org_code", "cinp_person_id"], keep="last")
        elsewhere = pd.concat([
            _open_at(t["ssd_cp_plans"], "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", end)[["org_code", "cppl_person_id"]].set_axis(["org_code", "person"], axis=1),
            _open_at(t["ssd_cla_episodes"], "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)[["org_code", "clae_person_id"]].set_axis(["org_code", "person"], axis=1),
        ])
        key = open_plans.org_code + "|" + open_plans.cinp_person_id
        open_plans = open_plans[~key.isin(elsewhere.org_code + "|" + elsewhere.person)]
        seen = visits[(visits.cinv_cin_visit_date >= window) & (visits.cinv_cin_visit_date <= end)]
        open_plans = open_plans.assign(visited=(open_plans.org_code + "|" + open_plans.cinp_person_id).isin(seen.org_code + "|" + seen.cinv_person_id))
        rows += _by_team(open_plans, start, "cinp_cin_plan_team", "visited")
    return pd.DataFrame(rows)


def _held_at(allocations, when):
    """Each child's allocation at ``when``: the open one that started last."""
    held = _open_at(allocations, "invo_involvement_start_date", "invo_involvement_end_date", when)
    return held.sort_values(["invo_involvement_start_date", "invo_involvements_id"]).drop_duplicates(["org_code", "invo_person_id"], keep="last")


def lac_11(t, first, last) -> pd.DataFrame:
    episodes, reviews, allocations = t["ssd_cla_episodes"], t["ssd_cla_reviews"], t["ssd_involvements"]
    reviews = reviews[reviews.clar_cla_review_cancelled.fillna("N") != "Y"]
    reviews = reviews.merge(episodes[["org_code", "clae_cla_id", "clae_person_id"]].drop_duplicates(), left_on=["org_code", "clar_cla_id"], right_on=["org_code", "clae_cla_id"])
    rows = []
    for start, end in _months(first, last):
        looked_after = _open_at(episodes, "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)[["org_code", "clae_person_id"]].drop_duplicates()
        due = reviews[(reviews.clar_cla_review_due_date > end - pd.DateOffset(months=12)) & (reviews.clar_cla_review_due_date <= end)].copy()
        due["on_time"] = due.clar_cla_review_date.notna() & (due.clar_cla_review_date <= due.clar_cla_review_due_date)
        per_child = due.groupby(["org_code", "clae_person_id"]).on_time.all().reset_index()
        children = looked_after.merge(per_child, on=["org_code", "clae_person_id"])
        teams = _held_at(allocations, end)[["org_code", "invo_person_id", "invo_professional_team"]]
        children = children.merge(teams, left_on=["org_code", "clae_person_id"], right_on=["org_code", "invo_person_id"], how="left")
        rows += _by_team(children, start, "invo_professional_team", "on_time")
    return pd.DataFrame(rows)


def w_1(t, first, last) -> pd.DataFrame:
    allocations = t["ssd_involvements"]
    rows = []
    for start, end in _months(first, last):
        held = _held_at(allocations, end)
        for org, group in held.groupby("org_code"):
            rows.append({"org_code": org, "month": start, "breakdown": "service", "key": "", "numerator": len(group), "denominator": group.invo_professional_id.nunique()})
            for team, part in group.groupby("invo_professional_team"):
                rows.append({"org_code": org, "month": start, "breakdown": "team", "key": team, "numerator": len(part), "denominator": part.invo_professional_id.nunique()})
    return pd.DataFrame(rows)


FUNCTIONS = {"AMT 2": amt_2, "FD 8": fd_8, "CP 5": cp_5, "CIN 4": cin_4, "LAC 11": lac_11, "W 1": w_1}


def compute_all(tables, first: date, last: date) -> dict[str, pd.DataFrame]:
    return {ref: FUNCTIONS[ref](tables, first, last) for ref in BASELINE_REFS}


KEY = ["org_code", "month", "breakdown", "key"]


def disagreements(engine_found: dict[str, dict], baseline_found: dict[str, pd.DataFrame]) -> list[str]:
    """Where the engine's rows (``compute_arrays`` columns) and the baseline's differ, so the ratio compares the same work."""
    found = []
    for ref in BASELINE_REFS:
        engine_rows = pd.DataFrame(engine_found[ref]).rename(columns={"breakdown_key": "key"})[[*KEY, "numerator", "denominator"]]
        baseline_rows = baseline_found[ref][[*KEY, "numerator", "denominator"]]
        for frame in (engine_rows, baseline_rows):
            frame["month"] = pd.to_datetime(frame["month"])
        merged = engine_rows.merge(baseline_rows, on=KEY, how="outer", suffixes=("_engine", "_pandas"), indicator=True)
        differ = (merged._merge != "both") | (merged.numerator_engine != merged.numerator_pandas) | (merged.denominator_engine != merged.denominator_pandas)
        for row in merged[differ].head(5).itertuples():
            found.append(f"{ref} {row.org_code} {row.month:%Y-%m} {row.breakdown} {row.key!r}: engine {row.numerator_engine}/{row.denominator_engine}, "
                         f"pandas {row.numerator_pandas}/{row.denominator_pandas}")
    return found
