"""Code lists from the statutory returns (reference §2–§5): what a coded value may be."""

ETHNICITY = frozenset(
    "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT".split()
)
PERSON_SEX = frozenset({"F", "M", "U"})
PRIMARY_NEED = frozenset(f"N{n}" for n in range(10))
CLOSE_REASON = frozenset(f"RC{n}" for n in range(1, 10))
ABUSE_CATEGORY = frozenset({"NEG", "PHY", "SAB", "EMO", "MUL"})
REFERRAL_SOURCE = frozenset("1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10".split())
ASSESSMENT_FACTORS = frozenset(
    "1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A 12A 13A 14A 15A 16A 17A "
    "18B 18C 19B 19C 20 21 22A 23A 24A".split()
)
DISABILITY = frozenset("NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA".split())
UPN_UNKNOWN = frozenset(f"UN{n}" for n in range(1, 8))
REASON_NEW_EPISODE = frozenset("S L P T B U".split())
LEGAL_STATUS = frozenset("C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3".split())
CLA_NEED = frozenset(f"N{n}" for n in range(1, 9))
# Both the pre- and post-2025/26 lists: a council's history spans the change.
PLACEMENT_TYPE = frozenset(
    "A3 A4 A5 A6 H5 K1 K2 K3 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1 Z11 Z12 Z13 Z14".split()
)
PLACEMENT_PROVIDER = frozenset(f"PR{n}" for n in range(6))
REASON_CEASED = frozenset("X1 E11 E12 E2 E3 E4A E4B E13 E41 E45 E46 E47 E48 E5 E6 E7 E9 E14 E15 E16 E17 E8".split())
PLACE_CHANGE_REASON = frozenset("CARPL CLOSE ALLEG STAND APPRR CREQB CREQO CHILD LAREQ PLACE CUSTOD OTHER".split())
REVIEW_PARTICIPATION = frozenset(f"PN{n}" for n in range(8))
MISSING_TYPE = frozenset({"M", "A"})
IN_TOUCH = frozenset("YES NO DIED REFU NREQ RHOM".split())
ACTIVITY = frozenset("F1 P1 F2 P2 F3 P3 F4 P4 F5 P5 G4 G5 G6 0".split())
ACCOMMODATION = frozenset(f"{letter}{n}" for letter in "BCDEGHKRSTUVWXYZ" for n in (1, 2)) | {"0"}
SW_CHANGE_REASON = frozenset("MANAGE FCONTA LEFTRL ORGRST TSPROC ABSENC CHCHAN PCCHAN SWDIED OTHERS".split())
SUPERVISION_KIND = frozenset({"personal", "case"})

# Which store columns hold a coded value, and the list it must come from.
STORE_CODED_COLUMNS = {
    "ssd_person": {"pers_sex": PERSON_SEX, "pers_ethnicity": ETHNICITY},
    "ssd_cin_episodes": {
        "cine_cin_primary_need_code": PRIMARY_NEED,
        "cine_close_reason": CLOSE_REASON,
        "cine_referral_source_code": REFERRAL_SOURCE,
    },
    "ssd_contacts": {"cont_contact_source_code": REFERRAL_SOURCE},
    "ssd_cp_plans": {"cppl_cp_plan_initial_category": ABUSE_CATEGORY, "cppl_cp_plan_latest_category": ABUSE_CATEGORY},
    "ssd_cla_episodes": {
        "clae_cla_episode_start_reason": REASON_NEW_EPISODE,
        "clae_cla_primary_need_code": CLA_NEED,
        "clae_cla_episode_ceased_reason": REASON_CEASED,
    },
    "ssd_cla_placement": {
        "clap_cla_placement_type": PLACEMENT_TYPE,
        "clap_cla_placement_provider": PLACEMENT_PROVIDER,
        "clap_cla_placement_change_reason": PLACE_CHANGE_REASON,
    },
    "ssd_cla_reviews": {"clar_cla_review_participation": REVIEW_PARTICIPATION},
    "ssd_missing": {"miss_missing_episode_type": MISSING_TYPE},
    "ssd_care_leavers": {
        "clea_care_leaver_in_touch": IN_TOUCH,
        "clea_care_leaver_activity": ACTIVITY,
        "clea_care_leaver_accommodation": ACCOMMODATION,
    },
    "ssd_involvements": {"invo_worker_change_reason": SW_CHANGE_REASON},
    "local_supervision": {"supv_kind": SUPERVISION_KIND},
}
