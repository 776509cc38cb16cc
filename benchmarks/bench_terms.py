"""The dictionary tables (frames, topic evidence, naming, labels) on distinct synthetic articles,
each against the floor of the scale target: plain textstat calls on the same texts, measured
in the same run (CPU time). Also dictionary matching itself: TermDictionary.matches (trie of
term keys, then only the terms that can start there) against the alternation of each group run
over the whole text (TermDictionary.scan, what it replaced), on the same sentences."""
from __future__ import annotations

import time

import textstat

from analysis import load_corpus
from analysis.export import Context
from analysis.frames import load_frames
from analysis.terms import TermDictionary
from analysis.topics import load_topics

from .bench_readability import plain_textstat, synthetic_corpus
from .common import best_of, distinct_variants

N_ARTICLES = 200
TABLES = ("frames.csv", "topic_evidence.csv", "naming.csv", "labels.csv")


def main() -> None:
    seeds = [t for t in load_corpus().body_text() if t]
    textstat.text_standard("Warm up. Load the dictionary once.", float_output=True)  # untimed
    texts = distinct_variants(seeds, N_ARTICLES, seed=7)
    corpus = synthetic_corpus(texts)

    start = time.process_time()
    for text in texts:
        plain_textstat(text)
    floor = time.process_time() - start
    print(f"plain textstat calls (floor): {N_ARTICLES / floor:8.1f} articles/s")
    for name in TABLES:
        seconds = best_of(lambda: Context(corpus).table(name))
        print(f"{name:<28}: {N_ARTICLES / seconds:8.1f} articles/s  (ratio to floor {seconds / floor:.3f}x the time)")

    sentences = list(corpus.sentences["text"])
    for name, book, key in (("topics", load_topics(), "topic"), ("frames", load_frames(), "frame")):
        dictionary = TermDictionary(dict(zip(book[key], book["terms"])))
        fast = best_of(lambda: [dictionary.matches(text) for text in sentences])
        slow = best_of(lambda: [[m for group in dictionary.groups for m in dictionary.scan(text, group)] for text in sentences])
        print(f"{name} dictionary: {len(sentences) / fast:,.0f} sentences/s; "
              f"{len(sentences) / slow:,.0f} with one alternation per group; ratio {slow / fast:.1f}x")
