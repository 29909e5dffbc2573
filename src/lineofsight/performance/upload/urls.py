from django.urls import path

from lineofsight.performance.upload import views

urlpatterns = [path("upload/", views.upload, name="upload")]
