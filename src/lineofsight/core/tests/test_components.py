"""Each component rendered through the real Jinja environment (house style §8)."""

import pytest
from bs4 import BeautifulSoup
from django.template import engines
from lxml import etree

from lineofsight.core import components
from lineofsight.core.patterns import component_examples
from lineofsight.judge import Judgement, analyse


def render(macro: str, params) -> BeautifulSoup:
    env = engines["jinja2"].env
    template = env.from_string(f'{{% import "components/{macro}/macro.jinja" as c %}}{{{{ c.{macro}(params) }}}}')
    return BeautifulSoup(template.render(params=params), "html.parser")


@pytest.mark.parametrize(
    ("status", "word", "css"),
    [("red", "Red", "govuk-tag--red"), ("amber", "Amber", "govuk-tag--orange"), ("green", "Green", "govuk-tag--green"),
     ("no_data", "No data", "govuk-tag--grey"), ("not_due", "Not yet due", "govuk-tag--grey"),
     ("data_only", "Data only", "govuk-tag--grey"), ("suppressed", "Suppressed", "govuk-tag--grey")],
)
def test_rag_tag_shows_the_word_in_its_govuk_colour(status, word, css):
    tag = render("rag_tag", Judgement(status)).find("strong")
    assert tag.get_text(strip=True) == word
    assert css in tag["class"]


def test_rag_tag_accepts_a_plain_dict():
    tag = render("rag_tag", {"status": "amber", "label": "Amber"}).find("strong")
    assert "govuk-tag--orange" in tag["class"]


def test_spc_icons_carry_variation_and_assurance_in_words():
    spc = analyse([10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 10, 30], "BIB", target=50)
    soup = render("spc_icons", spc)
    badges = [badge.get_text(strip=True) for badge in soup.select(".los-spc-icon")]
    assert badges == [spc.variation_label, spc.assurance_label]
    assert spc.variation == "improvement_high" and spc.assurance == "fail"
    assert spc.assurance_text in soup.get_text()
    assert not soup.select(".los-spc-warning")  # twelve points: no warning


def test_spc_icons_without_target_say_there_is_nothing_to_assure():
    soup = render("spc_icons", analyse([1, 2, 3], "SIB"))
    assert "no target" in soup.get_text()
    assert len(soup.select(".los-spc-icon")) == 1
    assert "unreliable below 12" in soup.select_one(".los-spc-warning").get_text()


def test_indicator_chart_puts_the_data_table_beside_the_svg():
    params = components.example_params()["indicator_chart"]
    soup = render("indicator_chart", params)
    assert soup.select_one("figure svg title").get_text() == "Assessments on time fell to 67.7% in October"
    cells = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in soup.select("tbody tr")]
    assert cells == params["rows"]
    assert soup.select_one("caption").get_text(strip=True) == "Data: " + params["caption"]
    etree.fromstring(str(soup.select_one("svg")).encode())  # still well-formed after templating


def test_indicator_chart_escapes_the_caption_but_not_the_svg():
    soup = render("indicator_chart", {"svg": "<svg></svg>", "caption": "<b>x</b>", "rows": [["<i>", "1"]]})
    assert soup.find("svg") is not None
    assert soup.find("b") is None and soup.find("i") is None


def test_every_component_is_on_the_patterns_page(client):
    components.register_components()
    names = [example["name"] for example in component_examples()]
    assert {"RAG tag", "SPC icons", "Indicator chart"} <= set(names)
    html = client.get("/patterns/").content.decode()  # the client checks ids are unique and one <h1>
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".los-rag-tag") and soup.select(".los-spc-icon") and soup.select(".los-indicator-chart svg")
