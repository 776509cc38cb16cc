"""Per-article frames that come in slices of consecutive whole articles in corpus order
(Corpus.slices, Context.table_slices), each frame cut its own way, regrouped into slices
that hold the same articles in every frame: for an analysis that needs several frames of an
article at once (its blocks, its sentences, its rows of a table) but never the whole corpus."""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

import numpy as np
import pandas as pd


class CorpusSlice(NamedTuple):
    """Some articles of a corpus and their blocks and sentences: what the functions taking a
    corpus for these three frames (prominence.text_units) read."""

    articles: pd.DataFrame
    blocks: pd.DataFrame
    sentences: pd.DataFrame


class _Stream:
    """One frame's slices, and its rows read but not yet handed out."""

    def __init__(self, slices: Iterable[pd.DataFrame]):
        self._slices = iter(slices)
        self.rows: pd.DataFrame | None = None
        self.at: np.ndarray = np.empty(0, np.int64)  # each held row's article position
        self.complete = -1  # every article up to this position has all its rows read
        self.done = False

    def pull(self, position: dict) -> None:
        """Read the next slice (position: article_id -> place in the corpus)."""
        frame = next(self._slices, None)
        if frame is None:
            self.done, self.complete = True, len(position) - 1
            return
        at = frame["article_id"].map(position)
        if at.isna().any():
            raise ValueError(f"rows of articles not in the corpus: {sorted(set(frame.loc[at.isna(), 'article_id']))[:3]}")
        at = at.to_numpy(dtype=np.int64)
        if len(at) and (at[0] <= self.complete or (np.diff(at) < 0).any()):
            raise ValueError("slices must hold consecutive whole articles, in corpus order")
        self.rows = frame if self.rows is None or not len(self.rows) else pd.concat([self.rows, frame], ignore_index=True)
        self.at = np.concatenate([self.at, at])
        self.complete = max(self.complete, int(at[-1]) if len(at) else -1)

    def take_through(self, last: int) -> pd.DataFrame:
        """The rows held of the articles up to position `last`, no longer held."""
        if self.rows is None:
            raise ValueError("a frame gave no slice at all")
        through = int(np.searchsorted(self.at, last, side="right"))
        taken = self.rows.iloc[:through].reset_index(drop=True)
        self.rows, self.at = self.rows.iloc[through:].reset_index(drop=True), self.at[through:]
        return taken


def aligned_slices(articles: pd.DataFrame, *frames: Iterable[pd.DataFrame]
                   ) -> Iterator[tuple[pd.DataFrame, list[pd.DataFrame]]]:
    """(articles, [their rows in each frame]) for consecutive runs of the corpus' articles, in
    corpus order, every article in exactly one run, each run as long as the frames' slices
    read so far allow. frames: each an iterable of slices of consecutive whole articles in
    the order of `articles` (each with an article_id column; an article may have no rows).
    Frames all given whole (one slice each) make one run: the whole corpus. A corpus without
    articles makes one run without rows."""
    ids = articles["article_id"].tolist()
    position = {article_id: i for i, article_id in enumerate(ids)}
    streams = [_Stream(slices) for slices in frames]
    start = 0
    while True:
        behind = [stream for stream in streams if stream.complete < start and not stream.done]
        if behind:
            behind[0].pull(position)
            continue
        last = min(stream.complete for stream in streams)
        yield articles.iloc[start:last + 1].reset_index(drop=True), [stream.take_through(last) for stream in streams]
        start = last + 1
        if start >= len(ids):
            for stream in streams:  # what is left must be empty slices (else they were out of order)
                while not stream.done:
                    stream.pull(position)
            return
