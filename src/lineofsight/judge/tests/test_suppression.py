from hypothesis import given
from hypothesis import strategies as st

from lineofsight.judge import suppress_table


def test_counts_one_to_five_are_suppressed_but_zero_is_not():
    result = suppress_table({"A": {"n": 0}, "B": {"n": 1}, "C": {"n": 5}, "D": {"n": 6}}, total_row=None, total_column=None)
    assert result.shown() == {"A": {"n": "0"}, "B": {"n": "c"}, "C": {"n": "c"}, "D": {"n": "6"}}


def test_threshold_is_set_per_table():
    result = suppress_table({"A": {"n": 9}, "B": {"n": 10}}, threshold=9, total_row=None, total_column=None)
    assert result.shown() == {"A": {"n": "c"}, "B": {"n": "10"}}


def test_secondary_suppression_stops_a_row_total_revealing_a_cell():
    result = suppress_table({"Team A": {"Boys": 3, "Girls": 10, "Other": 7, "Total": 20}})
    shown = result.shown()["Team A"]
    assert shown["Boys"] == "c"
    assert shown["Other"] == "c"  # the smallest remaining cell goes, not the total
    assert shown["Girls"] == "10" and shown["Total"] == "20"


def test_secondary_suppression_follows_columns_and_rows_until_safe():
    table = {
        "Team A": {"Boys": 3, "Girls": 10, "Total": 13},
        "Team B": {"Boys": 8, "Girls": 9, "Total": 17},
        "Total": {"Boys": 11, "Girls": 19, "Total": 30},
    }
    shown = suppress_table(table).shown()
    assert [shown[row][col] for row in ("Team A", "Team B") for col in ("Boys", "Girls")] == ["c", "c", "c", "c"]
    assert shown["Total"] == {"Boys": "11", "Girls": "19", "Total": "30"}


def test_a_rate_whose_numerator_is_suppressed_is_suppressed():
    table = {"Team A": {"On time": 4, "Per cent": 40.0}, "Team B": {"On time": 9, "Per cent": 90.0}}
    result = suppress_table(table, rates={"Per cent": "On time"}, total_row=None, total_column=None)
    assert result.shown()["Team A"]["Per cent"] == "c"
    assert result.shown()["Team B"]["Per cent"] == "90"
    assert [cell.reason for cell in result.log] == ["primary: 4 is between 1 and 5", "rate: its numerator On time is suppressed"]


def test_published_symbols_are_kept_and_not_logged():
    result = suppress_table({"A": {"n": "z", "m": "x"}}, total_row=None, total_column=None)
    assert result.shown() == {"A": {"n": "z", "m": "x"}}
    assert result.log == []


def test_the_log_keeps_the_unrounded_value_for_the_audit_record():
    result = suppress_table({"A": {"n": 2.0}}, total_row=None, total_column=None)
    assert (result.log[0].value, result.log[0].symbol) == (2.0, "c")


@given(st.lists(st.lists(st.integers(0, 30), min_size=2, max_size=4), min_size=1, max_size=5).filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_no_row_total_ever_reveals_a_single_suppressed_cell(rows):
    table = {f"R{i}": {**{f"C{j}": v for j, v in enumerate(row)}, "Total": sum(row)} for i, row in enumerate(rows)}
    table["Total"] = {col: sum(table[f"R{i}"][col] for i in range(len(rows))) for col in table["R0"]}
    result = suppress_table(table)
    shown = result.shown()
    for row, cells in shown.items():
        parts = [v for col, v in cells.items() if col != "Total"]
        assert parts.count("c") != 1 or cells["Total"] == "c", f"row {row} reveals its one hidden cell: {cells}"
    for col in shown["R0"]:
        parts = [shown[row][col] for row in shown if row != "Total"]
        assert parts.count("c") != 1 or shown["Total"][col] == "c", f"column {col} reveals its one hidden cell"
    for row, cells in table.items():
        for col, value in cells.items():
            if 1 <= value <= 5:
                assert shown[row][col] == "c"
