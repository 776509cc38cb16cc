"""Framing analyses on distinct synthetic articles: frame dictionary (one alternation per
frame, analysis.frames.FrameDictionary) against the obvious baseline of one regular
expression per codebook term; and quote finding with attribution, in sentences per second."""
from __future__ import annotations

import re

import pandas as pd

from analysis import load_corpus
from analysis.document import sentences_from_text
from analysis.frames import FrameDictionary, load_frames, term_pattern
from analysis.quotes import find_quotes
from analysis.referents import Referents

from .common import best_of, distinct_variants


def main() -> None:
    corpus = load_corpus()
    frames = load_frames()
    texts = distinct_variants(list(corpus.sentences["text"]), 4000)
    dictionary = FrameDictionary(frames)
    per_term = [(frame, re.compile(term_pattern(term))) for frame, terms in zip(frames["frame"], frames["terms"]) for term in terms]

    def ours():
        return [dictionary.match(text) for text in texts]

    def baseline():
        return [[(frame, m.group()) for frame, rx in per_term for m in rx.finditer(text)] for text in texts]

    fast, slow = best_of(ours), best_of(baseline)
    print(f"frame matching: {len(texts) / fast:,.0f} sentences/s (one alternation per frame)")
    print(f"baseline:       {len(texts) / slow:,.0f} sentences/s (one regex per term)")
    print(f"ratio: {slow / fast:.2f}x")

    bodies = corpus.body_text()
    articles = distinct_variants([" ".join(t.split()) for t in bodies if t], 40)
    sentences = pd.concat([sentences_from_text(t, f"a{i}") for i, t in enumerate(articles)], ignore_index=True)
    referents = Referents.load()
    seconds = best_of(lambda: find_quotes(sentences, referents=referents), repeat=2)
    print(f"quotes with attribution: {len(sentences) / seconds:,.0f} sentences/s ({len(articles)} articles)")
