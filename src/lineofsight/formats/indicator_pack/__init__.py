"""Indicator tables from an old performance pack, as printed: pack text (tab-separated), CSV or XLSX.

A pack's "Priority Indicators" appendix holds one table per service area, each followed by the
owner's commentary, plus an action log (seed 003, Appendix 2)::

    Indicator Number<TAB>Indicator Title<TAB>Polarity<TAB>Apr-17<TAB>…<TAB>Oct-17<TAB>2017-18 Target<TAB>Target Owner<TAB>RAG<TAB>RAG Methodology
    AMT 2<TAB>Percentage of C&F assessments completed within 45 working days<TAB>BIB<TAB>71.3%<TAB>…<TAB>67.7%<TAB>95.0%<TAB>MK<TAB>RAG<TAB>95% or above Green 85%-94% Amber 84% and below Red
    Improvement Activity<TAB><TAB>AMT2 – increase in timescales …
    Next Steps<TAB><TAB>A scoping exercise is underway …

    REF<TAB>ACTIONS<TAB>WHEN?<TAB>COMPLETE?
    Oct-01<TAB>Two additional care planning teams in place …<TAB>Dec-17<TAB>Ongoing

Everything is kept as published (text, RAG word, target wording, methodology); numbers are read
beside the text. ``parse`` is pure: no Django, no database.
"""

from lineofsight.formats.indicator_pack.cells import POLARITY_WORDS, RAG_WORDS
from lineofsight.formats.indicator_pack.reader import parse
from lineofsight.formats.indicator_pack.records import ActionRow, CommentaryRow, IndicatorPack, IndicatorRow, PublishedValue

__all__ = ["POLARITY_WORDS", "RAG_WORDS", "ActionRow", "CommentaryRow", "IndicatorPack", "IndicatorRow", "PublishedValue", "parse"]
