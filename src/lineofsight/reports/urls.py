from django.urls import path

from lineofsight.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:pack>/<str:month>/<slug:audience>.<slug:fmt>", views.download, name="download"),
]
