"""Which plan success measures an indicator answers: by its ref, or by wording close to its title.

The plan words its measures loosely ("% of child and family assessments completed within 45 days")
where the indicator is exact ("Percentage of C&F assessments completed within 45 working days"), so
titles are compared as sets of words after spelling out the pack's abbreviations.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOP = frozenset("a an and are as at be by for from has have in is of on or that the their they to was were who whom with".split())
SPELLED = {"percentage": "%", "percent": "%", "c&f": "child family", "cin": "children need", "lac": "looked after children",
           "cp": "child protection", "sw": "social worker", "working": "", "rhi": "return home interview"}
MATCH = 0.75  # Dice overlap; below this a shared phrase ("visit has taken place") is a coincidence
NEAR_BEST = 0.05


@lru_cache(maxsize=4096)  # every indicator page compares its title with every measure of the plan
def words(text: str) -> frozenset[str]:
    """
    >>> sorted(words("Percentage of C&F assessments completed within 45 working days"))
    ['%', '45', 'assessments', 'child', 'completed', 'days', 'family', 'within']
    """
    out = []
    # an aside like "(and breakdowns for each team/service)" widens a measure without changing what it counts
    text = re.sub(r"\([^)]*\)", " ", text)
    for token in re.findall(r"[a-z0-9&%]+", text.lower().replace("*", "")):
        out.extend(SPELLED.get(token, token).split())
    return frozenset(w.rstrip("s") if len(w) > 3 and w.endswith("s") and w not in ("days", "assessments", "weeks") else w
                     for w in out if w not in STOP)


def similarity(a: str, b: str) -> float:
    """Dice overlap of two wordings' words.

    >>> round(similarity("Percentage of C&F assessments completed within 45 working days",
    ...                  "% of child and family assessments completed within 45 days"), 2)
    1.0
    """
    x, y = words(a), words(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def ref_pattern(ref: str) -> re.Pattern:
    # "AMT 2" is printed as "AMT2" and "AMT 2" alike; the number must not run on ("AMT 21").
    parts = [re.escape(p) for p in ref.split()]
    return re.compile(r"\b" + r"\s*".join(parts) + r"(?![0-9a-z])", re.IGNORECASE)


def best_matches(ref: str, title: str, measures: list[tuple[object, str]]) -> list[object]:
    """The measures naming ``ref``, else those worded most like ``title``.

    >>> measures = [(1, "% of children in need (CIN) for whom a visit has taken place in the last 4 weeks"),
    ...             (2, "% of children subject to a child protection plan for whom a visit has taken place within the last 4 weeks"),
    ...             (3, "Regular auditing to understand practice")]
    >>> best_matches("CIN 4", "Percentage of CIN* for whom a visit has taken place within last 4 weeks", measures)
    [1]
    >>> best_matches("CP 13", "Percentage of children subject to Child Protection Plan for whom a visit has taken place within last 4 weeks", measures)
    [2]
    >>> best_matches("QA 9", "Something else entirely", measures)
    []
    >>> best_matches("W 1", "Average Caseload per Social Worker", [(1, "Average caseload per social worker (and breakdowns for each team/service)"),
    ...                                                          (2, "Average caseload per newly qualified social worker (ASYE)")])
    [1]
    """
    pattern = ref_pattern(ref)
    named = [key for key, text in measures if pattern.search(text)]
    if named:
        return named
    scored = [(similarity(title, text), key) for key, text in measures]
    best = max((score for score, _ in scored), default=0.0)
    if best < MATCH:
        return []
    return [key for score, key in scored if score >= best - NEAR_BEST]
