from lxml import etree

from lineofsight.charts import sparkline

NS = {"s": "http://www.w3.org/2000/svg"}


def test_sparkline_is_an_image_with_a_text_label():
    svg = etree.fromstring(sparkline([1, 3, 2], label="AMT 2: 71.3% to 67.7%").encode())
    assert svg.get("role") == "img" and svg.get("aria-label") == "AMT 2: 71.3% to 67.7%"
    assert svg.find("s:title", NS).text == "AMT 2: 71.3% to 67.7%"


def test_sparkline_breaks_at_gaps_and_marks_the_latest_point():
    svg = etree.fromstring(sparkline([1, None, 2, 3], label="x").encode())
    assert len(svg.findall("s:path", NS)) == 2
    circle = svg.find("s:circle", NS)
    last_path = svg.findall("s:path", NS)[-1].get("d")
    assert last_path.endswith(f"{circle.get('cx')},{circle.get('cy')}")


def test_flat_or_empty_series_still_render():
    for values in ([5, 5, 5], [], [None]):
        etree.fromstring(sparkline(values, label="flat").encode())
