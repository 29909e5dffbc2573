"""903 and CIN returns with one value changed to anything: loaded or refused, never a traceback."""

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.store.loading import LoadRefused, load_path
from lineofsight.synth import generate

VALUES = st.one_of(st.text(max_size=12), st.sampled_from(["31/02/2018", "2024-02-30", "", "X1", "S", "0", "99/99/9999", "<", "&"]))
FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def returns(tmp_path_factory):
    folders = {}
    for fmt in ("903", "cin"):
        folder = tmp_path_factory.mktemp(fmt)
        generate("small", months=6, seed=2, fmt=fmt, out=folder, end_month=date(2025, 6, 1))
        folders[fmt] = folder
    return folders


def _load(folder, store):
    try:
        load_path(folder, "DEMO", store_path=store)
    except LoadRefused as refused:
        assert any(problem.is_error for problem in refused.problems)


@FUZZ
@given(file_index=st.integers(0, 100), line=st.integers(1, 40), column=st.integers(0, 12), value=VALUES)
def test_903_with_any_changed_cell(returns, tmp_path_factory, file_index, line, column, value):
    folder = tmp_path_factory.mktemp("x")
    files = sorted(returns["903"].glob("*.csv"))
    chosen = files[file_index % len(files)]
    for path in files:
        text = path.read_text()
        if path == chosen:
            lines = text.splitlines()
            if len(lines) > 1:
                row = lines[1 + line % (len(lines) - 1)].split(",")
                row[column % len(row)] = '"' + value.replace('"', '""') + '"'
                lines[1 + line % (len(lines) - 1)] = ",".join(row)
            text = "\n".join(lines) + "\n"
        (folder / path.name).write_text(text)
    _load(folder, folder / "s.duckdb")


@FUZZ
@given(element=st.integers(0, 10_000), value=VALUES)
def test_cin_with_any_changed_element_text(returns, tmp_path_factory, element, value):
    folder = tmp_path_factory.mktemp("x")
    path = sorted(returns["cin"].glob("*.xml"))[-1]
    text = path.read_text()
    matches = list(re.finditer(r">([^<>]+)</", text))
    target = matches[element % len(matches)]
    changed = text[: target.start(1)] + value.replace("&", "&amp;").replace("<", "&lt;") + text[target.end(1):]
    (folder / path.name).write_text(changed)
    _load(folder, folder / "s.duckdb")
