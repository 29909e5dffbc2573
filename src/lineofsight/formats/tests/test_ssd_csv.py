"""SSD extract CSVs: exact headers, typed values, and a clear problem for every kind of bad input."""

from datetime import date

from lineofsight.formats import ssd_csv
from lineofsight.formats.ssd_tables import TABLES

EPISODE_COLUMNS = list(TABLES["ssd_cin_episodes"])


def _write(folder, name, header, rows, encoding="utf-8"):
    text = "\n".join([",".join(header)] + [",".join(row) for row in rows]) + "\n"
    (folder / name).write_bytes(text.encode(encoding))


def _episode(**values):
    row = {column: "" for column in EPISODE_COLUMNS}
    row.update(cine_referral_id="R1", cine_person_id="C1", cine_referral_date="2024-05-01")
    row.update(values)
    return [row[column] for column in EPISODE_COLUMNS]


def test_reads_typed_values_from_the_exact_ssd_header(tmp_path):
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS, [_episode(cine_referral_nfa="Y", cine_close_date="31/03/2025")])
    tables, problems = ssd_csv.parse(tmp_path)
    episodes = tables["ssd_cin_episodes"]
    assert problems == []
    assert episodes.columns["cine_referral_date"] == [date(2024, 5, 1)]
    assert episodes.columns["cine_close_date"] == [date(2025, 3, 31)]
    assert episodes.columns["cine_referral_nfa"] == ["Y"]
    assert episodes.source_rows == [2]


def test_impossible_date_is_reported_with_file_row_and_field(tmp_path):
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS, [_episode(), _episode(cine_referral_id="R2", cine_referral_date="31/02/2018")])
    _, problems = ssd_csv.parse(tmp_path)
    (problem,) = problems
    assert (problem.file, problem.row, problem.field, problem.code, problem.severity) == ("ssd_cin_episodes.csv", 3, "cine_referral_date", "date.invalid", "error")
    assert "31/02/2018" in problem.message


def test_missing_column_is_an_error_naming_the_column(tmp_path):
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS[:-1], [_episode()[:-1]])
    tables, problems = ssd_csv.parse(tmp_path)
    assert "ssd_cin_episodes" not in tables
    assert [(p.code, p.field) for p in problems] == [("csv.missing_column", "cine_referral_worker_id")]


def test_extra_column_is_a_warning_and_ignored(tmp_path):
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS + ["notes"], [_episode() + ["hello"]])
    tables, problems = ssd_csv.parse(tmp_path)
    assert [(p.code, p.severity, p.field) for p in problems] == [("csv.extra_column", "warning", "notes")]
    assert "notes" not in tables["ssd_cin_episodes"].columns


def test_row_with_too_many_values_is_an_error(tmp_path):
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS, [_episode() + ["surplus"]])
    _, problems = ssd_csv.parse(tmp_path)
    assert [(p.code, p.row) for p in problems] == [("csv.row_width", 2)]


def test_windows_1252_file_is_read_with_a_warning(tmp_path):
    person = list(TABLES["ssd_person"])
    row = ["C1", "Zoë"] + [""] * (len(person) - 2)
    _write(tmp_path, "ssd_person.csv", person, [row], encoding="cp1252")
    tables, problems = ssd_csv.parse(tmp_path)
    assert tables["ssd_person"].columns["pers_forename"] == ["Zoë"]
    assert [(p.code, p.severity) for p in problems] == [("file.encoding", "warning")]


def test_binary_file_is_refused_as_not_text(tmp_path):
    (tmp_path / "ssd_person.csv").write_bytes(b"\x00\x01\x02PK\x03\x04")
    _, problems = ssd_csv.parse(tmp_path)
    assert [(p.code, p.severity) for p in problems] == [("file.encoding", "error")]


def test_empty_file_needs_a_header(tmp_path):
    (tmp_path / "ssd_person.csv").write_bytes(b"")
    _, problems = ssd_csv.parse(tmp_path)
    assert [p.code for p in problems] == ["csv.empty"]


def test_folder_without_ssd_files_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    _, problems = ssd_csv.parse(tmp_path)
    assert [p.code for p in problems] == ["ssd.no_files"]


def test_unknown_ssd_table_is_ignored_with_a_warning(tmp_path):
    _write(tmp_path, "ssd_mystery.csv", ["a"], [["1"]])
    _write(tmp_path, "ssd_cin_episodes.csv", EPISODE_COLUMNS, [_episode()])
    tables, problems = ssd_csv.parse(tmp_path)
    assert list(tables) == ["ssd_cin_episodes"]
    assert [(p.code, p.severity) for p in problems] == [("ssd.unknown_file", "warning")]
