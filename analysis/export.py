"""The export contract: every table the suite produces, built once per run and written
atomically as tidy CSV (see README, 'Tables')."""
from __future__ import annotations

import os
from contextlib import contextmanager
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import pandas as pd

from .config import CODEBOOK_DIR, resolve_dir
from .corpus import Corpus
from .csv_writer import write_frames_csv

if TYPE_CHECKING:
    from .table_parts import SpilledTable

ROW_ORDERS = ("corpus", "article_id")


class TableSlices:
    """What a builder returns for a corpus-level table too large to hold whole (reuse.csv at
    scale: millions of rows): the table made a slice of rows at a time, each time it is
    asked. The export writes it slice by slice (`write`), so it is never held whole;
    `Context.table` gives it whole, for analyses in memory. Every slice has `columns` and the
    dtypes of the whole table, so that the CSV is the same text either way."""

    def __init__(self, columns: list[str], make_slices: Callable[[], Iterable[pd.DataFrame]]):
        self.columns = list(columns)
        self._make_slices = make_slices

    def slices(self) -> Iterator[pd.DataFrame]:
        """The slices, each with rows; an empty table is one empty slice (the header alone)."""
        made = False
        for part in self._make_slices():
            if list(part.columns) != self.columns:
                raise ValueError(f"a slice has columns {list(part.columns)}, not {self.columns}")
            if len(part):
                made = True
                yield part
        if not made:
            yield pd.DataFrame([], columns=self.columns)

    def frame(self) -> pd.DataFrame:
        parts = list(self.slices())
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)

    def write(self, path: Path) -> int:
        """Write the table to `path` as the export writes a frame, a slice at a time; its rows."""
        return write_frames_csv(self.slices(), path)


Built = pd.DataFrame | TableSlices  # what a builder returns
Builder = Callable[["Context"], Built]
TABLES: dict[str, Builder] = {}


@dataclass(frozen=True)
class TableSpec:
    """How a table may be built at scale.

    per_article: each article's rows depend on that article alone (and the codebooks), so the
      builder may run on any partition of the articles and the parts be concatenated; it may
      only use other per-article tables. Anything that compares articles or outlets (log-odds,
      reuse, bootstrap intervals) is corpus-level and always sees the whole gathered corpus.
    order: how the whole table orders its rows, articles grouped either in corpus order or
      sorted by article_id (rows within an article keep the builder's order).
    written: False for an intermediate shared by other tables but not exported.
    inputs: the registered tables the builder reads through ctx.table (checked when it runs),
      so a parallel export knows which tables to build together, each only once."""

    per_article: bool = False
    order: str = "corpus"
    written: bool = True
    inputs: tuple[str, ...] = ()


SPECS: dict[str, TableSpec] = {}


def table(name: str, *, per_article: bool = False, order: str = "corpus", written: bool = True,
          inputs: tuple[str, ...] = ()):
    """Register a builder for NAME.csv; builders take a Context and return a DataFrame.
    See TableSpec for per_article, order, written and inputs."""
    if order not in ROW_ORDERS:
        raise ValueError(f"table {name!r}: order must be one of {ROW_ORDERS}, not {order!r}")

    def register(builder: Builder) -> Builder:
        if name in TABLES:
            raise ValueError(f"table {name!r} registered twice")
        TABLES[name] = builder
        SPECS[name] = TableSpec(per_article, order, written, tuple(inputs))
        return builder

    return register


def spec(name: str) -> TableSpec:
    """The registered spec; a builder registered without one (as tests do) is corpus-level."""
    return SPECS.get(name, TableSpec())


def written_tables() -> list[str]:
    return [name for name in TABLES if spec(name).written]


def inputs_of(name: str) -> list[str]:
    """Every table `name` is built from, directly or not, inputs before the tables using them."""
    ordered: list[str] = []

    def visit(current: str) -> None:
        for needed in spec(current).inputs:
            if needed not in ordered:
                visit(needed)
                ordered.append(needed)

    visit(name)
    return ordered


@dataclass
class Context:
    """What builders share: the corpus, the codebook folder, and tables built so far (so a
    table needed by several others, such as figures for discrepancies, is built once).
    A partitioned export may also hand over the per-article tables it spilled to disk
    (table_parts.PartSpill): export writes them from there, and `table` reads one back into
    memory only when a table built from it asks."""

    corpus: Corpus
    codebook_dir: Path | None = None  # None: the bundled data/codebook
    _built: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _building: list[str] = field(default_factory=list, repr=False)  # builders running, outermost first
    _shared: dict[str, object] = field(default_factory=dict, repr=False)
    _spilled: dict[str, "SpilledTable"] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.codebook_dir = resolve_dir(self.codebook_dir, CODEBOOK_DIR)

    def _check_declared(self, name: str) -> None:
        if self._building and self._building[-1] in SPECS and name not in spec(self._building[-1]).inputs:
            raise RuntimeError(f"table {self._building[-1]!r} reads {name!r} without declaring it: "
                               f"add it to inputs= where {self._building[-1]!r} is registered")

    def table(self, name: str) -> pd.DataFrame:
        built = self.built(name)
        if isinstance(built, TableSlices):  # asked whole: held whole from now on
            built = self._built[name] = built.frame()
        return built

    def built(self, name: str) -> Built:
        """The table as its builder returned it (built now unless it was): a frame, or the
        TableSlices of a table made in slices."""
        from . import tables  # noqa: F401  (registers every builder on first use)

        self._check_declared(name)
        if name not in self._built and name in self._spilled:
            # read back for the tables that read it (the export writes it from disk); a
            # forked job drops it when it ends
            self._built[name] = self._spilled[name].frame()
        if name not in self._built:
            self._building.append(name)
            try:
                self._built[name] = TABLES[name](self)
            finally:
                self._building.pop()
        return self._built[name]

    def table_slices(self, name: str) -> Iterator[pd.DataFrame]:
        """The table in slices, for builders that fold their input: a spilled table is read
        back a slice of consecutive whole articles at a time, in corpus order, and never held
        whole (`SpilledTable.slices`); a TableSlices one is made a slice of rows at a time;
        any other is the one slice. Declared as inputs, as for `table`."""
        if name in self._spilled and name not in self._built:
            self._check_declared(name)
            yield from self._spilled[name].slices()
            return
        built = self.built(name)
        yield from built.slices() if isinstance(built, TableSlices) else [built]

    def write(self, name: str, path: Path) -> int:
        """Write the table to `path` as CSV (building it unless it was built); its rows. A
        spilled table is written from disk and a TableSlices one a slice at a time: neither is
        held whole."""
        if name in self._spilled and name not in self._built:
            return self._spilled[name].write(path)
        return _writer(self.built(name))(path)

    def shared(self, key: str, build: Callable[[], object]) -> object:
        """An intermediate several builders read that is not a table (never cached, written or
        gathered across partitions: each partition's Context builds its own), built once."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]


@dataclass
class PartitionContext(Context):
    """A Context over some of the articles: only per-article tables can be built on it."""

    def table(self, name: str) -> pd.DataFrame:
        if name in TABLES and not spec(name).per_article:
            raise RuntimeError(f"{name} is corpus-level and cannot be built on a partition of the articles; "
                               "a per-article table may only use other per-article tables")
        return super().table(name)


def _write_csv(frame: pd.DataFrame, path: Path) -> int:
    """UTF-8, no index, newline line ends: as pandas' to_csv writes it (csv_writer); its rows."""
    return write_frames_csv([frame], path)


def _writer(built: Built) -> Callable[[Path], int]:
    """What writes a built table to a path and returns its rows."""
    return built.write if isinstance(built, TableSlices) else partial(_write_csv, built)


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


def write_tables(frames: dict[str, Built], out_dir, spilled: dict[str, "SpilledTable"] | None = None) -> dict[str, int]:
    """Write every table (frames, tables made in slices, and spilled ones) to a hidden
    staging folder inside out_dir, then rename each into place: a failure or interruption
    while writing leaves out_dir as it was (no half tables, no stray files), and each table a
    reader sees is complete. Name -> rows."""
    writers = {name: _writer(built) for name, built in frames.items()}
    writers.update({name: table.write for name, table in (spilled or {}).items()})
    return _write_staged(out_dir, writers)


def write_table_files(sources: dict[str, Path], out_dir) -> None:
    """write_tables for tables already written as CSV files (in the cache): copies."""
    _write_staged(out_dir, {name: partial(shutil.copyfile, source) for name, source in sources.items()})


@contextmanager
def staged_folder(out_dir, names: Iterable[str]):
    """A hidden staging folder inside out_dir to write `names` into; when the block succeeds
    they are renamed into place, and the folder is removed whatever happens."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        yield staging
        for name in names:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_staged(out_dir, writers: dict[str, Callable[[Path], object]]) -> dict[str, object]:
    """Each writer's result, by name."""
    with staged_folder(out_dir, list(writers)) as staging:
        return {name: write(staging / name) for name, write in writers.items()}


def export(context: Context, out_dir, names: Iterable[str] | None = None) -> dict[str, int]:
    """Build the named tables (all by default), write them to out_dir; name -> row count.

    Every table is built before any is written (a table made in slices, up to its slices),
    so a builder that fails leaves out_dir untouched."""
    from . import tables  # noqa: F401  (registers every builder)

    wanted = list(names) if names else written_tables()
    unknown = sorted(set(wanted) - set(TABLES))
    if unknown:
        raise ValueError(f"unknown table(s): {', '.join(unknown)}; known: {', '.join(TABLES)}")
    built = {name: context.built(name) for name in wanted if name not in context._spilled}
    rows = write_tables(built, out_dir, {name: context._spilled[name] for name in wanted if name in context._spilled})
    return {name: rows[name] for name in wanted}
