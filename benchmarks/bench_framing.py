"""Quote finding with attribution on distinct synthetic articles, in sentences per second
(frame matching is measured with the topic dictionary in bench_terms)."""
from __future__ import annotations

import pandas as pd

from analysis import load_corpus
from analysis.document import sentences_from_text
from analysis.quotes import find_quotes
from analysis.referents import Referents

from .common import best_of, distinct_variants


def main() -> None:
    corpus = load_corpus()
    bodies = corpus.body_text()
    articles = distinct_variants([" ".join(t.split()) for t in bodies if t], 40)
    sentences = pd.concat([sentences_from_text(t, f"a{i}") for i, t in enumerate(articles)], ignore_index=True)
    referents = Referents.load()
    seconds = best_of(lambda: find_quotes(sentences, referents=referents), repeat=2)
    print(f"quotes with attribution: {len(sentences) / seconds:,.0f} sentences/s ({len(articles)} articles)")
