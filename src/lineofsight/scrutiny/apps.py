from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "lineofsight.scrutiny"
    label = "scrutiny"
