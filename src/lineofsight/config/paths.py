"""Where Line of Sight keeps its files: one data directory holds the database, the case store and backups."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
_CHECKOUT = PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """The data directory: LINEOFSIGHT_DATA_DIR, else ``var/`` in a source checkout, else ``~/.lineofsight``."""
    configured = os.environ.get("LINEOFSIGHT_DATA_DIR")
    if configured:
        path = Path(configured)
    elif (_CHECKOUT / "pyproject.toml").exists():
        path = _CHECKOUT / "var"
    else:
        path = Path.home() / ".lineofsight"
    path.mkdir(parents=True, exist_ok=True)
    return path


def case_store_path() -> Path:
    return Path(os.environ.get("LINEOFSIGHT_CASE_STORE", data_dir() / "casestore.duckdb"))
