"""Corpus.with_outlet on every slice of a corpus's sentences, as distinctive_words.csv calls it
(emphasis.csv does the same on its smaller per-slice frames): the article -> outlet lookup
built once per corpus (now) against built at every call (1c939c6, kept in
tests/reference_with_outlet_1c939c6.py), in CPU time, in turns, best of three, after checking
both give the same frames. First on the corpus's own slices (a SpilledCorpus's, of 500
articles), then as at 100,000 articles: the corpus's articles frame repeated to 100,000 rows
(ids made distinct) and its slices repeated to the 200 an export of that size reads (the
lookup's cost grows with the articles frame, the rest of a call with its slice).

    python -m benchmarks with_outlet --corpus /tmp/nc1k --corpus /tmp/nc10k_v2"""
from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.corpus import Corpus

from .news_corpus import load_news_corpus
from .spilled_corpus import spilled_context

AT_SCALE = 100_000  # articles
TURNS = 3


def sentence_slices(corpus: Corpus) -> list[pd.DataFrame]:
    """The sentences' article_id and text, a slice at a time as distinctive_words.csv reads
    them from the export's SpilledCorpus."""
    with tempfile.TemporaryDirectory() as folder:
        context, spill = spilled_context(corpus, Path(folder), {})
        try:
            return [frame[["article_id", "text"]] for frame in context.corpus.slices("sentences")]
        finally:
            spill.close()


def repeated(corpus: Corpus, slices: list[pd.DataFrame], n_articles: int) -> tuple[Corpus, list[pd.DataFrame]]:
    """`corpus` with its articles repeated to at least n_articles (copy k's ids end in ~k), and
    its slices repeated for every copy (the same texts, the copy's ids)."""
    ids = corpus.articles["article_id"]
    copies = math.ceil(n_articles / len(ids))
    renamed = [dict(zip(ids, ids + f"~{k}")) for k in range(copies)]
    articles = pd.concat([corpus.articles.assign(article_id=corpus.articles["article_id"].map(renamed[k]))
                          for k in range(copies)], ignore_index=True)
    return (dataclasses.replace(corpus, articles=articles),
            [frame.assign(article_id=frame["article_id"].map(renamed[k])) for k in range(copies) for frame in slices])


def compare(corpus: Corpus, slices: list[pd.DataFrame], what: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from reference_with_outlet_1c939c6 import with_outlet as with_outlet_1c939c6

    def old():
        return [with_outlet_1c939c6(corpus, frame) for frame in slices]

    def new():
        fresh = dataclasses.replace(corpus)  # (no lookup yet: each run builds it once, as a forked job does)
        return [fresh.with_outlet(frame) for frame in slices]

    for mine, theirs in zip(new(), old(), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    best = {"1c939c6": math.inf, "now": math.inf}
    for _ in range(TURNS):
        for version, run in (("1c939c6", old), ("now", new)):
            start = time.process_time()
            run()
            best[version] = min(best[version], time.process_time() - start)
    n_rows = sum(len(frame) for frame in slices)
    print(f"with_outlet on {what}: {len(corpus.articles):,} articles, {len(slices)} slices ({n_rows:,} rows; "
          f"same frames): lookup at every call (1c939c6) {best['1c939c6']:.3f} s CPU "
          f"({best['1c939c6'] / len(slices) * 1000:.1f} ms a call), once per corpus {best['now']:.3f} s "
          f"({best['now'] / len(slices) * 1000:.1f} ms a call); ratio {best['1c939c6'] / best['now']:.1f}x")


def main(argv: list[str] = ()) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks with_outlet")
    parser.add_argument("--corpus", action="append", help="a corpus folder (repeatable; default: 1,000 news-shaped articles)")
    options = parser.parse_args(argv)
    for folder in options.corpus or [None]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(folder) if folder else load_news_corpus(1_000)
        what = folder or "the news-shaped corpus"
        slices = sentence_slices(corpus)
        compare(corpus, slices, what)
        compare(*repeated(corpus, slices, AT_SCALE), f"{what} repeated to {AT_SCALE:,} articles")
