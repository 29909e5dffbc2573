from django.urls import path

from lineofsight.scrutiny import views

app_name = "scrutiny"
urlpatterns = [
    path("", views.committees, name="committees"),
    path("committees/<int:pk>/", views.committee, name="committee"),
    path("committees/<int:pk>/issue-history/", views.issue_history, name="committee-issue-history"),
    path("committees/<int:pk>/chairs-report/<str:year>/", views.chairs_report, name="chairs-report"),
    path("committees/<int:pk>/chairs-report/<str:year>/text/", views.chairs_report, {"fmt": "txt"}, name="chairs-report-text"),
    path("committees/<int:pk>/chairs-report/<str:year>/pdf/", views.chairs_report, {"fmt": "pdf"}, name="chairs-report-pdf"),
    path("issue-history/", views.issue_history, name="issue-history"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/paperwork/", views.meeting_paperwork, name="meeting-paperwork"),
    path("meetings/<int:pk>/declarations/new/", views.declaration_new, name="declaration-new"),
    path("items/<int:item_pk>/recommendations/new/", views.recommendation_new, name="recommendation-new"),
    path("items/<int:item_pk>/actions/new/", views.action_new, name="action-new"),
    path("actions/<int:pk>/", views.action_edit, name="action-edit"),
    path("recommendations/", views.tracker, name="tracker"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("recommendations/<int:pk>/responses/new/", views.response_new, name="response-new"),
    path("recommendations/<int:pk>/implemented/", views.recommendation_implemented, name="recommendation-implemented"),
    path("to-do/", views.to_do, name="to-do"),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_review, name="import-review"),
]
