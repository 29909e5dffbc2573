"""Charts as server-rendered SVG strings, one module used by pages and packs alike.

Every chart has ``<title>`` and ``<desc>``, real ``<text>``, no JavaScript and no inline styles, and
reads without colour (dashes and shapes carry the meaning). Put the data table beside it.
"""

from lineofsight.charts.bar import bar_chart
from lineofsight.charts.line import line_chart
from lineofsight.charts.sparkline import sparkline

__all__ = ["bar_chart", "line_chart", "sparkline"]
