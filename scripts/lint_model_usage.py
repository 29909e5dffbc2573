"""Only query modules (``queries.py``, ``*_queries.py``, ``queries/``) and models, migrations, admin, demo loaders and tests may call Model.objects."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "lineofsight"
APPS = ["plan", "scrutiny", "performance", "accounts", "reports", "core"]
ALLOWED = {"queries.py", "models.py", "admin.py", "demo.py", "audit.py"}
PATTERN = re.compile(r"\.objects\b")


def offenders():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = set(path.relative_to(ROOT / app).parts)
            if path.name in ALLOWED or path.name.endswith("queries.py") or {"migrations", "tests", "queries"} & parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if PATTERN.search(line) and not line.lstrip().startswith("#"):
                    yield f"{path.relative_to(ROOT.parent)}:{number}: use {app}/queries.py, not Model.objects"


if __name__ == "__main__":
    problems = list(offenders())
    print("\n".join(problems) or "model usage: only query modules call Model.objects")
    sys.exit(1 if problems else 0)
