"""ORM reads for the publishing page: every release of an organisation's months, with who made it."""

from __future__ import annotations

from lineofsight.performance.models import Organisation, PublishedMonth


def releases(org: Organisation) -> list[PublishedMonth]:
    """Every PublishedMonth of ``org``, oldest first, withdrawn ones included (the page shows both)."""
    return list(PublishedMonth.objects.filter(organisation=org).select_related("published_by").order_by("month", "published_at", "id"))
