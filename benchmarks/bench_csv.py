"""Writing the export's tables: pandas' to_csv against analysis.csv_writer on every written
table of a corpus, in the same run, CPU time of this process (one core); and a check that
both give the same text for every table.

    python -m benchmarks csv                        # a news-shaped corpus of 1,000 articles
    python -m benchmarks csv --corpus /tmp/nc1k     # any corpus folder"""
from __future__ import annotations

import argparse
import io
import tempfile
import warnings
from pathlib import Path

from analysis import load_corpus, tables  # noqa: F401  (tables registers every builder)
from analysis.csv_writer import write_frame_csv
from analysis.export import Context, written_tables

from .common import best_of
from .news_corpus import make_news_corpus

DEFAULT_ARTICLES = 1000


def pandas_text(frame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def fast_text(frame) -> str:
    buffer = io.StringIO()
    write_frame_csv(frame, buffer)
    return buffer.getvalue()


def measure(folder: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        context = Context(load_corpus(folder))
        frames = {name: context.table(name) for name in written_tables()}
    different = [name for name, frame in frames.items() if fast_text(frame) != pandas_text(frame)]
    if different:
        raise SystemExit(f"csv_writer differs from pandas on: {', '.join(different)}")
    rows = sum(len(frame) for frame in frames.values())
    baseline = best_of(lambda: [pandas_text(frame) for frame in frames.values()])
    fast = best_of(lambda: [fast_text(frame) for frame in frames.values()])
    print(f"{len(frames)} tables, {rows:,} rows, identical text: yes")
    print(f"pandas to_csv           : {baseline:6.2f} s CPU = {rows / baseline:10,.0f} rows/s")
    print(f"csv_writer              : {fast:6.2f} s CPU = {rows / fast:10,.0f} rows/s ({baseline / fast:.1f}x faster)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks csv")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a generated news-shaped corpus)")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="size of the generated corpus")
    args = parser.parse_args(argv if argv is not None else [])
    if args.corpus:
        measure(args.corpus)
        return
    with tempfile.TemporaryDirectory() as folder:
        make_news_corpus(Path(folder), args.articles)
        measure(Path(folder))
