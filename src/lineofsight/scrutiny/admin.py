from django.contrib import admin

from lineofsight.scrutiny import models


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent")


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("committee", "start", "status", "import_state")
    list_filter = ("committee", "status", "import_state")


@admin.register(models.Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ("ref", "committee", "status", "response_due")
    list_filter = ("committee", "status")
    search_fields = ("ref", "text")


for model in (models.MunicipalYear, models.Member, models.Membership, models.AgendaItem, models.WorkProgrammeItem, models.MinutesImport):
    admin.site.register(model)
