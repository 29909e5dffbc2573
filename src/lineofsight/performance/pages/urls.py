from django.urls import path

from lineofsight.performance.pages import publishing, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/<slug:slug>/", views.indicator, name="indicator"),
    path("workforce/", views.workforce, name="workforce"),
    path("publish/", publishing.publish, name="publish"),
]
