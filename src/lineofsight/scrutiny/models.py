"""Committees, meetings, minutes and the recommendations that must never be lost.

Shapes follow OParl 1.1 and Open Civic Data (Organization, Membership, Meeting, AgendaItem), extended
with what they lack (docs/scrutiny.md): attendance with substitutes, declarations, conclusions,
recommendations with responses, actions and the work programme. Overdue is never stored: it is
derived from due dates (``scrutiny.deadlines``).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from lineofsight.core.formatting import day_label
from lineofsight.scrutiny import deadlines


class Committee(models.Model):
    KINDS = [("scrutiny", "Scrutiny committee"), ("sub_committee", "Scrutiny sub-committee"), ("task_and_finish", "Task and finish group"),
             ("panel", "Panel"), ("cabinet", "Cabinet"), ("council", "Council")]

    name = models.CharField(max_length=200, unique=True)
    code = models.CharField(max_length=12, unique=True, help_text="Origin code in recommendation references, e.g. CYP")
    kind = models.CharField(max_length=20, choices=KINDS, default="scrutiny")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_committees")
    remit = models.TextField(blank=True)
    delegated_responsibilities = models.TextField(blank=True)
    moderngov_id = models.PositiveIntegerField(null=True, blank=True)
    action_sheet_working_days = models.PositiveSmallIntegerField(default=deadlines.ACTION_SHEET_WORKING_DAYS)
    draft_minutes_working_days = models.PositiveSmallIntegerField(default=deadlines.DRAFT_MINUTES_WORKING_DAYS)
    response_months = models.PositiveSmallIntegerField(default=deadlines.RESPONSE_MONTHS)
    response_days = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Set to count the response period in days instead of months")
    standing_item = models.CharField(max_length=200, blank=True, help_text="A question every meeting must discuss")
    # Imported history has no record of when its paperwork went out: chase only meetings from here on.
    deadlines_from = models.DateField(null=True, blank=True, default=timezone.localdate, help_text="Paperwork deadlines are chased for meetings from this date (blank: all)")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def owner_user_ids(self, on: date | None = None) -> set[int]:
        """Users who are current members: councillors may see Part B of their own committee."""
        on = on or timezone.localdate()
        memberships = self.memberships.filter(models.Q(end__isnull=True) | models.Q(end__gte=on), member__user__isnull=False)
        memberships = memberships.filter(models.Q(start__isnull=True) | models.Q(start__lte=on))
        return set(memberships.values_list("member__user_id", flat=True))


class MunicipalYear(models.Model):
    name = models.CharField(max_length=7, unique=True)  # "2018/19"
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start"]

    def __str__(self):
        return self.name


class Member(models.Model):
    """A person who sits on committees: a councillor or a co-opted member (voting or not)."""

    name = models.CharField(max_length=200, unique=True)
    is_councillor = models.BooleanField(default=True)
    description = models.CharField(max_length=200, blank=True)  # "Voting Parent Governor Representative"
    is_voting = models.BooleanField(default=True)
    party = models.CharField(max_length=100, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="scrutiny_members")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"Councillor {self.name}" if self.is_councillor else self.name


class Membership(models.Model):
    ROLES = [("chair", "Chair"), ("vice_chair", "Vice-Chair"), ("member", "Member"), ("co_opted", "Co-opted member"), ("reserve", "Reserve")]

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=ROLES, default="member")
    voting = models.BooleanField(default=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["committee", "role", "member__name"]


class Meeting(models.Model):
    STATUSES = [("scheduled", "Scheduled"), ("confirmed", "Confirmed"), ("held", "Held"), ("cancelled", "Cancelled")]
    IMPORT_STATES = [("", "Entered by hand"), ("draft", "Imported: awaiting review"), ("confirmed", "Imported and confirmed")]

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    start = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default="held")
    agenda_published = models.DateField(null=True, blank=True)
    action_sheet_sent = models.DateField(null=True, blank=True)
    minutes_published = models.DateField(null=True, blank=True, help_text="Draft minutes circulated")
    minutes_approved = models.DateField(null=True, blank=True)
    import_state = models.CharField(max_length=10, choices=IMPORT_STATES, blank=True, default="")
    date_supplied = models.BooleanField(default=False, help_text="The date was given by the importer, not read from the minutes")
    moderngov_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]

    def __str__(self):
        return f"{self.committee.name}, {day_label(self.day)}"

    @property
    def day(self) -> date:
        return timezone.localtime(self.start).date()

    def owner_user_ids(self) -> set[int]:
        return self.committee.owner_user_ids()

    @property
    def deadlines_tracked(self) -> bool:
        """Paperwork is chased from the committee's ``deadlines_from``: older meetings predate the record."""
        start = self.committee.deadlines_from
        return self.status == "held" and (start is None or self.day >= start)

    def deadlines(self) -> list[deadlines.Deadline]:
        return deadlines.meeting_deadlines(self.day, action_sheet_sent=self.action_sheet_sent, minutes_published=self.minutes_published,
                                           action_sheet_days=self.committee.action_sheet_working_days, minutes_days=self.committee.draft_minutes_working_days)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=20, blank=True)  # "12/18"
    number_inferred = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    purpose = models.TextField(blank=True)
    part = models.CharField(max_length=1, choices=[("A", "Part A"), ("B", "Part B")], default="A")
    exempt_paragraph = models.CharField(max_length=300, blank=True, help_text="Schedule 12A paragraph, as written")
    documents = models.JSONField(default=list, blank=True)
    minutes = models.TextField(blank=True)
    minutes_truncated = models.BooleanField(default=False)
    plan_action_refs = models.CharField(max_length=200, blank=True, help_text="Plan action references, comma separated: 6.7, 2.10")
    indicator_refs = models.CharField(max_length=200, blank=True, help_text="Indicator codes, comma separated: CP 5, AMT 2")

    class Meta:
        ordering = ["meeting", "order"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def owner_user_ids(self) -> set[int]:
        return self.meeting.owner_user_ids()


class Attendance(models.Model):
    KINDS = [("present", "Present"), ("present_virtually", "Present virtually"), ("apologies", "Apologies"), ("absent", "Absent"),
             ("substitute", "Substitute"), ("also_present", "Also present"), ("officer", "In attendance (officer)")]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance")
    kind = models.CharField(max_length=20, choices=KINDS)
    role = models.CharField(max_length=20, blank=True)  # chair / vice-chair at this meeting
    substitute_for = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="substituted_by")

    class Meta:
        ordering = ["meeting", "kind", "id"]  # as the minutes list them: chair first
        unique_together = [("meeting", "member", "kind")]


class Declaration(models.Model):
    KINDS = [("DPI", "Disclosable pecuniary interest"), ("ORI", "Other registrable interest"), ("NRI", "Non-registrable interest"), ("", "Not stated")]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=3, choices=KINDS, blank=True)
    text = models.TextField()


class Resolution(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["item", "order"]


class Conclusion(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="conclusions")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()  # verbatim

    class Meta:
        ordering = ["item", "order"]


class Recommendation(models.Model):
    TO_WHOM = [("cabinet", "Cabinet"), ("cabinet_member", "Cabinet Member"), ("council", "Council"), ("officers", "Officers"), ("partners", "Partners")]
    STATUSES = [("awaiting", "Awaiting response"), ("accepted", "Accepted"), ("accepted_in_part", "Accepted in part"), ("rejected", "Rejected"), ("implemented", "Implemented")]

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="recommendations")
    municipal_year = models.ForeignKey(MunicipalYear, on_delete=models.PROTECT, related_name="recommendations")
    sequence = models.PositiveSmallIntegerField()
    ref = models.CharField(max_length=30, unique=True)  # "CYP 18/19 03"
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="recommendations")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations")
    order = models.PositiveSmallIntegerField(default=1)
    to_whom = models.CharField(max_length=20, choices=TO_WHOM, default="cabinet")
    addressee = models.CharField(max_length=200, blank=True, help_text="Named Cabinet Member, officer or partner")
    text = models.TextField()  # quoted exactly
    status = models.CharField(max_length=20, choices=STATUSES, default="awaiting")
    response_due = models.DateField(null=True, blank=True)
    plan_action_refs = models.CharField(max_length=200, blank=True)
    indicator_refs = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["committee", "municipal_year", "sequence"]
        unique_together = [("committee", "municipal_year", "sequence")]

    def __str__(self):
        return self.ref

    def owner_user_ids(self) -> set[int]:
        return self.meeting.owner_user_ids()


class Response(models.Model):
    OUTCOMES = [("accepted", "Accepted"), ("accepted_in_part", "Accepted in part"), ("accepted_in_principle", "Accepted in principle"), ("rejected", "Rejected")]

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="responses")
    outcome = models.CharField(max_length=25, choices=OUTCOMES)
    text = models.TextField(blank=True)
    reason = models.TextField(blank=True)  # required unless accepted
    responder = models.CharField(max_length=200, blank=True)
    received = models.DateField()
    decided_at = models.CharField(max_length=200, blank=True, help_text="e.g. Cabinet, 21 January 2019")

    class Meta:
        ordering = ["recommendation", "received", "id"]


class ScrutinyAction(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    recommendation = models.ForeignKey(Recommendation, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due = models.DateField(null=True, blank=True)
    done = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["due", "id"]

    def is_overdue(self, today: date) -> bool:
        return self.done is None and self.due is not None and today > self.due


class WorkProgrammeItem(models.Model):
    KINDS = [("report", "Report"), ("question_time", "Question time"), ("task_and_finish", "Task and finish review"), ("briefing", "Briefing"), ("call_in", "Call-in"), ("visit", "Visit")]
    STATUSES = [("proposed", "Proposed"), ("scheduled", "Scheduled"), ("taken", "Taken"), ("deferred", "Deferred"), ("dropped", "Dropped")]

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="work_programme")
    municipal_year = models.ForeignKey(MunicipalYear, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=KINDS, default="report")
    planned_meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="planned_topics")
    planned_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default="proposed")
    lead_officer = models.CharField(max_length=200, blank=True)
    requested_at = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests")
    requested_text = models.TextField(blank=True)  # verbatim from the minutes

    class Meta:
        ordering = ["committee", "planned_date", "id"]


class MinutesImport(models.Model):
    """One import: the parsed draft, what could not be placed, and the notes; reviewed before confirming."""

    STATES = [("draft", "Awaiting review"), ("confirmed", "Confirmed"), ("discarded", "Discarded")]

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="imports")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports")
    source_name = models.CharField(max_length=300)
    layout = models.CharField(max_length=40)
    draft = models.JSONField()
    state = models.CharField(max_length=10, choices=STATES, default="draft")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
