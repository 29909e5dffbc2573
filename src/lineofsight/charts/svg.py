"""Small SVG building blocks shared by every chart: escaping, scales, ticks and number words.

Charts style themselves with SVG presentation attributes only: the Content-Security-Policy has
``style-src 'self'``, so no ``style`` attribute and no ``<style>`` element.
"""

import hashlib
import math
import re
from html import escape as _html_escape

FONT = "Arial, Helvetica, sans-serif"
INK = "#0b0c0c"
GREY = "#505a5f"
LIGHT_GREY = "#b1b4b6"
BLUE = "#1d70b8"  # Analysis Function dark blue; also "improvement" in Making Data Count
ORANGE = "#f47738"
PURPLE = "#4c2c92"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(value: str, quote: bool = True) -> str:
    """HTML-escape, and drop characters XML cannot hold at all (a stray control byte from a pasted title).

    >>> escape("<b> & \x1f")
    '&lt;b&gt; &amp; '
    """
    return _html_escape(_NOT_XML.sub("", str(value)), quote=quote)


UNIT_WORDS = {
    "percent": "Per cent",
    "percentage": "Per cent",
    "count": "Number",
    "number": "Number",
    "days": "Days",
    "weeks": "Weeks",
    "average": "Average",
    "rate_per_1000": "Rate per 1,000",
    "rate_per_10000": "Rate per 10,000",
    "rate_per_100000": "Rate per 100,000",
}


def attrs(**values) -> str:
    """Attributes in a stable order, escaped; a trailing underscore is dropped and ``_`` becomes ``-``.

    >>> attrs(stroke_dasharray="8 4", class_="x", fill=None)
    ' stroke-dasharray="8 4" class="x"'
    """
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{escape(str(value), quote=True)}"')
    return "".join(parts)


def text(x, y, content, *, size=14, anchor="start", weight=None, fill=INK, class_=None, halo=False) -> str:
    """Real text; ``halo`` paints a white outline behind it so it stays legible over lines."""
    outline = {"stroke": "#ffffff", "stroke_width": 3, "paint_order": "stroke"} if halo else {}
    return (
        f"<text{attrs(x=fmt(x), y=fmt(y), font_family=FONT, font_size=size, text_anchor=anchor, font_weight=weight, fill=fill, class_=class_, **outline)}>"
        f"{escape(str(content), quote=False)}</text>"
    )


def fmt(number: float) -> str:
    """Coordinates to two decimals, no trailing zeros.

    >>> fmt(12.0), fmt(3.14159)
    ('12', '3.14')
    """
    return f"{number:.2f}".rstrip("0").rstrip(".")


def format_value(value: float | None, unit: str) -> str:
    """A value as a reader sees it: up to one decimal place, with its unit.

    >>> format_value(67.7, "percent"), format_value(17.0, "count"), format_value(1234.56, "days")
    ('67.7%', '17', '1,234.6')
    >>> format_value(None, "percent")
    'no data'
    """
    if value is None:
        return "no data"
    number = f"{value:,.1f}".removesuffix(".0")
    return f"{number}%" if unit in ("percent", "percentage") else number


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low`` to ``high``.

    >>> nice_ticks(67.7, 95)
    [60.0, 70.0, 80.0, 90.0, 100.0]
    >>> nice_ticks(5, 5)
    [4.0, 4.5, 5.0, 5.5, 6.0]
    """
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.2 or 1
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, tick = [], start
    while tick < high + step * 0.999:
        ticks.append(float(round(tick, 10)))
        tick += step
    if ticks[-1] < high:
        ticks.append(float(round(tick, 10)))
    return ticks


def chart_id(*parts) -> str:
    """A stable id prefix so each chart's <title>/<desc> ids are unique on a page."""
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()[:8]
    return f"chart-{digest}"


class Scale:
    """Maps a value domain to pixels."""

    def __init__(self, domain_low, domain_high, pixel_low, pixel_high):
        self.d0, self.d1, self.p0, self.p1 = domain_low, domain_high, pixel_low, pixel_high

    def __call__(self, value: float) -> float:
        if self.d1 == self.d0:
            return (self.p0 + self.p1) / 2
        return self.p0 + (value - self.d0) / (self.d1 - self.d0) * (self.p1 - self.p0)


def spread_labels(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """Nudge direct labels apart so none overlap, keeping their order.

    >>> spread_labels([100, 104, 200], 14, 0, 300)
    [95.0, 109.0, 200.0]
    """
    if not positions:
        return []
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [float(positions[i]) for i in order]
    for _ in range(len(placed) * 2):
        moved = False
        for j in range(1, len(placed)):
            overlap = gap - (placed[j] - placed[j - 1])
            if overlap > 1e-6:
                placed[j - 1] -= overlap / 2
                placed[j] += overlap / 2
                moved = True
        if not moved:
            break
    shift = max(0.0, low - placed[0]) - max(0.0, placed[-1] - high)
    placed = [p + shift for p in placed]
    result = [0.0] * len(positions)
    for rank, i in enumerate(order):
        result[i] = round(placed[rank], 2)
    return result


def open_svg(ident: str, width: int, height: int, title: str, description: str, class_: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg"{attrs(viewBox=f"0 0 {width} {height}", width=width, height=height, role="img", aria_labelledby=f"{ident}-title {ident}-desc", class_=class_, focusable="false")}>'
        f'<title id="{ident}-title">{escape(title, quote=False)}</title>'
        f'<desc id="{ident}-desc">{escape(description, quote=False)}</desc>'
    )
