"""Ofsted Annex A dropdown labels (reference §5.2) and how to read any label back to its code."""

import re

_PREFIX = re.compile(r"^\s*[a-z]{1,2}\)\s*", re.IGNORECASE)

ETHNICITY_ORDER = ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR",
                   "BOTH", "CHNE", "OOTH"]
SOURCE_ORDER = [("1A", "Individual"), ("1B", "Individual"), ("1C", "Individual"), ("1D", "Individual"), ("2A", "Schools"),
                ("2B", "Education services"), ("3A", "Health services"), ("3B", "Health services"), ("3C", "Health services"),
                ("3D", "Health services"), ("3E", "Health services"), ("3F", "Health services"), ("4", "Housing"), ("5A", "LA services"),
                ("5B", "LA services"), ("5C", "LA services"), ("6", "Police"), ("7", "Other legal agency"), ("8", "Other"), ("9", "Anonymous"),
                ("10", "Unknown")]
NEEDS = {"N1": "Abuse or neglect", "N2": "Child's disability", "N3": "Parental disability or illness", "N4": "Family in acute stress",
         "N5": "Family dysfunction", "N6": "Socially unacceptable behaviour", "N7": "Low income", "N8": "Absent parenting",
         "N9": "Cases other than children in need", "N0": "Not stated"}
CLOSURE = {"RC1": "Adopted", "RC2": "Died", "RC3": "Child arrangements order", "RC4": "Special guardianship order",
           "RC5": "Transferred to services of another local authority", "RC6": "Transferred to adult social care services",
           "RC7": "Services ceased for any other reason, including child no longer in need", "RC8": "Case closed after assessment, no further action"}
ABUSE = {"NEG": "a) Neglect", "PHY": "b) Physical abuse", "SAB": "c) Sexual abuse", "EMO": "d) Emotional abuse", "MUL": "e) Multiple/not recommended"}
LEGAL = {"C1": "ICO", "C2": "FCO", "D1": "Freeing order", "E1": "Placement order", "V2": "Single period under S20",
         "V3": "Short term breaks, episodes recorded", "V4": "Short term breaks, agreements recorded", "L1": "Police protection LA accommodation",
         "L2": "EPO", "L3": "Child assessment order LA accommodation", "J1": "Remanded to LA or youth detention", "J2": "LA accommodation under PACE",
         "J3": "Youth rehabilitation order"}
PLACEMENT_ORDER = ["U1", "U2", "U3", "U4", "U5", "U6", "A3", "A4", "A5", "A6", "P1", "P2", "P3", "H5", "K1", "K2", "R1", "R2", "R3", "R5", "S1",
                   "Z1", "T0", "T1", "T2", "T3", "T4"]
CEASED_ORDER = ["E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E9", "E14", "E15", "E16",
                "E8", "X1", "E17"]
PROVIDERS = {"PR0": "Parents/Parental responsibility", "PR1": "Own provision", "PR2": "Other LA provision", "PR3": "Other public provision",
             "PR4": "Private provision", "PR5": "Voluntary/third sector"}
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
GENDER_CODES = {"male": "M", "female": "F", "not stated/recorded": "U", "neither": "U"}
YES_NO = {"Y": "a) Yes", "N": "b) No", "NA": "c) Unknown"}
ELIGIBILITY = {"Relevant": "a) Relevant child", "Former relevant": "b) Former relevant child", "Qualifying": "c) Qualifying care leaver"}
IN_TOUCH = {"YES": "a) Yes", "NO": "b) No", "DIED": "c) Died", "REFU": "d) Refu", "NREQ": "e) NREQ", "RHOM": "f) Rhom"}
ACCOMMODATION = {"B": "Parents/relatives", "C": "Community home/residential care", "D": "Semi-independent, transitional accommodation and self-contained accommodation",
                 "E": "Supported lodgings", "G": "Abroad", "H": "Deported", "K": "Ordinary lodgings, without formal support", "R": "Residence not known",
                 "S": "No fixed adobe/homeless", "T": "Foyers and similar supported accommodation", "U": "Independent living", "V": "Emergency accommodation",
                 "W": "Bed and breakfast", "X": "In custody", "Y": "Other accommodation", "Z": "With former foster carers"}
CASE_STATUS = {"CLA": "a) Looked after child", "CP": "b) Child Protection plan", "CIN": "c) Child in need plan", "ASSESSMENT": "d) Open assessment",
               "CLOSED": "e) Closed episode"}


def _letters(count: int) -> list[str]:
    """Dropdown letters: a) … z), then zz)."""
    letters = [chr(ord("a") + n) for n in range(26)] + ["zz"]
    return letters[:count]


def ethnicity_label(code: str) -> str:
    if code in ("REFU", "NOBT"):
        return f"s) {code}"
    if code in ETHNICITY_ORDER:
        return f"{_letters(18)[ETHNICITY_ORDER.index(code)]}) {code}"
    return code


def source_label(code: str) -> str:
    for letter, (source, label) in zip(_letters(21), SOURCE_ORDER):
        if source == code:
            return f"{letter}) {source}: {label}"
    return code


def placement_label(code: str) -> str:
    if code in PLACEMENT_ORDER:
        return f"{_letters(27)[PLACEMENT_ORDER.index(code)]}) {code}"
    return code


def ceased_label(code: str) -> str:
    if code in CEASED_ORDER:
        return f"{_letters(22)[CEASED_ORDER.index(code)]}) {code}"
    return code


def decode(label) -> str | None:
    """The code a dropdown label stands for: strip ``x) ``, keep the text before ``:`` or `` - ``.

    >>> decode("q) 6: Police"), decode("N1 - Abuse or neglect"), decode("a) Male"), decode("C1: ICO"), decode("  ")
    ('6', 'N1', 'Male', 'C1', None)
    """
    if label is None:
        return None
    text = str(label).strip()
    if not text:
        return None
    text = _PREFIX.sub("", text)
    for separator in (":", " - "):
        if separator in text:
            text = text.split(separator, 1)[0]
    return text.strip() or None
