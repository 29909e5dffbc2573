"""Register our Jinja components on /patterns with example data (house style §8).

``core.apps.CoreConfig.ready()`` imports this module once.
"""

from lineofsight.charts import line_chart
from lineofsight.charts.svg import format_value
from lineofsight.core.patterns import EXAMPLES, register
from lineofsight.judge import analyse, judge, parse_methodology

# A real published series (AMT 2, Apr–Oct 2017, seed 003) so the examples show honest shapes.
EXAMPLE_MONTHS = ["Apr-17", "May-17", "Jun-17", "Jul-17", "Aug-17", "Sep-17", "Oct-17"]
EXAMPLE_VALUES = [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7]
EXAMPLE_METHODOLOGY = "95% or above Green 85%-94% Amber 84% and below Red"


def example_params() -> dict[str, dict]:
    bands = parse_methodology(EXAMPLE_METHODOLOGY)
    spc = analyse(EXAMPLE_VALUES, "BIB", target=95)
    svg = line_chart(
        list(zip(EXAMPLE_MONTHS, EXAMPLE_VALUES)),
        title="Assessments on time fell to 67.7% in October",
        description="Percentage of assessments completed within 45 working days, April to October 2017, against a 95% target.",
        unit="percent",
        target=95,
        spc=spc,
        polarity="BIB",
    )
    return {
        "rag_tag": judge(EXAMPLE_VALUES[-1], polarity="BIB", bands=bands, target=95),
        "spc_icons": spc,
        "indicator_chart": {
            "svg": svg,
            "caption": "AMT 2: assessments completed within 45 working days, April to October 2017",
            "head": ["Month", "Per cent"],
            "rows": [[month, format_value(value, "percent")] for month, value in zip(EXAMPLE_MONTHS, EXAMPLE_VALUES)],
        },
    }


def register_components() -> None:
    if any(example["macro_path"].startswith("components/") for example in EXAMPLES):
        return  # ready() can run twice in tests; register once
    params = example_params()
    register("RAG tag", "components/rag_tag/macro.jinja", "rag_tag", params["rag_tag"])
    register("SPC icons", "components/spc_icons/macro.jinja", "spc_icons", params["spc_icons"])
    register("Indicator chart", "components/indicator_chart/macro.jinja", "indicator_chart", params["indicator_chart"])


register_components()
