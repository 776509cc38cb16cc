# How per-article frames were spilled before PartSpill.keep_frames (main at 1c939c6), kept
# verbatim as its oracle (tests/test_keep_frames.py): analysis/parallel.py's _split_by_article,
# and the loop tests/sliced_inputs.py's spilled_tables ran over it (written four times then,
# in tests and benchmarks).
from __future__ import annotations

import pandas as pd

from analysis.table_parts import PartSpill, TablePart


def _split_by_article(frame: pd.DataFrame, article_ids: list[str]) -> dict[str, TablePart]:
    columns = tuple(frame.columns)
    dtypes = tuple(str(dtype) for dtype in frame.dtypes)
    parts = {article_id: TablePart(columns, dtypes, []) for article_id in article_ids}
    position = columns.index("article_id")
    for row in frame.itertuples(index=False, name=None):
        parts[row[position]].rows.append(row)
    return parts


def keep_article_by_article(spill: PartSpill, frames: dict[str, pd.DataFrame], article_ids: list[str]) -> None:
    """The loop of tests/sliced_inputs.spilled_tables at 1c939c6 (its frames built by the caller)."""
    by_table = {name: _split_by_article(frame, article_ids) for name, frame in frames.items()}
    for position, article_id in enumerate(article_ids):
        spill.keep(position, {name: parts[article_id] for name, parts in by_table.items()})
