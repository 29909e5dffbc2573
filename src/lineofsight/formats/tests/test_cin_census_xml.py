"""CIN census XML: the real element names, both Sex and GenderCurrent, the sample's quirks, and broken files."""

from datetime import date

from lineofsight.formats import cin_census_xml

CHILD = """<Child>
  <ChildIdentifiers><LAchildID>{child}</LAchildID><UPN>A123456789012</UPN><PersonBirthDate>2015-06-01</PersonBirthDate>{sex}</ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
  <CINdetails>
    <CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
    <CINclosureDate>2025-02-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure><DateOfInitialCPC>2024-05-20</DateOfInitialCPC>
    <Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-06-20</AssessmentAuthorisationDate>
      <FactorsIdentifiedAtAssessment><AssessmentFactors>{factor}</AssessmentFactors><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
    <Assessments><AssessmentActualStartDate>2024-09-02</AssessmentActualStartDate><FactorsIdentifiedAtAssessment/></Assessments>
    <CINPlanDates><CINPlanStartDate>2024-11-01</CINPlanStartDate><CINPlanEndDate>2025-02-01</CINPlanEndDate></CINPlanDates>
    <Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate><InitialCPCtarget>2024-05-24</InitialCPCtarget>
      <DateOfInitialCPC>2024-05-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
    <ReferralNFA>0</ReferralNFA>
    <ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><CPPendDate>2024-11-01</CPPendDate>
      <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
      <NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2024-08-15</CPPreviewDate></Reviews></ChildProtectionPlans>
  </CINdetails>
</Child>"""


def census(*children, reference="2025-03-31"):
    return ('<?xml version="1.0" encoding="UTF-8"?><Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>'
            f"<ReferenceDate>{reference}</ReferenceDate></CollectionDetails></Header><Children>{''.join(children)}</Children></Message>")


def child(child_id="C1", sex="<Sex>M</Sex>", factor="2B"):
    return CHILD.format(child=child_id, sex=sex, factor=factor)


def test_reads_every_record_with_generated_ids_in_document_order(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child()))
    tables, problems = cin_census_xml.parse(path)
    assert problems == []
    assert tables["children"].row(0)["sex"] == "M"
    assert tables["cin_details"].row(0)["referral_key"] == "C1/2024-05-01"
    assert tables["assessments"].columns["key"] == ["C1/2024-05-01/A1", "C1/2024-05-01/A2"]
    assert tables["assessments"].row(0)["factors"] == "2B,3A"
    assert tables["section47"].row(0)["icpc_date"] == date(2024, 5, 20)
    plan = tables["cp_plans"].row(0)
    assert (plan["previous_plans"], plan["review_dates"]) == (0, [date(2024, 8, 15)])
    assert tables["cin_details"].row(0)["referral_nfa"] == "N"


def test_gender_current_from_older_censuses_is_accepted(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child(sex="<GenderCurrent>2</GenderCurrent>")))
    tables, problems = cin_census_xml.parse(path)
    assert problems == []
    assert tables["children"].row(0)["sex"] == "F"


def test_invalid_factor_is_reported_as_a_warning_and_left_out(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child(factor="RB")))
    tables, problems = cin_census_xml.parse(path)
    assert [(p.code, p.severity, p.field) for p in problems] == [("code.unknown", "warning", "AssessmentFactors")]
    assert tables["assessments"].row(0)["factors"] == "3A"


def test_unknown_sex_code_is_an_error(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child(sex="<Sex>X</Sex>")))
    _, problems = cin_census_xml.parse(path)
    assert [(p.code, p.field) for p in problems] == [("code.unknown", "Sex")]


def test_impossible_date_names_the_element_and_line(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child()).replace("2024-06-20", "2024-02-31"))
    _, problems = cin_census_xml.parse(path)
    (problem,) = problems
    assert (problem.code, problem.field) == ("date.invalid", "AssessmentAuthorisationDate")
    assert problem.row and problem.row > 1


def test_truncated_file_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "cin.xml"
    text = census(child(), child("C2"))
    path.write_text(text[: len(text) // 2])
    _, problems = cin_census_xml.parse(path)
    assert any(p.code == "xml.malformed" and p.is_error for p in problems)


def test_missing_referral_date_is_an_error(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text(census(child()).replace("<CINreferralDate>2024-05-01</CINreferralDate>", ""))
    _, problems = cin_census_xml.parse(path)
    assert [(p.code, p.field) for p in problems] == [("cin.missing_element", "CINreferralDate")]


def test_file_that_is_not_a_census_says_so(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<Message><Other/></Message>")
    _, problems = cin_census_xml.parse(path)
    assert "cin.no_children" in [p.code for p in problems]
