"""The export at scale: per-article work mapped over partitions of the articles, in this
process, in a pool of local processes or on a Dask cluster, then gathered in article order.

1. A serial first pass reads every file (de-duplication and the site-template counts need all
   of them; loading.read_corpus).
2. Articles found in the cache are reused; the others are split into partitions, and each
   partition runs the per-article stage (line roles, blocks, sentences) and every per-article
   table (export.TableSpec.per_article) on a Corpus of just its articles.
3. Results come back as plain row tuples per article and are gathered in article order:
   the Corpus frames are assembled exactly as the serial loader does, per-article tables are
   concatenated and ordered as their spec says, and the warnings each article raised are
   shown again in article order. An export spills the corpus's blocks and sentences and the
   per-article tables to disk as they come back (table_parts, spilled_corpus) and writes
   them from there; a corpus-level table that reads one reads it back (whole, or a slice of
   articles at a time) where it is built, so the gathering process holds only the articles
   (and the tables sorted by article_id).
4. Corpus-level tables (log-odds, bootstrap intervals, omissions, ...) run on the gathered
   Context, as in a serial run. The result is identical to the serial export, byte for byte."""
from __future__ import annotations

import gc
import logging
import math
import multiprocessing
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from .cache import version_key
from .collection import fewer_collections
from .corpus import SKIPPED_COLUMNS
from .export import TABLES, Context, PartitionContext, export, inputs_of, spec, staged_folder, write_table_files
from .heap import give_back_free_memory
from .loading import ArticleRows, ArticleTask, ReadCorpus, assemble_corpus
from .spilled_corpus import SPILLED_FRAMES, SpilledCorpus
from .table_parts import PartSpill, TablePart, frame_of_parts, split_by_article, spilled_parts

ENGINES = ("processes", "dask")
PARTITIONS_PER_WORKER = 4  # several per worker, so one slow partition does not idle the rest
MAX_PARTITION = 200  # articles; bounds what one task holds in memory and sends back
CORPUS_FRAME_TABLES = {"articles.csv", "blocks.csv", "sentences.csv", "skipped.csv"}


@dataclass
class ArticleResult:
    rows: ArticleRows
    warnings: list[Warning]
    tables: dict[str, TablePart] = field(default_factory=dict)


def spilled_tables(wanted: list[str]) -> list[str]:
    """What an export keeps on disk as partitions return, rather than in memory: the corpus's
    blocks and sentences (SpilledCorpus), and every per-article table built in partitions
    (one ordered by article_id is read back with its articles in that order). Those only
    written are written from disk; a corpus-level table reading one (the bootstrap reads
    readability.csv) reads it back, or a slice at a time, in the process that builds it."""
    return list(SPILLED_FRAMES.values()) + per_article_tables(wanted)


def per_article_tables(wanted: list[str]) -> list[str]:
    """The per-article tables to build in partitions: those wanted, and every one when a
    corpus-level analysis is wanted (it may use any of them; one not built here would still
    be built right, on the gathered corpus, only serially)."""
    per_article = [name for name in TABLES if spec(name).per_article]
    corpus_level = [name for name in wanted if not spec(name).per_article and name not in CORPUS_FRAME_TABLES]
    return per_article if corpus_level else [name for name in per_article if name in wanted]


def run_partition(tasks: list[ArticleTask], codebook_dir: Path, table_names: list[str],
                  expected_version: str | None = None) -> list[ArticleResult]:
    """The per-article stage and per-article tables for some articles (runs on a worker).
    expected_version: the client's version key; a worker with other code, codebooks or
    library versions refuses rather than mixing results."""
    from . import tables  # noqa: F401  (registers every builder in a fresh worker process)

    if expected_version is not None and version_key(codebook_dir) != expected_version:
        raise RuntimeError(f"this worker's analysis package, codebooks in {codebook_dir} or textstat/pandas versions differ "
                           "from the client's: install the same checkout and codebooks on every worker")

    with fewer_collections():
        return _partition_results(tasks, codebook_dir, table_names)


def _partition_results(tasks: list[ArticleTask], codebook_dir: Path, table_names: list[str]) -> list[ArticleResult]:
    results = []
    for task in tasks:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rows = task.rows()
        results.append(ArticleResult(rows, [w.message for w in caught]))
    corpus = assemble_corpus(Path("."), [r.rows for r in results], pd.DataFrame(columns=SKIPPED_COLUMNS))
    _add_frame_parts(corpus, results)
    if table_names:
        context = PartitionContext(corpus, codebook_dir=codebook_dir)
        ids = [task.article_id for task in tasks]
        for name in table_names:
            for result, part in zip(results, split_by_article(context.table(name), ids).values()):
                result.tables[name] = part
    return results


def _add_frame_parts(corpus, results: list[ArticleResult]) -> None:
    """Each article's blocks and sentences as table parts too, for an export to spill: its
    very rows (pickled once with them), with the dtypes pandas gave this partition's frames."""
    for frame, name in SPILLED_FRAMES.items():
        gathered = getattr(corpus, frame)
        columns, dtypes = tuple(gathered.columns), tuple(str(dtype) for dtype in gathered.dtypes)
        for result in results:
            result.tables[name] = TablePart(columns, dtypes, getattr(result.rows, frame))


def partitions(items: list, workers: int) -> list[list]:
    size = max(1, min(MAX_PARTITION, math.ceil(len(items) / (max(workers, 1) * PARTITIONS_PER_WORKER))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_partitions(function, parts: list, *, engine: str = "processes", workers: int = 1, scheduler: str | None = None) -> Iterator:
    """function over every partition, results in partition order; with local processes each
    comes as soon as it and those before it are done, so the caller need not hold them all."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "dask":
        yield from _map_dask(function, parts, workers, scheduler)
    elif workers <= 1 or len(parts) <= 1:
        yield from map(function, parts)
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(parts))) as pool:
            yield from pool.map(function, parts)


def _map_dask(function, parts: list, workers: int, scheduler: str | None) -> list:
    """On the cluster at `scheduler` (its workers need this package, the same codebooks and
    Python environment), or on a LocalCluster of `workers` single-threaded processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            return client.gather(client.map(function, parts, pure=False))
    # silence_logs: dask's own warnings about its local cluster (an unresponsive event loop,
    # a worker killed at shutdown on a busy machine) are noise among the input warnings
    with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        return client.gather(client.map(function, parts, pure=False))


def gather_table(name: str, results: list[ArticleResult]) -> pd.DataFrame:
    return frame_of_parts(name, [result.tables[name] for result in results], spec(name).order)


def run_export_stage(read: ReadCorpus, codebook_dir: Path, wanted: list[str], *, engine: str = "processes",
                     workers: int = 1, scheduler: str | None = None, cache=None) -> Context:
    """The gathered Context: the whole Corpus plus every per-article table, built by
    partitions (and the cache); corpus-level tables are then built on it as usual. The
    per-article warnings are shown in article order, as the serial loader shows them."""
    keys = [cache.key(task) for task in read.tasks] if cache else [None] * len(read.tasks)
    context, messages = _gather(read, codebook_dir, wanted, keys, engine, workers, scheduler, cache, spill=None)
    _show(messages)
    return context


def export_at_scale(read: ReadCorpus, codebook_dir: Path, out_dir, wanted: list[str], *, engine: str = "processes",
                    workers: int = 1, scheduler: str | None = None, cache=None) -> dict[str, int]:
    """Build and write the wanted tables; name -> rows. With a cache, a corpus whose every
    input is unchanged gets its tables back as written last time (and its warnings shown
    again); otherwise unchanged articles reuse their per-article results. `read` is used up:
    each raw article is let go once its results are back (read.tasks ends empty)."""
    keys = [cache.key(task) for task in read.tasks] if cache else [None] * len(read.tasks)
    run_key = cache.corpus_key(keys, read.folder, read.audit.rows) if cache else None
    stored = cache.get_run(run_key) if cache else None
    if stored is not None and set(wanted) <= set(stored["rows"]):
        _show(stored["warnings"])
        write_table_files({name: cache.run_tables(run_key) / name for name in wanted}, out_dir)
        return {name: stored["rows"][name] for name in wanted}
    with spilled_parts(spilled_tables(wanted), len(read.tasks), out_dir) as spill:
        context, messages = _gather(read, codebook_dir, wanted, keys, engine, workers, scheduler, cache, spill)
        _show(messages)
        # the raw texts and the partitions' results are spilled or let go, but their pages are
        # still held, and forked jobs would start from them
        give_back_free_memory()
        if engine == "processes" and workers > 1 and len(wanted) > 1:
            written = _export_forked(context, out_dir, wanted, workers)
        else:
            written = export(context, out_dir, wanted)
    if cache:
        cache.put_run(run_key, messages, written, out_dir)
    return written


# What forked writers inherit: set just before the pool forks, read only in the children.
_FORKED: dict = {}


def _build_and_stage(job: tuple[list[str], list[str]]) -> dict[str, int]:
    """Build `names` in order in this child and write those in `to_write`; name -> rows.
    What the job built is dropped when it ends: a child runs several jobs, and no later job
    reads it (forked_jobs keeps a table and the tables reading it in one job)."""
    names, to_write = job
    context = _FORKED["context"]
    inherited = set(context._built), set(context._shared)
    rows = {}
    try:
        for name in names:
            if name in to_write:
                rows[name] = context.write(name, _FORKED["staging"] / name)
            elif name not in context._spilled:  # (an input of a later table in the job)
                context.built(name)
    finally:
        for built, kept in zip((context._built, context._shared), inherited):
            for name in set(built) - kept:
                del built[name]
        if isinstance(context.corpus, SpilledCorpus):
            context.corpus.release()
        # its high-water mark would otherwise stay with this process through the jobs after it
        gc.collect()
        give_back_free_memory()
    return rows


def forked_jobs(wanted: list[str], built: set[str]) -> list[tuple[list[str], list[str]]]:
    """The wanted tables as jobs for separate processes: (tables to build in order, tables to
    write). Tables still to build that share an input still to build (reuse.csv for
    reuse_pairs.csv, figures.csv for discrepancies.csv and omissions.csv) go to one job, so
    each is built once; tables already built are only written."""
    groups: list[list[str]] = []  # each: tables to build, inputs first
    for name in wanted:
        chain = [n for n in inputs_of(name) + [name] if n not in built]
        joined = [group for group in groups if set(group) & set(chain)]
        merged = [n for group in joined for n in group]
        merged += [n for n in chain if n not in merged]
        groups = [group for group in groups if group not in joined] + [merged] if chain else groups
    jobs = [(group, [n for n in group if n in wanted]) for group in groups]
    jobs += [([name], [name]) for name in wanted if name in built]
    return jobs


def _export_forked(context: Context, out_dir, wanted: list[str], workers: int) -> dict[str, int]:
    """Build the corpus-level tables and write every CSV in forked processes, each inheriting
    the gathered context without a copy being sent (jobs: forked_jobs). Tables are written
    to a staging folder and renamed into place only when all succeeded, as export() does."""
    ready = {name: len(frame) for name, frame in context._built.items()}
    ready.update({name: table.n_rows for name, table in context._spilled.items()})
    jobs = forked_jobs(wanted, set(ready))
    # analyses first (the longest chains first), then the big tables that are only written,
    # so that no long job starts last
    jobs.sort(key=lambda job: (len(job[0]) == 1 and job[0][0] in ready, -len(job[0]), -ready.get(job[0][0], 0)))
    rows: dict[str, int] = {}
    with staged_folder(out_dir, wanted) as staging:
        _FORKED.update(context=context, staging=staging)
        # the children share the context's pages with this process until they write to them;
        # frozen, its objects are left out of the children's garbage collections, which would
        # write to every one of them (and so copy every page)
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                for done in pool.map(_build_and_stage, jobs):
                    rows.update(done)
        finally:
            gc.unfreeze()
            _FORKED.clear()
    return {name: rows[name] for name in wanted}


def _show(messages: list[Warning]) -> None:
    for message in messages:
        warnings.warn(message, stacklevel=3)


def _gather(read: ReadCorpus, codebook_dir: Path, wanted: list[str], keys: list, engine: str, workers: int,
            scheduler: str | None, cache, spill: PartSpill | None) -> tuple[Context, list[Warning]]:
    """The gathered Context. With a `spill` (an export), the gather holds only what the export
    writes: the spilled tables and the corpus's blocks and sentences go to disk as their
    articles come back (the Context writes them from there), each article's lines (only the
    cleaning audit reads them, no table) are dropped, and so is each raw article in
    read.tasks once its partition is done."""
    table_names = per_article_tables(wanted)
    tasks = read.tasks
    article_ids = [task.article_id for task in tasks]
    results: list[ArticleResult | None] = [None] * len(tasks)
    if cache:
        for i, key in enumerate(keys):
            entry = cache.get(key)
            if entry is not None and set(table_names) | set(SPILLED_FRAMES.values()) <= set(entry.tables):
                results[i] = _kept(spill, i, entry)
    expected = version_key(codebook_dir) if engine == "dask" else None  # workers elsewhere may differ
    work = partial(run_partition, codebook_dir=codebook_dir, table_names=table_names, expected_version=expected)
    positions = partitions([i for i, result in enumerate(results) if result is None], workers)
    parts = [[tasks[i] for i in part] for part in positions]
    done = map_partitions(work, parts, engine=engine, workers=workers, scheduler=scheduler)
    # strict: runs the partitions' iterator to its end, which closes the pool of processes
    for number, part_results in zip(range(len(parts)), done, strict=True):
        for i, result in zip(positions[number], part_results, strict=True):
            if cache:
                cache.put(keys[i], result)
            results[i] = _kept(spill, i, result)
            if spill:
                tasks[i] = None
        if spill:  # (sent and done: the pool holds it no more)
            parts[number].clear()
    if spill:
        tasks.clear()

    corpus = assemble_corpus(read.folder, [result.rows for result in results], read.audit.frame(), with_lines=spill is None)
    by_id = np.asarray(sorted(range(len(article_ids)), key=article_ids.__getitem__), dtype=np.int64)
    spilled = {name: spill.written(name, by_id if spec(name).order == "article_id" else None)
               for name in spill.names} if spill else {}
    if spill:  # (its blocks and sentences are on disk, not in the rows)
        corpus = SpilledCorpus(read.folder, corpus.articles, corpus.skipped, spilled)
    built = {name: gather_table(name, results) for name in table_names if name not in spilled}
    messages = [message for result in results for message in result.warnings]
    return Context(corpus, codebook_dir=codebook_dir, _built=built, _spilled=spilled), messages


def _kept(spill: PartSpill | None, position: int, result: ArticleResult) -> ArticleResult:
    """What the gather holds of an article's result (the cache has stored it whole): in an
    export (a spill), neither its spilled parts nor its blocks, sentences and lines."""
    if spill:
        spill.keep(position, result.tables)
        result.rows = replace(result.rows, lines=[], **{frame: [] for frame in SPILLED_FRAMES})
    return result
