"""What a reader reports about input it could not use, or used with a caveat."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A per-file (or per-record) message for the run summary. `fatal`: nothing was analysed."""

    source: str
    message: str
    locator: str | None = None
    fatal: bool = True

    def __str__(self) -> str:
        where = f"{self.source} ({self.locator})" if self.locator else self.source
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised inside readers; turned into an InputProblem by the caller."""
