"""The improvement plan register: plan → workstream → priority → action → milestone, and progress.

Several plan versions coexist (each annual refresh is a new ``Plan``); one is current. Progress is
typed as Complete / On track / At risk only: Overdue is never typed, it is derived from the due
month and the date (``plan.status``).
"""

from django.conf import settings
from django.db import models

from lineofsight.plan import status as plan_status


class Plan(models.Model):
    name = models.CharField(max_length=100, unique=True)  # "November 2017"
    review_date = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["is_current"], condition=models.Q(is_current=True), name="one_current_plan")]

    def __str__(self):
        return self.name


class Officer(models.Model):
    """A lead officer or SRO, known in the plan by initials ("BP"); may be linked to a user account."""

    initials = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_officers")

    class Meta:
        ordering = ["initials"]

    def __str__(self):
        return f"{self.initials}, {self.name}"


class Workstream(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="workstreams")
    name = models.CharField(max_length=100)  # Practice; People and Performance; Partnerships; Platforms
    order = models.PositiveSmallIntegerField()
    sro = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["plan", "order"]
        unique_together = [("plan", "name"), ("plan", "order")]

    def __str__(self):
        return self.name


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    sro = models.ForeignKey(Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Bulleted lists as printed in the plan, one bullet a line.
    what_good_looks_like = models.TextField(blank=True)
    children_will_say = models.TextField(blank=True)
    staff_will_say = models.TextField(blank=True)
    partners_will_say = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "number"]
        unique_together = [("plan", "number")]
        verbose_name_plural = "priorities"

    def __str__(self):
        return f"{self.number}. {self.title}"


class SuccessMeasure(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="success_measures")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["priority", "order"]


class OfstedRecommendation(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()  # quoted from the inspection report
    priorities = models.ManyToManyField(Priority, blank=True, related_name="recommendations")

    class Meta:
        ordering = ["plan", "number"]
        unique_together = [("plan", "number")]

    def __str__(self):
        return f"Recommendation {self.number}"


class Action(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    ref = models.CharField(max_length=10)  # "2.10"
    sort_key = models.PositiveIntegerField()  # 2.10 sorts after 2.9
    issue = models.TextField(blank=True)  # with Ofsted references, e.g. "Thresholds [Rec 6]"
    text = models.TextField()
    partners = models.TextField(blank=True)
    lead_officers = models.ManyToManyField(Officer, through="ActionLead", related_name="actions")

    class Meta:
        ordering = ["priority", "sort_key"]
        unique_together = [("priority", "ref")]

    def __str__(self):
        return self.ref

    def owner_user_ids(self) -> set[int]:
        """Users linked to this action's lead officers: they may update it (``plan.update_action``)."""
        return {lead.officer.user_id for lead in self.leads.select_related("officer") if lead.officer.user_id}


class ActionLead(models.Model):
    """An action's lead officer; ``order`` keeps "BP/DS" as printed."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="leads")
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="leads")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["action", "order"]
        unique_together = [("action", "officer")]


class Milestone(models.Model):
    """One dated step of an action; an action printed with one "By when" has one blank-lettered milestone."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    order = models.PositiveSmallIntegerField(default=0)
    letter = models.CharField(max_length=2, blank=True)
    text = models.TextField(blank=True)
    due_month = models.DateField(null=True, blank=True)  # first of the month
    ongoing_from = models.DateField(null=True, blank=True)  # first of the month
    is_ongoing = models.BooleanField(default=False)

    class Meta:
        ordering = ["action", "order"]

    def __str__(self):
        return f"{self.action.ref}{self.letter}"


class ProgressUpdate(models.Model):
    """Append-only: a typed status with commentary, on a whole action or on one milestone."""

    STATUSES = [(s, s) for s in plan_status.TYPED_STATUSES]

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    milestone = models.ForeignKey(Milestone, null=True, blank=True, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=20, choices=STATUSES)
    commentary = models.TextField(blank=True)
    evidence_link = models.CharField(max_length=500, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(max_length=200, blank=True)  # kept if the account goes; sourced demo updates name the report's officer
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["action", "created_at", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("progress updates are append-only")
        if self.status not in plan_status.TYPED_STATUSES:
            raise ValueError(f"a progress update's status is one of {', '.join(plan_status.TYPED_STATUSES)}, not {self.status!r}")
        super().save(*args, **kwargs)
