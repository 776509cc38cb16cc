"""The dictionary tables (frames, topic evidence, naming, labels) on distinct synthetic articles,
each against the floor of the scale target: plain textstat calls on the same texts, measured
in the same run (CPU time). Then the matchers behind them against what they replaced, on the
same texts: TermDictionary.matches (word starts, then only the terms that can start there)
against each group's alternation run over the whole text (TermDictionary.scan); the naming
patterns (PatternSet) and the label finder against their plain finditer. Last, distinctive_words
(term counts and log-odds on integer codes) against the code it replaced (00881f1, kept in
tests/reference_tokens.py and tests/reference_logodds.py), after checking identical frames,
on the synthetic sentences and, with --corpus DIR, on that corpus's sentences. Last, the
builders of distinctive_words.csv and emphasis.csv against their c1c90e8 versions (kept in
tests/reference_distinctive_words_c1c90e8.py and tests/reference_emphasis_table_c1c90e8.py),
on the corpus as a forked export job will see it (benchmarks/spilled_corpus.py: the export's
SpilledCorpus, its blocks and sentences spilled and read back whole or in slices of 500
articles, topic_evidence.csv spilled beside them), each version in
its own fork, in turns, twice, after checking identical tables: CPU and the rise of peak
memory, and their ratios:

    python -m benchmarks terms --corpus /tmp/nc1k"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import textstat

from analysis import load_corpus
from analysis.document import build_documents
from analysis.export import Context
from analysis.frames import load_frames
from analysis.labels import _LabelFinder, load_labels
from analysis.logodds import distinctive_words
from analysis.naming import load_naming
from analysis.referents import Referents
from analysis.terms import TermDictionary
from analysis.topics import load_topics
from analysis.word_starts import PatternSet

from .bench_readability import plain_textstat, synthetic_corpus
from .common import forked_in_turns, measure_run, print_in_turns
from .common import best_of, distinct_variants

N_ARTICLES = 200
TABLES = ("frames.csv", "topic_evidence.csv", "naming.csv", "labels.csv")


def compare_distinctive_words(sentences, what: str) -> None:
    """CPU seconds (best of 3) of distinctive_words now and at 00881f1 on these sentences
    (with an outlet column), after checking both give the same frame."""
    import pandas as pd

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from reference_logodds import log_odds_vs_rest_00881f1
    from reference_tokens import term_counts_00881f1

    def previous():
        return log_odds_vs_rest_00881f1(term_counts_00881f1(sentences, "outlet"), "outlet")

    pd.testing.assert_frame_equal(distinctive_words(sentences, "outlet"), previous(), check_exact=True)
    fast = best_of(lambda: distinctive_words(sentences, "outlet"))
    slow = best_of(previous)
    print(f"distinctive_words ({what}, {len(sentences):,} sentences, identical frames): 00881f1 {slow:.2f} s, "
          f"now {fast:.2f} s CPU; ratio {slow / fast:.2f}x")


_SPILLED: dict = {}  # the Context the forked builders read (inherited by the forks, not sent)


def _builder_in_fork(version: str, name: str) -> tuple[float, float, str]:
    """`measure_run` of one version of a builder on _SPILLED["context"]."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_distinctive_words_c1c90e8
    import reference_emphasis_table_c1c90e8

    from analysis.export import TABLES

    context = _SPILLED["context"]
    old = {"distinctive_words.csv": lambda: reference_distinctive_words_c1c90e8.distinctive_words(
               context.corpus.with_outlet(context.corpus.sentences), "outlet"),
           "emphasis.csv": lambda: reference_emphasis_table_c1c90e8.emphasis_table(context)}
    build = old[name] if version == "c1c90e8" else lambda: TABLES[name](context)
    return _measured_from_here(build, lambda frame: frame.to_csv(index=False).encode())


def _measured_from_here(run, digest) -> tuple[float, float, str]:
    """common.measure_run with the peak memory counted from here: a forked child inherits
    its parent's peak RSS, which at a small corpus hides the builder's own; Linux resets it to
    the current RSS on writing 5 to clear_refs."""
    Path("/proc/self/clear_refs").write_text("5")
    return measure_run(run, digest)


def compare_builders_memory(corpus, what: str) -> None:
    """The c1c90e8 and current builders of distinctive_words.csv and emphasis.csv on `corpus`
    spilled as an export's forked jobs see it: CPU and peak memory rise of each, in turns."""
    import tempfile

    from .spilled_corpus import spilled_context

    with tempfile.TemporaryDirectory() as folder:
        evidence = Context(corpus).table("topic_evidence.csv")
        _SPILLED["context"], spill = spilled_context(corpus, Path(folder), {"topic_evidence.csv": evidence})
        del evidence
        try:
            for name in ("distinctive_words.csv", "emphasis.csv"):
                print(f"{name} builder ({what}, {len(corpus.articles):,} articles, spilled; identical tables):")
                print_in_turns(forked_in_turns(_builder_in_fork, ("c1c90e8", "current"), name))
        finally:
            spill.close()
            _SPILLED.clear()


def main(argv: list[str] = ()) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks terms")
    parser.add_argument("--corpus", help="also time distinctive_words on this corpus folder")
    options = parser.parse_args(argv)
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

    bodies = [doc.text for doc in build_documents(corpus.sentences).values()]
    patterns = PatternSet(re.compile(p) for p in load_naming()["pattern"])
    fast = best_of(lambda: [patterns.matches(text) for text in bodies])
    slow = best_of(lambda: [[list(p.finditer(text)) for p in patterns.patterns] for text in bodies])
    print(f"naming patterns: {len(bodies) / fast:,.0f} articles/s; {len(bodies) / slow:,.0f} with finditer; ratio {slow / fast:.1f}x")
    finder = _LabelFinder(load_labels(), Referents.load())
    fast = best_of(lambda: [list(finder._matches(text)) for text in bodies])
    slow = best_of(lambda: [list(finder.pattern.finditer(text)) for text in bodies])
    print(f"label terms: {len(bodies) / fast:,.0f} articles/s; {len(bodies) / slow:,.0f} with finditer; ratio {slow / fast:.1f}x")

    compare_distinctive_words(corpus.with_outlet(corpus.sentences), "synthetic")
    if options.corpus:
        real = load_corpus(options.corpus)
        compare_distinctive_words(real.with_outlet(real.sentences), options.corpus)
    compare_builders_memory(corpus, "synthetic")
    if options.corpus:
        compare_builders_memory(real, options.corpus)
