from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lineofsight.accounts"
    label = "accounts"

    def ready(self):
        from lineofsight.accounts import signals  # noqa: F401  (connects the sign-in receivers)
