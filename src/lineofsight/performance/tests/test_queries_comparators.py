"""import-comparators: DfE-style CSVs with suppression symbols kept, group names configurable."""

import pytest

from lineofsight.cli.indicators import read_comparators
from lineofsight.performance import queries
from lineofsight.performance.models import ComparatorValue

CSV = """indicator_ref,group,period_label,period_end,value,source
AMT 2,ENG,2016-17,2017-03-31,82.9,EES C2
AMT 2,SN,2016-17,2017-03-31,c,EES C2
FD 8,ENG,2016-17,2017-03-31,low,EES
FD 8,SN,2016-17,2017-03-31,:,EES
"""


def test_symbols_are_kept_never_zeroed_and_groups_renamed(tmp_path):
    path = tmp_path / "comparators.csv"
    path.write_text(CSV)
    rows = read_comparators(path, {"ENG": "England", "SN": "Statistical neighbours"})
    assert [(r["group"], r["value"], r["symbol"]) for r in rows] == [
        ("England", 82.9, ""), ("Statistical neighbours", None, "c"), ("England", None, "low"), ("Statistical neighbours", None, "x"),
    ]


@pytest.mark.django_db
def test_importing_twice_updates_rather_than_duplicates(tmp_path):
    path = tmp_path / "comparators.csv"
    path.write_text(CSV)
    queries.save_comparators(read_comparators(path, {}))
    path.write_text(CSV.replace("82.9", "83.1"))
    queries.save_comparators(read_comparators(path, {}))
    assert ComparatorValue.objects.count() == 4
    assert ComparatorValue.objects.get(indicator_ref="AMT 2", group="ENG").value == 83.1
