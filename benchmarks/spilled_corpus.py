"""A corpus and a Context as a partitioned export's forked jobs will see them: the blocks and
sentences frames on disk in slices of 500 articles (as the integrator's spilled corpus holds
them), read back whole on first access or a slice at a time (`slices`); per-article tables
spilled with table_parts.PartSpill, the export's own mechanism (`ctx.table` reads one back
whole, `ctx.table_slices` a slice at a time). For measuring what a corpus-level builder
holds, old against new, in the same run."""
from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd

from analysis.corpus import SLICEABLE_FRAMES, Corpus
from analysis.export import Context
from analysis.table_parts import ARTICLES_PER_SLICE, PartSpill


class DiskCorpus(Corpus):
    """`corpus` with its blocks and sentences pickled under `folder`, 500 articles a slice."""

    def __init__(self, corpus: Corpus, folder: Path):
        for name in ("path", "articles", "lines", "skipped"):
            object.__setattr__(self, name, getattr(corpus, name))
        object.__setattr__(self, "_files", {})
        position = {article_id: i for i, article_id in enumerate(corpus.articles["article_id"].tolist())}
        for frame in SLICEABLE_FRAMES:
            data = getattr(corpus, frame)
            at = data["article_id"].map(position).to_numpy()
            self._files[frame] = Path(folder) / f"{frame}.pickle"
            with open(self._files[frame], "wb") as handle:
                for start in range(0, max(len(position), 1), ARTICLES_PER_SLICE):
                    chosen = (at >= start) & (at < start + ARTICLES_PER_SLICE)
                    pickle.dump(data[chosen].reset_index(drop=True), handle, protocol=pickle.HIGHEST_PROTOCOL)

    def slices(self, frame: str):
        with open(self._files[frame], "rb") as handle:
            while True:
                try:
                    yield pickle.load(handle)
                except EOFError:
                    return

    def _whole(self, frame: str) -> pd.DataFrame:
        if "_whole_" + frame not in self.__dict__:
            self.__dict__["_whole_" + frame] = pd.concat(list(self.slices(frame)), ignore_index=True)
        return self.__dict__["_whole_" + frame]

    blocks = property(lambda self: self._whole("blocks"))
    sentences = property(lambda self: self._whole("sentences"))


def spilled_context(corpus: Corpus, folder: Path, tables: dict[str, pd.DataFrame]) -> tuple[Context, PartSpill]:
    """A Context over DiskCorpus(corpus) with `tables` (per-article, in corpus order) spilled
    under `folder` as an export spills them; close the PartSpill when done."""
    ids = corpus.articles["article_id"].tolist()
    spill = PartSpill(folder, list(tables), len(ids))
    spill.keep_frames(tables, ids)
    context = Context(DiskCorpus(corpus, folder), _spilled={name: spill.written(name) for name in tables})
    return context, spill
