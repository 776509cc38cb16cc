"""The export contract: every table the suite produces, built once per run and written
atomically as tidy CSV (see README, 'Tables')."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .config import CODEBOOK_DIR, resolve_dir
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
    codebook_dir: Path | None = None  # None: the bundled data/codebook
    _built: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.codebook_dir = resolve_dir(self.codebook_dir, CODEBOOK_DIR)

    def table(self, name: str) -> pd.DataFrame:
        from . import tables  # noqa: F401  (registers every builder on first use)

        if name not in self._built:
            self._built[name] = TABLES[name](self)
        return self._built[name]


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _write_csv(frame, Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(frames: dict[str, pd.DataFrame], out_dir) -> dict[str, int]:
    """Write every table to a hidden staging folder inside out_dir, then rename each into
    place: a failure or interruption while writing leaves out_dir as it was (no half tables,
    no stray files), and each table a reader sees is complete."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        for name, frame in frames.items():
            _write_csv(frame, staging / name)
        for name in frames:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: len(frame) for name, frame in frames.items()}


def export(context: Context, out_dir, names: Iterable[str] | None = None) -> dict[str, int]:
    """Build the named tables (all by default), write them to out_dir; name -> row count.

    Every table is built before any is written, so a builder that fails leaves out_dir
    untouched."""
    from . import tables  # noqa: F401  (registers every builder)

    wanted = list(names) if names else list(TABLES)
    unknown = sorted(set(wanted) - set(TABLES))
    if unknown:
        raise ValueError(f"unknown table(s): {', '.join(unknown)}; known: {', '.join(TABLES)}")
    frames = {name: context.table(name) for name in wanted}
    return write_tables(frames, out_dir)
