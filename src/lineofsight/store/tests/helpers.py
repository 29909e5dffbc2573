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
