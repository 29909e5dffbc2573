"""A problem found in case data is a value, never an exception: every reader, mapper and check returns them."""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, in plain English, naming where it is.

    ``row`` is the line (CSV, XML) or sheet row (xlsx) counted from 1; ``None`` when the problem is with the
    whole file. ``field`` is the column or element name as written in the source.

    >>> Problem("date.invalid", ERROR, "ssd_person.csv", 3, "pers_dob", "'31/02/2018' is not a real date").is_error
    True
    """

    code: str
    severity: str
    file: str
    row: int | None
    field: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "row": "" if self.row is None else self.row,
            "field": self.field,
            "rule": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def has_errors(problems) -> bool:
    return any(problem.is_error for problem in problems)


REPORT_COLUMNS = ("file", "row", "field", "rule", "severity", "message")


def write_report(problems, path) -> None:
    """The problem report as CSV: file, row, field, rule, severity, message."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=REPORT_COLUMNS)
        writer.writeheader()
        for problem in problems:
            writer.writerow(problem.as_dict())
