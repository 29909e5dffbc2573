"""The synthetic borough: reproducible, labelled, and with rates near the national figures."""

import hashlib
from datetime import date

import pandas as pd
import pytest

from lineofsight.synth import default_end_month, generate
from lineofsight.synth.borough import build
from lineofsight.workingdays import working_days_between

END = date(2025, 9, 1)


def _digest(paths):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def test_same_seed_writes_the_same_files_and_another_seed_does_not(tmp_path):
    first = generate("small", months=6, seed=5, fmt="ssd", out=tmp_path / "a", end_month=END)
    again = generate("small", months=6, seed=5, fmt="ssd", out=tmp_path / "b", end_month=END)
    other = generate("small", months=6, seed=6, fmt="ssd", out=tmp_path / "c", end_month=END)
    assert _digest(first) == _digest(again)
    assert _digest(first) != _digest(other)


def test_output_folder_says_the_data_is_synthetic(tmp_path):
    generate("small", months=3, seed=1, fmt="903", out=tmp_path, end_month=END)
    assert "SYNTHETIC DATA" in (tmp_path / "README.txt").read_text()


def test_nothing_happens_after_the_last_month(tmp_path):
    tables = build(300, 12, 2, "2025-09")
    for name, frame in tables.items():
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]) and not any(w in column for w in ("due", "target", "expected")):
                assert frame[column].max() <= pd.Timestamp("2025-09-30") or pd.isna(frame[column].max()), (name, column)


@pytest.fixture(scope="module")
def medium_year():
    return build(3500, 12, 1, "2025-09")


def test_about_86_percent_of_assessments_finish_within_45_working_days(medium_year):
    done = medium_year["ssd_cin_assessments"].dropna(subset=["cina_assessment_auth_date"])
    within = [working_days_between(a.date(), b.date()) <= 45
              for a, b in zip(done["cina_assessment_start_date"], done["cina_assessment_auth_date"])]
    assert 0.78 <= sum(within) / len(within) <= 0.93


def test_about_22_percent_of_referrals_are_re_referrals(medium_year):
    episodes = medium_year["ssd_cin_episodes"].sort_values("cine_referral_date")
    episodes = episodes[episodes["cine_referral_date"] >= pd.Timestamp("2024-10-01")]
    previous = medium_year["ssd_cin_episodes"].groupby("cine_person_id")["cine_referral_date"].apply(sorted).to_dict()
    repeat = [any(r - pd.Timedelta(days=365) <= d < r for d in previous[p]) for p, r in zip(episodes["cine_person_id"], episodes["cine_referral_date"])]
    assert 0.15 <= sum(repeat) / len(repeat) <= 0.30


def test_referrals_per_year_match_the_profile(medium_year):
    episodes = medium_year["ssd_cin_episodes"]
    last_year = episodes[episodes["cine_referral_date"] >= pd.Timestamp("2024-10-01")]
    assert 3000 <= len(last_year) <= 4200


def test_default_end_month_is_the_last_complete_month():
    assert default_end_month(date(2026, 1, 15)) == date(2025, 12, 1)
    assert default_end_month(date(2026, 11, 22)) == date(2026, 10, 1)


def test_unknown_profile_or_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        generate("huge", out=tmp_path)
    with pytest.raises(ValueError):
        generate("small", fmt="pdf", out=tmp_path)
