"""Write a synthetic borough as CIN census XML, one file per collection year, elements in XSD order."""

import zlib
from collections import defaultdict
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

FACTORS = ["1B", "2B", "3A", "3B", "4B", "5A", "6A", "8B", "9A", "10A", "11A", "12A", "16A", "18B", "19B", "20", "21", "22A", "23A", "24A"]
GENDER = {"M": "1", "F": "2", "U": "0"}


def _records(frame: pd.DataFrame, key: str) -> dict:
    grouped = defaultdict(list)
    for record in frame.to_dict("records"):
        grouped[record[key]].append({k: (None if v is pd.NaT or (isinstance(v, float) and v != v) else v) for k, v in record.items()})
    return grouped


def _d(value) -> str | None:
    if value is None or value is pd.NaT:
        return None
    return f"{value:%Y-%m-%d}"


def _years(tables) -> list[int]:
    dates = pd.concat([tables["ssd_cin_episodes"]["cine_referral_date"], tables["ssd_cin_episodes"]["cine_close_date"]]).dropna()
    recent = tables["ssd_contacts"]["cont_contact_date"].dropna()
    first, last = recent.min(), dates.max()
    start_year = first.year + (1 if first.month > 3 else 0)
    end_year = last.year + (1 if last.month > 3 else 0)
    return list(range(start_year, end_year + 1))


def write(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    people = {row["pers_person_id"]: row for row in tables["ssd_person"].to_dict("records")}
    episodes = _records(tables["ssd_cin_episodes"].sort_values(["cine_person_id", "cine_referral_date"]), "cine_person_id")
    by_referral = {name: _records(tables[table].sort_values(start), referral)
                   for name, table, referral, start in [
                       ("assessments", "ssd_cin_assessments", "cina_referral_id", "cina_assessment_start_date"),
                       ("plans", "ssd_cin_plans", "cinp_referral_id", "cinp_cin_plan_start_date"),
                       ("s47", "ssd_s47_enquiry", "s47e_referral_id", "s47e_s47_start_date"),
                       ("cp", "ssd_cp_plans", "cppl_referral_id", "cppl_cp_plan_start_date")]}
    icpc = {row["icpc_s47_enquiry_id"]: row for row in tables["ssd_initial_cp_conference"].to_dict("records")}
    reviews = _records(tables["ssd_cp_reviews"].sort_values("cppr_cp_review_date"), "cppr_cp_plan_id")
    previous_plans = tables["ssd_cp_plans"].sort_values("cppl_cp_plan_start_date").groupby("cppl_person_id").cumcount()
    previous = dict(zip(tables["ssd_cp_plans"].loc[previous_plans.index, "cppl_cp_plan_id"], previous_plans))
    paths = []
    for year in _years(tables):
        path = out / f"CIN_Census_{year}.xml"
        _write_year(path, year, people, episodes, by_referral, icpc, reviews, previous)
        paths.append(path)
    return paths


def _write_year(path, year, people, episodes, by_referral, icpc, reviews, previous) -> None:
    reference = date(year, 3, 31)
    start = date(year - 1, 4, 1)
    use_sex = year >= 2025

    def when(value):
        """A date as the census would show it on the reference date: later dates have not happened yet."""
        text = _d(value)
        return text if text and text <= reference.isoformat() else None

    with open(path, "w", encoding="utf-8") as handle:
        write = handle.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header>\n<CollectionDetails><Collection>CIN</Collection>'
              f"<Year>{year}</Year><ReferenceDate>{reference.isoformat()}</ReferenceDate></CollectionDetails>\n"
              "<Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>LineOfSight synthetic</SoftwareCode>"
              f"<Release>1</Release><SerialNo>{year}</SerialNo><DateTime>{reference.isoformat()}T00:00:00</DateTime></Source>\n"
              "</Header>\n<Children>\n")
        for person_id, child_episodes in episodes.items():
            active = [e for e in child_episodes if _d(e["cine_referral_date"]) <= reference.isoformat()
                      and (e["cine_close_date"] is None or _d(e["cine_close_date"]) >= start.isoformat())]
            if not active:
                continue
            person = people[person_id]
            parts = ["<Child>\n<ChildIdentifiers>", _el("LAchildID", person_id), _el("UPNunknown", "UN1"),
                     _el("PersonBirthDate", _d(person["pers_dob"])),
                     _el("Sex", person["pers_sex"]) if use_sex else _el("GenderCurrent", GENDER.get(person["pers_sex"], "0")),
                     "</ChildIdentifiers>\n<ChildCharacteristics>", _el("Ethnicity", person["pers_ethnicity"]),
                     "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>\n"]
            for episode in active:
                referral = episode["cine_referral_id"]
                conferences = [icpc[s["s47e_s47_enquiry_id"]] for s in by_referral["s47"].get(referral, []) if s["s47e_s47_enquiry_id"] in icpc]
                first_icpc = min((when(c["icpc_icpc_date"]) for c in conferences if when(c["icpc_icpc_date"])), default=None)
                parts += ["<CINdetails>", _el("CINreferralDate", _d(episode["cine_referral_date"])), _el("ReferralSource", episode["cine_referral_source_code"]),
                          _el("PrimaryNeedCode", episode["cine_cin_primary_need_code"]), _el("CINclosureDate", when(episode["cine_close_date"])),
                          _el("ReasonForClosure", episode["cine_close_reason"] if when(episode["cine_close_date"]) else None),
                          _el("DateOfInitialCPC", first_icpc), "\n"]
                for item in by_referral["assessments"].get(referral, []):
                    if not when(item["cina_assessment_start_date"]):
                        continue
                    authorised = when(item["cina_assessment_auth_date"])
                    factors = ""
                    if authorised:
                        seed = zlib.crc32(item["cina_assessment_id"].encode())
                        chosen = sorted({FACTORS[(seed >> shift) % len(FACTORS)] for shift in (0, 5, 10)})
                        factors = "<FactorsIdentifiedAtAssessment>" + "".join(_el("AssessmentFactors", f) for f in chosen) + "</FactorsIdentifiedAtAssessment>"
                    parts += ["<Assessments>", _el("AssessmentActualStartDate", _d(item["cina_assessment_start_date"])),
                              _el("AssessmentAuthorisationDate", authorised), factors, "</Assessments>\n"]
                for item in by_referral["plans"].get(referral, []):
                    if when(item["cinp_cin_plan_start_date"]):
                        parts += ["<CINPlanDates>", _el("CINPlanStartDate", _d(item["cinp_cin_plan_start_date"])),
                                  _el("CINPlanEndDate", when(item["cinp_cin_plan_end_date"])), "</CINPlanDates>\n"]
                for item in by_referral["s47"].get(referral, []):
                    if not when(item["s47e_s47_start_date"]):
                        continue
                    conference = icpc.get(item["s47e_s47_enquiry_id"])
                    parts += ["<Section47>", _el("S47ActualStartDate", _d(item["s47e_s47_start_date"])),
                              _el("InitialCPCtarget", _d(conference["icpc_icpc_target_date"]) if conference else None),
                              _el("DateOfInitialCPC", when(conference["icpc_icpc_date"]) if conference else None),
                              _el("ICPCnotRequired", "false" if conference else "true"), "</Section47>\n"]
                parts.append(_el("ReferralNFA", "true" if episode["cine_referral_nfa"] == "Y" else "false"))
                for item in by_referral["cp"].get(referral, []):
                    if not when(item["cppl_cp_plan_start_date"]):
                        continue
                    dates = [when(r["cppr_cp_review_date"]) for r in reviews.get(item["cppl_cp_plan_id"], [])]
                    dates = [d for d in dates if d]
                    parts += ["<ChildProtectionPlans>", _el("CPPstartDate", _d(item["cppl_cp_plan_start_date"])),
                              _el("CPPendDate", when(item["cppl_cp_plan_end_date"])), _el("InitialCategoryOfAbuse", item["cppl_cp_plan_initial_category"]),
                              _el("LatestCategoryOfAbuse", item["cppl_cp_plan_latest_category"]),
                              _el("NumberOfPreviousCPP", str(previous.get(item["cppl_cp_plan_id"], 0))),
                              ("<Reviews>" + "".join(_el("CPPreviewDate", d) for d in dates) + "</Reviews>") if dates else "",
                              "</ChildProtectionPlans>\n"]
                parts.append("</CINdetails>\n")
            parts.append("</Child>\n")
            write("".join(parts))
        write("</Children>\n</Message>\n")


def _el(name: str, value) -> str:
    if value is None or value == "":
        return ""
    return f"<{name}>{escape(str(value))}</{name}>"
