"""A sparkline: a word-sized trend for tables, its meaning carried by a text label."""

from lineofsight.charts.svg import escape, BLUE, attrs, fmt

WIDTH, HEIGHT, PAD = 96, 24, 3


def sparkline(values, *, label) -> str:
    """A tiny SVG line; gaps (``None``) break it; the latest point is marked.

    >>> svg = sparkline([1, 2, None, 3], label="AMT 2 from April to October")
    >>> 'role="img"' in svg and "<title>AMT 2 from April to October</title>" in svg
    True
    """
    present = [v for v in values if v is not None]
    low, high = (min(present), max(present)) if present else (0, 1)
    span = (high - low) or 1
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)

    def xy(i, v):
        return PAD + i * step, HEIGHT - PAD - (v - low) / span * (HEIGHT - 2 * PAD) if high != low else HEIGHT / 2

    segments, current = [], []
    for i, value in enumerate(values):
        if value is None:
            if current:
                segments.append(current)
            current = []
        else:
            current.append(xy(i, value))
    if current:
        segments.append(current)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg"{attrs(viewBox=f"0 0 {WIDTH} {HEIGHT}", width=WIDTH, height=HEIGHT, role="img", aria_label=label, class_="los-sparkline", focusable="false")}>']
    out.append(f"<title>{escape(label, quote=False)}</title>")
    for segment in segments:
        d = " ".join(f"{'M' if i == 0 else 'L'}{fmt(px)},{fmt(py)}" for i, (px, py) in enumerate(segment))
        out.append(f"<path{attrs(d=d, fill='none', stroke=BLUE, stroke_width=2, stroke_linejoin='round')}/>")
    if segments:
        px, py = segments[-1][-1]
        out.append(f"<circle{attrs(cx=fmt(px), cy=fmt(py), r=2.5, fill=BLUE)}/>")
    out.append("</svg>")
    return "".join(out)
