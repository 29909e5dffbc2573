"""Indicator results and what people say about them.

Counts are stored, rates derived (``judge``): a result row keeps its numerator and denominator so
quarters and years re-aggregate by summing. A computed month is a version; publishing freezes a
version, and a later recompute makes a new one while the published stays readable.
"""

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    code = models.CharField(max_length=16, unique=True)  # e.g. a DfE LA code, or DEMO
    name = models.CharField(max_length=200)
    is_synthetic = models.BooleanField(default=False)
    # Counts every write of the organisation's values (``queries.values_changed``), so pages built
    # from them can tell, in one cheap read, whether what they kept is still current.
    values_generation = models.PositiveBigIntegerField(default=0, editable=False)

    def __str__(self):
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    team_id = models.CharField(max_length=64)  # dept_team_id in the case store
    name = models.CharField(max_length=200)
    managers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="managed_teams")

    class Meta:
        unique_together = [("organisation", "team_id")]

    def owner_user_ids(self) -> set[int]:
        return set(self.managers.values_list("id", flat=True))

    def __str__(self):
        return self.name


class IndicatorOwner(models.Model):
    """Who owns an indicator's target and commentary in an organisation (the pack's 'Target Owner')."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    indicator_ref = models.CharField(max_length=20)
    owner_initials = models.CharField(max_length=10, blank=True)
    users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="owned_indicators")

    class Meta:
        unique_together = [("organisation", "indicator_ref")]

    def owner_user_ids(self) -> set[int]:
        return set(self.users.values_list("id", flat=True))


class Target(models.Model):
    """A financial year's target and RAG bands, overriding the definition's defaults."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    indicator_ref = models.CharField(max_length=20)
    financial_year = models.CharField(max_length=7)  # "2017-18"
    target = models.FloatField(null=True, blank=True)
    method = models.CharField(max_length=20, default="fixed_bands")  # fixed_bands | pct_of_target
    bands = models.JSONField(default=list, blank=True)  # judge.bands.Band as dicts
    methodology_text = models.CharField(max_length=300, blank=True)

    class Meta:
        unique_together = [("organisation", "indicator_ref", "financial_year")]


class ComputeRun(models.Model):
    """One run of the engine for an organisation: a version of the months it computed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    first_month = models.DateField()
    last_month = models.DateField()
    batches = models.JSONField(default=list)  # load batch ids the run read
    # stg_ view -> the organisation's records with no placing date in the case data read (indicators.bad_records)
    left_out = models.JSONField(default=dict, blank=True)


class IndicatorValue(models.Model):
    COMPUTED = "computed"
    REPORTED = "reported"
    SOURCES = [(COMPUTED, "computed from case data"), (REPORTED, "reported in a past pack")]

    SERVICE = "service"
    TEAM = "team"
    WORKER = "worker"
    BREAKDOWNS = [(SERVICE, "whole service"), (TEAM, "team"), (WORKER, "worker")]

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="values")
    indicator_ref = models.CharField(max_length=20, db_index=True)  # "AMT 2"
    month = models.DateField(db_index=True)  # first day of the month
    breakdown = models.CharField(max_length=10, choices=BREAKDOWNS, default=SERVICE)
    breakdown_key = models.CharField(max_length=64, blank=True, default="")  # team or worker id
    breakdown_label = models.CharField(max_length=200, blank=True, default="")
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)  # derived; kept for querying and sorting
    no_data_reason = models.CharField(max_length=300, blank=True)  # set when no value could be computed
    source = models.CharField(max_length=10, choices=SOURCES, default=COMPUTED)
    run = models.ForeignKey(ComputeRun, null=True, blank=True, on_delete=models.CASCADE, related_name="values")
    version = models.PositiveIntegerField(default=1)
    computed_at = models.DateTimeField(auto_now_add=True)
    batches = models.JSONField(default=list, blank=True)
    # as printed in a past pack (source = reported)
    published_text = models.CharField(max_length=40, blank=True)
    published_rag = models.CharField(max_length=20, blank=True)
    published_target = models.CharField(max_length=40, blank=True)
    published_methodology = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "indicator_ref", "breakdown", "month"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator_ref", "month", "breakdown", "breakdown_key", "source", "version"],
                name="one_value_per_version",
            )
        ]


class PublishedMonth(models.Model):
    """A month's results released beyond analysts: frozen at the version published."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    month = models.DateField()
    version = models.PositiveIntegerField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    published_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        unique_together = [("organisation", "month", "version")]


class Commentary(models.Model):
    """What the target owner says about an indicator in a month; appended, never overwritten."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    indicator_ref = models.CharField(max_length=20, db_index=True)
    month = models.DateField()
    improvement_activity = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class ActionLogEntry(models.Model):
    """The indicator action log ("Oct-01 … When? Complete?"); each edit appends a new row for the same ref."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    indicator_ref = models.CharField(max_length=20, blank=True, db_index=True)
    log_ref = models.CharField(max_length=20)  # "Oct-01"
    action = models.TextField()
    when_text = models.CharField(max_length=40, blank=True)  # "Dec-17", "TBC"
    complete = models.CharField(max_length=20, blank=True)  # "Y", "Ongoing"
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["log_ref", "-created_at", "-id"]


class ComparatorValue(models.Model):
    """England, region or statistical-neighbour figures, as published (symbols kept)."""

    indicator_ref = models.CharField(max_length=20, db_index=True)
    group = models.CharField(max_length=100)  # "England", "London", "Statistical neighbours"
    period_label = models.CharField(max_length=20)  # "2016-17" or "2017-10"
    period_end = models.DateField()
    value = models.FloatField(null=True, blank=True)
    symbol = models.CharField(max_length=5, blank=True)  # c, x, z, low, k, u
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        unique_together = [("indicator_ref", "group", "period_label")]
