from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lineofsight.core"
    label = "core"

    def ready(self):
        from lineofsight.core import components  # noqa: F401  (registers our components on /patterns)
