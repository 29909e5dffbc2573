from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "lineofsight.performance"
    label = "performance"
