"""Running an uploaded file through the same loader as ``lineofsight load``."""

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lineofsight.store.loading import LoadRefused, LoadResult, load_path
from lineofsight.store.unzip import unpacked


@dataclass
class Outcome:
    result: LoadResult | None
    problems: list

    @property
    def loaded(self) -> bool:
        return self.result is not None


def load_upload(upload, org_code: str, store_path=None) -> Outcome:
    """Save the upload to a private temporary folder, load it, and always remove the copy."""
    folder = Path(tempfile.mkdtemp(prefix="lineofsight-upload-"))
    try:
        name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.name).name) or "upload"
        target = folder / name
        with open(target, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            with unpacked(target) as source:
                result = load_path(source, org_code, store_path=store_path)
        except LoadRefused as refused:
            return Outcome(None, refused.problems)
        return Outcome(result, result.problems)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
