"""The line chart: actual values solid, target dashed, SPC mean and limits thin, comparators dotted.

Lines are labelled where they end, never by a legend; points carry shapes (circle common cause,
square improvement, triangle concern, diamond neither) so special causes read in black and white.
"""

from lineofsight.charts.svg import (
    escape,
    BLUE,
    GREY,
    INK,
    LIGHT_GREY,
    ORANGE,
    PURPLE,
    UNIT_WORDS,
    Scale,
    attrs,
    chart_id,
    fmt,
    format_value,
    nice_ticks,
    open_svg,
    spread_labels,
    text,
)
from lineofsight.judge.polarity import Polarity

WIDTH, HEIGHT = 680, 340
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 40, 52
MONTH_LABEL_WIDTH = 60
TARGET_DASH = "8 5"
COMPARATOR_DASH = "2 4"
LIMIT_DASH = None  # limits are thin solid grey lines, set apart from the target by weight and dash
KIND_WORDS = {"improvement": "special cause improvement", "concern": "special cause concern", "neutral": "special cause, neither better nor worse"}
KIND_COLOURS = {"common": GREY, "improvement": BLUE, "concern": ORANGE, "neutral": PURPLE}


def line_chart(points, *, title, description, unit, target=None, spc=None, comparators=None, polarity=None, ident=None) -> str:
    """An SVG line chart of ``points`` = ``[(label, value or None), ...]`` in time order.

    >>> svg = line_chart([("Apr-17", 71.3), ("May-17", 85.8)], title="Timeliness fell", description="Two months", unit="percent", target=95)
    >>> svg.startswith("<svg") and 'stroke-dasharray="8 5"' in svg and "71.3%" in svg
    True
    """
    comparators = comparators or {}
    ident = ident or chart_id("line", title, description, points)
    labels = [label for label, _ in points]
    values = [value for _, value in points]
    spc_points = {p.index: p for p in spc.points} if spc else {}
    present = [v for v in values if v is not None]
    for series in comparators.values():
        present += [v for _, v in series if v is not None]
    if target is not None:
        present.append(target)
    if spc is not None:
        present += [spc.lower_limit, spc.upper_limit]
    ticks = nice_ticks(min(present, default=0), max(present, default=1))
    if unit in ("percent", "percentage"):
        ticks = [t for t in ticks if 0 <= t <= 100] or ticks
    y = Scale(ticks[0], ticks[-1], HEIGHT - BOTTOM, TOP)
    slots = max(len(points), 1)
    step = (WIDTH - LEFT - RIGHT) / slots
    x_of = {label: LEFT + step * (i + 0.5) for i, label in enumerate(labels)}

    def x(i):
        return LEFT + step * (i + 0.5)

    out = [open_svg(ident, WIDTH, HEIGHT, title, description, "los-chart los-chart--line")]
    out.append(_axes(ticks, y, labels, x, unit))
    end_labels = []  # (y position, text, class) for direct labelling

    if spc is not None:
        for name, value, label in (("mean", spc.mean, "Mean"), ("limit", spc.upper_limit, "Upper limit"), ("limit", spc.lower_limit, "Lower limit")):
            if ticks[0] <= value <= ticks[-1]:
                out.append(_hline(y(value), f"los-chart__{name}", LIGHT_GREY if name == "limit" else GREY, 1, None))
                end_labels.append((y(value), f"{label} {format_value(value, unit)}", f"los-chart__label--{name}"))

    if target is not None:
        out.append(_hline(y(target), "los-chart__target", INK, 2, TARGET_DASH))
        end_labels.append((y(target), f"Target {format_value(target, unit)}", "los-chart__label--target"))

    for name, series in comparators.items():
        pairs = [(x_of[label], y(value)) for label, value in series if value is not None and label in x_of]
        if pairs:
            out.append(f"<path{attrs(class_='los-chart__comparator', d=_path(pairs), fill='none', stroke=GREY, stroke_width=2, stroke_dasharray=COMPARATOR_DASH, stroke_linecap='round')}/>")
            end_labels.append((pairs[-1][1], f"{name} {format_value(series[-1][1], unit)}", "los-chart__label--comparator"))

    segments, current = [], []
    for i, value in enumerate(values):
        if value is None:  # a missing month breaks the line rather than joining across it
            if current:
                segments.append(current)
            current = []
        else:
            current.append((x(i), y(value)))
    if current:
        segments.append(current)
    for segment in segments:
        out.append(f"<path{attrs(class_='los-chart__actual', d=_path(segment), fill='none', stroke=BLUE, stroke_width=3, stroke_linejoin='round')}/>")
    for i, value in enumerate(values):
        if value is not None:
            kind = spc_points[i].kind if i in spc_points else "common"
            words = f"{labels[i]}: {format_value(value, unit)}" + (f" ({KIND_WORDS[kind]})" if kind in KIND_WORDS else "")
            out.append(_marker(x(i), y(value), kind, words))
    last = next(((i, v) for i, v in reversed(list(enumerate(values))) if v is not None), None)
    if last:
        end_labels.append((y(last[1]), f"{labels[last[0]]} {format_value(last[1], unit)}", "los-chart__label--actual"))

    positions = spread_labels([pos for pos, _, _ in end_labels], 15, TOP, HEIGHT - BOTTOM)
    for (_, words, class_), pos in zip(end_labels, positions):
        out.append(text(WIDTH - RIGHT + 10, pos + 4, words, size=13, class_=f"los-chart__label {class_}"))
    direction = {Polarity.HIGHER_IS_BETTER: "Higher is better", Polarity.LOWER_IS_BETTER: "Lower is better"}.get(Polarity.parse(polarity))
    if direction:
        out.append(text(WIDTH - RIGHT, 16, direction, size=12, anchor="end", fill=GREY, class_="los-chart__polarity"))
    if spc is not None and spc.warning:
        out.append(text(LEFT, HEIGHT - 6, spc.warning, size=12, fill=GREY, class_="los-chart__warning"))
    out.append("</svg>")
    return "".join(out)


def _axes(ticks, y, labels, x, unit) -> str:
    parts = [f"<g{attrs(class_='los-chart__axis')}>"]
    for tick in ticks:
        parts.append(f"<line{attrs(x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(y(tick)), y2=fmt(y(tick)), stroke='#e5e6e7', stroke_width=1)}/>")
        parts.append(text(LEFT - 8, y(tick) + 4, format_value(tick, unit), size=12, anchor="end", fill=GREY))
    parts.append(f"<line{attrs(x1=LEFT, x2=LEFT, y1=y(ticks[0]), y2=y(ticks[-1]), stroke=GREY, stroke_width=1)}/>")
    parts.append(f"<line{attrs(x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(y(ticks[0])), y2=fmt(y(ticks[0])), stroke=GREY, stroke_width=1)}/>")
    # A month label ("Nov 2024") needs about 60px of the plot's width; counting back from the latest
    # month keeps it labelled without crowding the one before.
    every = max(1, -(-len(labels) * MONTH_LABEL_WIDTH // (WIDTH - LEFT - RIGHT)))
    for i, label in enumerate(labels):
        if (len(labels) - 1 - i) % every == 0:
            parts.append(text(x(i), HEIGHT - BOTTOM + 18, label, size=12, anchor="middle", fill=GREY))
    parts.append(text(12, 16, UNIT_WORDS.get(unit, unit.replace("_", " ").capitalize()), size=12, fill=GREY, class_="los-chart__unit"))
    parts.append("</g>")
    return "".join(parts)


def _hline(ypos, class_, colour, width, dash) -> str:
    return f"<line{attrs(class_=class_, x1=LEFT, x2=WIDTH - RIGHT, y1=fmt(ypos), y2=fmt(ypos), stroke=colour, stroke_width=width, stroke_dasharray=dash)}/>"


def _path(pairs) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{fmt(px)},{fmt(py)}" for i, (px, py) in enumerate(pairs))


def _marker(px, py, kind, words) -> str:
    colour = KIND_COLOURS[kind]
    common = attrs(class_=f"los-chart__point los-chart__point--{kind}", fill=colour if kind == "common" else "#ffffff", stroke=colour, stroke_width=2.5)
    tip = f"<title>{escape(words, quote=False)}</title>"
    if kind == "improvement":
        return f"<rect{attrs(x=fmt(px - 6), y=fmt(py - 6), width=12, height=12)}{common}>{tip}</rect>"
    if kind == "concern":
        return f"<path{attrs(d=f'M{fmt(px)},{fmt(py - 7)} L{fmt(px + 7)},{fmt(py + 6)} L{fmt(px - 7)},{fmt(py + 6)} Z')}{common}>{tip}</path>"
    if kind == "neutral":
        return f"<path{attrs(d=f'M{fmt(px)},{fmt(py - 7)} L{fmt(px + 7)},{fmt(py)} L{fmt(px)},{fmt(py + 7)} L{fmt(px - 7)},{fmt(py)} Z')}{common}>{tip}</path>"
    return f"<circle{attrs(cx=fmt(px), cy=fmt(py), r=4)}{common}>{tip}</circle>"
