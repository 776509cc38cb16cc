"""Per-article rows of a table, as partitions send them back, and how they become the table:
in memory (`frame_of_parts`), or, for a table that only needs writing, spilled to disk as
they arrive and written to its CSV in slices of articles (`PartSpill`), so the whole table
is never held at once. Both give the same text, byte for byte."""
from __future__ import annotations

import os
import pickle
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

import numpy as np
import pandas as pd

from .csv_writer import write_frames_csv

ARTICLES_PER_SLICE = 500  # spilled articles turned into a frame and written at a time


@dataclass
class TablePart:
    """One article's rows of one table, with the columns and dtypes they came with."""

    columns: tuple[str, ...]
    dtypes: tuple[str, ...]
    rows: list[tuple]

    @property
    def n_rows(self) -> int:
        return len(self.rows)


class PartShape(NamedTuple):
    """A spilled TablePart without its rows."""

    columns: tuple[str, ...]
    dtypes: tuple[str, ...]
    n_rows: int


def _dtype_of(parts, column: int):
    """The column's dtype when every non-empty part agrees on it; None to let pandas infer
    from the values (as concatenating differing parts would: int and float make float)."""
    found = {part.dtypes[column] for part in parts if part.n_rows}
    return found.pop() if len(found) == 1 else None


def layout(name: str, parts) -> tuple[tuple[str, ...], dict]:
    """(columns, column -> dtype or None) of the table the parts make."""
    filled = [part for part in parts if part.n_rows] or parts[:1]
    columns = filled[0].columns if filled else ()
    if any(part.columns != columns for part in filled):
        raise RuntimeError(f"{name}: partitions returned different columns; is it really per-article?")
    return columns, {column: _dtype_of(parts, i) for i, column in enumerate(columns)}


def frame_of_rows(rows: list[tuple], columns: tuple[str, ...], dtypes: dict) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    if len(frame):
        frame = frame.astype({column: dtype for column, dtype in dtypes.items() if dtype and str(frame[column].dtype) != dtype})
    return frame


def frame_of_parts(name: str, parts: list[TablePart], order: str) -> pd.DataFrame:
    """The table from every article's part, in article order; `order` "article_id" sorts the
    articles by id (stable: rows within an article keep their order)."""
    columns, dtypes = layout(name, parts)
    frame = frame_of_rows([row for part in parts for row in part.rows], columns, dtypes)
    return in_article_id_order(frame) if order == "article_id" and len(frame) else frame


def split_by_article(frame: pd.DataFrame, article_ids: list[str]) -> dict[str, TablePart]:
    """article id -> that article's rows of `frame` (in their order in it), for every one of
    `article_ids` (an article without rows: an empty part), with the frame's columns and dtypes."""
    columns = tuple(frame.columns)
    dtypes = tuple(str(dtype) for dtype in frame.dtypes)
    parts = {article_id: TablePart(columns, dtypes, []) for article_id in article_ids}
    position = columns.index("article_id")
    for row in frame.itertuples(index=False, name=None):
        parts[row[position]].rows.append(row)
    return parts


def in_article_id_order(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with the articles sorted by id, each article's rows kept in their order."""
    if frame["article_id"].is_monotonic_increasing:
        return frame
    by_id = np.argsort(np.asarray(frame["article_id"].tolist(), dtype=object), kind="stable")
    return frame.iloc[by_id].reset_index(drop=True)


class PartSpill:
    """Some tables' per-article parts, kept in one file in `folder` instead of memory.

    `keep(position, tables)` takes the parts of an article (its position in the corpus
    order; articles may come in any order) out of `tables`; `written(name)` then gives a
    table that writes itself from the file, or builds itself in memory for a table that
    reads it. Each part is stored on its own, so reading one table unpickles only its rows;
    reads are positional (os.pread), so forked processes may read different tables from the
    same open file at once. Where each part lies is held in arrays, not per-part objects: at
    100,000 articles and ten tables those would be a million of them."""

    def __init__(self, folder: Path, names: list[str], n_articles: int):
        self.names = list(names)
        self._file = open(Path(folder) / "parts.pickle", "w+b")
        self._end = 0
        shape = (len(self.names), n_articles)
        self._offsets = np.zeros(shape, dtype=np.int64)
        self._lengths = np.zeros(shape, dtype=np.int64)
        self._n_rows = np.zeros(shape, dtype=np.int64)
        self._layouts = np.zeros(shape, dtype=np.int32)  # which of the distinct (columns, dtypes)
        self._layout_ids: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}

    def keep(self, position: int, tables: dict[str, TablePart]) -> None:
        parts = [tables.pop(name) for name in self.names]
        blobs = [pickle.dumps(part.rows, protocol=pickle.HIGHEST_PROTOCOL) for part in parts]
        os.pwrite(self._file.fileno(), b"".join(blobs), self._end)
        for slot, (part, blob) in enumerate(zip(parts, blobs)):
            self._offsets[slot, position] = self._end
            self._lengths[slot, position] = len(blob)
            self._end += len(blob)
            self._n_rows[slot, position] = part.n_rows
            self._layouts[slot, position] = self._layout_ids.setdefault((part.columns, part.dtypes), len(self._layout_ids))

    def keep_frames(self, frames: dict[str, pd.DataFrame], article_ids: list[str], positions=None) -> None:
        """`keep` every spilled table's rows of these articles, given as whole frames (one for
        each of `names`, holding rows of these articles only, in any order): article_ids[i]
        is kept at positions[i] (default: i), each article's rows in their order in the frame,
        with the frame's columns and dtypes (an article without rows gets an empty part).
        A frame of a partition's articles, or of the whole corpus, as tests and benchmarks
        spill a table built whole."""
        if set(frames) != set(self.names):
            raise ValueError(f"frames must be the spilled tables {self.names}, not {list(frames)}")
        positions = range(len(article_ids)) if positions is None else positions
        by_table = {name: split_by_article(frame, article_ids) for name, frame in frames.items()}
        for position, article_id in zip(positions, article_ids, strict=True):
            self.keep(position, {name: parts.pop(article_id) for name, parts in by_table.items()})

    def shapes(self, name: str) -> list[PartShape]:
        """The columns, dtypes and number of rows of each article's part, in corpus order."""
        slot, distinct = self.names.index(name), list(self._layout_ids)
        return [PartShape(*distinct[layout], n_rows)
                for layout, n_rows in zip(self._layouts[slot].tolist(), self._n_rows[slot].tolist())]

    def n_rows(self, name: str) -> int:
        return int(self._n_rows[self.names.index(name)].sum())

    def rows(self, name: str, positions) -> list[tuple]:
        """The rows of the articles at `positions` (a range or an array), in that order."""
        slot = self.names.index(name)
        found = []
        for offset, length in zip(self._offsets[slot, positions].tolist(), self._lengths[slot, positions].tolist()):
            found.extend(pickle.loads(os.pread(self._file.fileno(), length, offset)))
        return found

    def written(self, name: str, order: np.ndarray | None = None) -> "SpilledTable":
        """The table of `name`'s parts, articles in corpus order, or in `order` (positions)."""
        return SpilledTable(name, self, order)

    def close(self) -> None:
        self._file.close()


@dataclass
class SpilledTable:
    """A spilled per-article table: `write` streams it to a CSV file, `frame` builds it in
    memory, `slices` gives it a slice of articles at a time."""

    name: str
    spill: PartSpill
    # the articles' positions in the table's order (one sorted by article_id: frame_of_parts
    # sorts rows by it, stably, and each article has one id); None: corpus order
    order: np.ndarray | None = None

    def _positions(self, n_articles: int):
        return range(n_articles) if self.order is None else self.order

    @property
    def n_rows(self) -> int:
        return self.spill.n_rows(self.name)

    def frame(self) -> pd.DataFrame:
        shapes = self.spill.shapes(self.name)
        columns, dtypes = layout(self.name, shapes)
        return frame_of_rows(self.spill.rows(self.name, self._positions(len(shapes))), columns, dtypes)

    def slices(self) -> Iterator[pd.DataFrame]:
        """The table in slices of up to ARTICLES_PER_SLICE articles, in its order, each with
        rows; whole, as one slice, when it is empty or partitions disagree on a column's
        dtype (a slice might then infer another)."""
        shapes = self.spill.shapes(self.name)
        columns, dtypes = layout(self.name, shapes)
        if not self.n_rows or None in dtypes.values():
            yield self.frame()
            return
        positions = self._positions(len(shapes))
        for start in range(0, len(shapes), ARTICLES_PER_SLICE):
            rows = self.spill.rows(self.name, positions[start:start + ARTICLES_PER_SLICE])
            if rows:  # (an empty slice would have no dtypes)
                yield frame_of_rows(rows, columns, dtypes)

    def write(self, path: Path) -> int:
        """Write the table to `path` (CSV, as export writes it), a slice at a time (`slices`:
        the same text as the whole table); its number of rows."""
        return write_frames_csv(self.slices(), path)


@contextmanager
def spilled_parts(names: list[str], n_articles: int, out_dir):
    """A PartSpill for `names` in a hidden folder inside out_dir, removed afterwards (not in
    TMPDIR: that may be a RAM disk, which would hold what the spill takes out of memory);
    None when there is nothing to spill."""
    if not names:
        yield None
        return
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".spill-", dir=out_dir) as folder:
        spill = PartSpill(Path(folder), names, n_articles)
        try:
            yield spill
        finally:
            spill.close()
