"""What a reader reports about input it could not use, or used with a caveat."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.safe_text import for_message


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A per-file (or per-record) message for the run summary. `fatal`: nothing was analysed.
    Printed as one line whatever the file name or the page holds (see safe_text)."""

    source: str
    message: str
    locator: str | None = None
    fatal: bool = True

    def __str__(self) -> str:
        where = for_message(self.source) + (f" ({for_message(self.locator, 60)})" if self.locator else "")
        return f"{where}: {for_message(self.message, 500)}"


class InputError(Exception):
    """Raised inside readers; turned into an InputProblem by the caller."""
