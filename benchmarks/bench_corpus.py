"""Corpus stage (read, label lines, group blocks, split sentences, build frames) on distinct
articles, against a floor measured in the same run: reading the same files and splitting
their lines. Target: at least 500 articles per second on one core."""
from __future__ import annotations

import tempfile
from pathlib import Path

from analysis import load_corpus
from analysis.config import RAW_DIR
from analysis.reading import read_article

from .common import best_of, distinct_variants

N_ARTICLES = 2000
TARGET_PER_SECOND = 500


def make_corpus(folder: Path, n: int) -> None:
    """n distinct article files built from the seeds: each keeps its debris lines and gets its
    body paragraphs shuffled and numbered, so no two texts are the same."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(RAW_DIR.glob("*.txt"))]
    for i, text in enumerate(distinct_variants(seeds, n)):
        (folder / f"article_{i:06d}.txt").write_text(text.replace(". ", ".\n\n", 3), encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, N_ARTICLES)
        files = sorted(folder.glob("*.txt"))
        floor = best_of(lambda: [read_article(p).lines for p in files])
        full = best_of(lambda: load_corpus(folder))
        corpus = load_corpus(folder)
    rate = N_ARTICLES / full
    print(f"articles: {N_ARTICLES}, sentences: {len(corpus.sentences)}, blocks: {len(corpus.blocks)}")
    print(f"read + split lines (floor): {N_ARTICLES / floor:,.0f} articles/s")
    print(f"load_corpus:               {rate:,.0f} articles/s  ({full / floor:.1f}x the floor)")
    print(f"target {TARGET_PER_SECOND} articles/s: {'met' if rate >= TARGET_PER_SECOND else 'NOT met'} ({rate / TARGET_PER_SECOND:.1f}x)")
