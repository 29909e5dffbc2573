"""``lineofsight`` command line. Every module beside this one registers its commands on ``app``."""

import importlib
import pkgutil

from lineofsight.cli.app import app

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "app":
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    app()
