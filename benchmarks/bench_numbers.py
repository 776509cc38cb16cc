"""Figure extraction speed: sentences per second on one core, against a bare digit scan
(re.findall(r"\\d+")) over the same distinct sentences, measured in the same run; then the
whole figures.csv stage (extraction, derived figures, claim ids) on a news-shaped corpus
against the c412d6b implementation kept as the oracle in tests/corpus_reference; then
figures.csv and discrepancies.csv against the 00881f1 code (tests/reference_figures_00881f1.py),
old and new in turns, on the news-shaped corpus and on copies of its figures as if many events
were reported by many more articles (where the old per-figure agreement sets grew with the
square of a claim's articles); then figures.csv as the export builds it now, from the per-article
figure_mentions table built in partitions and spilled, against c1c90e8's build_figures over
the whole corpus.sentences (tests/reference_figures_c1c90e8.py): the corpus-level job's CPU and
peak memory rise, each in a fresh fork, in turns, and the extraction's CPU in partitions
against the whole corpus at once (`--corpus DIR`: on that corpus instead of news-shaped
articles, e.g. /tmp/nc10k_v2; `--mentions-only`: only this comparison)."""
from __future__ import annotations

import argparse
import gc
import importlib
import io
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

from .common import forked_in_turns, measure_private, measure_run, print_in_turns
from .common import best_of, letter_tag
from .news_corpus import load_news_corpus, make_news_corpus

N_SENTENCES = 40_000
TARGET = 20_000  # sentences per second required
STAGE_ARTICLES = 400  # news-shaped articles for the stage comparison
MENTIONS_ARTICLES = 2000  # news-shaped articles for the figure_mentions comparison (two events)


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


_FIGURES_INPUT: tuple = ()  # (corpus, spilled figure_mentions), set before forking: inherited, not pickled


def _figures_csv_text(figures: pd.DataFrame) -> bytes:
    from analysis.csv_writer import write_frame_csv

    handle = io.StringIO(newline="")
    write_frame_csv(figures, handle)
    return handle.getvalue().encode()


def _figures_job_in_fork(version: str, measure: str) -> tuple[float, float, str]:
    """figures.csv as one version's export job builds it, in a forked child: c1c90e8 extracts
    the whole corpus.sentences; the current job reads the spilled mentions in slices.
    measure "rise": `measure_run` (CPU, peak RSS above the start); "private": (CPU, peak of the
    child's private memory, digest), what a forked export job costs: its own allocations and
    the parent's pages it copied by touching their objects (the sampling thread adds to CPU)."""
    from analysis.export import Context

    corpus, spilled = _FIGURES_INPUT
    if version == "c1c90e8":
        old_build = reference_module("reference_figures_c1c90e8").build_figures
        build = lambda: old_build(corpus)  # noqa: E731
    else:
        build = lambda: Context(corpus, _spilled={"figure_mentions": spilled}).table("figures.csv")  # noqa: E731
    measure_with = measure_run if measure == "rise" else measure_private
    return measure_with(build, _figures_csv_text)


def partition_ids(corpus, workers: int = 2) -> list[list[str]]:
    """The article ids of each partition a parallel export of `workers` processes builds."""
    from analysis.parallel import partitions

    return partitions(corpus.articles["article_id"].tolist(), workers)


def partitioned_mentions(corpus, groups: list[list[str]]) -> list[pd.DataFrame]:
    """figure_mentions as the export's partitions build it: one frame per group of articles."""
    from analysis.claims import figure_mentions

    by_article = dict(tuple(corpus.sentences.groupby("article_id", sort=False)))
    return [figure_mentions(pd.concat([by_article[a] for a in group if a in by_article])) for group in groups]


def mentions_against_c1c90e8(corpus) -> None:
    """figures.csv's export job now (derived figures and claim ids over the spilled
    figure_mentions) against c1c90e8's (extraction of the whole corpus too), CPU and peak
    rise each in a fresh fork, in turns, the same CSV text checked; then the extraction in the
    partitions against the whole corpus at once, in turns."""
    global _FIGURES_INPUT
    from analysis.claims import figure_mentions
    from analysis.table_parts import PartSpill

    old = reference_module("reference_figures_c1c90e8")
    position = {article: k for k, article in enumerate(corpus.articles["article_id"])}
    groups = partition_ids(corpus)
    print(f"figures.csv job on {len(position):,} articles ({len(corpus.sentences):,} sentences), c1c90e8 "
          "(extracts the whole corpus.sentences) against now (reads the spilled figure_mentions in slices):")
    with tempfile.TemporaryDirectory() as folder:
        spill = PartSpill(Path(folder), ["figure_mentions"], len(position))
        for frame, group in zip(partitioned_mentions(corpus, groups), groups):
            spill.keep_frames({"figure_mentions": frame}, group, [position[article] for article in group])
        _FIGURES_INPUT = (corpus, spill.written("figure_mentions"))
        gc.freeze()  # as the export freezes its context before forking the jobs
        try:
            print_in_turns(forked_in_turns(_figures_job_in_fork, ("c1c90e8", "current"), "rise"))
            private = forked_in_turns(_figures_job_in_fork, ("c1c90e8", "current"), "private")
        finally:
            gc.unfreeze()
            _FIGURES_INPUT = ()
            spill.close()
    (_, old_private), (_, new_private) = private.values()
    print(f"  private memory of the forked job (its allocations and the parent's pages it copies): c1c90e8 "
          f"{old_private:,.0f} MB, current {new_private:,.0f} MB, {old_private / new_private:.2f}x lower")
    whole = lambda: old.extract_figures(corpus.sentences, old.load_lexicon())  # noqa: E731
    new_time, old_time = in_turns(lambda: partitioned_mentions(corpus, groups), whole, repeat=2)
    gathered = pd.concat(partitioned_mentions(corpus, groups), ignore_index=True)
    same = gathered.iloc[gathered["article_id"].argsort(kind="stable")].reset_index(drop=True).equals(
        figure_mentions(corpus.sentences))
    print(f"  extraction: the whole corpus at once (c1c90e8) {old_time:.2f} s CPU, in {len(groups)} partitions "
          f"(figure_mentions) {new_time:.2f} s CPU, ratio {old_time / new_time:.2f}x (below 1: a text repeated in "
          f"several partitions is extracted in each); identical: {same}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks numbers")
    parser.add_argument("--corpus", help="folder of articles for the figure_mentions comparison (default: news-shaped)")
    parser.add_argument("--mentions-only", action="store_true", help="only the figure_mentions comparison")
    options = parser.parse_args(argv or [])
    if options.corpus:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mentions_against_c1c90e8(load_corpus(options.corpus))
    else:
        mentions_against_c1c90e8(load_news_corpus(MENTIONS_ARTICLES))
    if options.mentions_only:
        return
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
