"""Uploaded .zip files: unpacked safely into a temporary folder for the loader."""

import contextlib
import shutil
import tempfile
import zipfile
from pathlib import Path

from lineofsight.formats.problems import ERROR, Problem

MAX_UNPACKED_BYTES = 4 * 1024**3


@contextlib.contextmanager
def unpacked(path):
    """Yield ``path`` itself, or for a .zip a temporary folder holding its files (names flattened, no traversal)."""
    from lineofsight.store.loading import LoadRefused

    path = Path(path)
    if path.suffix.lower() != ".zip":
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="lineofsight-zip-"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                members = [info for info in archive.infolist() if not info.is_dir() and not Path(info.filename).name.startswith(".")]
                if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
                    raise LoadRefused([Problem("zip.too_large", ERROR, path.name, None, "", "The zip file unpacks to more than 4 GB")])
                for info in members:
                    name = Path(info.filename).name
                    if name.startswith("__MACOSX"):
                        continue
                    with archive.open(info) as source, open(folder / name, "wb") as target:
                        shutil.copyfileobj(source, target)
        except (zipfile.BadZipFile, EOFError) as error:
            raise LoadRefused([Problem("zip.invalid", ERROR, path.name, None, "", f"The zip file cannot be opened: {error}")])
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
