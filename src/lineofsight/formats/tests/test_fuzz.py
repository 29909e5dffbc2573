"""Every reader, fed random or mangled bytes, ends with problems: never a traceback."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats import annex_a_xlsx, cin_census_xml, ssd_csv, ssda903_csv
from lineofsight.formats.problems import Problem
from lineofsight.formats.ssd_tables import TABLES

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
EPISODES_HEADER = ",".join(TABLES["ssd_cin_episodes"]).encode()


def _check(result):
    tables, problems = result
    assert isinstance(tables, dict)
    assert all(isinstance(problem, Problem) for problem in problems)
    return problems


@FUZZ
@given(st.binary(max_size=2000))
def test_ssd_reader_survives_random_bytes(tmp_path, data):
    (tmp_path / "ssd_cin_episodes.csv").write_bytes(EPISODES_HEADER + b"\n" + data)
    _check(ssd_csv.parse(tmp_path))


@FUZZ
@given(st.binary(max_size=2000))
def test_903_reader_survives_random_bytes(tmp_path, data):
    (tmp_path / "episodes.csv").write_bytes(data)
    _check(ssda903_csv.parse(tmp_path))


@FUZZ
@given(st.binary(max_size=2000))
def test_cin_reader_survives_random_bytes(tmp_path, data):
    path = tmp_path / "cin.xml"
    path.write_bytes(b"<Message><Children><Child>" + data)
    assert _check(cin_census_xml.parse(path))


@FUZZ
@given(st.binary(max_size=2000))
def test_annex_a_reader_survives_random_bytes(tmp_path, data):
    path = tmp_path / "annex.xlsx"
    path.write_bytes(b"PK\x03\x04" + data)
    assert _check(annex_a_xlsx.parse(path))


@FUZZ
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=12))
def test_ssd_reader_reports_rather_than_raises_on_any_cell_text(tmp_path, cells):
    row = (cells * len(TABLES["ssd_cin_episodes"]))[: len(TABLES["ssd_cin_episodes"])]
    text = EPISODES_HEADER.decode() + "\n" + ",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n"
    (tmp_path / "ssd_cin_episodes.csv").write_text(text, encoding="utf-8")
    _check(ssd_csv.parse(tmp_path))
