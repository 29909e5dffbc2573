from django.urls import path, re_path

from lineofsight.plan import import_views, views

app_name = "plan"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("timetabled/", views.timetabled, name="timetabled"),
    path("import/", import_views.import_plan, name="import"),
    path("export.xlsx", import_views.export_plan, name="export"),
    path("priorities/<int:number>/", views.priority, name="priority"),
    re_path(r"^actions/(?P<ref>\d{1,2}\.\d{1,2})/$", views.action, name="action"),
    re_path(r"^actions/(?P<ref>\d{1,2}\.\d{1,2})/update/$", views.update_action, name="update-action"),
]
