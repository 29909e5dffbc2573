"""Write a synthetic borough as SSDA903 CSVs, one set per collection year (``903_<year>_<table>.csv``)."""

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from lineofsight.formats.ssda903_csv import TABLES

SEX = {"M": "1", "F": "2"}


def _uk(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%d/%m/%Y").fillna("")


def write(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    episodes = tables["ssd_cla_episodes"].merge(tables["ssd_cla_placement"], left_on="clae_cla_placement_id", right_on="clap_cla_placement_id", how="left")
    people = tables["ssd_person"].set_index("pers_person_id")
    first = episodes["clae_cla_episode_start_date"].min()
    last = max(episodes["clae_cla_episode_start_date"].max(), episodes["clae_cla_episode_ceased_date"].max())
    paths = []
    for year in range(max(first.year, last.year - 3), last.year + (2 if last.month > 3 else 1)):
        paths += _write_year(tables, episodes, people, year, out)
    return paths


def _write_year(tables, episodes, people, year, out) -> list[Path]:
    start, end = pd.Timestamp(date(year - 1, 4, 1)), pd.Timestamp(date(year, 3, 31))
    looked_after = episodes[(episodes["clae_cla_episode_start_date"] <= end)
                            & (episodes["clae_cla_episode_ceased_date"].isna() | (episodes["clae_cla_episode_ceased_date"] >= start))].copy()
    if looked_after.empty:
        return []
    ended = looked_after["clae_cla_episode_ceased_date"] <= end
    children = pd.unique(np.r_[looked_after["clae_person_id"].to_numpy(), tables["ssd_care_leavers"]["clea_person_id"].to_numpy()])
    dob = people.loc[children, "pers_dob"]
    frames = {}
    frames["Header"] = pd.DataFrame({"CHILD": children, "SEX": people.loc[children, "pers_sex"].map(SEX).fillna("1").to_numpy(),
                                     "DOB": _uk(dob).to_numpy(), "ETHNIC": people.loc[children, "pers_ethnicity"].to_numpy(), "UPN": "UN1",
                                     "MOTHER": "", "MC_DOB": ""})
    frames["Episodes"] = pd.DataFrame({
        "CHILD": looked_after["clae_person_id"], "DECOM": _uk(looked_after["clae_cla_episode_start_date"]),
        "RNE": looked_after["clae_cla_episode_start_reason"], "LS": looked_after["_legal"], "CIN": looked_after["clae_cla_primary_need_code"],
        "PLACE": looked_after["clap_cla_placement_type"], "PLACE_PROVIDER": looked_after["clap_cla_placement_provider"],
        "DEC": np.where(ended, _uk(looked_after["clae_cla_episode_ceased_date"]), ""),
        "REC": np.where(ended, looked_after["clae_cla_episode_ceased_reason"].fillna(""), ""),
        "REASON_PLACE_CHANGE": "", "HOME_POST": "", "PL_POST": "", "URN": looked_after["clap_cla_placement_urn"].fillna("")})
    dob_of = people["pers_dob"]
    reviews = tables["ssd_cla_reviews"].merge(tables["ssd_cla_episodes"].drop_duplicates("clae_cla_id")[["clae_cla_id", "clae_person_id"]],
                                              left_on="clar_cla_id", right_on="clae_cla_id")
    reviews = reviews[(reviews["clar_cla_review_date"] >= start) & (reviews["clar_cla_review_date"] <= end) & (reviews["clar_cla_review_cancelled"] != "Y")]
    frames["Reviews"] = pd.DataFrame({"CHILD": reviews["clae_person_id"], "DOB": _uk(reviews["clae_person_id"].map(dob_of)),
                                      "REVIEW": _uk(reviews["clar_cla_review_date"]), "REVIEW_CODE": reviews["clar_cla_review_participation"]})
    missing = tables["ssd_missing"]
    missing = missing[(missing["miss_missing_episode_start_date"] >= start) & (missing["miss_missing_episode_start_date"] <= end)]
    mis_end = missing["miss_missing_episode_end_date"]
    frames["Missing"] = pd.DataFrame({"CHILD": missing["miss_person_id"], "DOB": _uk(missing["miss_person_id"].map(dob_of)),
                                      "MISSING": missing["miss_missing_episode_type"], "MIS_START": _uk(missing["miss_missing_episode_start_date"]),
                                      "MIS_END": np.where(mis_end <= end, _uk(mis_end), "")})
    perm = tables["ssd_permanence"]
    placed = perm[perm["perm_placed_for_adoption_date"].between(start, end)]
    frames["AD1"] = pd.DataFrame({"CHILD": placed["perm_person_id"], "DOB": _uk(placed["perm_person_id"].map(dob_of)),
                                  "DATE_INT": _uk(placed["perm_adm_decision_date"]), "DATE_MATCH": _uk(placed["perm_matched_date"]),
                                  "FOSTER_CARE": placed["perm_adopted_by_carer_flag"].map({"Y": "1", "N": "0"}),
                                  "NB_ADOPTR": placed["perm_number_of_adopters"], "SEX_ADOPTR": placed["perm_adopter_sex"],
                                  "LS_ADOPTR": placed["perm_adopter_legal_status"]})
    frames["PlacedAdoption"] = pd.DataFrame({"CHILD": placed["perm_person_id"], "DOB": _uk(placed["perm_person_id"].map(dob_of)),
                                             "DATE_PLACED": _uk(placed["perm_placed_for_adoption_date"]), "DATE_PLACED_CEASED": "",
                                             "REASON_PLACED_CEASED": ""})
    leavers = tables["ssd_care_leavers"]
    frames["OC3"] = pd.DataFrame({"CHILD": leavers["clea_person_id"], "DOB": _uk(leavers["_dob"]) if "_dob" in leavers else "",
                                  "IN_TOUCH": leavers["clea_care_leaver_in_touch"], "ACTIV": leavers["clea_care_leaver_activity"],
                                  "ACCOM": leavers["clea_care_leaver_accommodation"]})
    involvements = tables["ssd_involvements"]
    involvements = involvements[involvements["invo_person_id"].isin(children) & (involvements["invo_involvement_start_date"] <= end)
                                & (involvements["invo_involvement_end_date"].isna() | (involvements["invo_involvement_end_date"] >= start))]
    sw_end = involvements["invo_involvement_end_date"]
    frames["SWEpisodes"] = pd.DataFrame({"CHILD": involvements["invo_person_id"], "DOB": _uk(involvements["invo_person_id"].map(dob_of)),
                                         "SW_ID": involvements["invo_professional_id"], "SW_DECOM": _uk(involvements["invo_involvement_start_date"]),
                                         "SW_DEC": np.where(sw_end <= end, _uk(sw_end), ""),
                                         "SW_REASON": np.where(sw_end <= end, involvements["invo_worker_change_reason"].fillna(""), "")})
    paths = []
    for name, frame in frames.items():
        path = out / f"903_{year}_{name}.csv"
        frame[TABLES[name]].to_csv(path, index=False)
        paths.append(path)
    return paths
