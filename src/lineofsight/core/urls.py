from django.urls import path

from lineofsight.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("patterns/", views.patterns, name="patterns"),
]
