"""CIN census → store: children, referrals (CIN episodes), assessments, CIN plans, S47s, ICPCs, CP plans and reviews.

A folder may hold several census years; a record present in more than one keeps its latest version.
"""

import json
from datetime import date, timedelta

from lineofsight.formats.table import Table
from lineofsight.store.mapping import Mapped
from lineofsight.store.mapping.common import add_months, collection_year_end, latest_by_key, select


def to_store(tables: dict[str, Table]) -> Mapped:
    children, details = tables["children"], tables["cin_details"]
    out = {}
    keep = latest_by_key(children, "la_child_id")
    out["ssd_person"] = select(children, "ssd_person", keep, {
        "pers_person_id": "la_child_id", "pers_sex": "sex", "pers_ethnicity": "ethnicity", "pers_dob": "birth_date",
        "pers_upn_unknown": "upn_unknown", "pers_expected_dob": "expected_birth_date", "pers_death_date": "death_date",
        "pers_legacy_id": "upn", "pers_send_flag": lambda row: ("N" if row["disabilities"] in (None, "NONE") else "Y") if row["disabilities"] else None,
    })
    out["ssd_cin_episodes"] = select(details, "ssd_cin_episodes", latest_by_key(details, "referral_key"), {
        "cine_referral_id": "referral_key", "cine_person_id": "la_child_id", "cine_referral_date": "referral_date",
        "cine_cin_primary_need_code": "primary_need", "cine_referral_source_code": "referral_source", "cine_referral_nfa": "referral_nfa",
        "cine_close_reason": "closure_reason", "cine_close_date": "closure_date",
    })
    assessments = tables["assessments"]
    out["ssd_cin_assessments"] = select(assessments, "ssd_cin_assessments", latest_by_key(assessments, "key"), {
        "cina_assessment_id": "key", "cina_person_id": "la_child_id", "cina_referral_id": "referral_key",
        "cina_assessment_start_date": "start_date", "cina_assessment_auth_date": "authorisation_date",
        "cina_assessment_outcome_json": lambda row: json.dumps({"factors": row["factors"].split(",")}) if row["factors"] else None,
    })
    plans = tables["cin_plans"]
    out["ssd_cin_plans"] = select(plans, "ssd_cin_plans", latest_by_key(plans, "key"), {
        "cinp_cin_plan_id": "key", "cinp_referral_id": "referral_key", "cinp_person_id": "la_child_id",
        "cinp_cin_plan_start_date": "start_date", "cinp_cin_plan_end_date": "end_date",
    })
    cp = tables["cp_plans"]
    cp_keep = latest_by_key(cp, "key")
    plan_by_start = {(cp.columns["referral_key"][i], cp.columns["start_date"][i]): cp.columns["key"][i] for i in cp_keep}
    s47 = tables["section47"]
    s47_keep = latest_by_key(s47, "key")
    out["ssd_s47_enquiry"] = select(s47, "ssd_s47_enquiry", s47_keep, {
        "s47e_s47_enquiry_id": "key", "s47e_referral_id": "referral_key", "s47e_person_id": "la_child_id", "s47e_s47_start_date": "start_date",
        "s47e_s47_nfa": "icpc_not_required",
        "s47e_s47_outcome_json": lambda row: json.dumps({"icpc_not_required": row["icpc_not_required"] == "Y"}) if row["icpc_not_required"] else None,
    })
    held = [i for i in s47_keep if s47.columns["icpc_date"][i] is not None]
    out["ssd_initial_cp_conference"] = select(s47, "ssd_initial_cp_conference", held, {
        "icpc_icpc_id": lambda row: f"{row['key']}/C", "icpc_s47_enquiry_id": "key", "icpc_person_id": "la_child_id",
        "icpc_cp_plan_id": lambda row: plan_by_start.get((row["referral_key"], row["icpc_date"])), "icpc_referral_id": "referral_key",
        "icpc_icpc_target_date": "icpc_target_date", "icpc_icpc_date": "icpc_date",
        "icpc_icpc_outcome_cp_flag": lambda row: "Y" if (row["referral_key"], row["icpc_date"]) in plan_by_start else "N",
    })
    icpc_by_plan = {plan_by_start.get((s47.columns["referral_key"][i], s47.columns["icpc_date"][i])): f"{s47.columns['key'][i]}/C" for i in held}
    out["ssd_cp_plans"] = select(cp, "ssd_cp_plans", cp_keep, {
        "cppl_cp_plan_id": "key", "cppl_referral_id": "referral_key", "cppl_icpc_id": lambda row: icpc_by_plan.get(row["key"]),
        "cppl_person_id": "la_child_id", "cppl_cp_plan_start_date": "start_date", "cppl_cp_plan_end_date": "end_date",
        "cppl_cp_plan_initial_category": "initial_category", "cppl_cp_plan_latest_category": "latest_category",
    })
    out["ssd_cp_reviews"] = _reviews(cp, cp_keep)
    references = [d for d in children.columns["reference_date"] if d]
    if references:
        period_end = max(references)
        period_start = min(references).replace(year=min(references).year - 1) + timedelta(days=1)
    else:
        dates = [d for d in details.columns["referral_date"] if d]
        period_end = collection_year_end(max(dates)) if dates else None
        period_start = date(period_end.year - 1, 4, 1) if period_end else None
    return Mapped(out, [], period_start, period_end)


def _reviews(cp: Table, keep: list[int]) -> Table:
    """One row per review; the due date follows the CP cycle: 3 months after the start, then 6 after each review."""
    columns = {name: [] for name in ("cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due", "cppr_cp_review_date")}
    rows, files = [], []
    for position in keep:
        previous = cp.columns["start_date"][position]
        for number, review in enumerate(sorted(cp.columns["review_dates"][position]), start=1):
            due = add_months(previous, 3 if number == 1 else 6) if previous else None
            columns["cppr_cp_review_id"].append(f"{cp.columns['key'][position]}/R{number}")
            columns["cppr_person_id"].append(cp.columns["la_child_id"][position])
            columns["cppr_cp_plan_id"].append(cp.columns["key"][position])
            columns["cppr_cp_review_due"].append(due)
            columns["cppr_cp_review_date"].append(review)
            rows.append(cp.source_rows[position])
            files.append(cp.file_of(position))
            previous = review
    return Table("ssd_cp_reviews", columns, cp.source_file, rows, files)
