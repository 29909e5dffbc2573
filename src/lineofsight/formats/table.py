"""Parsed rows held by column, with where each row came from, so checks can name the file and row."""

from dataclasses import dataclass, field


@dataclass
class Table:
    """One table of typed values: ``columns`` maps a column name to its values, one per row.

    ``source_rows`` holds the line (or sheet row) each row was read from, and ``source_file`` the file.

    >>> t = Table("ssd_person", {"pers_person_id": ["A1", "A2"]}, "ssd_person.csv", [2, 3])
    >>> len(t)
    2
    >>> t.row(1)
    {'pers_person_id': 'A2'}
    """

    name: str
    columns: dict[str, list]
    source_file: str
    source_rows: list[int] = field(default_factory=list)
    # Per-row file names when a table gathers rows from several files; None when all come from source_file.
    row_files: list[str] | None = None

    def file_of(self, index: int) -> str:
        return self.row_files[index] if self.row_files is not None else self.source_file

    def __len__(self) -> int:
        return len(self.source_rows)

    def row(self, index: int) -> dict:
        return {name: values[index] for name, values in self.columns.items()}
