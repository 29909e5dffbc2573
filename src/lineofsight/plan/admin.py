from django.contrib import admin

from lineofsight.plan import models


class WorkstreamInline(admin.TabularInline):
    model = models.Workstream
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "review_date", "is_current"]
    inlines = [WorkstreamInline]


@admin.register(models.Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["initials", "name", "job_title", "user"]
    search_fields = ["initials", "name"]


class SuccessMeasureInline(admin.TabularInline):
    model = models.SuccessMeasure
    extra = 0


@admin.register(models.Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "workstream", "sro", "plan"]
    list_filter = ["plan"]
    inlines = [SuccessMeasureInline]


@admin.register(models.OfstedRecommendation)
class OfstedRecommendationAdmin(admin.ModelAdmin):
    list_display = ["number", "plan"]
    filter_horizontal = ["priorities"]


class LeadInline(admin.TabularInline):
    model = models.ActionLead
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["ref", "priority"]
    list_filter = ["priority__plan"]
    search_fields = ["ref", "text"]
    inlines = [LeadInline, MilestoneInline]


@admin.register(models.ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Read-only: updates are appended through the action page so they are audited."""

    list_display = ["action", "milestone", "status", "author_name", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
