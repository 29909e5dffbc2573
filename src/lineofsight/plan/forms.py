from datetime import date

from django import forms

from lineofsight.plan import status as plan_status
from lineofsight.plan.template import parse_month


class PlanFilterForm(forms.Form):
    """The overview's GET filters; every field optional."""

    lead = forms.CharField(required=False, max_length=10)
    status = forms.ChoiceField(required=False, choices=[("", "Any")] + [(s, s) for s in plan_status.STATUSES])
    due = forms.CharField(required=False, max_length=7)
    # Statuses are derived as at a day; a past day shows the plan as a committee saw it then.
    as_at = forms.DateField(required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": "Enter the date as year-month-day, like 2017-12-12"})

    def clean_due(self) -> date | None:
        value = self.cleaned_data["due"].strip()
        if not value:
            return None
        try:
            return parse_month(value)
        except ValueError as error:
            raise forms.ValidationError("Enter the month as year and month, like 2017-12") from error


class ProgressUpdateForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s) for s in plan_status.TYPED_STATUSES],
        error_messages={"required": "Select the progress status", "invalid_choice": "Select Complete, On track or At risk"},
    )
    milestone = forms.CharField(required=False)
    commentary = forms.CharField(
        max_length=4000, error_messages={"required": "Enter a commentary on progress", "max_length": "Commentary must be 4,000 characters or fewer"}
    )
    evidence_link = forms.CharField(required=False, max_length=500, error_messages={"max_length": "Evidence link must be 500 characters or fewer"})
    based_on = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, milestone_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.milestone_ids = {str(i) for i in milestone_ids}

    def clean_milestone(self):
        value = self.cleaned_data["milestone"].strip()
        if value and value not in self.milestone_ids:
            raise forms.ValidationError("Select the whole action or one of its milestones")
        return int(value) if value else None

    def error_list(self) -> list[dict]:
        """Entries for govukErrorSummary, each linking to its field."""
        anchors = {"status": "status", "milestone": "milestone", "commentary": "commentary", "evidence_link": "evidence_link"}
        return [{"text": str(message), "href": f"#{anchors.get(field, 'status')}"} for field, messages in self.errors.items() for message in messages]
