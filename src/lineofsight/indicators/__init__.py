"""Indicators: one definition per indicator (``<area>/<code>.yml`` + ``.sql``), run in DuckDB by ``engine``.

``definitions()`` lists them with their metadata (``Definition.as_metadata()``); ``definition(ref)``
finds one by ref in any spelling.
"""

from lineofsight.indicators.definitions import Definition, DefinitionError, definition, definitions, ref_key, slug

__all__ = ["Definition", "DefinitionError", "definition", "definitions", "ref_key", "slug"]
