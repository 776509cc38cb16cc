"""quote_variants.csv against its previous implementation (main at 00881f1, kept verbatim in
tests/reference_quote_variants_00881f1.py), timed in turns in the same run (CPU seconds of
this process, best of three each), the same table checked, on a corpus of the size given:

- the previous code proposed every pair of a speaker's quotes from different articles sharing
  a term (Python sets per speaker) and scored them all; most fall far short of MIN_SIMILARITY;
- the current code builds the same candidates with numpy and scores only those that
  `TokenIndex.may_reach` cannot prove short of it, and counts the term IDF over the
  sentences with numpy;
- main at de023f4 (tests/reference_quote_variants_de023f4.py) searched the spelling variants of
  the pairs three times (for the bound, the scoring, the flipped scoring); the current code
  searches them once (`TokenIndex.variant_links`).

Then the export's builder against the one at c1c90e8 (tests/reference_quote_variants_c1c90e8.py)
as a forked export job runs it, sentence_tokens and quotes.csv spilled to disk: CPU and the
rise of peak memory, each in a fresh fork, in turns (benchmarks/builder_memory.py). c1c90e8
read the token table back whole and looked every sentence's tokens up in the order of the
whole sentences frame, to count the term IDF; the current builder folds the document
frequencies over the token table a slice of articles at a time (`DocumentFrequencies`).

Printed with the number of candidate pairs, of pairs scored and of pairs kept (what the cost
should follow), so runs at two sizes show how each grows.

python -m benchmarks quote_variants [--articles N] (news corpus of N articles, default 1000)
python -m benchmarks quote_variants --corpus DIR (a folder of articles, e.g. /tmp/nc10k_v2)"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.export import Context
from analysis.pair_scoring import TokenIndex, token_idf_weights
from analysis.quote_variants import MIN_SIMILARITY, MIN_TERMS, _candidates, quote_variants_of
from analysis.textsim import load_paraphrases, sentence_tokens, tokens_by_sentence

from .builder_memory import compare_builders
from .common import best_of
from .news_corpus import load_news_corpus

NEWS_ARTICLES = 1000


def inputs(options) -> tuple[object, pd.DataFrame, list]:
    """The corpus, its quotes.csv and its sentences' tokens (as the export hands them over)."""
    if options.corpus:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(options.corpus)
    else:
        corpus = load_news_corpus(options.articles)
    context = Context(corpus)
    quotes = context.table("quotes.csv")
    tokens = tokens_by_sentence(corpus.sentences, context.table("sentence_tokens"))
    return corpus, quotes, tokens


def pair_counts(corpus, quotes: pd.DataFrame, tokens) -> tuple[int, int]:
    """(candidate pairs, pairs scored after `may_reach`) of the current code on these quotes."""
    paraphrases = load_paraphrases()
    frame = quotes[quotes["speaker"].fillna("").astype(str).str.strip() != ""].reset_index(drop=True)
    weights = token_idf_weights(tokens)
    index = TokenIndex(sentence_tokens(frame["quote"].tolist(), paraphrases), weights)
    speaker = np.asarray(pd.factorize(frame["speaker"], sort=True)[0], dtype=np.int64)
    first, second = _candidates(speaker, pd.factorize(frame["article_id"])[0], index, MIN_TERMS)
    return len(first), int(index.may_reach(first, second, MIN_SIMILARITY).sum())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks quote_variants")
    parser.add_argument("--articles", type=int, default=NEWS_ARTICLES, help="size of the news corpus")
    parser.add_argument("--corpus", type=Path, help="a folder of articles instead of the news corpus")
    options = parser.parse_args(argv or [])
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_quote_variants_00881f1 as reference
    import reference_quote_variants_de023f4

    corpus, quotes, tokens = inputs(options)
    import reference_quote_variants_c1c90e8

    def current(corpus, quotes, *, tokens):  # (the tokens as one slice)
        return quote_variants_of(corpus, quotes, token_slices=[tokens])

    runs = {"00881f1": reference.quote_variants_of, "de023f4": reference_quote_variants_de023f4.quote_variants_of,
            "current": current}
    frames = {name: fn(corpus, quotes, tokens=tokens) for name, fn in runs.items()}  # warm-up
    if len({frame.to_csv(index=False) for frame in frames.values()}) != 1:
        raise AssertionError("quote_variants_of gives another table than 00881f1's or de023f4's")
    seconds: dict[str, float] = {}
    for _ in range(3):  # in turns, so a slower spell of the machine hits both
        for name, fn in runs.items():
            spent = best_of(lambda: fn(corpus, quotes, tokens=tokens), repeat=1)
            seconds[name] = min(seconds.get(name, spent), spent)
    candidates, scored = pair_counts(corpus, quotes, tokens)
    kept = len(frames["current"])
    print(f"quote_variants.csv on {len(corpus.articles):,} articles, {len(corpus.sentences):,} sentences, "
          f"{len(quotes):,} quotes (same table both ways, {kept:,} rows)")
    print(f"  candidate pairs {candidates:,}, scored after may_reach {scored:,}")
    for name, value in seconds.items():
        print(f"  {name:<8}: {value:6.2f} s CPU")
    print(f"  speed-up over 00881f1: {seconds['00881f1'] / seconds['current']:.2f}x, "
          f"over de023f4: {seconds['de023f4'] / seconds['current']:.2f}x")
    del frames, tokens
    compare_builders(corpus, "quote_variants.csv", ["sentence_tokens", "quotes.csv"], "c1c90e8",
                     reference_quote_variants_c1c90e8.quote_variants_table)


if __name__ == "__main__":
    main()
