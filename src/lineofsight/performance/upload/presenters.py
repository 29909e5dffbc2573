"""Turning a load's outcome into GOV.UK component parameters."""

MAX_SHOWN = 500


class ProblemReport:
    """The problem table and error summary for a refused (or warned) load.

    >>> from lineofsight.formats.problems import Problem
    >>> report = ProblemReport([Problem("date.invalid", "error", "ssd_person.csv", 3, "pers_dob", "'31/02/2018' is not a real date")])
    >>> report.summary_items[0]["text"]
    "ssd_person.csv row 3, pers_dob: '31/02/2018' is not a real date"
    >>> report.rows[0][1]["text"], report.error_count
    ('3', 1)
    """

    def __init__(self, problems):
        self.problems = list(problems)
        self.errors = [p for p in self.problems if p.is_error]
        self.error_count = len(self.errors)
        self.warning_count = len(self.problems) - self.error_count

    @property
    def summary_items(self) -> list[dict]:
        items = []
        for problem in self.errors[:10]:
            where = problem.file + (f" row {problem.row}" if problem.row else "") + (f", {problem.field}" if problem.field else "")
            items.append({"text": f"{where}: {problem.message}", "href": "#problems"})
        if self.error_count > 10:
            items.append({"text": f"…and {self.error_count - 10} more errors, listed below", "href": "#problems"})
        return items

    @property
    def head(self) -> list[dict]:
        return [{"text": "File"}, {"text": "Row", "format": "numeric"}, {"text": "Field"}, {"text": "Rule"}, {"text": "Severity"}, {"text": "Message"}]

    @property
    def rows(self) -> list[list[dict]]:
        return [
            [{"text": p.file}, {"text": "" if p.row is None else str(p.row), "format": "numeric"}, {"text": p.field}, {"text": p.code},
             {"text": "Error" if p.is_error else "Warning"}, {"text": p.message}]
            for p in self.problems[:MAX_SHOWN]
        ]

    @property
    def truncated(self) -> int:
        return max(len(self.problems) - MAX_SHOWN, 0)


def success_rows(result) -> list[list[dict]]:
    """Rows loaded per table, largest first."""
    return [[{"text": name}, {"text": f"{count:,}", "format": "numeric"}]
            for name, count in sorted(result.rows_by_table.items(), key=lambda item: -item[1]) if count]
