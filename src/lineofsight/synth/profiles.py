"""Sizes and rates for a synthetic borough. Rates default near the national figures (reference §9)."""

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Profile:
    name: str
    referrals_per_year: int
    councils: int = 1


PROFILES = {
    "small": Profile("small", 300),
    # Croydon receives about 3,500 referrals a year.
    "medium": Profile("medium", 3500),
    "large": Profile("large", 15000),
    # 152 councils of varied size: about 620,000 referrals a year in all, as in England 2023/24.
    "england": Profile("england", 4100, councils=152),
}


@dataclass(frozen=True)
class Rates:
    """Probabilities and typical values; each drifts month to month (see ``drift``)."""

    contacts_per_referral: float = 3.2
    contact_decided_in_1wd: float = 0.88
    re_referral: float = 0.22
    referral_nfa: float = 0.07
    assessment_within_45wd: float = 0.86
    assessment_child_seen: float = 0.95
    s47_per_referral: float = 0.30
    icpc_per_s47: float = 0.33
    icpc_within_15wd: float = 0.80
    icpc_to_cp_plan: float = 0.88
    cin_plan_after_assessment: float = 0.30
    # Of plans started: with plans already open when the history starts, about 4.4% of plans ending last 2+ years (reference §9).
    cp_plan_two_years: float = 0.044
    cp_visit_on_time: float = 0.88
    cp_review_on_time: float = 0.93
    cin_visit_on_time: float = 0.80
    cin_review_on_time: float = 0.78
    care_entry_from_cp: float = 0.20
    care_entry_from_cin: float = 0.06
    care_entry_from_assessment: float = 0.025
    # Placement moves a year at entry to care, easing off over the settling years to the lasting rate.
    placement_moves_per_year: float = 1.3
    placement_settle_years: float = 1.2
    placement_moves_late_per_year: float = 0.08
    cla_per_referral: float = 0.17
    cla_review_on_time: float = 0.90
    cla_visit_on_time: float = 0.88
    missing_children: float = 0.11
    rhi_offered: float = 0.90
    rhi_within_72h: float = 0.62
    proceedings_within_26w: float = 0.30
    supervision_on_time: float = 0.82
    foster_review_on_time: float = 0.85
    vacancy: float = 0.19
    agency: float = 0.18
    caseload: float = 16.0
    # Changes of allocated worker a year: children in care, other long pieces of work.
    cla_worker_changes_per_year: float = 0.6
    worker_changes_per_year: float = 0.6
    # Newly qualified social workers in their assessed and supported year (ASYE), and their caseload
    # relative to other workers'.
    asye_share: float = 0.09
    asye_caseload_ratio: float = 0.75
    # The standing population when the history starts: children looked after per referral a year (cla_per_referral,
    # above); CP plans already open, drawn from the same starts and durations as new ones; care leavers aged
    # 17 to 21 per child looked after (England: about 47,000 for 83,630 looked after).
    care_leavers_per_cla: float = 0.6
    care_leaver_left_at_18: float = 0.6
    # Children starting to be looked after in a year per child looked after (England 2024: about 32,000 for 83,630).
    cla_entries_per_cla: float = 0.38
    care_leaver_eet: float = 0.60
    care_leaver_suitable: float = 0.86
    care_leaver_in_touch: float = 0.92

    def names(self):
        return [field.name for field in fields(self)]
