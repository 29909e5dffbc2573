from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lineofsight.charts import line_chart
from lineofsight.judge import analyse

NS = {"s": "http://www.w3.org/2000/svg"}
MONTHS = ["Apr-17", "May-17", "Jun-17", "Jul-17", "Aug-17", "Sep-17", "Oct-17"]
AMT_2 = [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7]


def chart(**overrides):
    arguments = {
        "points": list(zip(MONTHS, AMT_2)),
        "title": "Assessments on time fell to 67.7%",
        "description": "AMT 2, April to October 2017",
        "unit": "percent",
        "target": 95,
    } | overrides
    points = arguments.pop("points")
    return etree.fromstring(line_chart(points, **arguments).encode())


def texts(svg):
    return [t.text for t in svg.iterfind(".//s:text", NS)]


def test_title_and_description_label_the_image():
    svg = chart()
    title, desc = svg.find("s:title", NS), svg.find("s:desc", NS)
    assert title.text == "Assessments on time fell to 67.7%" and desc.text == "AMT 2, April to October 2017"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_target_line_is_dashed_and_labelled_directly():
    svg = chart()
    target = svg.find(".//*[@class='los-chart__target']", NS)
    assert target.get("stroke-dasharray")
    assert "Target 95%" in texts(svg)
    assert not any("legend" in (el.get("class") or "") for el in svg.iter())


def test_actual_values_are_a_solid_line_with_every_value_marked():
    svg = chart()
    actual = svg.find(".//*[@class='los-chart__actual']", NS)
    assert actual.get("stroke-dasharray") is None
    tips = [el.find("s:title", NS).text for el in svg.iterfind(".//*[@class]", NS) if "los-chart__point" in el.get("class")]
    assert tips == [f"{m}: {v}%" for m, v in zip(MONTHS, AMT_2)]


def test_month_labels_and_unit_are_real_text():
    labels = texts(chart())
    assert all(month in labels for month in MONTHS)
    assert "Per cent" in labels


def test_spc_mean_and_limits_are_thin_labelled_lines():
    spc = analyse(AMT_2, "BIB", target=95)
    svg = chart(spc=spc)
    mean = svg.find(".//*[@class='los-chart__mean']", NS)
    assert float(mean.get("stroke-width")) < float(svg.find(".//*[@class='los-chart__actual']", NS).get("stroke-width"))
    assert any(t.startswith("Mean ") for t in texts(svg)) and any(t.startswith("Lower limit") for t in texts(svg))
    assert spc.warning in texts(svg)


def test_special_cause_points_differ_in_shape_not_only_colour():
    values = [10, 11, 9, 10, 30, 9, 10, 11, 9, 12]
    spc = analyse(values, "SIB")
    assert [p.kind for p in spc.points].count("concern") == 1
    svg = etree.fromstring(line_chart(list(zip([str(i) for i in range(10)], values)), title="t", description="d", unit="count", spc=spc).encode())
    concern = svg.find(".//*[@class='los-chart__point los-chart__point--concern']", NS)
    common = svg.find(".//*[@class='los-chart__point los-chart__point--common']", NS)
    assert etree.QName(concern).localname != etree.QName(common).localname
    assert "special cause concern" in concern.find("s:title", NS).text


def test_comparators_are_dotted_and_named_at_their_end():
    svg = chart(comparators={"England": [("Apr-17", 82.0), ("Oct-17", 83.0)]})
    line = svg.find(".//*[@class='los-chart__comparator']", NS)
    assert line.get("stroke-dasharray") and line.get("stroke-linecap") == "round"
    assert "England 83%" in texts(svg)


def test_a_missing_month_breaks_the_line():
    points = list(zip(MONTHS, [1, 2, None, 4, 5, None, 7]))
    svg = chart(points=points, unit="count", target=None)
    assert len(svg.findall(".//*[@class='los-chart__actual']", NS)) == 3


def test_no_inline_styles_or_scripts():
    svg = chart(spc=analyse(AMT_2, "BIB"))
    assert not svg.findall(".//s:style", NS) and not svg.findall(".//s:script", NS)
    assert all(el.get("style") is None for el in svg.iter())
    assert not any(name.startswith("on") for el in svg.iter() for name in el.attrib)


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co")), min_size=1, max_size=40)


def test_control_characters_are_dropped_rather_than_breaking_the_svg():
    svg = etree.fromstring(line_chart([("a\x1f", 1.0)], title="T\x00itle", description="d", unit="count").encode())
    assert svg.find("s:title", NS).text == "Title"


@settings(max_examples=50)
@given(printable, printable)
def test_any_text_is_escaped(title, label):
    svg = etree.fromstring(line_chart([(label, 1.0), ("b", 2.0)], title=title, description=title, unit="count").encode())
    assert svg.find("s:title", NS).text == title


def test_polarity_is_stated_in_words():
    assert "Higher is better" in texts(chart(polarity="BIB"))
    assert "Lower is better" in texts(chart(polarity="SIB"))
    assert not [t for t in texts(chart()) if t.endswith("is better")]


def test_month_labels_never_crowd_the_axis_and_the_latest_month_is_labelled():
    points = [(f"M{i:02d}", float(i)) for i in range(24)]
    svg = etree.fromstring(line_chart(points, title="t", description="d", unit="percent").encode())
    texts = [t.text for t in svg.iter("{*}text") if t.text and t.text.startswith("M")]
    month_labels = [t for t in texts if len(t) == 3]
    assert "M23" in month_labels
    assert len(month_labels) <= (680 - 64 - 150) // 60
