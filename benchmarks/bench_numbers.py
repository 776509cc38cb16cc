"""Figure extraction speed: sentences per second on one core, against a bare digit scan
(re.findall(r"\\d+")) over the same distinct sentences, measured in the same run; then the
whole figures.csv stage (extraction, derived figures, claim ids) on a news-shaped corpus
against the c412d6b implementation kept as the oracle in tests/corpus_reference."""
from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis.claims import build_figures
from analysis.config import ROOT
from analysis.numbers import extract_sentence, load_lexicon

from .common import best_of, letter_tag
from .news_corpus import make_news_corpus

N_SENTENCES = 40_000
TARGET = 20_000  # sentences per second required
STAGE_ARTICLES = 400  # news-shaped articles for the stage comparison


def distinct_sentences(n: int) -> list[str]:
    """n distinct sentences from the bundled corpus, each tagged with its index so that no
    per-text cache can help (the corpus mix: about one sentence in five carries a number)."""
    base = load_corpus(None).sentences["text"].tolist()
    return [f"{base[i % len(base)]} ({letter_tag(i)})" for i in range(n)]


def reference_module(name: str):
    """A module of the c412d6b oracle (tests/corpus_reference), the baseline of the stage
    comparisons."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return importlib.import_module(f"corpus_reference.{name}")


def news_corpus(folder: Path, n: int = STAGE_ARTICLES):
    """A news-shaped corpus of n articles written into folder, loaded."""
    make_news_corpus(folder, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


def figures_stage() -> None:
    """figures.csv as the export builds it, against the c412d6b code on the same corpus."""
    ref_numbers, ref_claims = reference_module("numbers"), reference_module("claims")
    with tempfile.TemporaryDirectory() as name:
        corpus = news_corpus(Path(name))

    def reference():
        figures = ref_numbers.extract_figures(corpus.sentences, ref_numbers.load_lexicon())
        figures = ref_claims.derive_figures(figures, corpus.articles)
        return ref_claims.assign_claims(figures, ref_claims.load_claims())[ref_numbers.FIGURE_COLUMNS]

    current, old = best_of(lambda: build_figures(corpus)), best_of(reference)
    same = build_figures(corpus).equals(reference())
    print(f"figures.csv stage on {len(corpus.articles):,} news-shaped articles ({len(corpus.sentences):,} sentences): "
          f"{current:.3f} s CPU, c412d6b code {old:.3f} s; ratio {old / current:.2f}x faster; identical: {same}")


def main() -> None:
    figures_stage()
    lexicon = load_lexicon()
    sentences = distinct_sentences(N_SENTENCES)
    digits = re.compile(r"\d+")

    def extract():
        for text in sentences:
            extract_sentence(text, lexicon)

    def baseline():
        for text in sentences:
            digits.findall(text)

    wall = best_of(extract, clock=time.perf_counter), best_of(baseline, clock=time.perf_counter)
    cpu = best_of(extract), best_of(baseline)
    n = len(sentences)
    print(f"figures extractor: {n / cpu[0]:,.0f} sentences/s CPU time, {n / wall[0]:,.0f} wall "
          f"({n:,} distinct sentences, one core)")
    print(f"baseline re.findall(r'\\d+'): {n / cpu[1]:,.0f} sentences/s CPU time, {n / wall[1]:,.0f} wall")
    print(f"ratio extractor/baseline (CPU time): {cpu[1] / cpu[0]:.3f} "
          f"(the extractor is {cpu[0] / cpu[1]:.1f}x slower than a bare digit scan)")
    print(f"target {TARGET:,} sentences/s (CPU time): {'met' if n / cpu[0] >= TARGET else 'NOT met'}")
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores:
        print(f"note: load average {load:.1f} on {cores} cores: wall rates include waiting for a core")


if __name__ == "__main__":
    main()
