"""A gathered Corpus whose blocks and sentences stay on disk: an export at scale spills them as
partitions return (table_parts.PartSpill), and the process gathering the corpus holds only
the articles. The frames are read back whole only where something reads them (in the forked
job building a table from them), and analyses that can fold their input read them a slice
of articles at a time (`slices`)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pandas as pd

from .corpus import BLOCK_COLUMNS, SENTENCE_COLUMNS, SLICEABLE_FRAMES, Corpus
from .loading import corpus_frame
from .table_parts import SpilledTable

# the frames spilled, by the name of the table that exports each
SPILLED_FRAMES = {frame: f"{frame}.csv" for frame in SLICEABLE_FRAMES}
_COLUMNS = {"blocks": BLOCK_COLUMNS, "sentences": SENTENCE_COLUMNS}


class SpilledCorpus(Corpus):
    """A Corpus (without lines) whose `blocks` and `sentences` are read from their spilled
    tables on first use and kept until `release`; the same frames as the Corpus gathered in
    memory (loading.assemble_corpus)."""

    def __init__(self, path: Path, articles: pd.DataFrame, skipped: pd.DataFrame, spilled: dict[str, SpilledTable]):
        # (not the dataclass __init__: blocks and sentences are properties here)
        for name, value in {"path": path, "articles": articles, "lines": None, "skipped": skipped,
                            "_spilled": spilled, "_read": {}}.items():
            object.__setattr__(self, name, value)

    @property
    def blocks(self) -> pd.DataFrame:
        return self._frame("blocks")

    @property
    def sentences(self) -> pd.DataFrame:
        return self._frame("sentences")

    def slices(self, frame: str) -> Iterator[pd.DataFrame]:
        if frame in self._read or not self._table(frame).n_rows:
            yield from super().slices(frame)
        else:
            yield from self._table(frame).slices()

    def release(self) -> None:
        """Let go of the frames read back (a forked job ends; the next one may not need them)."""
        self._read.clear()

    def _table(self, frame: str) -> SpilledTable:
        if frame not in SPILLED_FRAMES:
            raise ValueError(f"frame must be one of {tuple(SPILLED_FRAMES)}, not {frame!r}")
        return self._spilled[SPILLED_FRAMES[frame]]

    def _frame(self, frame: str) -> pd.DataFrame:
        if frame not in self._read:
            table = self._table(frame)
            # an empty frame gets the loader's dtypes; rows, the dtypes their values give
            self._read[frame] = table.frame() if table.n_rows else corpus_frame([], _COLUMNS[frame])
        return self._read[frame]

    def __repr__(self) -> str:
        return f"SpilledCorpus({self.path!s}, {len(self.articles)} articles)"
