"""Write a synthetic borough as an SSD extract: one ``ssd_<object>.csv`` / ``local_<name>.csv`` per table."""

from pathlib import Path

import pandas as pd

from lineofsight.formats.ssd_tables import TABLES


def write(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    paths = []
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        columns = list(TABLES[name])
        body = frame[columns].copy()
        for column, kind in TABLES[name].items():
            if kind == "date":
                body[column] = body[column].dt.strftime("%Y-%m-%d")
        body.to_csv(path, index=False, date_format="%Y-%m-%d")
        paths.append(path)
    return paths
