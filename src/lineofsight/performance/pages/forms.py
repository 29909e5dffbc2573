"""The dashboard's filters and the indicator page's commentary and action-log forms."""

from __future__ import annotations

from django import forms

RAG_CHOICES = [("", "Any"), ("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("other", "No RAG (no data, data only, not due)")]
VIEW_CHOICES = [("all", "All indicators"), ("exceptions", "Only those needing attention (Red, or a real change for the worse)")]


class FilterForm(forms.Form):
    org = forms.CharField(required=False)
    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False)
    area = forms.ChoiceField(required=False)
    rag = forms.ChoiceField(choices=RAG_CHOICES, required=False)
    owner = forms.ChoiceField(required=False)
    team = forms.ChoiceField(required=False)

    def __init__(self, data, *, areas, owners, teams):
        super().__init__(data)
        self.fields["area"].choices = [("", "All areas")] + [(a, a) for a in areas]
        self.fields["owner"].choices = [("", "Anyone")] + [(o, o) for o in owners]
        self.fields["team"].choices = [("", "Whole service")] + [(t.team_id, t.name) for t in teams]

    def select_items(self, name: str) -> list[dict]:
        """govukSelect items for a filter, the chosen one selected."""
        chosen = self.value(name)
        return [{"value": value, "text": text, "selected": value == chosen} for value, text in self.fields[name].choices]

    def value(self, name: str) -> str:
        if not self.is_bound:
            return ""
        self.is_valid()  # an unknown choice in one filter leaves the others applied
        return self.cleaned_data.get(name) or ""


def keep(item, *, area: str, rag: str, owner: str, view: str) -> bool:
    if area and item.definition.area != area:
        return False
    if owner and item.owner != owner:
        return False
    if rag == "other" and item.status in ("red", "amber", "green"):
        return False
    if rag and rag != "other" and item.status != rag:
        return False
    if view == "exceptions" and not item.is_exception:
        return False
    return True


class CommentaryForm(forms.Form):
    month = forms.DateField(widget=forms.HiddenInput)
    improvement_activity = forms.CharField(
        label="Improvement activity", required=False, max_length=5000, widget=forms.Textarea,
        error_messages={"max_length": "Improvement activity must be 5,000 characters or fewer"},
    )
    next_steps = forms.CharField(
        label="Next steps", required=False, max_length=5000, widget=forms.Textarea,
        error_messages={"max_length": "Next steps must be 5,000 characters or fewer"},
    )

    def clean(self):
        data = super().clean()
        if not (data.get("improvement_activity") or "").strip() and not (data.get("next_steps") or "").strip():
            self.add_error("improvement_activity", "Enter the improvement activity or the next steps")
        return data


class ActionLogForm(forms.Form):
    log_ref = forms.CharField(label="Reference", max_length=20, error_messages={"required": "Enter a reference, like Oct-01"})
    action = forms.CharField(label="Action", max_length=5000, widget=forms.Textarea, error_messages={"required": "Enter the action"})
    when_text = forms.CharField(label="When?", max_length=40, required=False, help_text="For example, Dec-17 or TBC")
    complete = forms.ChoiceField(label="Complete?", choices=[("", "Not yet"), ("Ongoing", "Ongoing"), ("Y", "Yes")], required=False)


def error_summary(*forms_with_prefix) -> list[dict]:
    """govukErrorSummary items linking each error to its field."""
    items = []
    for form, prefix in forms_with_prefix:
        if form is None or not form.is_bound:
            continue
        for name, errors in form.errors.items():
            anchor = f"#{prefix}{name}" if name != "__all__" else ""
            items.extend({"text": str(message), "href": anchor} for message in errors)
    return items
