"""Errors and warnings a user can meet. Every message names the file (and row and column
where there is one), so the command line can print it as one line without a traceback.

Three levels:
- CorpusError / CodebookError: the run cannot go on (missing corpus folder, a manifest or
  codebook that does not validate, nothing usable to analyse).
- SkippedInput: one input file cannot be used (binary, empty, too large, a duplicate...); it
  is left out, recorded in the corpus's `skipped` audit and announced with a SkippedWarning.
- InputWarning: a recoverable problem; the file is used (re-decoded, metadata taken from the
  text instead of the manifest...)."""
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


class SkippedInput(CorpusError):
    """One article file that cannot be used; the corpus loads without it (see Corpus.skipped)."""


class InputWarning(UserWarning):
    """A recoverable problem with one input file; the file is still used."""


class SkippedWarning(InputWarning):
    """An input file left out of the corpus; also listed in Corpus.skipped."""


def warn_input(file, problem: str, category: type[InputWarning] = InputWarning) -> None:
    warnings.warn(f"{file}: {problem}", category, stacklevel=3)


def print_warning_line(message, category, *_ignored, **_also_ignored) -> None:
    """warnings.showwarning for the command lines: one line on stderr, 'skipped:' for an input
    left out of the corpus, 'warning:' for anything else; no source location."""
    import sys

    prefix = "skipped" if issubclass(category, SkippedWarning) else "warning"
    print(f"{prefix}: {message}", file=sys.stderr, flush=True)
