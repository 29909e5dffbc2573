"""Small SSD extracts written to disk for store tests."""

from lineofsight.formats.ssd_tables import TABLES


def write_table(folder, name, rows: list[dict]) -> None:
    columns = list(TABLES[name])
    lines = [",".join(columns)] + [",".join(str(row.get(column, "")) for column in columns) for row in rows]
    (folder / f"{name}.csv").write_text("\n".join(lines) + "\n")


def small_extract(folder, *, children=("C1", "C2")) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_table(folder, "ssd_person", [{"pers_person_id": c, "pers_sex": "F", "pers_ethnicity": "WBRI", "pers_dob": "2015-01-01"} for c in children])
    write_table(folder, "ssd_cin_episodes", [{"cine_referral_id": f"R{c}", "cine_person_id": c, "cine_referral_date": "2024-05-01",
                                              "cine_cin_primary_need_code": "N1"} for c in children])
    write_table(folder, "ssd_cin_assessments", [{"cina_assessment_id": f"A{c}", "cina_person_id": c, "cina_referral_id": f"R{c}",
                                                 "cina_assessment_start_date": "2024-05-02", "cina_assessment_auth_date": "2024-06-10"}
                                                for c in children])


def fuller_extract(folder) -> None:
    """``small_extract`` and, for child C1, the plans, visits, care and allocations the cross-table checks read."""
    small_extract(folder)
    write_table(folder, "ssd_cin_plans", [{"cinp_cin_plan_id": "N1", "cinp_referral_id": "RC1", "cinp_person_id": "C1", "cinp_cin_plan_start_date": "2024-05-10",
                                           "cinp_cin_plan_end_date": "2024-06-20"}])
    write_table(folder, "ssd_cin_visits", [{"cinv_cin_visit_id": "NV1", "cinv_person_id": "C1", "cinv_cin_visit_date": "2024-05-20", "cinv_cin_visit_seen": "Y"}])
    write_table(folder, "ssd_cp_plans", [{"cppl_cp_plan_id": "P1", "cppl_referral_id": "RC1", "cppl_person_id": "C1", "cppl_cp_plan_start_date": "2024-06-21"}])
    write_table(folder, "ssd_cp_visits", [{"cppv_cp_visit_id": "PV1", "cppv_person_id": "C1", "cppv_cp_plan_id": "P1", "cppv_cp_visit_date": "2024-07-01"}])
    write_table(folder, "ssd_cla_episodes", [{"clae_cla_episode_id": "E1", "clae_person_id": "C2", "clae_cla_episode_start_date": "2024-06-01",
                                              "clae_cla_id": "L1", "clae_referral_id": "RC2", "clae_entered_care_date": "2024-06-01"}])
    write_table(folder, "ssd_cla_reviews", [{"clar_cla_review_id": "LR1", "clar_cla_id": "L1", "clar_cla_review_due_date": "2024-06-21",
                                             "clar_cla_review_date": "2024-06-20"}])
    write_table(folder, "ssd_involvements", [{"invo_involvements_id": "I1", "invo_professional_id": "W1", "invo_person_id": "C1",
                                              "invo_involvement_start_date": "2024-05-01"}])
