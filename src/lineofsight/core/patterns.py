"""The /patterns page: every component of ours, rendered with example parameters."""

EXAMPLES: list[dict] = []


def register(name: str, macro_path: str, macro_name: str, params: dict) -> None:
    """Components call this at import (in their package's ``patterns`` module) to appear on /patterns."""
    EXAMPLES.append({"name": name, "macro_path": macro_path, "macro_name": macro_name, "params": params})


def component_examples() -> list[dict]:
    return list(EXAMPLES)
