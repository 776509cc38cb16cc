"""readability_table over N distinct articles against the floor: plain textstat calls of the
same metrics on the same texts. Each timed run gets its own distinct texts, because textstat
caches results per text and would otherwise make the second run look free."""
from __future__ import annotations

import itertools
import re
import time

import textstat

from analysis import load_corpus
from analysis.readability import readability_table
from analysis.readability_uncertainty import outlet_intervals, sentence_counts
from benchmarks.common import distinct_variants
from analysis.testing import make_corpus

N_ARTICLES = 300  # more than textstat's 128-entry caches hold
N_OUTLETS = 10
RUNS = 3


def plain_textstat(text: str) -> None:
    """Every textstat call behind readability.csv's textstat columns, nothing else."""
    textstat.flesch_reading_ease(text)
    textstat.flesch_kincaid_grade(text)
    textstat.gunning_fog(text)
    textstat.smog_index(text)
    textstat.coleman_liau_index(text)
    textstat.automated_readability_index(text)
    textstat.dale_chall_readability_score(text)
    textstat.linsear_write_formula(text)
    textstat.text_standard(text, float_output=True)
    textstat.avg_syllables_per_word(text)
    textstat.difficult_words(text)
    textstat.difficult_words(text, unique=False)
    textstat.lexicon_count(text)
    textstat.sentence_count(text)


def synthetic_corpus(texts: list[str]):
    """A corpus of the given texts as body paragraphs, spread over N_OUTLETS outlets."""
    return make_corpus({
        f"art{i:05d}": {"outlet": f"Outlet {i % N_OUTLETS}",
                        "blocks": [("body", p) for p in re.split(r"\n\s*\n", text) if p.strip()]}
        for i, text in enumerate(texts)})


def main() -> None:
    seeds = [t for t in load_corpus().body_text() if t]
    batches = (distinct_variants([f"Batch {b}. {t}" for t in seeds], N_ARTICLES, seed=b)
               for b in itertools.count())
    textstat.text_standard(next(batches)[0], float_output=True)  # load cmudict once, untimed

    floor, ours, uncertainty = [], [], []
    for _ in range(RUNS):
        texts = next(batches)
        start = time.perf_counter()
        for text in texts:
            plain_textstat(text)
        floor.append(time.perf_counter() - start)

        corpus = synthetic_corpus(next(batches))
        body = corpus.body_text()
        start = time.perf_counter()
        table = readability_table(corpus)
        ours.append(time.perf_counter() - start)
        assert len(table) == len(body) == N_ARTICLES

        start = time.perf_counter()
        outlet_intervals(table, sentence_counts(corpus.sentences))
        uncertainty.append(time.perf_counter() - start)

    floor_rate, ours_rate, unc_rate = (N_ARTICLES / min(t) for t in (floor, ours, uncertainty))
    print(f"plain textstat calls (floor): {floor_rate:8.1f} articles/s")
    print(f"readability_table           : {ours_rate:8.1f} articles/s  "
          f"(ratio to floor {floor_rate / ours_rate:.2f}x the time)")
    print(f"sentence counts + bootstrap : {unc_rate:8.1f} articles/s  "
          f"({N_OUTLETS} outlets; ratio to floor {floor_rate / unc_rate:.2f}x the time)")
