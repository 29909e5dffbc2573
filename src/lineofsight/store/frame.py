"""Tables of typed Python values → pandas frames DuckDB can scan in bulk."""

import numpy as np
import pandas as pd

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.formats.table import Table


def to_frame(table: Table) -> pd.DataFrame:
    """One column per store column, in schema order, typed so DuckDB needs no per-value casts, plus ``_row``."""
    spec = TABLES[table.name]
    data = {}
    for column, kind in spec.items():
        values = table.columns.get(column)
        if values is None:
            values = [None] * len(table)
        if kind == "date":
            data[column] = dates_to_numpy(values)
        elif kind == "int":
            data[column] = pd.array(values, dtype="Int64")
        elif kind == "float":
            data[column] = np.array([np.nan if value is None else value for value in values], dtype="float64")
        else:
            data[column] = pd.array(values, dtype=object)
    data["_row"] = np.array(table.source_rows, dtype="int64")
    data["_file"] = pd.array(table.row_files if table.row_files is not None else [table.source_file] * len(table), dtype=object)
    return pd.DataFrame(data)


_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min


def dates_to_numpy(values: list) -> np.ndarray:
    """Python dates (or None) → datetime64[s], converting each distinct date once.

    >>> from datetime import date
    >>> dates_to_numpy([date(2024, 3, 31), None]).astype("datetime64[D]").tolist()
    [datetime.date(2024, 3, 31), None]
    """
    days = {value: (_NAT if value is None else value.toordinal() - _EPOCH_ORDINAL) for value in set(values)}
    ordinals = np.fromiter((days[value] for value in values), dtype=np.int64, count=len(values))
    return ordinals.view("datetime64[D]").astype("datetime64[s]")
