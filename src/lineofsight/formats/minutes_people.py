"""Reading people out of minutes wording: attendance lists, apologies with substitutes, declarations.

Pure functions over strings, shared by every minutes layout.
"""

from __future__ import annotations

import re

from lineofsight.formats.minutes_draft import APOLOGIES, SUBSTITUTE, DeclarationEntry, PersonEntry

NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|la|le)){0,4}"
_COUNCILLOR = re.compile(r"^(?:Councillors?|Cllrs?\.?)\s+", re.I)
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s+")

_SUBSTITUTE_PATTERNS = [
    # "Councillor Holly Ramsey, for who(m) Councillor Samir Dwesar was in attendance as substitute"
    re.compile(rf"(?:Councillor\s+)?(?P<absent>{NAME}),?\s+for\s+whom?\s+(?:Councillor\s+)?(?P<sub>{NAME})\s+(?:was in attendance|attended|was present)\s+as\s+(?:a\s+|the\s+)?substitute"),
    # "Councillor A attended as (a) substitute for Councillor B" / "substituted for" / "substituting for"
    re.compile(rf"(?:Councillor\s+)?(?P<sub>{NAME})\s+(?:\()?(?:attended as (?:a |the )?substitute for|was (?:present|in attendance) as (?:a )?substitute for|substituted for|substituting for|substitute for|as substitute for)\s+(?:Councillor\s+)?(?P<absent>{NAME})"),
]

_DECLARATION = re.compile(
    rf"(?:Councillor\s+)?(?P<member>{NAME})\s+(?:declared|disclosed|made a declaration of)\s+(?:an?\s+)?"
    r"(?P<kind>disclosable pecuniary|pecuniary|other registrable|other registerable|non[- ]registrable|non[- ]registerable|personal|prejudicial)?\s*interest"
    r"(?P<rest>[^.]*)\.?",
)
_KIND_CODES = {
    "disclosable pecuniary": "DPI",
    "pecuniary": "DPI",
    "other registrable": "ORI",
    "other registerable": "ORI",
    "non-registrable": "NRI",
    "non registrable": "NRI",
    "non-registerable": "NRI",
    "non registerable": "NRI",
}
_ITEM_REF = re.compile(r"\bitem\s+(?:no\.?\s*)?(\d{1,3}(?:/\d{2,4})?)", re.I)


def _protect_brackets(text: str) -> tuple[str, list[str]]:
    """Swap bracketed text for markers, so commas and "and" inside brackets do not split names."""
    kept: list[str] = []

    def keep(match):
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    return re.sub(r"\([^()]*\)", keep, text), kept


def _restore(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def looks_like_name(text: str) -> bool:
    """
    >>> looks_like_name("Callton Young OBE"), looks_like_name("the minutes were agreed as a record")
    (True, False)
    """
    words = text.split()
    return 0 < len(words) <= 6 and ":" not in text and sum(1 for w in words if w[:1].isupper()) >= max(1, len(words) - 1)


def people(text: str, kind: str, rejected: list[str] | None = None) -> list[PersonEntry]:
    """Names in an attendance list, with roles from brackets.

    >>> [(p.name, p.role) for p in people("Councillor Sean Fitzsimons (Chair); Councillor Jan Buttinger (Vice-Chair);", "present")]
    [('Sean Fitzsimons', 'chair'), ('Jan Buttinger', 'vice-chair')]
    >>> [p.name for p in people("Councillors Patsy Cummings, Stephen Mann and Vidhi Mohan", "present")]
    ['Patsy Cummings', 'Stephen Mann', 'Vidhi Mohan']
    >>> p = people("Paul O'Donnell (Voting Parent Governor Representative)", "apologies")[0]
    >>> (p.name, p.is_councillor, p.description)
    ("Paul O'Donnell", False, 'Voting Parent Governor Representative')
    >>> [(p.name, p.role, p.description) for p in people("Councillor Stone – in the Chair; Mr G Cleworth, Parent Governor Representative", "present")]
    [('Stone', 'chair', ''), ('G Cleworth', '', 'Parent Governor Representative')]
    """
    # "Mr G Cleworth, Parent Governor Representative": the title after a comma is the bracket's job.
    text = re.sub(r",\s*((?:[A-Z][\w'-]*\s+){0,4}(?:Representative|Governor|Co-optee|Co-opted Member))\b", r" (\1)", text)
    protected, kept = _protect_brackets(text.strip().rstrip(".;,"))
    found: list[PersonEntry] = []
    for segment in re.split(r";|\n", protected):
        segment = segment.strip().strip(",.")
        if not segment:
            continue
        councillor = bool(_COUNCILLOR.match(segment))
        segment = _COUNCILLOR.sub("", segment)
        for piece in re.split(r",\s*|\s+and\s+|\s+&\s+", segment):
            piece = _restore(piece.strip(), kept).strip(" .;")
            piece_is_councillor = councillor or bool(_COUNCILLOR.match(piece))
            piece = _COUNCILLOR.sub("", piece)
            if not piece:
                continue
            role, description = "", ""
            chaired = re.search(r"\s*[–—-]\s*in the chair\s*$", piece, re.I)
            if chaired:
                piece, role = piece[: chaired.start()].strip(), "chair"
            bracket = re.search(r"\(([^()]*)\)\s*$", piece)
            if bracket:
                inside = bracket.group(1).strip()
                piece = piece[: bracket.start()].strip()
                lowered = inside.lower()
                if lowered in {"chair", "chairman", "chairwoman", "in the chair"}:
                    role = "chair"
                elif lowered.replace(" ", "-") in {"vice-chair", "vice-chairman", "deputy-chair"}:
                    role = "vice-chair"
                else:
                    description = inside
            if not looks_like_name(re.sub(r"\([^()]*\)", "", piece)):
                if rejected is not None:
                    rejected.append(piece)
                continue
            found.append(PersonEntry(name=_TITLES.sub("", piece), kind=kind, is_councillor=piece_is_councillor or not description, role=role, description=description))
    return found


def apologies(text: str, rejected: list[str] | None = None) -> list[PersonEntry]:
    """Apologies and substitutes from one sentence or list; a substitute row names whom they replaced.

    >>> rows = apologies("Apologies were received from Councillor Holly Ramsey, for who Councillor Samir Dwesar was in attendance as substitute, Councillor Tamar Barrett, for who Councillor Louis Carserides was in attendance as substitute.")
    >>> [(r.name, r.kind, r.substitute_for) for r in rows]
    [('Holly Ramsey', 'apologies', ''), ('Samir Dwesar', 'substitute', 'Holly Ramsey'), ('Tamar Barrett', 'apologies', ''), ('Louis Carserides', 'substitute', 'Tamar Barrett')]
    >>> [(r.name, r.kind) for r in apologies("Apologies: Councillor Carole Bonner")]
    [('Carole Bonner', 'apologies')]
    """
    text = re.sub(r"\s+", " ", text).strip()
    if re.match(r"^(?:there were )?(?:none|no apologies)", text, re.I) or re.search(r"\bno apologies\b", text, re.I):
        return []
    rows: list[PersonEntry] = []
    remaining = text
    spans: list[tuple[int, PersonEntry, PersonEntry]] = []
    for pattern in _SUBSTITUTE_PATTERNS:
        for match in pattern.finditer(remaining):
            absent = match.group("absent").strip()
            sub = match.group("sub").strip()
            spans.append((match.start(), PersonEntry(absent, APOLOGIES), PersonEntry(sub, SUBSTITUTE, substitute_for=absent)))
        remaining = pattern.sub(" , ", remaining)
    spans.sort(key=lambda span: span[0])
    for _, absent, sub in spans:
        rows += [absent, sub]
    remaining = re.sub(r"^\s*(?:Apologies(?: for absence)?(?: were)?(?: received)?(?: from)?\s*:?)", "", remaining, flags=re.I)
    remaining = re.sub(r"\bApologies (?:for absence )?were (?:also )?received from\b", ";", remaining, flags=re.I)
    known = {row.name for row in rows}
    for person in people(remaining, APOLOGIES, rejected):
        if person.name not in known and not re.match(r"^(?:Apologies|The|There|None)\b", person.name):
            rows.append(person)
    return rows


def declarations(text: str, item_number: str = "") -> list[DeclarationEntry]:
    """Declarations of interest from minutes wording; kind left blank when the wording does not say.

    >>> [(d.member, d.kind, d.item_number) for d in declarations("Councillor Jan Buttinger declared a disclosable pecuniary interest in item 12/18 as a foster carer.")]
    [('Jan Buttinger', 'DPI', '12/18')]
    >>> declarations("There were none.")
    []
    """
    found = []
    for match in _DECLARATION.finditer(text):
        kind = _KIND_CODES.get((match.group("kind") or "").lower().replace("–", "-"), "")
        ref = _ITEM_REF.search(match.group("rest") or "")
        found.append(DeclarationEntry(member=match.group("member").strip(), kind=kind, text=match.group(0).strip(), item_number=ref.group(1) if ref else item_number))
    return found
