"""The standing population: children already in care, plans already open and care leavers when the history starts."""

import hashlib
import zipfile

import pandas as pd
import pytest

from lineofsight.synth import generate
from lineofsight.synth.borough import build

FIRST_DAY = pd.Timestamp("2022-11-01")  # 24 reported months to 2025-10 plus 12 of history
LAST_DAY = pd.Timestamp("2025-10-31")


@pytest.fixture(scope="module")
def borough():
    return build(3500, 24, 3, "2025-10")


def _periods(tables):
    episodes = tables["ssd_cla_episodes"]
    return episodes.groupby("clae_cla_id").agg(entered=("clae_entered_care_date", "min"),
                                               ceased=("clae_cla_episode_ceased_date", lambda x: pd.NaT if x.isna().any() else x.max()))


def test_some_children_are_looked_after_throughout_from_before_the_first_month(borough):
    periods = _periods(borough)
    throughout = periods[(periods["entered"] < FIRST_DAY) & periods["ceased"].isna()]
    assert len(throughout) >= 100
    # Entry dates spread over earlier years, not all just before the history.
    assert (periods["entered"] < FIRST_DAY - pd.DateOffset(years=3)).sum() >= 50


def test_no_episode_or_placement_ends_before_it_starts(borough):
    episodes = borough["ssd_cla_episodes"]
    assert not (episodes["clae_cla_episode_ceased_date"] < episodes["clae_cla_episode_start_date"]).any()
    assert not (episodes["clae_cla_episode_start_date"] < episodes["clae_entered_care_date"]).any()
    placements = borough["ssd_cla_placement"]
    assert not (placements["clap_cla_placement_end_date"] < placements["clap_cla_placement_start_date"]).any()
    plans = borough["ssd_cp_plans"]
    assert not (plans["cppl_cp_plan_end_date"] < plans["cppl_cp_plan_start_date"]).any()


def test_every_allocation_and_referral_belongs_to_someone_who_exists(borough):
    workers = set(borough["ssd_professionals"]["prof_professional_id"])
    involvements = borough["ssd_involvements"]
    assert set(involvements["invo_professional_id"]) <= workers
    assert not (involvements["invo_involvement_end_date"] < involvements["invo_involvement_start_date"]).any()
    # Children in care throughout have a worker from before the first month.
    periods = _periods(borough)
    throughout = borough["ssd_cla_episodes"][borough["ssd_cla_episodes"]["clae_cla_id"].isin(
        periods[(periods["entered"] < FIRST_DAY) & periods["ceased"].isna()].index)]["clae_person_id"]
    early = involvements[involvements["invo_involvement_start_date"] < FIRST_DAY]["invo_person_id"]
    assert set(throughout) <= set(early)
    people = set(borough["ssd_person"]["pers_person_id"])
    for table, column in [("ssd_cla_episodes", "clae_person_id"), ("ssd_cp_plans", "cppl_person_id"), ("ssd_care_leavers", "clea_person_id")]:
        assert set(borough[table][column]) <= people, table
    referrals = set(borough["ssd_cin_episodes"]["cine_referral_id"])
    assert set(borough["ssd_cla_episodes"]["clae_referral_id"]) <= referrals
    assert set(borough["ssd_cp_plans"]["cppl_referral_id"]) <= referrals


def test_children_long_in_care_are_mostly_settled(borough):
    episodes = borough["ssd_cla_episodes"].merge(borough["ssd_person"], left_on="clae_person_id", right_on="pers_person_id")
    now = episodes[episodes["clae_cla_episode_ceased_date"].isna()]
    long = now[(now["clae_entered_care_date"] < LAST_DAY - pd.DateOffset(months=30)) & (now["pers_dob"] > LAST_DAY - pd.DateOffset(years=16))]
    stable = long["clae_cla_episode_start_date"] <= LAST_DAY - pd.DateOffset(years=2)
    assert len(long) >= 80
    assert 0.55 <= stable.mean() <= 0.82


def test_cp_plans_already_open_and_a_few_long_ones(borough):
    plans = borough["ssd_cp_plans"]
    before = plans[plans["cppl_cp_plan_start_date"] < FIRST_DAY]
    assert len(before) >= 150
    assert (before["cppl_cp_plan_end_date"].isna() | (before["cppl_cp_plan_end_date"] >= FIRST_DAY)).all()
    # Each has the conference that made it.
    conferences = borough["ssd_initial_cp_conference"].set_index("icpc_icpc_id")
    assert (conferences.loc[before["cppl_icpc_id"], "icpc_icpc_date"].to_numpy() == before["cppl_cp_plan_start_date"].to_numpy()).all()
    ended = plans[plans["cppl_cp_plan_end_date"] > LAST_DAY - pd.DateOffset(years=2)]
    share = ((ended["cppl_cp_plan_end_date"] - ended["cppl_cp_plan_start_date"]).dt.days >= 730).mean()
    assert 0.015 <= share <= 0.09


def test_care_leavers_left_care_and_are_17_to_21(borough):
    leavers = borough["ssd_care_leavers"]
    assert len(leavers) >= 150
    age = (LAST_DAY - leavers["_dob"]).dt.days / 365.25
    assert age.between(16, 22).all() and (age >= 21).any()
    periods = borough["ssd_cla_episodes"].groupby("clae_person_id")["clae_cla_episode_ceased_date"].max()
    assert leavers["clea_person_id"].map(periods).notna().all()
    eet = leavers["clea_care_leaver_activity"].str[0].isin(["F", "P"]).mean()
    suitable = (leavers["clea_care_leaver_accom_suitable"] == "Suitable").mean()
    assert 0.5 <= eet <= 0.7 and 0.76 <= suitable <= 0.94


def test_proceedings_under_way_when_the_history_starts(borough):
    proceedings = borough["local_care_proceedings"]
    open_then = (proceedings["proc_issue_date"] < FIRST_DAY) & (proceedings["proc_conclusion_date"].isna() | (proceedings["proc_conclusion_date"] >= FIRST_DAY))
    assert open_then.sum() >= 10


def test_about_one_worker_in_eleven_is_newly_qualified_with_a_lighter_caseload(borough):
    workers = borough["ssd_professionals"]
    asye = workers["prof_professional_job_title"].str.contains("ASYE")
    assert 0.04 <= asye.mean() <= 0.16
    involvements = borough["ssd_involvements"]
    open_now = involvements[involvements["invo_involvement_end_date"].isna()].groupby("invo_professional_id").size()
    held = workers["prof_professional_id"].map(open_now).fillna(0)
    assert held[asye].mean() < held[~asye].mean()


@pytest.mark.parametrize("fmt", ["ssd", "cin", "903", "annexa"])
def test_same_seed_same_files_in_every_format(tmp_path, fmt):
    def digest(paths):
        def content(path):
            if path.suffix != ".xlsx":
                return path.read_bytes()
            # A workbook's docProps carry the time it was written; compare the sheets.
            with zipfile.ZipFile(path) as book:
                return b"".join(book.read(name) for name in sorted(book.namelist()) if not name.startswith("docProps/"))

        return {path.name: hashlib.sha256(content(path)).hexdigest() for path in paths}

    first = generate("small", months=6, seed=4, fmt=fmt, out=tmp_path / "a", end_month=LAST_DAY.date().replace(day=1))
    again = generate("small", months=6, seed=4, fmt=fmt, out=tmp_path / "b", end_month=LAST_DAY.date().replace(day=1))
    assert first and digest(first) == digest(again)
