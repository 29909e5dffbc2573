"""The ModernGov GetMeeting answer, from a small fixture written from the element names in the reference."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lineofsight.formats import moderngov_xml

GET_MEETING = """<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>4321</meetingid>
  <meetingdate>13/03/2018</meetingdate>
  <meetingstatus>Held</meetingstatus>
  <meetingtime>6.30 pm</meetingtime>
  <meetinglocation>Council Chamber, Town Hall</meetinglocation>
  <committeetitle>Children &amp;amp; Young People Scrutiny Sub-Committee</committeetitle>
  <agendapublished>True</agendapublished>
  <minutepublished>True</minutepublished>
  <agendaitems>
    <agendaitem>
      <agendaitemid>1</agendaitemid>
      <agendaitemnumber>0</agendaitemnumber>
      <agendaitemtitle>PART A</agendaitemtitle>
      <isrestricted>False</isrestricted>
      <minutesnonemptyhtmlbody></minutesnonemptyhtmlbody>
    </agendaitem>
    <agendaitem>
      <agendaitemid>2</agendaitemid>
      <agendaitemnumber>16/18</agendaitemnumber>
      <agendaitemtitle>Children&amp;#39;s Improvement Plan</agendaitemtitle>
      <agendatext>&lt;p&gt;To update the Sub-Committee.&lt;/p&gt;</agendatext>
      <isrestricted>False</isrestricted>
      <declarationcount>1</declarationcount>
      <minutesnonemptyhtmlbody>&lt;p&gt;Officers presented the plan.&lt;/p&gt;&lt;p&gt;Conclusions&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Caseloads remained too high in the assessment service.&lt;/li&gt;&lt;li&gt;Children&amp;amp;#39;s voices must be heard.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Recommendations&lt;/p&gt;&lt;ol&gt;&lt;li&gt;That the Cabinet Member report caseloads by team each quarter.&lt;/li&gt;&lt;/ol&gt;</minutesnonemptyhtmlbody>
      <linkeddocuments>
        <linkeddoc><attachmentid>9</attachmentid><title>Improvement Plan update</title><url>https://example/mgConvert2PDF.aspx?ID=9</url><isrestricted>False</isrestricted></linkeddoc>
      </linkeddocuments>
    </agendaitem>
    <agendaitem>
      <agendaitemid>3</agendaitemid>
      <agendaitemnumber>17/18</agendaitemnumber>
      <agendaitemtitle>Placement contract</agendaitemtitle>
      <isrestricted>True</isrestricted>
      <minutesnonemptyhtmlbody>&lt;p&gt;RESOLVED to note the contract position.&lt;/p&gt;</minutesnonemptyhtmlbody>
      <linkeddocuments>
        <linkeddoc><title>Contract report</title><isrestricted>True</isrestricted><restrictionsRef>Paragraph 3</restrictionsRef></linkeddoc>
      </linkeddocuments>
    </agendaitem>
  </agendaitems>
  <attendees>
    <attendee memberid="1" name="Councillor Robert Ward" roledescription="Chair" attendance="Present" politicalparty="Conservative"/>
    <attendee memberid="2" name="Councillor Sue Bennett" roledescription="Committee Member" attendance="Apologies"/>
    <attendee memberid="3" name="Councillor Mary Croos" roledescription="Committee Member" attendance="Present as substitute"/>
    <attendee memberid="4" name="Paul O&amp;#39;Donnell" roledescription="Voting Parent Governor Representative" attendance="Present"/>
    <attendee memberid="5" name="Councillor Alisa Flemming" roledescription="Cabinet Member" attendance="In attendance"/>
    <attendee memberid="6" name="Councillor Joy Prince" roledescription="Reserve" attendance="Expected"/>
  </attendees>
</meeting>
"""


def parsed():
    return moderngov_xml.parse(GET_MEETING)


def test_meeting_date_time_venue_and_committee_are_decoded():
    draft, problems = parsed()
    assert draft.meeting_date.isoformat() == "2018-03-13"
    assert draft.start_time == "6.30 pm"
    assert draft.committee == "Children & Young People Scrutiny Sub-Committee"
    assert not [p for p in problems if p.is_error]


def test_heading_items_numbered_zero_are_not_business():
    draft, _ = parsed()
    assert [item.number for item in draft.items] == ["16/18", "17/18"]


def test_double_encoded_titles_and_minutes_are_decoded_twice():
    item = parsed()[0].items[0]
    assert item.title == "Children's Improvement Plan"
    assert item.conclusions == ["Caseloads remained too high in the assessment service.", "Children's voices must be heard."]
    assert item.recommendations == ["That the Cabinet Member report caseloads by team each quarter."]


def test_restricted_item_is_part_b_with_the_restriction_reason():
    item = parsed()[0].items[1]
    assert (item.part, item.exempt_paragraph) == ("B", "Paragraph 3")


def test_attendance_kinds_from_the_attendance_attribute():
    draft, _ = parsed()
    rows = {p.name: (p.kind, p.role, p.is_councillor) for p in draft.attendance}
    assert rows["Robert Ward"] == ("present", "chair", True)
    assert rows["Sue Bennett"][0] == "apologies"
    assert rows["Mary Croos"][0] == "substitute"
    assert rows["Paul O'Donnell"] == ("present", "", False)
    assert rows["Alisa Flemming"][0] == "also_present"
    assert "Joy Prince" not in rows


def test_declaration_count_without_detail_is_flagged_for_the_officer():
    assert any("counts 1 declaration" in note for note in parsed()[0].notes)


def test_malformed_xml_is_a_problem_not_a_crash():
    draft, problems = moderngov_xml.parse("<meeting><agendaitems>")
    assert problems[0].code == "xml.malformed"
    assert draft.items == []


def test_external_entities_are_not_resolved():
    evil = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><meeting><agendaitems><agendaitem><agendaitemnumber>1/18</agendaitemnumber><agendaitemtitle>&x;</agendaitemtitle></agendaitem></agendaitems></meeting>'
    draft, _ = moderngov_xml.parse(evil)
    assert all("root:" not in item.title for item in draft.items)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: f"<meeting><agendaitems><agendaitem><agendaitemnumber>{t}</agendaitemnumber></agendaitem></agendaitems></meeting>"))
def test_any_bytes_parse_without_crashing(data):
    moderngov_xml.parse(data)
