"""'Did you mean' hints for misspelt names, shared by the workbook and layout readers."""
from __future__ import annotations

import difflib


def suggest(name: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
