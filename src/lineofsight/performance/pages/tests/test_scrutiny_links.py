import pytest

from lineofsight.performance.pages.tests import factories as f
from lineofsight.scrutiny.tests.factories import item_about

pytestmark = pytest.mark.django_db


def test_indicator_page_quotes_what_scrutiny_concluded_and_recommended_about_it(client):
    org = f.organisation()
    f.series(org, "CP 5", [66.0, 91.0, 81.0])
    f.publish(org, *[f.month(i) for i in range(3)])
    item_about(indicator_refs="CP 5", conclusion="ICPC timeliness had fallen sharply.", recommendation="That ICPC delays be reported by cause.")
    html = client.get("/performance/indicators/cp-5/").content.decode()
    assert "What scrutiny has said about CP 5" in html
    assert "ICPC timeliness had fallen sharply." in html
    assert "That ICPC delays be reported by cause." in html


def test_indicator_page_leaves_out_part_b_items(client):
    org = f.organisation()
    f.series(org, "CP 5", [66.0, 91.0, 81.0])
    f.publish(org, *[f.month(i) for i in range(3)])
    item_about(indicator_refs="CP 5", conclusion="Exempt conclusion.", recommendation="Exempt recommendation.", part="B")
    html = client.get("/performance/indicators/cp-5/").content.decode()
    assert "Exempt conclusion." not in html
