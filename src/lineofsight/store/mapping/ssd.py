"""An SSD extract is already in the store's shape: nothing to map."""

from lineofsight.formats.table import Table
from lineofsight.store.mapping import Mapped


def to_store(tables: dict[str, Table]) -> Mapped:
    return Mapped(dict(tables))
