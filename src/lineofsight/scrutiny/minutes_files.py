"""Which parser reads an uploaded minutes file: ModernGov XML by its content, anything else as text."""

from lineofsight.formats import minutes_text, moderngov_xml


def parse_upload(name: str, data: bytes):
    """
    >>> parse_upload("m.xml", b"<meeting><meetingdate>06/03/2018</meetingdate></meeting>")[0].layout
    'moderngov_xml'
    >>> parse_upload("m.txt", b"12/18 Plan update")[0].layout
    'word_minutes'
    """
    head = data.lstrip()[:2000].lower()
    if head[:1] == b"<" and b"<meeting" in head:
        return moderngov_xml.parse(data, name)
    return minutes_text.parse(data, name)
