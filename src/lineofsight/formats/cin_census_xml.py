"""CIN census XML (reference §3): one ``Child`` per child, each with ``CINdetails`` and their sub-records.

Read as a stream with lxml ``iterparse``: each ``Child`` is turned into rows and cleared, so memory stays flat
however large the file. A folder may hold one file per collection year. Sample::

    <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>
      <ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
      <Children><Child><ChildIdentifiers><LAchildID>C0000001</LAchildID>...<Sex>M</Sex></ChildIdentifiers>
        <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
        <CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>6</ReferralSource>...
          <Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>...</Assessments>
          <ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>

Sub-records have no identifiers in the census; ids are built from the child, the referral date and the
position in document order (``C0000001/2024-05-01/A1``), so reloading the same file gives the same ids.
"""

from datetime import date
from operator import itemgetter
from pathlib import Path

from lxml import etree

from lineofsight.formats import codelists
from lineofsight.formats.problems import ERROR, WARNING, Problem
from lineofsight.formats.table import Table
from lineofsight.formats.values import parse_date

FORMAT = "cin"
TABLE_COLUMNS = {
    "children": ["reference_date", "la_child_id", "upn", "upn_unknown", "birth_date", "expected_birth_date", "sex", "death_date", "ethnicity", "disabilities"],
    "cin_details": ["reference_date", "la_child_id", "referral_key", "referral_date", "referral_source", "primary_need", "closure_date",
                    "closure_reason", "initial_cpc_date", "referral_nfa"],
    "assessments": ["reference_date", "la_child_id", "referral_key", "key", "start_date", "internal_review_date", "authorisation_date", "factors"],
    "cin_plans": ["reference_date", "la_child_id", "referral_key", "key", "start_date", "end_date"],
    "section47": ["reference_date", "la_child_id", "referral_key", "key", "start_date", "icpc_target_date", "icpc_date", "icpc_not_required"],
    "cp_plans": ["reference_date", "la_child_id", "referral_key", "key", "start_date", "end_date", "initial_category", "latest_category",
                 "previous_plans", "review_dates"],
}
TRUE = {"true", "1"}
FALSE = {"false", "0"}
SEX_CODES = {"1": "M", "2": "F", "0": "U", "9": "U", "M": "M", "F": "F", "U": "U"}


def _name(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag if "}" not in tag else tag.rsplit("}", 1)[1]


def parse(source: Path) -> tuple[dict[str, Table], list[Problem]]:
    """Read a CIN census file, or every .xml file in a folder."""
    source = Path(source)
    files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".xml") if source.is_dir() else [source]
    records = {name: [] for name in TABLE_COLUMNS}
    rows = {name: [] for name in TABLE_COLUMNS}
    files_of = {name: [] for name in TABLE_COLUMNS}
    problems: list[Problem] = []
    if not files:
        problems.append(Problem("cin.no_files", ERROR, source.name, None, "", "No .xml files were found"))
    for path in files:
        _FileReader(path, records, rows, files_of, problems).read()
    tables = {}
    for name, columns in TABLE_COLUMNS.items():
        values = {column: list(map(itemgetter(position), records[name])) for position, column in enumerate(columns)}
        table = Table(name, values, "; ".join(dict.fromkeys(files_of[name])) or name, rows[name], files_of[name] if len(files) > 1 else None)
        tables[name] = table
    return tables, problems


class _FileReader:
    def __init__(self, path, records, rows, files_of, problems):
        self.path, self.records, self.rows, self.files_of, self.problems = path, records, rows, files_of, problems
        self.reference_date: date | None = None
        self.children = 0
        self._index: dict = {}

    def problem(self, code, severity, line, field, message):
        self.problems.append(Problem(code, severity, self.path.name, line, field, message))

    def add(self, table, line, record):
        # Tuples in column order hold a large census in a fraction of the memory dicts would take.
        self.records[table].append(tuple(record[column] for column in TABLE_COLUMNS[table]))
        self.rows[table].append(line or 0)
        self.files_of[table].append(self.path.name)

    def read(self) -> None:
        try:
            # Only Child and ReferenceDate ends are reported (any namespace); everything else is read from its Child.
            for _, element in etree.iterparse(str(self.path), events=("end",), tag=("{*}Child", "{*}ReferenceDate", "Child", "ReferenceDate"),
                                              huge_tree=True, resolve_entities=False, no_network=True):
                name = _name(element)
                if name == "ReferenceDate":
                    self.reference_date = self.read_date(element, "ReferenceDate")
                elif name == "Child":
                    self.child(element)
                    self._index.clear()
                    # Free the child and anything before it: memory stays flat as the file grows.
                    element.clear()
                    parent = element.getparent()
                    while parent is not None and element.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as error:
            line = error.lineno if getattr(error, "lineno", None) else None
            self.problem("xml.malformed", ERROR, line, "", f"The file is not well-formed XML: {error.msg}")
            return
        except OSError as error:
            self.problem("file.unreadable", ERROR, None, "", f"The file could not be read: {error}")
            return
        if self.children == 0:
            self.problem("cin.no_children", ERROR, None, "Child", "The file holds no Child elements: is it a CIN census?")
        if self.reference_date is None:
            self.problem("cin.no_reference_date", WARNING, None, "ReferenceDate",
                         "The header has no ReferenceDate; the collection year is taken from the data")

    def text(self, element, name) -> str:
        found = self.first(element, name)
        return (found.text or "").strip() if found is not None else ""

    def first(self, element, name):
        named = self.children_named(element, name)
        return named[0] if named else None

    def children_named(self, element, name):
        """Children by local name, indexed once per element (elements are visited many times)."""
        index = self._index.get(element)
        if index is None:
            index = {}
            for child in element:
                index.setdefault(_name(child), []).append(child)
            self._index[element] = index
        return index.get(name, ())

    def read_date(self, element, name, parent=None) -> date | None:
        text = (element.text or "").strip() if parent is None else self.text(parent, name)
        value, complaint = parse_date(text)
        if complaint:
            self.problem("date.invalid", ERROR, element.sourceline, name, complaint)
        return value

    def date_of(self, parent, name) -> date | None:
        found = self.first(parent, name)
        return self.read_date(found, name) if found is not None else None

    def code(self, parent, name, allowed, severity=ERROR, required=False) -> str | None:
        text = self.text(parent, name)
        if not text:
            if required:
                self.problem("cin.missing_element", ERROR, parent.sourceline, name, f"{name} is required but missing or blank")
            return None
        if allowed is not None and text not in allowed:
            self.problem("code.unknown", severity, parent.sourceline, name, f"'{text}' is not a valid {name}")
            return None if severity == ERROR else text
        return text

    def flag(self, parent, name) -> str | None:
        text = self.text(parent, name)
        if text.lower() in TRUE:
            return "Y"
        if text.lower() in FALSE:
            return "N"
        if text:
            self.problem("flag.invalid", ERROR, parent.sourceline, name, f"'{text}' is not true or false")
        return None

    def child(self, element) -> None:
        self.children += 1
        identifiers = next(iter(self.children_named(element, "ChildIdentifiers")), None)
        characteristics = next(iter(self.children_named(element, "ChildCharacteristics")), None)
        if identifiers is None:
            self.problem("cin.missing_element", ERROR, element.sourceline, "ChildIdentifiers", "The child has no ChildIdentifiers")
            return
        child_id = self.text(identifiers, "LAchildID")
        if not child_id:
            self.problem("cin.missing_element", ERROR, identifiers.sourceline, "LAchildID", "LAchildID is required but missing or blank")
            return
        sex_text = self.text(identifiers, "Sex") or self.text(identifiers, "GenderCurrent")
        sex = SEX_CODES.get(sex_text.upper()) if sex_text else None
        if sex_text and sex is None:
            self.problem("code.unknown", ERROR, identifiers.sourceline, "Sex", f"'{sex_text}' is not a valid Sex or GenderCurrent")
        disabilities = []
        if characteristics is not None:
            for group in self.children_named(characteristics, "Disabilities"):
                for item in self.children_named(group, "Disability"):
                    code = (item.text or "").strip()
                    if code not in codelists.DISABILITY:
                        self.problem("code.unknown", WARNING, item.sourceline, "Disability", f"'{code}' is not a valid Disability")
                    disabilities.append(code)
        self.add("children", element.sourceline, {
            "reference_date": self.reference_date, "la_child_id": child_id, "upn": self.text(identifiers, "UPN") or None,
            "upn_unknown": self.code(identifiers, "UPNunknown", codelists.UPN_UNKNOWN), "birth_date": self.date_of(identifiers, "PersonBirthDate"),
            "expected_birth_date": self.date_of(identifiers, "ExpectedPersonBirthDate"), "sex": sex,
            "death_date": self.date_of(identifiers, "PersonDeathDate"),
            "ethnicity": self.code(characteristics, "Ethnicity", codelists.ETHNICITY, required=True) if characteristics is not None else None,
            "disabilities": ",".join(disabilities) or None,
        })
        seen_keys: dict[str, int] = {}
        for details in self.children_named(element, "CINdetails"):
            self.details(child_id, details, seen_keys)

    def details(self, child_id, details, seen_keys) -> None:
        referral_date = self.date_of(details, "CINreferralDate")
        if referral_date is None:
            self.problem("cin.missing_element", ERROR, details.sourceline, "CINreferralDate", "CINreferralDate is required but missing or blank")
            return
        key = f"{child_id}/{referral_date.isoformat()}"
        seen_keys[key] = seen_keys.get(key, 0) + 1
        if seen_keys[key] > 1:
            key = f"{key}#{seen_keys[key]}"
        base = {"reference_date": self.reference_date, "la_child_id": child_id, "referral_key": key}
        self.add("cin_details", details.sourceline, {**base, "referral_date": referral_date,
                 "referral_source": self.code(details, "ReferralSource", codelists.REFERRAL_SOURCE, required=True),
                 "primary_need": self.code(details, "PrimaryNeedCode", codelists.PRIMARY_NEED),
                 "closure_date": self.date_of(details, "CINclosureDate"),
                 "closure_reason": self.code(details, "ReasonForClosure", codelists.CLOSE_REASON),
                 "initial_cpc_date": self.date_of(details, "DateOfInitialCPC"), "referral_nfa": self.flag(details, "ReferralNFA")})
        for number, item in enumerate(self.children_named(details, "Assessments"), start=1):
            factors = []
            for group in self.children_named(item, "FactorsIdentifiedAtAssessment"):
                for factor in self.children_named(group, "AssessmentFactors"):
                    code = (factor.text or "").strip()
                    if code not in codelists.ASSESSMENT_FACTORS:
                        self.problem("code.unknown", WARNING, factor.sourceline, "AssessmentFactors",
                                     f"'{code}' is not a valid assessment factor; it was left out")
                    else:
                        factors.append(code)
            self.add("assessments", item.sourceline, {**base, "key": f"{key}/A{number}", "start_date": self.required_date(item, "AssessmentActualStartDate"),
                     "internal_review_date": self.date_of(item, "AssessmentInternalReviewDate"),
                     "authorisation_date": self.date_of(item, "AssessmentAuthorisationDate"), "factors": ",".join(factors) or None})
        for number, item in enumerate(self.children_named(details, "CINPlanDates"), start=1):
            self.add("cin_plans", item.sourceline, {**base, "key": f"{key}/N{number}", "start_date": self.required_date(item, "CINPlanStartDate"),
                     "end_date": self.date_of(item, "CINPlanEndDate")})
        for number, item in enumerate(self.children_named(details, "Section47"), start=1):
            self.add("section47", item.sourceline, {**base, "key": f"{key}/S{number}", "start_date": self.required_date(item, "S47ActualStartDate"),
                     "icpc_target_date": self.date_of(item, "InitialCPCtarget"), "icpc_date": self.date_of(item, "DateOfInitialCPC"),
                     "icpc_not_required": self.flag(item, "ICPCnotRequired")})
        for number, item in enumerate(self.children_named(details, "ChildProtectionPlans"), start=1):
            reviews = [self.read_date(review, "CPPreviewDate") for group in self.children_named(item, "Reviews")
                       for review in self.children_named(group, "CPPreviewDate")]
            previous = self.text(item, "NumberOfPreviousCPP")
            if previous and not previous.isdigit():
                self.problem("int.invalid", ERROR, item.sourceline, "NumberOfPreviousCPP", f"'{previous}' is not a whole number")
            self.add("cp_plans", item.sourceline, {**base, "key": f"{key}/P{number}", "start_date": self.required_date(item, "CPPstartDate"),
                     "end_date": self.date_of(item, "CPPendDate"),
                     "initial_category": self.code(item, "InitialCategoryOfAbuse", codelists.ABUSE_CATEGORY, required=True),
                     "latest_category": self.code(item, "LatestCategoryOfAbuse", codelists.ABUSE_CATEGORY),
                     # The XSD says positiveInteger, but 0 is what councils send for a first plan: accepted.
                     "previous_plans": int(previous) if previous.isdigit() else None,
                     "review_dates": [review for review in reviews if review is not None]})

    def required_date(self, parent, name) -> date | None:
        value = self.date_of(parent, name)
        if value is None and not self.text(parent, name):
            self.problem("cin.missing_element", ERROR, parent.sourceline, name, f"{name} is required but missing or blank")
        return value
