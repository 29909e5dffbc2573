"""The judge: pure Python that turns values into RAG ratings, SPC signals and suppressed tables.

No Django and no DuckDB here (import-linter enforces it), so pages, packs and the CLI share it.
"""

from lineofsight.judge.bands import Band, Bands, MethodologyError, check_bands, parse_methodology
from lineofsight.judge.periods import financial_quarter, financial_year, month_start, months_between, year_to_date
from lineofsight.judge.polarity import Polarity
from lineofsight.judge.rag import Judgement, judge
from lineofsight.judge.rates import aggregate, derive_value
from lineofsight.judge.spc import SpcPoint, SpcResult, analyse
from lineofsight.judge.suppression import SuppressedCell, SuppressedTable, suppress_table

__all__ = [
    "Band",
    "Bands",
    "MethodologyError",
    "check_bands",
    "parse_methodology",
    "financial_quarter",
    "financial_year",
    "month_start",
    "months_between",
    "year_to_date",
    "Polarity",
    "Judgement",
    "judge",
    "aggregate",
    "derive_value",
    "SpcPoint",
    "SpcResult",
    "analyse",
    "SuppressedCell",
    "SuppressedTable",
    "suppress_table",
]
