from django.contrib import admin
from django.urls import include, path

from lineofsight.config.api import api

urlpatterns = [
    path("", include("lineofsight.core.urls")),
    path("accounts/", include("lineofsight.accounts.urls")),
    path("plan/", include("lineofsight.plan.urls")),
    path("performance/", include("lineofsight.performance.urls")),
    path("scrutiny/", include("lineofsight.scrutiny.urls")),
    path("reports/", include("lineofsight.reports.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
