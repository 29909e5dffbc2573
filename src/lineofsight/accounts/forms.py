from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed

from lineofsight.accounts import queries

LOCKED_MESSAGE = "Too many failed sign-ins for this username. Try again in 15 minutes, or ask an administrator."


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a locked username before its password is checked."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and queries.locked_until(username) is not None:
            # Counted and audited like any other failure, without asking the backends.
            user_login_failed.send(sender=__name__, credentials={"username": username}, request=self.request)
            raise forms.ValidationError(LOCKED_MESSAGE, code="locked")
        return super().clean()


class AuditFilterForm(forms.Form):
    type = forms.CharField(required=False, max_length=100)
    user = forms.CharField(required=False, max_length=150)
    since = forms.DateField(required=False)
    until = forms.DateField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", "The end date must be on or after the start date")
        return cleaned
