"""Figure extraction speed: sentences per second on one core, against a bare digit scan
(re.findall(r"\\d+")) over the same distinct sentences, measured in the same run; then the
whole figures.csv stage (extraction, derived figures, claim ids) on a news-shaped corpus
against the c412d6b implementation kept as the oracle in tests/corpus_reference; then
figures.csv and discrepancies.csv against the 00881f1 code (tests/reference_figures_00881f1.py),
old and new in turns, on the news-shaped corpus and on copies of its figures as if many events
were reported by many more articles (where the old per-figure agreement sets grew with the
square of a claim's articles)."""
from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.claims import assign_claims, build_figures, find_discrepancies, load_claims
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
    """A module of the oracles under tests/ (corpus_reference.<name>: c412d6b;
    reference_figures_00881f1), the baselines of the stage comparisons."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return importlib.import_module(name if name.startswith("reference_") else f"corpus_reference.{name}")


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


def in_turns(new, old, repeat: int = 3) -> tuple[float, float]:
    """Fastest CPU seconds of new and old, run alternately (the machine's speed drifts)."""
    best_new = best_old = float("inf")
    for _ in range(repeat):
        best_new, best_old = min(best_new, best_of(new, 1)), min(best_old, best_of(old, 1))
    return best_new, best_old


def copies(figures, n: int):
    """The figures as if n times as many articles had reported them (ids made distinct)."""
    return pd.concat([figures.assign(article_id=figures["article_id"] + f"~{k}", figure_id=figures["figure_id"] + f"~{k}")
                      for k in range(n)], ignore_index=True)


def against_00881f1() -> None:
    """figures.csv and discrepancies.csv against the 00881f1 code, in the same run."""
    old = reference_module("reference_figures_00881f1")
    with tempfile.TemporaryDirectory() as name:
        corpus = news_corpus(Path(name))
    claims = load_claims()
    new_time, old_time = in_turns(lambda: build_figures(corpus), lambda: old.build_figures(corpus))
    figures = build_figures(corpus)
    same = figures.equals(old.build_figures(corpus))
    print(f"figures.csv on {len(corpus.articles):,} news-shaped articles: {new_time:.3f} s CPU, 00881f1 code "
          f"{old_time:.3f} s; ratio {old_time / new_time:.2f}x faster; identical: {same}")
    for n in (1, 10):
        many = copies(figures, n)
        articles = pd.DataFrame({"article_id": many["article_id"].unique(), "outlet": "x"})
        new_time, old_time = in_turns(lambda: find_discrepancies(many, articles, claims),
                                      lambda: old.find_discrepancies(many, articles, claims))
        same = find_discrepancies(many, articles, claims).equals(old.find_discrepancies(many, articles, claims))
        print(f"discrepancies.csv, {len(articles):,} articles ({n}x the figures): {new_time:.3f} s CPU, 00881f1 code "
              f"{old_time:.3f} s; ratio {old_time / new_time:.2f}x faster; identical: {same}")
    assigned = copies(figures, 10).assign(claim_id="")
    new_time, old_time = in_turns(lambda: assign_claims(assigned, claims), lambda: old.assign_claims(assigned, claims))
    print(f"claim ids of {len(assigned):,} figures (10x): {new_time:.3f} s CPU, 00881f1 code {old_time:.3f} s; "
          f"ratio {old_time / new_time:.2f}x faster")


def main() -> None:
    against_00881f1()
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
