"""Annex A → store. Annex A holds the latest visit and review and counts only, so each list maps to what it can:

List 1 → contacts; 3 and 6 → referrals (CIN episodes); 4 → assessments; 5 → S47s and ICPCs; 7 → CP plans with
their latest review and visit; 8 → the current care episode, placement, latest review and visit; 9 → care
leavers; 10 → adoption. Every list adds the child to ssd_person. Ids are built from the child and dates.
The period is the six months to the latest date in the workbook (the extract date).
"""

from collections import defaultdict
from datetime import date

from lineofsight.formats import annex_a_labels as labels
from lineofsight.formats.problems import ERROR, Problem
from lineofsight.formats.table import Table
from lineofsight.formats.values import parse_flag
from lineofsight.store.mapping import Mapped
from lineofsight.store.mapping.common import add_months

GENDER = {"male": "M", "female": "F", "not stated/recorded": "U", "neither": "U", "1": "M", "2": "F", "0": "U", "9": "U", "m": "M", "f": "F"}
ABUSE = {"neglect": "NEG", "physical abuse": "PHY", "sexual abuse": "SAB", "emotional abuse": "EMO", "multiple/not recommended": "MUL"}
IN_TOUCH = {"yes": "YES", "no": "NO", "died": "DIED", "refu": "REFU", "nreq": "NREQ", "rhom": "RHOM"}
ELIGIBILITY = {"relevant child": "Relevant", "former relevant child": "Former relevant", "qualifying care leaver": "Qualifying"}


class _Rows:
    def __init__(self, problems):
        self.rows: dict[str, dict[str, dict]] = defaultdict(dict)
        self.lines: dict[str, dict[str, tuple]] = defaultdict(dict)
        self.problems = problems

    def put(self, table, key, where, **values):
        self.rows[table][key] = values
        self.lines[table][key] = where

    def tables(self):
        out = {}
        for name, rows in self.rows.items():
            keys = list(rows)
            columns = sorted({column for row in rows.values() for column in row})
            out[name] = Table(name, {c: [rows[k].get(c) for k in keys] for c in columns}, name,
                              [self.lines[name][k][1] for k in keys], [self.lines[name][k][0] for k in keys])
        return out


def _code(label, mapping=None):
    code = labels.decode(label)
    if code is None or mapping is None:
        return code
    return mapping.get(code.lower(), code)


def _flag(label):
    code = labels.decode(label)
    return parse_flag(code)[0] if code else None


def _iter(table: Table | None):
    if table is None:
        return
    for index, line in enumerate(table.source_rows):
        yield (table.source_file, line), table.row(index)


def _d(value):
    return value.isoformat() if value else ""


def to_store(tables: dict[str, Table]) -> Mapped:
    problems: list[Problem] = []
    out = _Rows(problems)
    all_dates: list[date] = []
    for name, table in tables.items():
        for where, row in _iter(table):
            all_dates.extend(v for k, v in row.items() if isinstance(v, date) and k not in ("dob",))
            child = row.get("child_id")
            if name == "list11":
                continue
            if not child:
                problems.append(Problem("id.missing", ERROR, where[0], where[1], "Child Unique ID", "The child identifier is blank"))
                continue
            if child not in out.rows["ssd_person"]:
                out.put("ssd_person", child, where, pers_person_id=child, pers_sex=_code(row.get("gender"), GENDER),
                        pers_ethnicity=_code(row.get("ethnicity")), pers_dob=row.get("dob"),
                        pers_send_flag=_flag(row.get("disability")))
    for where, row in _iter(tables.get("list1")):
        key = f"{row['child_id']}/{_d(row['contact_date'])}/{where[1]}"
        out.put("ssd_contacts", key, where, cont_contact_id=key, cont_person_id=row["child_id"], cont_contact_date=row["contact_date"],
                cont_contact_source_code=_code(row.get("contact_source")))
    for name, date_field in (("list3", "referral_date"), ("list6", "cin_start")):
        for where, row in _iter(tables.get(name)):
            key = f"{row['child_id']}/{_d(row[date_field])}"
            existing = out.rows["ssd_cin_episodes"].get(key, {})
            values = dict(existing) or {"cine_referral_id": key, "cine_person_id": row["child_id"], "cine_referral_date": row[date_field]}
            if name == "list3":
                values.update(cine_referral_source_code=_code(row.get("referral_source")), cine_referral_nfa=_flag(row.get("referral_nfa")))
            else:
                values.update(cine_cin_primary_need_code=_code(row.get("primary_need")), cine_close_date=row.get("cin_closure"),
                              cine_close_reason=_code(row.get("closure_reason")) if row.get("cin_closure") else None)
            values.update(cine_referral_team=row.get("team"), cine_referral_worker_id=row.get("worker"))
            out.put("ssd_cin_episodes", key, where, **values)
    referrals = defaultdict(list)
    for key, values in out.rows["ssd_cin_episodes"].items():
        referrals[values["cine_person_id"]].append((values["cine_referral_date"], key))

    def referral_for(child, when):
        earlier = [key for start, key in sorted(referrals.get(child, [])) if start and when and start <= when]
        return earlier[-1] if earlier else None

    for where, row in _iter(tables.get("list4")):
        key = f"{row['child_id']}/A/{_d(row['assessment_start'])}"
        support = _flag(row.get("requires_support"))
        out.put("ssd_cin_assessments", key, where, cina_assessment_id=key, cina_person_id=row["child_id"],
                cina_referral_id=referral_for(row["child_id"], row["assessment_start"]), cina_assessment_start_date=row["assessment_start"],
                cina_assessment_child_seen=_flag(row.get("child_seen")), cina_assessment_auth_date=row.get("assessment_auth"),
                cina_assessment_outcome_nfa={"Y": "N", "N": "Y"}.get(support), cina_assessment_team=row.get("team"),
                cina_assessment_worker_id=row.get("worker"))
    for where, row in _iter(tables.get("list5")):
        key = f"{row['child_id']}/S/{_d(row['s47_start'])}"
        referral = referral_for(row["child_id"], row["s47_start"])
        unnecessary = _flag(row.get("icpc_unnecessary"))
        out.put("ssd_s47_enquiry", key, where, s47e_s47_enquiry_id=key, s47e_referral_id=referral, s47e_person_id=row["child_id"],
                s47e_s47_start_date=row["s47_start"], s47e_s47_nfa=unnecessary, s47e_s47_completed_by_team=row.get("team"),
                s47e_s47_completed_by_worker_id=row.get("worker"))
        if row.get("icpc_date"):
            out.put("ssd_initial_cp_conference", f"{key}/C", where, icpc_icpc_id=f"{key}/C", icpc_s47_enquiry_id=key, icpc_person_id=row["child_id"],
                    icpc_referral_id=referral, icpc_icpc_date=row["icpc_date"], icpc_icpc_outcome_cp_flag=_flag(row.get("icpc_plan")),
                    icpc_icpc_team=row.get("team"), icpc_icpc_worker_id=row.get("worker"))
    for where, row in _iter(tables.get("list7")):
        key = f"{row['child_id']}/P/{_d(row['cp_start'])}"
        out.put("ssd_cp_plans", key, where, cppl_cp_plan_id=key, cppl_referral_id=referral_for(row["child_id"], row["cp_start"]),
                cppl_person_id=row["child_id"], cppl_cp_plan_start_date=row["cp_start"], cppl_cp_plan_end_date=row.get("cp_end"),
                cppl_cp_plan_initial_category=_code(row.get("initial_category"), ABUSE), cppl_cp_plan_latest_category=_code(row.get("latest_category"), ABUSE))
        if row.get("latest_review"):
            review = f"{key}/R/{_d(row['latest_review'])}"
            out.put("ssd_cp_reviews", review, where, cppr_cp_review_id=review, cppr_person_id=row["child_id"], cppr_cp_plan_id=key,
                    cppr_cp_review_date=row["latest_review"])
        if row.get("last_visit"):
            visit = f"{key}/V/{_d(row['last_visit'])}"
            out.put("ssd_cp_visits", visit, where, cppv_cp_visit_id=visit, cppv_person_id=row["child_id"], cppv_cp_plan_id=key,
                    cppv_cp_visit_date=row["last_visit"], cppv_cp_visit_seen_alone=_flag(row.get("seen_alone")))
    _children_in_care(tables.get("list8"), out, referral_for)
    for where, row in _iter(tables.get("list9")):
        suitable = _code(row.get("suitability"))
        accommodation = _code(row.get("accommodation"))
        digit = {"suitable": "1", "unsuitable": "2"}.get((suitable or "").lower(), "")
        out.put("ssd_care_leavers", f"{row['child_id']}/L9", where, clea_table_id=f"{row['child_id']}/L9", clea_person_id=row["child_id"],
                clea_care_leaver_eligibility=_code(row.get("eligibility"), ELIGIBILITY), clea_care_leaver_in_touch=_code(row.get("in_touch"), IN_TOUCH),
                clea_care_leaver_latest_contact=row.get("latest_contact"),
                clea_care_leaver_accommodation=f"{accommodation}{digit}" if accommodation and len(accommodation) == 1 else accommodation,
                clea_care_leaver_accom_suitable=suitable, clea_care_leaver_activity=_code(row.get("activity")),
                clea_pathway_plan_review_date=row.get("pathway_review"), clea_care_leaver_personal_advisor=row.get("personal_advisor"),
                clea_care_leaver_allocated_team=row.get("team"), clea_care_leaver_worker_id=row.get("worker"))
    for where, row in _iter(tables.get("list10")):
        key = f"{row['child_id']}/PERM"
        out.put("ssd_permanence", key, where, perm_table_id=key, perm_person_id=row["child_id"], perm_adm_decision_date=row.get("adm_decision"),
                perm_placement_order_date=row.get("placement_order"), perm_matched_date=row.get("matched"),
                perm_placed_for_adoption_date=row.get("placed"), perm_permanence_order_date=row.get("adoption_order"),
                perm_permanence_order_type="Adoption" if row.get("adoption_order") else None, perm_decision_reversed_date=row.get("reversed"),
                perm_decision_reversed_reason=_code(row.get("reversed_reason")), perm_placed_ffa_cp_date=row.get("ffa"))
    extract = max(all_dates) if all_dates else None
    return Mapped(out.tables(), problems, add_months(extract, -6) if extract else None, extract)


def _children_in_care(table, out: _Rows, referral_for) -> None:
    """List 8 has one row per child: the current (or last) episode, placement, review and visit."""
    for where, row in _iter(table):
        child, entered = row["child_id"], row["entered_care"]
        cla_id = f"{child}/{_d(entered)}"
        placement_start = row.get("placement_start") or entered
        placement_id = f"{cla_id}/{_d(placement_start)}"
        ceased = row.get("ceased_date")
        out.put("ssd_cla_episodes", placement_id, where, clae_cla_episode_id=placement_id, clae_person_id=child,
                clae_cla_episode_start_date=placement_start, clae_cla_episode_start_reason="S" if placement_start == entered else "P",
                clae_cla_primary_need_code=_code(row.get("need")), clae_cla_episode_ceased_date=ceased,
                clae_cla_episode_ceased_reason=_code(row.get("ceased_reason")) if ceased else None, clae_cla_id=cla_id,
                clae_referral_id=referral_for(child, entered), clae_cla_placement_id=placement_id, clae_entered_care_date=entered,
                clae_cla_last_iro_contact_date=row.get("iro_contact"))
        out.put("ssd_cla_placement", placement_id, where, clap_cla_placement_id=placement_id, clap_cla_placement_start_date=placement_start,
                clap_cla_placement_type=_code(row.get("placement_type")), clap_cla_placement_urn=row.get("urn"), clap_cla_id=cla_id,
                clap_cla_placement_provider=_code(row.get("placement_provider")), clap_cla_placement_postcode=row.get("placement_postcode"),
                clap_cla_placement_end_date=ceased, clap_person_id=child)
        if row.get("latest_review"):
            review = f"{cla_id}/R/{_d(row['latest_review'])}"
            out.put("ssd_cla_reviews", review, where, clar_cla_review_id=review, clar_cla_id=cla_id, clar_cla_review_date=row["latest_review"],
                    clar_cla_review_cancelled="N")
        if row.get("last_visit"):
            visit = f"{cla_id}/V/{_d(row['last_visit'])}"
            out.put("ssd_cla_visits", visit, where, clav_cla_visit_id=visit, clav_cla_id=cla_id, clav_person_id=child,
                    clav_cla_visit_date=row["last_visit"])
