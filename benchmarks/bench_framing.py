"""The per-article framing and figures tables (tone.csv, quotes.csv, actors.csv, figures.csv,
discrepancies.csv) on N distinct synthetic articles, in articles per second of CPU time, each
against the floor measured in the same run on the same texts: plain textstat calls of the
readability metrics (bench_readability.plain_textstat). The whole export is meant to stay
within 1.3x that floor, so each table must be a small fraction of it.

Every sentence carries its own tag, so no sentence text repeats: the per-distinct-text caches
in these tables (VADER scores, actor mentions, figure extraction) cannot hide the cost here,
although they do help on real corpora, where wire copy and boilerplate repeat.

Also: quote finding with attribution alone, in sentences per second; and the quote, label,
tone and naming tables from one shared quotes.quoted_documents (documents and quotation spans
built once, as the export can pass them) against each building its own, in the same run.

Last, frames.csv and tone.csv against their de023f4 versions (kept verbatim in
tests/reference_frames_de023f4.py and tests/reference_tone_de023f4.py), old and new in turns
in this process, best of RUNS each, the outputs checked equal:

    python -m benchmarks framing                      # the synthetic articles above
    python -m benchmarks framing --corpus /tmp/nc1k   # only the in-turns comparison, on a corpus folder"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd
import textstat

from analysis import load_corpus
from analysis.document import sentences_from_text
from analysis.frames import score_frames
from analysis.export import Context, inputs_of
from analysis.labels import find_labels
from analysis.naming import count_naming
from analysis.quotes import find_quotes, quoted_documents
from analysis.referents import Referents
from analysis.sentences import split_sentences
from analysis.tone import sentence_tone

from .bench_readability import plain_textstat, synthetic_corpus
from .common import best_of, distinct_variants, letter_tag

N_ARTICLES = 300
RUNS = 3  # best of: other work on a shared machine only ever adds time
# each table after the tables it reads (built untimed first), so a time is that table's own
TABLES = ("tone.csv", "quotes.csv", "actors.csv", "figures.csv", "discrepancies.csv")


def tagged_articles(n: int, batch: int = 0) -> list[str]:
    """n distinct article texts whose sentences are all distinct: each gets a digit-free tag
    (a figure-free, actor-free parenthesis) so no text-level cache can help."""
    seeds = [t for t in load_corpus().body_text() if t]
    articles, counter = [], 0
    for text in distinct_variants([f"Batch {_tag(batch)}. {t}" for t in seeds], n, seed=batch):
        paragraphs = []
        for paragraph in text.split("\n\n"):
            sentences = []
            for start, end in split_sentences(paragraph):
                counter += 1
                sentences.append(f"{paragraph[start:end]} ({_tag(counter)})")
            paragraphs.append(" ".join(sentences))
        articles.append("\n\n".join(paragraphs))
    return articles


def table_seconds(corpus, name: str) -> float:
    """Fastest CPU seconds of building `name` on a fresh Context whose inputs are built."""
    best = float("inf")
    for _ in range(RUNS):
        context = Context(corpus)
        for needed in inputs_of(name):
            context.table(needed)
        start = time.process_time()
        context.table(name)
        best = min(best, time.process_time() - start)
    return best


def _tag(i: int) -> str:
    return "q" + letter_tag(i)  # never an English word or a number word


def against_de023f4(corpus, runs: int = RUNS) -> None:
    """frames.csv's score_frames and tone.csv's sentence_tone against their de023f4 versions,
    timed in turns (old, new, old, new...: a slower spell of the shared machine slows both),
    best of `runs` each, CPU seconds; exits when an output differs."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_frames_de023f4
    import reference_tone_de023f4

    sentences, articles = corpus.sentences, corpus.articles
    documents = quoted_documents(sentences)  # shared by the export's quote, label, tone and naming tables
    versions = {
        "frames.csv": (lambda: reference_frames_de023f4.score_frames(sentences, articles),
                       lambda: score_frames(sentences, articles)),
        "tone.csv": (lambda: reference_tone_de023f4.sentence_tone(sentences, documents=documents),
                     lambda: sentence_tone(sentences, documents=documents)),
    }
    n = len(articles)
    print(f"against de023f4, {n:,} articles, {len(sentences):,} sentences, in turns, best of {runs} (CPU s):")
    totals = [0.0, 0.0]
    for name, builds in versions.items():
        best, outputs = [float("inf")] * 2, [None, None]
        for _ in range(runs):
            for i, build in enumerate(builds):
                start = time.process_time()
                outputs[i] = build()
                best[i] = min(best[i], time.process_time() - start)
        if outputs[0].to_csv(index=False) != outputs[1].to_csv(index=False):
            raise SystemExit(f"{name}: the current code's output differs from de023f4's")
        totals = [t + b for t, b in zip(totals, best)]
        print(f"  {name:<12} de023f4 {best[0]:7.2f} s   now {best[1]:7.2f} s   "
              f"{best[0] / best[1]:.2f}x faster ({best[1] / best[0]:.2f}x the time)")
    print(f"  {'together':<12} de023f4 {totals[0]:7.2f} s   now {totals[1]:7.2f} s   "
          f"{totals[0] / totals[1]:.2f}x faster ({totals[1] / totals[0]:.2f}x the time); same output")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks framing")
    parser.add_argument("--corpus", type=Path, help="a corpus folder: only the in-turns comparison with de023f4, on it")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each version in the in-turns comparison")
    args = parser.parse_args(argv or [])
    if args.corpus is not None:
        against_de023f4(load_corpus(args.corpus), args.runs)
        return
    texts = tagged_articles(N_ARTICLES)
    textstat.text_standard("Load the dictionary once, untimed.", float_output=True)
    start = time.process_time()
    for text in texts:  # once only: textstat caches per text
        plain_textstat(text)
    floor = time.process_time() - start
    corpus = synthetic_corpus(texts)
    n_sentences = len(corpus.sentences)
    print(f"{N_ARTICLES} distinct articles, {n_sentences:,} distinct sentences; CPU time, one core")
    print(f"plain textstat (floor)  : {N_ARTICLES / floor:8.1f} articles/s")
    total = 0.0
    for name in TABLES:
        seconds = table_seconds(corpus, name)
        total += seconds
        print(f"{name:<24}: {N_ARTICLES / seconds:8.1f} articles/s  (ratio to floor {seconds / floor:.3f}x the time)")
    print(f"{'these five together':<24}: {N_ARTICLES / total:8.1f} articles/s  (ratio to floor {total / floor:.3f}x the time)")

    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores:
        print(f"note: load average {load:.1f} on {cores} cores: the one-shot floor is the noisiest figure here")

    sentences = pd.concat([sentences_from_text(t, f"a{i}") for i, t in enumerate(texts[:40])], ignore_index=True)
    referents = Referents.load()
    seconds = best_of(lambda: find_quotes(sentences, referents=referents), repeat=2)
    print(f"quotes with attribution: {len(sentences) / seconds:,.0f} sentences/s (40 articles)")

    sentences = corpus.sentences
    builders = (lambda documents: find_quotes(sentences, referents, documents=documents),
                lambda documents: find_labels(sentences, referents=referents, documents=documents),
                lambda documents: sentence_tone(sentences, documents=documents),
                lambda documents: count_naming(sentences, documents=documents))
    each_own = best_of(lambda: [build(None) for build in builders], repeat=RUNS)
    shared = best_of(lambda: [build(documents) for documents in [quoted_documents(sentences)] for build in builders], repeat=RUNS)
    print(f"quotes, labels, tone, naming: {N_ARTICLES / shared:8.1f} articles/s with one shared quoted_documents, "
          f"{N_ARTICLES / each_own:8.1f} each building its own (ratio {each_own / shared:.2f}x)")
    against_de023f4(corpus, args.runs)
