"""Write a synthetic borough as an Ofsted Annex A workbook (sheets ``List 1``…``List 11``, dropdown labels)."""

from pathlib import Path

import pandas as pd
import xlsxwriter

from lineofsight.formats import annex_a_labels as labels

SHARED = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
ALLOCATED = ["Allocated Team", "Allocated Worker"]
DISABILITY = ["Does the Child have a Disability"]


def write(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    extract = max(tables["ssd_contacts"]["cont_contact_date"].max(), tables["ssd_cin_episodes"]["cine_referral_date"].max())
    six = extract - pd.DateOffset(months=6)
    twelve = extract - pd.DateOffset(months=12)
    people = tables["ssd_person"].set_index("pers_person_id").to_dict("index")
    allocation = (tables["ssd_involvements"].sort_values("invo_involvement_start_date").drop_duplicates("invo_person_id", keep="last")
                  .set_index("invo_person_id")[["invo_professional_team", "invo_professional_id"]].to_dict("index"))
    teams = tables["ssd_department"].set_index("dept_team_id")["dept_team_name"].to_dict()
    workers = tables["ssd_professionals"].set_index("prof_professional_id")["prof_professional_name"].to_dict()
    path = out / f"AnnexA_{extract:%Y-%m-%d}.xlsx"
    book = xlsxwriter.Workbook(str(path))
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})

    def person(child, allocated=False, disability=False):
        row = people[child]
        age = int((extract - row["pers_dob"]).days // 365.25) if pd.notna(row["pers_dob"]) else None
        values = [child, labels.GENDER.get(row["pers_sex"], "c) Not stated/recorded"), labels.ethnicity_label(row["pers_ethnicity"]), row["pers_dob"], age]
        if allocated:
            held = allocation.get(child, {})
            team = held.get("invo_professional_team")
            worker = held.get("invo_professional_id")
            values += [teams.get(team, team), workers.get(worker, worker)]
        if disability:
            values += [labels.YES_NO["Y" if row["pers_send_flag"] == "Y" else "N"]]
        return values

    def sheet(number, headers, rows):
        worksheet = book.add_worksheet(f"List {number}")
        worksheet.write_row(0, 0, headers)
        for index, values in enumerate(rows, start=1):
            for column, value in enumerate(values):
                if isinstance(value, pd.Timestamp):
                    worksheet.write_datetime(index, column, value.to_pydatetime(), date_format)
                elif value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
                    continue
                else:
                    worksheet.write(index, column, value)

    contacts = tables["ssd_contacts"][tables["ssd_contacts"]["cont_contact_date"] >= six]
    sheet(1, SHARED + ["Date of Contact", "Contact Source"],
          [person(r.cont_person_id) + [r.cont_contact_date, labels.source_label(r.cont_contact_source_code)] for r in contacts.itertuples()])
    sheet(2, SHARED + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"], [])
    episodes = tables["ssd_cin_episodes"]
    referrals = episodes[episodes["cine_referral_date"] >= six]
    history = episodes.groupby("cine_person_id")["cine_referral_date"].apply(list).to_dict()
    sheet(3, SHARED + ALLOCATED + ["Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"],
          [person(r.cine_person_id, True) + [r.cine_referral_date, labels.source_label(r.cine_referral_source_code), labels.YES_NO[r.cine_referral_nfa],
                                              sum(1 for d in history[r.cine_person_id] if r.cine_referral_date - pd.DateOffset(months=12) < d <= r.cine_referral_date)]
           for r in referrals.itertuples()])
    assessments = tables["ssd_cin_assessments"]
    assessments = assessments[(assessments["cina_assessment_start_date"] >= six) | (assessments["cina_assessment_auth_date"] >= six)
                              | assessments["cina_assessment_auth_date"].isna()]
    sheet(4, SHARED + ALLOCATED + DISABILITY + ["Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                                                "Continuous Assessment Date of Authorisation",
                                                "Was the child assessed as requiring LA children's social care support?"],
          [person(r.cina_person_id, True, True) + [r.cina_assessment_start_date, labels.YES_NO.get(r.cina_assessment_child_seen),
                                                    r.cina_assessment_auth_date,
                                                    labels.YES_NO.get({"Y": "N", "N": "Y"}.get(r.cina_assessment_outcome_nfa))]
           for r in assessments.itertuples()])
    s47 = tables["ssd_s47_enquiry"]
    s47 = s47[(s47["s47e_s47_start_date"] >= six) | s47["s47e_s47_end_date"].isna()]
    icpc = tables["ssd_initial_cp_conference"].set_index("icpc_s47_enquiry_id")
    sheet(5, SHARED + ALLOCATED + DISABILITY + ["Strategy discussion initiating Section 47 Enquiry Start Date",
                                                "Was an Initial Child Protection Conference deemed unnecessary?",
                                                "Date of Initial Child Protection Conference",
                                                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                                                "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months"],
          [person(r.s47e_person_id, True, True) + [r.s47e_s47_start_date, labels.YES_NO["N" if r.s47e_s47_enquiry_id in icpc.index else "Y"],
                                                    icpc["icpc_icpc_date"].get(r.s47e_s47_enquiry_id),
                                                    labels.YES_NO.get(icpc["icpc_icpc_outcome_cp_flag"].get(r.s47e_s47_enquiry_id)), 1,
                                                    1 if r.s47e_s47_enquiry_id in icpc.index else 0]
           for r in s47.itertuples()])
    cin = episodes[episodes["cine_close_date"].isna() | (episodes["cine_close_date"] >= six)]
    cin = cin[cin["cine_referral_nfa"] != "Y"]
    sheet(6, SHARED + ALLOCATED + DISABILITY + ["CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
                                                "Reason for Closure", "Case Status"],
          [person(r.cine_person_id, True, True) + [r.cine_referral_date, f"{r.cine_cin_primary_need_code} - {labels.NEEDS[r.cine_cin_primary_need_code]}",
                                                    None, r.cine_close_date,
                                                    f"{r.cine_close_reason} - {labels.CLOSURE[r.cine_close_reason]}" if r.cine_close_reason in labels.CLOSURE else None,
                                                    labels.CASE_STATUS["CLOSED" if pd.notna(r.cine_close_date) else "CIN"]]
           for r in cin.itertuples()])
    plans = tables["ssd_cp_plans"]
    plans = plans[plans["cppl_cp_plan_end_date"].isna() | (plans["cppl_cp_plan_end_date"] >= six)]
    last_visit = tables["ssd_cp_visits"].groupby("cppv_cp_plan_id")["cppv_cp_visit_date"].max()
    last_review = tables["ssd_cp_reviews"].groupby("cppr_cp_plan_id")["cppr_cp_review_date"].max()
    previous = tables["ssd_cp_plans"].sort_values("cppl_cp_plan_start_date").groupby("cppl_person_id").cumcount()
    previous = dict(zip(tables["ssd_cp_plans"].loc[previous.index, "cppl_cp_plan_id"], previous))
    sheet(7, SHARED + ALLOCATED + DISABILITY + ["Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
                                                "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
                                                "Child Protection Plan End Date",
                                                "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                                                "Number of Previous Child Protection Plans"],
          [person(r.cppl_person_id, True, True) + [r.cppl_cp_plan_start_date, labels.ABUSE[r.cppl_cp_plan_initial_category],
                                                    labels.ABUSE[r.cppl_cp_plan_latest_category], last_visit.get(r.cppl_cp_plan_id), labels.YES_NO["Y"],
                                                    last_review.get(r.cppl_cp_plan_id), r.cppl_cp_plan_end_date, labels.YES_NO["N"],
                                                    previous.get(r.cppl_cp_plan_id, 0)]
           for r in plans.itertuples()])
    _list8(tables, sheet, person, six, twelve)
    leavers = tables["ssd_care_leavers"]
    sheet(9, SHARED + ALLOCATED + ["Eligibility Category", "LA in Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"],
          [person(r.clea_person_id, True) + [labels.ELIGIBILITY.get(r.clea_care_leaver_eligibility), labels.IN_TOUCH.get(r.clea_care_leaver_in_touch),
                                              f"{r.clea_care_leaver_accommodation[0]}: {labels.ACCOMMODATION[r.clea_care_leaver_accommodation[0]]}",
                                              "a) Suitable" if r.clea_care_leaver_accommodation.endswith("1") else "b) Unsuitable",
                                              r.clea_care_leaver_activity]
           for r in leavers.itertuples()])
    perm = tables["ssd_permanence"]
    perm = perm[(perm["perm_adm_decision_date"] >= twelve) | (perm["perm_placed_for_adoption_date"] >= twelve) | (perm["perm_permanence_order_date"] >= twelve)]
    entered = tables["ssd_cla_episodes"].drop_duplicates("clae_cla_id").set_index("clae_cla_id")["clae_entered_care_date"]
    sheet(10, ["Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"] + DISABILITY
          + ["Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
             "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
             "Date of Decision that Child Should No Longer be Placed for Adoption", "Reason Why Child No Longer Placed for Adoption",
             "Date the child was placed for fostering in FFA or concurrent planning placement"],
          [[r.perm_person_id, f"F{r.perm_person_id}"] + person(r.perm_person_id, False, True)[1:] + [
              entered.get(r.perm_cla_id), r.perm_adm_decision_date, r.perm_placement_order_date, r.perm_matched_date, r.perm_placed_for_adoption_date,
              r.perm_permanence_order_date, None, None, None] for r in perm.itertuples()])
    sheet(11, ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability",
               "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
               "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted", "Date application approved",
               "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)", "No. of children placed",
               "Date of Adoption Order", "Date of leaving adoption process", "Reason for leaving adoption process"], [])
    book.close()
    return [path]


def _list8(tables, sheet, person, six, twelve) -> None:
    episodes = tables["ssd_cla_episodes"].merge(tables["ssd_cla_placement"], left_on="clae_cla_placement_id", right_on="clap_cla_placement_id")
    latest = episodes.sort_values("clae_cla_episode_start_date").drop_duplicates("clae_cla_id", keep="last")
    latest = latest[latest["clae_cla_episode_ceased_date"].isna() | (latest["clae_cla_episode_ceased_date"] >= six)].rename(columns={"_legal": "legal"})
    reviews = tables["ssd_cla_reviews"].groupby("clar_cla_id")["clar_cla_review_date"].max()
    visits = tables["ssd_cla_visits"].groupby("clav_cla_id")["clav_cla_visit_date"].max()
    placements = episodes[episodes["clae_cla_episode_start_date"] >= twelve].groupby("clae_cla_id").size()
    missing = tables["ssd_missing"][tables["ssd_missing"]["miss_missing_episode_start_date"] >= twelve]
    missing_count = missing[missing["miss_missing_episode_type"] == "M"].groupby("miss_person_id").size()
    absent_count = missing[missing["miss_missing_episode_type"] == "A"].groupby("miss_person_id").size()
    headers = SHARED + ALLOCATED + DISABILITY + [
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Date Started to be Looked After", "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", "Start date of current legal status",
        "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit", "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
        "Number of Placements in the Last 12 months", "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement", "Placement Type", "Placement Provider", "Placement postcode", "URN of Placement", "Placement Location",
        "LA of Placement", "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?"]
    rows = []
    for r in latest.itertuples():
        rows.append(person(r.clae_person_id, True, True) + [
            labels.YES_NO["N"], r.clae_entered_care_date, f"{r.clae_cla_primary_need_code} - {labels.NEEDS[r.clae_cla_primary_need_code]}",
            labels.YES_NO["N"], r.clae_entered_care_date, f"{r.legal}: {labels.LEGAL[r.legal]}", reviews.get(r.clae_cla_id), visits.get(r.clae_cla_id),
            "f) Long-term fostering", None, None, None, int(placements.get(r.clae_cla_id, 0)), r.clae_cla_episode_ceased_date,
            labels.ceased_label(r.clae_cla_episode_ceased_reason) if pd.notna(r.clae_cla_episode_ceased_date) else None,
            r.clap_cla_placement_start_date, labels.placement_label(r.clap_cla_placement_type),
            f"{r.clap_cla_placement_provider}: {labels.PROVIDERS[r.clap_cla_placement_provider]}", None, r.clap_cla_placement_urn, "a) In", None,
            int(missing_count.get(r.clae_person_id, 0)), int(absent_count.get(r.clae_person_id, 0)), None, None])
    sheet(8, headers, rows)
