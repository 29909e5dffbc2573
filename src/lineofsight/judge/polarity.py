"""Which direction is good for an indicator (judging.md §2). No polarity, no RAG."""

from enum import Enum


class Polarity(str, Enum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    IN_RANGE = "in_range"

    @classmethod
    def parse(cls, text) -> "Polarity | None":
        """Read a polarity as packs print it ("BIB"/"SIB") or as we store it.

        >>> Polarity.parse("BIB")
        <Polarity.HIGHER_IS_BETTER: 'higher_is_better'>
        >>> Polarity.parse(" sib ").value
        'lower_is_better'
        >>> Polarity.parse("") is None
        True
        """
        if text is None:
            return None
        if isinstance(text, Polarity):
            return text
        key = str(text).strip().lower().replace("-", "_").replace(" ", "_")
        if not key:
            return None
        aliases = {
            "bib": cls.HIGHER_IS_BETTER,
            "bigger_is_better": cls.HIGHER_IS_BETTER,
            "higher": cls.HIGHER_IS_BETTER,
            "up": cls.HIGHER_IS_BETTER,
            "sib": cls.LOWER_IS_BETTER,
            "smaller_is_better": cls.LOWER_IS_BETTER,
            "lower": cls.LOWER_IS_BETTER,
            "down": cls.LOWER_IS_BETTER,
            "range": cls.IN_RANGE,
        }
        if key in aliases:
            return aliases[key]
        try:
            return cls(key)
        except ValueError:
            raise ValueError(f"unknown polarity {text!r}: use BIB, SIB or in_range") from None

    @property
    def good_direction(self) -> int:
        """+1 when higher is better, -1 when lower is better, 0 when neither direction is good."""
        return {Polarity.HIGHER_IS_BETTER: 1, Polarity.LOWER_IS_BETTER: -1}.get(self, 0)
