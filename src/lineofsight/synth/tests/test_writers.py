"""The writers produce the real formats: CIN elements in schema order, 903 columns exactly, Annex A lists."""

import csv
from datetime import date

import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from lineofsight.formats.ssda903_csv import TABLES as TABLES_903
from lineofsight.synth import generate

END = date(2025, 9, 1)
# Reference §3.1: each group is an xs:sequence (ReferralNFA follows Section47).
SEQUENCES = {
    "Child": ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
    "ChildIdentifiers": ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex",
                         "PersonDeathDate"],
    "CINdetails": ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "Assessments",
                   "CINPlanDates", "Section47", "ReferralNFA", "ChildProtectionPlans", "PreProceedingsandFGDM"],
    "Assessments": ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"],
    "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"],
}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = {}
    for fmt in ("cin", "903", "annexa"):
        folder = tmp_path_factory.mktemp(fmt)
        out[fmt] = generate("small", months=12, seed=4, fmt=fmt, out=folder, end_month=END)
    return out


def test_cin_elements_follow_the_schema_sequence(written):
    for path in written["cin"]:
        tree = etree.parse(str(path))
        assert tree.getroot().tag == "Message"
        for parent, order in SEQUENCES.items():
            for element in tree.iter(parent):
                names = [child.tag for child in element]
                positions = [order.index(name) for name in names]
                assert positions == sorted(positions), (path.name, parent, names)


def test_cin_files_use_sex_from_2024_25_and_gender_current_before(written):
    for path in written["cin"]:
        year = int(path.stem.rsplit("_", 1)[1])
        tags = {element.tag for element in etree.parse(str(path)).iter("Sex", "GenderCurrent")}
        assert tags == ({"Sex"} if year >= 2025 else {"GenderCurrent"})


def test_903_files_have_exactly_the_validator_columns(written):
    for path in written["903"]:
        table = path.stem.split("_", 2)[2]
        with open(path, newline="") as handle:
            assert next(csv.reader(handle)) == TABLES_903[table]


def test_annex_a_has_lists_1_to_11_with_dropdown_labels(written):
    (path,) = written["annexa"]
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [f"List {n}" for n in range(1, 12)]
    rows = book.get_sheet_by_name("List 3").to_python()
    assert rows[0][:5] == ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
    assert rows[1][1] in {"a) Male", "b) Female", "c) Not stated/recorded"}
    assert ")" in rows[1][rows[0].index("Referral Source")]
