"""Whatever one cell of an extract is changed to, a load either succeeds or is refused with problems,
and a refused load leaves the store exactly as it was."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import open_store
from lineofsight.store.loading import LoadRefused, load_path
from lineofsight.store.tests.helpers import small_extract

CELLS = st.one_of(st.text(max_size=15), st.sampled_from(["31/02/2018", "2024-13-01", "0024-01-01", "Y", "", "N99", '"', "\n", "2099-01-01"]))


def _snapshot(store):
    connection = open_store(store)
    try:
        return {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in [*TABLES, "load_batches"]}
    finally:
        connection.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["ssd_person", "ssd_cin_episodes", "ssd_cin_assessments"]), row=st.integers(0, 1), column=st.integers(0, 20),
       value=CELLS)
def test_a_changed_cell_is_loaded_or_refused_never_half_loaded(tmp_path_factory, table, row, column, value):
    folder = tmp_path_factory.mktemp("x")
    store = folder / "s.duckdb"
    small_extract(folder / "good")
    load_path(folder / "good", "DEMO", store_path=store)
    before = _snapshot(store)
    small_extract(folder / "changed")
    path = folder / "changed" / f"{table}.csv"
    lines = path.read_text().splitlines()
    cells = lines[1 + row].split(",")
    cells[column % len(cells)] = '"' + value.replace('"', '""') + '"'
    lines[1 + row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    try:
        load_path(folder / "changed", "DEMO", store_path=store)
    except LoadRefused as refused:
        assert any(problem.is_error for problem in refused.problems)
        assert _snapshot(store) == before
