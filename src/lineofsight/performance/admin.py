"""Admin for the computed results: read-mostly views for checking what a run stored."""

from django.contrib import admin

from lineofsight.performance.models import ComparatorValue, ComputeRun, IndicatorOwner, IndicatorValue, Organisation, PublishedMonth, Target, Team


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "is_synthetic")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("organisation", "team_id", "name")
    list_filter = ("organisation",)
    filter_horizontal = ("managers",)


@admin.register(IndicatorOwner)
class IndicatorOwnerAdmin(admin.ModelAdmin):
    list_display = ("organisation", "indicator_ref", "owner_initials")
    list_filter = ("organisation",)
    filter_horizontal = ("users",)


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("organisation", "indicator_ref", "financial_year", "target", "method")
    list_filter = ("organisation", "financial_year")


@admin.register(ComputeRun)
class ComputeRunAdmin(admin.ModelAdmin):
    list_display = ("organisation", "started_at", "finished_at", "first_month", "last_month")
    list_filter = ("organisation",)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ("organisation", "indicator_ref", "month", "breakdown", "breakdown_label", "numerator", "denominator", "value", "version", "source")
    list_filter = ("organisation", "source", "breakdown", "indicator_ref")
    search_fields = ("indicator_ref", "breakdown_label")
    date_hierarchy = "month"
    # values come from the engine or a pack import, never typed in
    readonly_fields = [field.name for field in IndicatorValue._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # recompute or unload instead: they version the change and tell the pages


@admin.register(PublishedMonth)
class PublishedMonthAdmin(admin.ModelAdmin):
    list_display = ("organisation", "month", "version", "published_by", "published_at", "withdrawn_at")
    list_filter = ("organisation",)


@admin.register(ComparatorValue)
class ComparatorValueAdmin(admin.ModelAdmin):
    list_display = ("indicator_ref", "group", "period_label", "value", "symbol")
    list_filter = ("group",)
