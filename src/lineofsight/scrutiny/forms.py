"""Forms for recording recommendations, responses, actions and paperwork dates; errors feed the GOV.UK error summary."""

from django import forms

from lineofsight.scrutiny.models import Declaration, Recommendation, Response

DATE_HELP = "For example, 27 11 2018 is written 2018-11-27"


class RecommendationForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea, label="Recommendation, word for word", error_messages={"required": "Enter the recommendation as the committee agreed it"})
    to_whom = forms.ChoiceField(choices=Recommendation.TO_WHOM, label="Made to", error_messages={"required": "Select who the recommendation is made to"})
    addressee = forms.CharField(required=False, label="Named Cabinet Member, officer or partner (optional)", max_length=200)
    plan_action_refs = forms.CharField(required=False, label="Improvement plan actions it concerns (optional)", help_text="Comma separated, for example 6.7, 7.1", max_length=200)
    indicator_refs = forms.CharField(required=False, label="Indicators it concerns (optional)", help_text="Comma separated, for example CP 5, AMT 2", max_length=200)


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(choices=Response.OUTCOMES, label="Response", error_messages={"required": "Select the response"})
    received = forms.DateField(label="Date received", help_text=DATE_HELP, error_messages={"required": "Enter the date the response was received", "invalid": "Enter the date received as a real date, like 2019-01-27"})
    responder = forms.CharField(required=False, max_length=200, label="Who responded (optional)")
    text = forms.CharField(required=False, widget=forms.Textarea, label="What the response says (optional)")
    reason = forms.CharField(required=False, widget=forms.Textarea, label="Reason, if not accepted in full")
    decided_at = forms.CharField(required=False, max_length=200, label="Decided at (optional)", help_text="For example, Cabinet, 21 January 2019")

    def clean(self):
        data = super().clean()
        if data.get("outcome") in {"rejected", "accepted_in_part"} and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason: a recommendation rejected or accepted in part needs one")
        return data


class ActionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea, label="Action", error_messages={"required": "Enter the action"})
    owner = forms.CharField(required=False, max_length=200, label="Owner")
    due = forms.DateField(required=False, label="Due date (optional)", help_text=DATE_HELP, error_messages={"invalid": "Enter the due date as a real date, like 2019-01-27"})
    done = forms.DateField(required=False, label="Date done (optional)", help_text=DATE_HELP, error_messages={"invalid": "Enter the date done as a real date, like 2019-01-27"})
    evidence = forms.CharField(required=False, widget=forms.Textarea, label="Evidence it was done (optional)")

    def clean(self):
        data = super().clean()
        if data.get("done") and not (data.get("evidence") or "").strip():
            self.add_error("evidence", "Enter the evidence that the action was done")
        return data


class PaperworkForm(forms.Form):
    action_sheet_sent = forms.DateField(required=False, label="Action sheet circulated", help_text=DATE_HELP, error_messages={"invalid": "Enter the action sheet date as a real date"})
    minutes_published = forms.DateField(required=False, label="Draft minutes circulated", help_text=DATE_HELP, error_messages={"invalid": "Enter the draft minutes date as a real date"})
    minutes_approved = forms.DateField(required=False, label="Minutes approved", help_text=DATE_HELP, error_messages={"invalid": "Enter the approval date as a real date"})


class DeclarationForm(forms.Form):
    member = forms.CharField(max_length=200, label="Member's name", help_text="As the minutes give it, without 'Councillor'", error_messages={"required": "Enter the member's name"})
    kind = forms.ChoiceField(choices=Declaration.KINDS, required=False, label="Kind of interest")
    item = forms.ChoiceField(required=False, label="Item")
    text = forms.CharField(widget=forms.Textarea, label="Declaration as recorded", error_messages={"required": "Enter the declaration as the minutes record it"})

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "Not about one item")] + [(str(i.pk), str(i)) for i in items]


class ImportForm(forms.Form):
    committee = forms.ChoiceField(label="Committee", error_messages={"required": "Select the committee"})
    file = forms.FileField(label="Minutes file", help_text="Text from Word or a ModernGov page, or ModernGov GetMeeting XML", error_messages={"required": "Choose a minutes file"})
    meeting_date = forms.DateField(required=False, label="Meeting date, if the minutes do not give one", help_text=DATE_HELP, error_messages={"invalid": "Enter the meeting date as a real date"})

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].choices = [("", "Select a committee")] + [(str(c.pk), c.name) for c in committees]


def error_summary(form) -> dict | None:
    """govukErrorSummary parameters linking each message to its field."""
    if not form.is_bound or form.is_valid():
        return None
    errors = [{"text": message, "href": f"#id_{name}" if name != "__all__" else "#main-content"} for name, messages in form.errors.items() for message in messages]
    return {"titleText": "There is a problem", "errorList": errors}
