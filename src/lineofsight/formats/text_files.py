"""Reading a text file whatever the exporting system did to it: BOM, Windows code page, stray binary."""

from pathlib import Path

from lineofsight.formats.problems import ERROR, WARNING, Problem


def read_text(path: Path, code: str = "file.encoding") -> tuple[str | None, list[Problem]]:
    """The file's text, or None with a problem saying why it cannot be read as text.

    UTF-8 (with or without a byte-order mark) is expected; Windows-1252, which older case systems export, is
    accepted with a warning.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem("file.unreadable", ERROR, path.name, None, "", f"The file could not be read: {error.strerror}")]
    if b"\x00" in data[:65536]:
        return None, [Problem(code, ERROR, path.name, None, "", "The file is not a text file (it contains binary data)")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, [Problem(code, ERROR, path.name, line, "", "The file is not UTF-8 or Windows-1252 text")]
        return text, [
            Problem(code, WARNING, path.name, line, "", "The file is not UTF-8; it was read as Windows-1252. Check accented names.")
        ]
