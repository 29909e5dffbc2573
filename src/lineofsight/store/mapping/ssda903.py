"""SSDA903 → store: children, care episodes and periods of care, placements, reviews, missing episodes, care
leavers, adoption and other permanence, and social-worker episodes (as allocations).

Identifiers are built from the child and dates (``C123/2024-05-02``), so reloading the same return gives the
same ids and a record present in two years' files is kept once (the later file's version).
"""

from collections import defaultdict
from datetime import date

from lineofsight.formats.codelists import REVIEW_PARTICIPATION
from lineofsight.formats.problems import ERROR, Problem
from lineofsight.formats.table import Table
from lineofsight.store.mapping import Mapped
from lineofsight.store.mapping.common import add_months, collection_year_end

SEX = {"1": "M", "2": "F"}
FLAG = {"1": "Y", "0": "N"}


class _Out:
    """Accumulates store rows, keeping one per id (the later file wins)."""

    def __init__(self):
        self.rows: dict[str, dict] = defaultdict(dict)
        self.lines: dict[str, dict] = defaultdict(dict)
        self.files: dict[str, dict] = defaultdict(dict)

    def put(self, table, key, line, file, **values):
        self.rows[table][key] = values
        self.lines[table][key] = line
        self.files[table][key] = file

    def tables(self) -> dict[str, Table]:
        out = {}
        for name, rows in self.rows.items():
            keys = list(rows)
            columns = list(next(iter(rows.values())).keys()) if rows else []
            files = [self.files[name][k] for k in keys]
            out[name] = Table(name, {c: [rows[k][c] for k in keys] for c in columns}, "; ".join(sorted(set(files))),
                              [self.lines[name][k] for k in keys], files)
        return out


def _iter(table: Table | None):
    if table is None:
        return
    names = list(table.columns)
    for index, line in enumerate(table.source_rows):
        yield line, {name: table.columns[name][index] for name in names}


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def to_store(tables: dict[str, Table]) -> Mapped:
    out = _Out()
    problems: list[Problem] = []
    for line, row in _iter(tables.get("Header")):
        if not row["CHILD"]:
            problems.append(Problem("id.missing", ERROR, row["_file"], line, "CHILD", "The CHILD identifier is blank"))
            continue
        out.put("ssd_person", row["CHILD"], line, row["_file"], pers_person_id=row["CHILD"], pers_sex=SEX.get(row["SEX"] or "", row["SEX"]),
                pers_ethnicity=row["ETHNIC"], pers_dob=row["DOB"], pers_is_mother=FLAG.get(row["MOTHER"] or ""), pers_legacy_id=row["UPN"])
    periods = _episodes(tables.get("Episodes"), out)
    for line, row in sorted(_iter(tables.get("Reviews")), key=lambda item: (item[1]["CHILD"] or "", item[1]["REVIEW"] or date.min)):
        if row["REVIEW"] is None:
            continue
        period = _period_for(periods, row["CHILD"], row["REVIEW"])
        out.put("ssd_cla_reviews", f"{row['CHILD']}/{_d(row['REVIEW'])}", line, row["_file"], clar_cla_review_id=f"{row['CHILD']}/{_d(row['REVIEW'])}",
                clar_cla_id=period["id"] if period else None, clar_cla_review_due_date=_review_due(period, row["REVIEW"]),
                clar_cla_review_date=row["REVIEW"], clar_cla_review_cancelled="N",
                clar_cla_review_participation=row["REVIEW_CODE"] if row["REVIEW_CODE"] in REVIEW_PARTICIPATION else row["REVIEW_CODE"])
    for line, row in _iter(tables.get("Missing")):
        key = f"{row['CHILD']}/{_d(row['MIS_START'])}"
        out.put("ssd_missing", key, line, row["_file"], miss_table_id=key, miss_person_id=row["CHILD"], miss_missing_episode_start_date=row["MIS_START"],
                miss_missing_episode_type=row["MISSING"], miss_missing_episode_end_date=row["MIS_END"])
    for line, row in _iter(tables.get("OC3")):
        accom = row["ACCOM"] or ""
        out.put("ssd_care_leavers", f"{row['CHILD']}/OC3", line, row["_file"], clea_table_id=f"{row['CHILD']}/OC3", clea_person_id=row["CHILD"],
                clea_care_leaver_in_touch=row["IN_TOUCH"], clea_care_leaver_accommodation=row["ACCOM"],
                clea_care_leaver_accom_suitable={"1": "Suitable", "2": "Unsuitable"}.get(accom[-1:]) if len(accom) == 2 else None,
                clea_care_leaver_activity=row["ACTIV"])
    _permanence(tables, out, periods)
    for line, row in _iter(tables.get("SWEpisodes")):
        key = f"{row['CHILD']}/{_d(row['SW_DECOM'])}/{row['SW_ID']}"
        period = _period_for(periods, row["CHILD"], row["SW_DECOM"]) if row["SW_DECOM"] else None
        out.put("ssd_involvements", key, line, row["_file"], invo_involvements_id=key, invo_professional_id=row["SW_ID"], invo_professional_role_id="SW",
                invo_involvement_start_date=row["SW_DECOM"], invo_involvement_end_date=row["SW_DEC"], invo_worker_change_reason=row["SW_REASON"],
                invo_person_id=row["CHILD"], invo_referral_id=period["id"] if period else None)
    result = out.tables()
    dates = [d for t in ("Episodes", "Reviews") if t in tables for c in ("DECOM", "DEC", "REVIEW") for d in tables[t].columns.get(c, []) if d]
    period_end = collection_year_end(max(dates)) if dates else None
    first = collection_year_end(min(dates)) if dates else None
    period_start = date(first.year - 1, 4, 1) if first else None
    return Mapped(result, problems, period_start, period_end)


def _episodes(table: Table | None, out: _Out) -> dict[str, list[dict]]:
    """Episodes → ssd_cla_episodes and ssd_cla_placement; a period of care starts at RNE S, a placement at any RNE but L."""
    periods: dict[str, list[dict]] = defaultdict(list)
    rows = sorted(_iter(table), key=lambda item: (item[1]["CHILD"] or "", item[1]["DECOM"] or date.min))
    period = placement = None
    previous_child = None
    for line, row in rows:
        child = row["CHILD"]
        if child != previous_child:
            period = placement = None
            previous_child = child
        if row["DECOM"] is None:
            continue
        if row["RNE"] == "S" or period is None:
            period = {"id": f"{child}/{_d(row['DECOM'])}", "start": row["DECOM"], "end": None, "reviews": []}
            periods[child].append(period)
        period["end"] = row["DEC"] if row["REC"] not in (None, "X1") else None
        if row["RNE"] != "L" or placement is None:
            placement = f"{child}/{_d(row['DECOM'])}"
            out.put("ssd_cla_placement", placement, line, row["_file"], clap_cla_placement_id=placement, clap_cla_placement_start_date=row["DECOM"],
                    clap_cla_placement_type=row["PLACE"], clap_cla_placement_urn=row["URN"], clap_cla_id=period["id"],
                    clap_cla_placement_provider=row["PLACE_PROVIDER"], clap_cla_placement_postcode=row["PL_POST"],
                    clap_cla_placement_end_date=row["DEC"], clap_cla_placement_change_reason=None, clap_person_id=child)
        else:
            out.rows["ssd_cla_placement"][placement]["clap_cla_placement_end_date"] = row["DEC"]
        key = f"{child}/{_d(row['DECOM'])}"
        out.put("ssd_cla_episodes", key, line, row["_file"], clae_cla_episode_id=key, clae_person_id=child, clae_cla_episode_start_date=row["DECOM"],
                clae_cla_episode_start_reason=row["RNE"], clae_cla_primary_need_code=row["CIN"], clae_cla_episode_ceased_date=row["DEC"],
                clae_cla_episode_ceased_reason=row["REC"], clae_cla_id=period["id"], clae_cla_placement_id=placement,
                clae_entered_care_date=period["start"])
    # The reason a placement ended is recorded on the episode that follows it.
    ending = {(p["clap_person_id"], p["clap_cla_placement_end_date"]): p for p in out.rows["ssd_cla_placement"].values()}
    for line, row in rows:
        placement = ending.get((row["CHILD"], row["DECOM"])) if row["REASON_PLACE_CHANGE"] else None
        if placement is not None:
            placement["clap_cla_placement_change_reason"] = row["REASON_PLACE_CHANGE"]
    return periods


def _period_for(periods, child, when: date):
    chosen = None
    for period in periods.get(child, []):
        if period["start"] <= when:
            chosen = period
    return chosen


def _review_due(period, review: date) -> date | None:
    """First review within 20 days of entering care, the second within 3 months, then every 6 months."""
    if period is None:
        return None
    held = period["reviews"]
    if not held:
        due = date.fromordinal(period["start"].toordinal() + 20)
    elif len(held) == 1:
        due = add_months(held[-1], 3)
    else:
        due = add_months(held[-1], 6)
    held.append(review)
    return due


def _permanence(tables, out: _Out, periods) -> None:
    adoption_orders = {}
    for _, row in _iter(tables.get("Episodes")):
        if row["REC"] in ("E11", "E12") and row["DEC"]:
            adoption_orders[row["CHILD"]] = row["DEC"]
    merged: dict[str, dict] = {}
    lines: dict[str, tuple] = {}
    for name in ("AD1", "PlacedAdoption", "PrevPerm"):
        for line, row in _iter(tables.get(name)):
            record = merged.setdefault(row["CHILD"], {})
            record.update({key: value for key, value in row.items() if value is not None})
            lines.setdefault(row["CHILD"], (line, row["_file"]))
    for child, record in merged.items():
        period = periods.get(child, [None])[-1]
        line, file = lines[child]
        out.put("ssd_permanence", f"{child}/PERM", line, file, perm_table_id=f"{child}/PERM", perm_person_id=child,
                perm_cla_id=period["id"] if period else None, perm_adm_decision_date=record.get("DATE_INT"),
                perm_placed_for_adoption_date=record.get("DATE_PLACED"), perm_matched_date=record.get("DATE_MATCH"),
                perm_adopted_by_carer_flag=FLAG.get(record.get("FOSTER_CARE") or ""), perm_decision_reversed_date=record.get("DATE_PLACED_CEASED"),
                perm_decision_reversed_reason=record.get("REASON_PLACED_CEASED"),
                perm_permanence_order_date=adoption_orders.get(child) or record.get("DATE_PERM"),
                perm_permanence_order_type="Adoption" if child in adoption_orders else record.get("PREV_PERM"),
                perm_adopter_sex=record.get("SEX_ADOPTR"), perm_adopter_legal_status=record.get("LS_ADOPTR"),
                perm_number_of_adopters=int(record["NB_ADOPTR"]) if (record.get("NB_ADOPTR") or "").isdigit() else None)
