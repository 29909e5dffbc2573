"""Built page parts kept between requests for as long as what they were built from is unchanged.

A dashboard is read all day and its data changes a few times a month, yet building it (judging every
indicator, SPC, charts, the template) costs far more than the request around it. A part is kept
under a key made of everything it depends on, which the caller reads cheaply on every request (see
``performance.pages.queries.stamp``): when the data changes the key changes, so no part is ever
served stale and nothing needs invalidating. Keys must be built from plain values (str, int, date,
tuples of them), never model instances, whose ``repr`` hides their data. Every key also carries a digest
of the code and templates that build the parts, so a deployment that changes them never meets a part an
older build left in a shared cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from django.core.cache import caches

import lineofsight

T = TypeVar("T")
BUILT_FROM = (".py", ".jinja", ".html", ".sql", ".yml")


@lru_cache(maxsize=1)
def build_digest() -> str:
    """A digest of the package's code, templates and definitions, read once per process."""
    digest = hashlib.sha256(lineofsight.__version__.encode())
    package = Path(lineofsight.__file__).parent
    for path in sorted(path for path in package.rglob("*") if path.suffix in BUILT_FROM and path.is_file()):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_for(name: str, depends_on: tuple) -> str:
    digest = hashlib.sha256(repr((build_digest(), depends_on)).encode()).hexdigest()
    return f"{name}:{digest}"


def kept(name: str, depends_on: tuple, build: Callable[[], T]) -> T:
    """``build()``'s result, built once per distinct ``depends_on`` (per worker, within the cache's bounds)."""
    return caches["fragments"].get_or_set(key_for(name, depends_on), build)
