"""The export contract: every table the suite produces, built once per run and written
atomically as tidy CSV (see README, 'Tables')."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .config import CODEBOOK_DIR
from .corpus import Corpus

Builder = Callable[["Context"], pd.DataFrame]
TABLES: dict[str, Builder] = {}


def table(name: str):
    """Register a builder for NAME.csv; builders take a Context and return a DataFrame."""

    def register(builder: Builder) -> Builder:
        if name in TABLES:
            raise ValueError(f"table {name!r} registered twice")
        TABLES[name] = builder
        return builder

    return register


@dataclass
class Context:
    """What builders share: the corpus, the codebook folder, and tables built so far (so a
    table needed by several others, such as figures for discrepancies, is built once)."""

    corpus: Corpus
    codebook_dir: Path = CODEBOOK_DIR
    _built: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._built:
            self._built[name] = TABLES[name](self)
        return self._built[name]


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            frame.to_csv(handle, index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(context: Context, out_dir, names: Iterable[str] | None = None) -> dict[str, int]:
    """Build the named tables (all by default), write them to out_dir; name -> row count."""
    from . import tables  # noqa: F401  (registers every builder)

    out = Path(out_dir)
    wanted = list(names) if names else list(TABLES)
    unknown = sorted(set(wanted) - set(TABLES))
    if unknown:
        raise ValueError(f"unknown table(s): {', '.join(unknown)}; known: {', '.join(TABLES)}")
    written = {}
    for name in wanted:
        frame = context.table(name)
        write_csv_atomic(frame, out / name)
        written[name] = len(frame)
    return written
