"""Errors and warnings a user can meet. Every message names the file (and row and column
where there is one), so the command line can print it as one line without a traceback."""
from __future__ import annotations

import warnings
from pathlib import Path


class CorpusError(Exception):
    """Input the suite cannot use. str(error) is the one-line message shown to the user."""

    def __init__(self, file: str | Path | None, problem: str):
        self.file = str(file) if file is not None else None
        self.problem = problem
        super().__init__(f"{self.file}: {problem}" if self.file else problem)


class CodebookError(CorpusError):
    """A codebook or manifest CSV that does not validate: names the file, the row as a
    spreadsheet numbers it (the header is row 1, the first entry row 2) and the column."""

    def __init__(self, file, problem: str, row: int | None = None, column: str | None = None):
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        self.row, self.column = row, column
        super().__init__(file, f"{', '.join(where)}: {problem}" if where else problem)


class InputWarning(UserWarning):
    """A recoverable problem with one input file; the file is still used."""


def warn_input(file, problem: str) -> None:
    warnings.warn(f"{file}: {problem}", InputWarning, stacklevel=3)
