"""Import and export the plan template: read the file, check it whole, then store it in one transaction."""

from __future__ import annotations

from pathlib import Path

from lineofsight.plan import loading_queries, template, template_files


class ImportRefused(ValueError):
    """The file was refused whole; ``problems`` name the sheet, row and field of each fault."""

    def __init__(self, path, problems):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


def import_plan(path: Path, name: str, *, make_current: bool = False):
    sheets = template_files.read(path)
    data, problems = template.parse(sheets, known_officers=loading_queries.known_officer_initials())
    if not problems and loading_queries.plan_exists(name):
        problems = [template.Problem("plan", 0, "name", f"a plan named {name!r} is already stored: choose another --name")]
    if problems:
        raise ImportRefused(path, problems)
    return loading_queries.store_plan(name, data, make_current=make_current)


def export_plan(path: Path, name: str | None = None) -> list[Path]:
    _, data = loading_queries.stored_plan(name)
    return template_files.write(path, template.to_sheets(data))
