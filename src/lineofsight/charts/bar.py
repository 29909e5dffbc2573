"""The column chart, as the old packs drew them: one column a month, the target as a dashed line."""

from lineofsight.charts.svg import escape, BLUE, GREY, INK, UNIT_WORDS, Scale, attrs, chart_id, fmt, format_value, nice_ticks, open_svg, text
from lineofsight.judge.polarity import Polarity

WIDTH, HEIGHT = 680, 340
LEFT, RIGHT, TOP, BOTTOM = 64, 110, 40, 64
TARGET_DASH = "8 5"


def bar_chart(points, *, title, description, unit, target=None, polarity=None, ident=None) -> str:
    """An SVG column chart of ``points`` = ``[(label, value or None), ...]``, each value printed on its column.

    >>> svg = bar_chart([("Sep-17", 23), ("Oct-17", 18)], title="Re-referrals fell", description="Two months", unit="percent", target=22, polarity="SIB")
    >>> "Columns below the target line are good performance" in svg
    True
    """
    ident = ident or chart_id("bar", title, description, points)
    polarity = Polarity.parse(polarity)
    values = [value for _, value in points]
    present = [v for v in values if v is not None] + ([target] if target is not None else [])
    ticks = nice_ticks(min([0.0] + present), max(present, default=1))
    y = Scale(ticks[0], ticks[-1], HEIGHT - BOTTOM, TOP)
    step = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    out = [open_svg(ident, WIDTH, HEIGHT, title, description, "los-chart los-chart--bar")]
    for tick in ticks:
        out.append(f"<line{attrs(x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(y(tick)), y2=fmt(y(tick)), stroke='#e5e6e7', stroke_width=1)}/>")
        out.append(text(LEFT - 8, y(tick) + 4, format_value(tick, unit), size=12, anchor="end", fill=GREY))
    out.append(text(12, 16, UNIT_WORDS.get(unit, unit.replace("_", " ").capitalize()), size=12, fill=GREY, class_="los-chart__unit"))
    base = y(max(ticks[0], 0))
    for i, (label, value) in enumerate(points):
        left = LEFT + step * i + step * 0.15
        centre = LEFT + step * (i + 0.5)
        if value is None:
            out.append(text(centre, base - 6, "No data", size=11, anchor="middle", fill=GREY))
        else:
            top = y(value)
            out.append(
                f"<rect{attrs(class_='los-chart__bar', x=fmt(left), y=fmt(min(top, base)), width=fmt(step * 0.7), height=fmt(abs(base - top)), fill=BLUE)}>"
                f"<title>{escape(label, quote=False)}: {format_value(value, unit)}</title></rect>"
            )
            out.append(text(centre, min(top, base) - 5, format_value(value, unit), size=12, anchor="middle", class_="los-chart__value", halo=True))
        out.append(text(centre, HEIGHT - BOTTOM + 18, label, size=12, anchor="middle", fill=GREY))
    out.append(f"<line{attrs(x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(base), y2=fmt(base), stroke=GREY, stroke_width=1)}/>")
    if target is not None:
        out.append(f"<line{attrs(class_='los-chart__target', x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(y(target)), y2=fmt(y(target)), stroke=INK, stroke_width=2, stroke_dasharray=TARGET_DASH)}/>")
        out.append(text(WIDTH - RIGHT + 8, y(target) + 4, f"Target {format_value(target, unit)}", size=13, class_="los-chart__label los-chart__label--target"))
        note = {
            Polarity.LOWER_IS_BETTER: "Columns below the target line are good performance",
            Polarity.HIGHER_IS_BETTER: "Columns above the target line are good performance",
        }.get(polarity)
        if note:
            out.append(text(LEFT, HEIGHT - 12, note, size=13, class_="los-chart__note"))
    out.append("</svg>")
    return "".join(out)
