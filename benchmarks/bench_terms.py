"""Dictionary matching (analysis.terms.TermDictionary: one alternation per topic or frame,
word boundaries checked once) against the obvious baseline of one regular expression per
codebook term, on distinct synthetic sentences, for the topic and the frame codebooks."""
from __future__ import annotations

import re

from analysis import load_corpus
from analysis.frames import load_frames
from analysis.terms import TermDictionary, term_pattern
from analysis.topics import load_topics

from .common import best_of, distinct_variants


def main() -> None:
    texts = distinct_variants(list(load_corpus().sentences["text"]), 4000)
    for name, book, key in (("topics", load_topics(), "topic"), ("frames", load_frames(), "frame")):
        groups = dict(zip(book[key], book["terms"]))
        dictionary = TermDictionary(groups)
        per_term = [(group, re.compile(term_pattern(term))) for group, terms in groups.items() for term in terms]
        fast = best_of(lambda: [dictionary.matches(text) for text in texts])
        slow = best_of(lambda: [[(g, m.group()) for g, rx in per_term for m in rx.finditer(text)] for text in texts])
        print(f"{name}: {len(texts) / fast:,.0f} sentences/s with one alternation per group; "
              f"{len(texts) / slow:,.0f} with one regex per term; ratio {slow / fast:.1f}x")
