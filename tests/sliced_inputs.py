"""Inputs in slices of whole articles, as a forked export job gets them: a Context whose
per-article tables are spilled to disk (read back a slice at a time by `table_slices`), and a
Corpus whose `slices` yields one article at a time."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.export import Context
from analysis.table_parts import PartSpill


@contextmanager
def spilled_tables(corpus: Corpus, names: list[str], folder: Path):
    """These per-article tables of `corpus` spilled to a file in `folder`, article by article
    in corpus order (built here whole, then split: the rows a partitioned export spills), as
    a Context takes them (`_spilled`): name -> SpilledTable."""
    built = Context(corpus)
    spill = PartSpill(folder, names, len(corpus.articles))
    spill.keep_frames({name: built.table(name) for name in names}, corpus.articles["article_id"].tolist())
    del built
    try:
        yield {name: spill.written(name) for name in names}
    finally:
        spill.close()


@contextmanager
def spilled_context(corpus: Corpus, names: list[str], folder: Path):
    """A Context on `corpus` holding these per-article tables spilled (`spilled_tables`)."""
    with spilled_tables(corpus, names, folder) as spilled:
        yield Context(corpus, _spilled=spilled)


def one_article_at_a_time(self: Corpus, frame: str):
    """A `Corpus.slices` that yields one article's rows at a time, in corpus order (articles
    without rows yield nothing), to monkeypatch over the in-memory one-slice version."""
    whole = getattr(self, frame)
    for _, rows in whole.groupby("article_id", sort=False):
        yield rows


def in_slices(frame: pd.DataFrame, cuts: list[int]) -> list[pd.DataFrame]:
    """frame cut before each of these row positions (sorted, within 0..len)."""
    bounds = [0, *cuts, len(frame)]
    return [frame.iloc[start:stop] for start, stop in zip(bounds[:-1], bounds[1:])]
