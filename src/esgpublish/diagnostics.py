"""Diagnostics as data: a location, a severity, a message and a hint.

Every stage collects diagnostics instead of raising; the CLI prints them all and
stops before rendering when any is an error (as mkdocs and Typst do).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Location:
    """Where something came from: a workbook cell, a layout line, or a whole file."""

    file: str
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}: {self.sheet}!{self.cell}" if self.cell else f"{self.file}: {self.sheet}"
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input, located, with a hint on how to fix it."""

    location: Location
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        return self.render("en")

    @property
    def code(self) -> str:
        """The message's stable code from the catalogue (``messages.py``): 'unit-unknown', …"""
        from .messages import code_of

        return code_of(self.message)

    def render(self, lang: str = "en") -> str:
        """``location: severity: message`` and the hint line, in ``lang`` (en or zh)."""
        from . import messages

        colon = "：" if lang == "zh" else ": "
        text = f"{self.location}: {messages.word(self.severity, lang)}{colon}{messages.message(self.message, lang)}"
        if not self.hint:
            return text
        return f"{text}\n  {messages.word('hint', lang)}{colon}{messages.hint(self.hint, lang)}"

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        """The diagnostic as data (``validate --format json``): its code, location and words in ``lang``."""
        from . import messages

        return {"code": self.code, "location": str(self.location), **self.location.as_dict(),
                "severity": self.severity, "message": messages.message(self.message, lang),
                "hint": messages.hint(self.hint, lang) if self.hint else None}


@dataclass
class Collector:
    """Accumulates diagnostics across a stage; ``ok`` while no error was reported."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(location, message, hint, "error"))

    def warning(self, location: Location, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(location, message, hint, "warning"))

    def note(self, location: Location, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(location, message, hint, "note"))

    def extend(self, other: "Collector") -> None:
        self.items.extend(other.items)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.items)


class InputError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic collected so far."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics

    def __reduce__(self):  # raised in a worker process, unpickled in the main one
        return InputError, (self.diagnostics,)
