from lxml import etree

from lineofsight.charts import bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}
FD_8 = [("Apr-17", 21), ("May-17", 10), ("Jun-17", 28), ("Jul-17", 19), ("Aug-17", 24), ("Sep-17", 23), ("Oct-17", 18)]


def render(**kwargs):
    arguments = {"title": "Re-referrals fell to 18%", "description": "FD 8, April to October 2017", "unit": "percent"} | kwargs
    return etree.fromstring(bar_chart(FD_8, **arguments).encode())


def texts(svg):
    return [t.text for t in svg.iterfind(".//s:text", NS)]


def test_each_column_is_drawn_and_its_value_printed():
    svg = render()
    assert len(svg.findall(".//*[@class='los-chart__bar']", NS)) == 7
    values = [t.text for t in svg.iterfind(".//s:text", NS) if t.get("class") == "los-chart__value"]
    assert values == [f"{v}%" for _, v in FD_8]


def test_lower_is_better_says_columns_below_the_target_are_good():
    svg = render(target=22, polarity="SIB")
    assert svg.find(".//*[@class='los-chart__target']", NS).get("stroke-dasharray")
    assert "Columns below the target line are good performance" in texts(svg)


def test_higher_is_better_says_columns_above_the_target_are_good():
    assert "Columns above the target line are good performance" in texts(render(target=22, polarity="BIB"))


def test_no_note_without_a_target():
    assert not [t for t in texts(render(polarity="SIB")) if t.startswith("Columns")]


def test_taller_value_draws_a_taller_column():
    heights = [float(bar.get("height")) for bar in render().iterfind(".//*[@class='los-chart__bar']", NS)]
    assert heights.index(max(heights)) == 2 and heights.index(min(heights)) == 1


def test_missing_value_says_no_data_instead_of_a_zero_column():
    svg = etree.fromstring(bar_chart([("Apr-17", None), ("May-17", 3)], title="t", description="d", unit="count").encode())
    assert len(svg.findall(".//*[@class='los-chart__bar']", NS)) == 1
    assert "No data" in texts(svg)
