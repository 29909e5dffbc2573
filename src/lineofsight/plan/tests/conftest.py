import pytest

from lineofsight.plan import loading_queries, template


def small_sheets():
    """A two-priority plan, as the template's sheets; tests change one cell to break it."""
    return {
        "workstreams": [
            {"order": "1", "workstream": "Practice", "sro": "PS"},
            {"order": "2", "workstream": "People and Performance", "sro": "BP"},
        ],
        "officers": [
            {"initials": "PS", "name": "Philip Segurolo", "job_title": "Interim Director"},
            {"initials": "BP", "name": "Barbara Peacock", "job_title": "Executive Director"},
            {"initials": "JHB", "name": "Jacqueline Harris-Baker", "job_title": "Director of Law"},
            {"initials": "CB", "name": "Caroline Baxter", "job_title": "Assistant Director"},
        ],
        "priorities": [
            {"priority": "2", "workstream": "Practice", "title": "Improve early help", "sro": "PS",
             "what_good_looks_like": "Thresholds are understood\nHelp is prompt", "children_will_say": "My social worker helps",
             "staff_will_say": "", "partners_will_say": "", "success_measures": "% of re-referrals\nAudits"},
            {"priority": "6", "workstream": "People and Performance", "title": "Strengthen leadership", "sro": "BP"},
        ],
        "recommendations": [{"recommendation": "6", "text": "Ensure that thresholds are rigorously applied", "priorities": "2"}],
        "actions": [
            {"ref": "2.3", "issue": "Thresholds [Rec 6]", "action": "Support the CSCB on thresholds", "lead": "BP/PS",
             "partners": "CSCB", "milestone": "", "milestone_text": "", "due": "2018-06", "ongoing_from": "", "ongoing": ""},
            {"ref": "2.10", "issue": "Children with disabilities [Para 34]", "action": "Strengthen oversight of CWD social work",
             "lead": "CB", "partners": "N/A", "milestone": "", "milestone_text": "", "due": "2017-12", "ongoing_from": "", "ongoing": ""},
            {"ref": "6.7", "issue": "Scrutiny [Para 94]", "action": "Strengthen how we record actions", "lead": "JHB",
             "partners": "Democratic services", "milestone": "a", "milestone_text": "Action sheets within 2 working days", "due": "2017-11",
             "ongoing_from": "", "ongoing": ""},
            {"ref": "6.7", "milestone": "b", "milestone_text": "Minutes within 10 working days", "due": "2017-11"},
            {"ref": "6.7", "milestone": "c", "milestone_text": "A standing agenda item", "due": "2018-02"},
            {"ref": "6.10", "issue": "Judiciary [Para 49]", "action": "Meet the judiciary quarterly", "lead": "PS", "partners": "Cafcass",
             "milestone": "", "milestone_text": "", "due": "", "ongoing_from": "2017-10", "ongoing": "yes"},
        ],
    }


@pytest.fixture
def small_plan(db):
    data, problems = template.parse(small_sheets())
    assert problems == []
    return loading_queries.store_plan("November 2017", data, make_current=True)
