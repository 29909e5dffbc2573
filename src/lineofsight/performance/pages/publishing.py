"""The analysts' publishing page: release a computed month to everyone, or withdraw it with a reason.

Publishing freezes the month at its newest computed version; a later recompute writes a new version
that waits here until it is published in turn (``performance.queries.save_results``). Withdrawing
needs a reason and hides the month from everyone but analysts (judging §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.accounts.audit import record_change, snapshot
from lineofsight.accounts.models import AuditEvent
from lineofsight.accounts.permissions import requires
from lineofsight.core.formatting import day_label
from lineofsight.performance import queries as performance_queries
from lineofsight.performance.models import PublishedMonth
from lineofsight.performance.pages import publishing_queries, queries


def month_name(month: date) -> str:
    """
    >>> month_name(date(2026, 10, 1))
    'October 2026'
    """
    return month.strftime("%B %Y")


# --- presenter ----------------------------------------------------------------------------------


@dataclass
class MonthRow:
    """One computed month as the publishing table shows it."""

    month: date
    latest: int
    standing: PublishedMonth | None = None  # the release the public sees
    withdrawn: PublishedMonth | None = None  # the newest withdrawn release, shown when nothing stands

    @property
    def label(self) -> str:
        return month_name(self.month)

    @property
    def value(self) -> str:
        return self.month.strftime("%Y-%m")

    @property
    def published_text(self) -> str:
        return f"Version {self.standing.version}" if self.standing else "Not published"

    @property
    def published_by_text(self) -> str:
        if not self.standing:
            return ""
        who = self.standing.published_by
        name = (who.get_full_name() or who.get_username()) if who else "the command line"
        return f"{name}, {day_label(timezone.localtime(self.standing.published_at))}"

    @property
    def note(self) -> str:
        if self.standing and self.latest > self.standing.version:
            return f"Recomputed since publishing: version {self.latest} is not yet published"
        if not self.standing and self.withdrawn:
            when = day_label(timezone.localtime(self.withdrawn.withdrawn_at))
            return f"Version {self.withdrawn.version} withdrawn {when}: {self.withdrawn.withdrawn_reason}"
        return ""

    @property
    def latest_was_withdrawn(self) -> bool:
        return bool(not self.standing and self.withdrawn and self.withdrawn.version == self.latest)

    @property
    def may_publish(self) -> bool:
        return not self.latest_was_withdrawn and (not self.standing or self.latest > self.standing.version)


def month_rows(latest: dict[date, int], releases: list[PublishedMonth]) -> list[MonthRow]:
    """Computed months, newest first, each with its standing release (the latest release wins) or its last withdrawal."""
    rows = {month: MonthRow(month, version) for month, version in latest.items()}
    for release in releases:  # oldest first, so later releases overwrite earlier ones
        row = rows.get(release.month)
        if row is None:
            continue
        if release.withdrawn_at is None:
            row.standing = release
        elif row.withdrawn is None or release.withdrawn_at >= row.withdrawn.withdrawn_at:
            row.withdrawn = release
    return sorted(rows.values(), key=lambda row: row.month, reverse=True)


# --- forms --------------------------------------------------------------------------------------


class PublishForm(forms.Form):
    month = forms.CharField(error_messages={"required": "Choose a month to publish"})

    def __init__(self, data, *, rows: list[MonthRow]):
        super().__init__(data)
        self.rows = {row.value: row for row in rows}

    def clean_month(self) -> MonthRow:
        value = self.cleaned_data["month"].strip()
        row = self.rows.get(value)
        if row is None:
            try:
                label = month_name(date(int(value[:4]), int(value[5:7]), 1))
            except ValueError:
                raise forms.ValidationError("Choose a month to publish") from None
            raise forms.ValidationError(f"Nothing has been computed for {label}: compute the month before publishing it")
        if row.latest_was_withdrawn:
            raise forms.ValidationError(f"Version {row.latest} of {row.label} was withdrawn: recompute the month to publish a new version")
        if not row.may_publish:
            raise forms.ValidationError(f"{row.label} is already published at version {row.latest}")
        return row


class WithdrawForm(forms.Form):
    month = forms.ChoiceField(error_messages={"required": "Choose the published month to withdraw",
                                              "invalid_choice": "Choose a month that is published"})
    reason = forms.CharField(max_length=300, error_messages={
        "required": "Enter why the month is being withdrawn", "max_length": "The reason must be 300 characters or fewer"})

    def __init__(self, data=None, *, rows: list[MonthRow]):
        super().__init__(data)
        self.rows = {row.value: row for row in rows if row.standing}
        self.fields["month"].choices = [("", "Choose a month")] + [(value, row.label) for value, row in self.rows.items()]

    def select_items(self) -> list[dict]:
        chosen = self.data.get("month", "") if self.is_bound else ""
        return [{"value": value, "text": text, "selected": value == chosen} for value, text in self.fields["month"].choices]


def error_items(form, anchors: dict[str, str]) -> list[dict]:
    """govukErrorSummary items, each linking to its field."""
    if form is None or not form.is_bound:
        return []
    return [{"text": str(message), "href": anchors.get(name, "")} for name, errors in form.errors.items() for message in errors]


# --- view ---------------------------------------------------------------------------------------


def _organisation(request):
    code = request.GET.get("org") or request.POST.get("org")
    org = queries.organisation(code)
    if org is None and (code or request.method == "POST"):
        raise Http404("No such organisation")
    return org


def _rows(org) -> list[MonthRow]:
    return month_rows(performance_queries.latest_versions(org), publishing_queries.releases(org))


def _publish(request, org, row: MonthRow) -> None:
    release = performance_queries.publish_month(org, row.month, request.user)
    record_change(request.user, release, after=snapshot(release), kind=AuditEvent.CREATE,
                  summary=f"{org.code} {row.label} published at version {release.version}")
    messages.success(request, f"{row.label} published at version {release.version}")


def _withdraw(request, org, row: MonthRow, reason: str) -> None:
    for release in performance_queries.withdraw_month(org, row.month, reason):
        record_change(request.user, release, before={"withdrawn_at": None, "withdrawn_reason": ""},
                      after={"withdrawn_at": release.withdrawn_at.isoformat(), "withdrawn_reason": release.withdrawn_reason},
                      summary=f"{org.code} {row.label} version {release.version} withdrawn: {reason}")
    messages.success(request, f"{row.label} withdrawn: only analysts see it until it is published again")


@requires("performance.publish")
def publish(request):
    org = _organisation(request)
    rows = _rows(org) if org else []
    publish_form = withdraw_form = None
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            withdraw_form = WithdrawForm(request.POST, rows=rows)
            if withdraw_form.is_valid():
                row = withdraw_form.rows[withdraw_form.cleaned_data["month"]]
                _withdraw(request, org, row, withdraw_form.cleaned_data["reason"].strip())
                return redirect(f"{reverse('performance:publish')}?org={org.code}")
        else:
            publish_form = PublishForm(request.POST, rows=rows)
            if publish_form.is_valid():
                try:
                    _publish(request, org, publish_form.cleaned_data["month"])
                except performance_queries.WithdrawnVersion as error:  # withdrawn between page and post
                    publish_form.add_error("month", str(error).capitalize())
                else:
                    return redirect(f"{reverse('performance:publish')}?org={org.code}")
    withdraw_form = withdraw_form or WithdrawForm(rows=rows)
    errors = error_items(publish_form, {"month": "#months"}) + error_items(withdraw_form, {"month": "#withdraw-month", "reason": "#withdraw-reason"})
    return render(request, "performance/publish.jinja", {
        "org": org,
        "organisations": queries.organisations_with_values(),
        "rows": rows,
        "withdraw_form": withdraw_form,
        "errors": errors,
    })
