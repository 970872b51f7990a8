"""The one error type a bad input file raises, and the failure records it carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """One problem in one cell (or one row, or one file): where it is and what was expected."""

    file: str
    row: int | None  # 1-based data row (the header is not counted); None for file-level problems
    column: str | None
    value: str
    expected: str
    spreadsheet: bool = False  # True: ``row`` is the row number a spreadsheet shows (uploads)

    def describe(self) -> str:
        """A one-line, human-readable description naming file, row and column."""
        where = self.file
        if self.row is not None:
            where += f", row {self.row}" if self.spreadsheet else f", row {self.row} (line {self.row + 1})"
        if self.column:
            where += f", column '{self.column}'"
        got = f"got {self.value!r}; " if self.value != "" else ""
        return f"{where}: {got}expected {self.expected}"


class DataValidationError(ValueError):
    """Raised when one or more input files break their schema; lists every failure at once."""

    def __init__(self, failures: list[Failure]) -> None:
        self.failures = sorted(failures, key=lambda f: (f.file, f.row or 0, f.column or ""))
        shown = [f.describe() for f in self.failures[:50]]
        more = len(self.failures) - len(shown)
        tail = [f"… and {more} more"] if more > 0 else []
        super().__init__(f"{len(self.failures)} problem(s) in the data:\n" + "\n".join(shown + tail))
