"""Topic matching: one alternation per topic (analysis.topics.TopicMatcher) against the
obvious baseline of one regular expression per codebook term, on distinct synthetic texts."""
from __future__ import annotations

import re

from analysis import load_corpus
from analysis.topics import TopicMatcher, load_topics, term_regex

from .common import best_of, distinct_variants


def main() -> None:
    corpus = load_corpus()
    topics = load_topics()
    texts = distinct_variants(list(corpus.sentences["text"]), 4000)
    matcher = TopicMatcher(topics)
    per_term = [(topic, re.compile(term_regex(term), re.IGNORECASE)) for topic, terms in zip(topics["topic"], topics["terms"]) for term in terms]

    def ours():
        return [matcher.matches(text) for text in texts]

    def baseline():
        return [[(topic, m.group()) for topic, rx in per_term for m in rx.finditer(text)] for text in texts]

    fast, slow = best_of(ours), best_of(baseline)
    print(f"topic matching: {len(texts) / fast:,.0f} sentences/s (per-topic alternation)")
    print(f"baseline:       {len(texts) / slow:,.0f} sentences/s (one regex per term)")
    print(f"ratio: {slow / fast:.2f}x")
