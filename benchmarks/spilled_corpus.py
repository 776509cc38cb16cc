"""A corpus and a Context as a partitioned export's forked jobs see them, built with the
export's own classes: the corpus's blocks and sentences and some per-article tables spilled
to one table_parts.PartSpill (`keep_frames`), the corpus an analysis.spilled_corpus.SpilledCorpus
over it (a frame read back whole on first access, or a slice of articles at a time by
`slices`), the tables the Context's spilled tables (`ctx.table` reads one back whole,
`ctx.table_slices` a slice at a time). For measuring what a corpus-level builder holds, old
against new, in the same run."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.export import Context
from analysis.spilled_corpus import SPILLED_FRAMES, SpilledCorpus
from analysis.table_parts import PartSpill


def spilled_context(corpus: Corpus, folder: Path, tables: dict[str, pd.DataFrame]) -> tuple[Context, PartSpill]:
    """A Context over a SpilledCorpus of `corpus` with `tables` (per-article, each whole)
    spilled under `folder` beside its blocks and sentences, as an export spills them (the
    export's Context holds the spilled blocks.csv and sentences.csv too); close the PartSpill
    when done. The tables are read back in corpus order (as the export reads every spilled
    table but one ordered by article_id, actors.csv)."""
    frames = {**tables, **{table: getattr(corpus, frame) for frame, table in SPILLED_FRAMES.items()}}
    spill = PartSpill(folder, list(frames), len(corpus.articles))
    spill.keep_frames(frames, corpus.articles["article_id"].tolist())
    written = {name: spill.written(name) for name in frames}
    on_disk = SpilledCorpus(corpus.path, corpus.articles, corpus.skipped,
                            {table: written[table] for table in SPILLED_FRAMES.values()})
    return Context(on_disk, _spilled=written), spill
