from io import BytesIO

from pypdf import PdfReader

from lineofsight.reports.pdf import html_to_pdf

PAGE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Priority indicators</title></head>
<body><h1>Priority indicators</h1><table><caption>Values</caption><tr><th scope="col">Month</th></tr>
<tr><td>Oct 2017</td></tr></table></body></html>"""


def test_html_to_pdf_writes_a_tagged_pdf_with_the_page_text():
    pdf = html_to_pdf(PAGE)
    reader = PdfReader(BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "a tagged PDF has a structure tree"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "Priority indicators" in reader.pages[0].extract_text()


def test_html_to_pdf_takes_its_title_from_the_html():
    reader = PdfReader(BytesIO(html_to_pdf(PAGE)))
    assert reader.metadata.title == "Priority indicators"
