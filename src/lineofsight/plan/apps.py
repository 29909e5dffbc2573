from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "lineofsight.plan"
    label = "plan"
