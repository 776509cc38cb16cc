"""VADER in tone.csv: plain SentimentIntensityAnalyzer.polarity_scores against
analysis.vader.VaderPolarity on every distinct text tone.csv scores (each sentence's own-voice
and quoted parts), in the same run, CPU time of this process (one core); and a check that the
two give identical score dicts (compared by repr) for every one of those texts.

    python -m benchmarks tone                        # a news-shaped corpus of 1,000 articles
    python -m benchmarks tone --corpus /tmp/nc1k     # any corpus folder

The default corpus comes from news_corpus.make_news_corpus (distinct sentences in the seeds'
wording, planted wire reuse). Each timed VaderPolarity run starts with an empty token cache,
as every export does; plain VADER has no cache to warm."""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import load_corpus
from analysis.export import Context
from analysis.tone import sentence_tone
from analysis.vader import VaderPolarity

from .common import best_of
from .news_corpus import make_news_corpus

DEFAULT_ARTICLES = 1000
RUNS = 3  # best of: other work on a shared machine only ever adds time


def scored_texts(corpus) -> list[str]:
    """The distinct texts tone.csv hands to VADER, in first-seen order."""
    return list(dict.fromkeys(sentence_tone(corpus.sentences)["text"]))


def assert_same_scores(texts: list[str], analyzer: SentimentIntensityAnalyzer) -> None:
    polarity = VaderPolarity(analyzer)
    for text in texts:
        plain, fast = repr(analyzer.polarity_scores(text)), repr(polarity.polarity_scores(text))
        if plain != fast:
            raise SystemExit(f"VaderPolarity differs from VADER on {text!r}: {fast} != {plain}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks tone")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a generated news-shaped corpus)")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="size of the generated corpus")
    args = parser.parse_args(argv or [])
    with tempfile.TemporaryDirectory() as folder:
        if args.corpus is None:
            make_news_corpus(Path(folder), args.articles)
        corpus = load_corpus(args.corpus or folder)
    analyzer = SentimentIntensityAnalyzer()
    texts = scored_texts(corpus)
    assert_same_scores(texts, analyzer)
    n_words = sum(len(t.split()) for t in texts)
    print(f"{len(corpus.articles):,} articles, {len(texts):,} distinct texts scored ({n_words:,} tokens): "
          "all scores identical to VADER's")

    plain = best_of(lambda: [analyzer.polarity_scores(t) for t in texts], repeat=RUNS)
    fast = best_of(lambda: list(map(VaderPolarity(analyzer).polarity_scores, texts)), repeat=RUNS)
    print(f"plain VADER polarity_scores : {plain:6.2f} s  {len(texts) / plain:9,.0f} texts/s")
    print(f"VaderPolarity               : {fast:6.2f} s  {len(texts) / fast:9,.0f} texts/s"
          f"  ({plain / fast:.1f}x faster, {fast / plain:.2f}x the time)")

    table = float("inf")
    for _ in range(RUNS):
        context = Context(corpus)
        start = time.process_time()
        context.table("tone.csv")
        table = min(table, time.process_time() - start)
    print(f"tone.csv (the whole table)  : {table:6.2f} s  {len(corpus.articles) / table:9,.1f} articles/s"
          f"  (plain VADER alone on its texts: {plain / table:.2f}x the table's time)")
