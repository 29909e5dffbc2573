"""Whatever one cell of an extract is changed to, a load either succeeds or is refused with problems,
and a refused load leaves the store exactly as it was."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import open_store
from lineofsight.store.loading import LoadRefused, load_path
from lineofsight.store.tests.helpers import fuller_extract

CELLS = st.one_of(st.text(max_size=15), st.sampled_from(["31/02/2018", "2024-13-01", "0024-01-01", "Y", "", "N99", '"', "\n", "2099-01-01"]))


def _snapshot(store):
    connection = open_store(store)
    try:
        return {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in [*TABLES, "load_batches"]}
    finally:
        connection.close()


# the tables fuller_extract writes (every column of each)
FUZZED = ["ssd_person", "ssd_cin_episodes", "ssd_cin_assessments", "ssd_cin_plans", "ssd_cin_visits", "ssd_cp_plans", "ssd_cp_visits",
          "ssd_cla_episodes", "ssd_cla_reviews", "ssd_involvements"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(FUZZED), row=st.integers(0, 1), column=st.integers(0, 20),
       value=CELLS)
def test_a_changed_cell_is_loaded_or_refused_never_half_loaded(tmp_path_factory, table, row, column, value):
    folder = tmp_path_factory.mktemp("x")
    store = folder / "s.duckdb"
    fuller_extract(folder / "good")
    load_path(folder / "good", "DEMO", store_path=store)
    before = _snapshot(store)
    fuller_extract(folder / "changed")
    path = folder / "changed" / f"{table}.csv"
    lines = path.read_text().splitlines()
    cells = lines[1 + min(row, len(lines) - 2)].split(",")
    cells[column % len(cells)] = '"' + value.replace('"', '""') + '"'
    lines[1 + min(row, len(lines) - 2)] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    try:
        load_path(folder / "changed", "DEMO", store_path=store)
    except LoadRefused as refused:
        assert any(problem.is_error for problem in refused.problems)
        assert _snapshot(store) == before


@pytest.mark.parametrize(("table", "column"), [(table, column) for table in FUZZED for column in TABLES[table]])
def test_every_cell_left_blank_is_loaded_or_refused_never_a_crash(tmp_path, table, column):
    fuller_extract(tmp_path / "x")
    path = tmp_path / "x" / f"{table}.csv"
    lines = path.read_text().splitlines()
    position = lines[0].split(",").index(column)
    for index in range(1, len(lines)):
        cells = lines[index].split(",")
        cells[position] = ""
        lines[index] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    try:
        result = load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "s.duckdb")
    except LoadRefused as refused:
        assert any(problem.is_error for problem in refused.problems)
    else:
        assert result.row_count > 0
