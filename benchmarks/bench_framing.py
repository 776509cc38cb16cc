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
built once, as the export can pass them) against each building its own, in the same run."""
from __future__ import annotations

import os
import time

import pandas as pd
import textstat

from analysis import load_corpus
from analysis.document import sentences_from_text
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


def main() -> None:
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
