"""readability.csv, the sentence counts and readability_outlets.csv over N distinct articles,
against the floor: plain calls of stock textstat (no word memo) for the same metrics on
texts of the same kind. CPU time of this process (one core). Each timed run gets its own
texts, because textstat caches results per text and would otherwise make a second run look
free; every sentence is made distinct too (see distinct_sentences), because
sentence_counts counts a repeated sentence once and the seed-made texts repeat them."""
from __future__ import annotations

import itertools
import random
import re
import sys
import time

import textstat

from analysis import load_corpus
from analysis.readability import readability_table
from analysis.readability_uncertainty import outlet_intervals, sentence_counts
from analysis.testing import make_corpus
from analysis.textstat_memo import WORD_FUNCTIONS
from benchmarks.common import distinct_variants

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


def assert_stock_textstat() -> None:
    """The floor must be textstat as installed: no word memo in place."""
    for module, name in WORD_FUNCTIONS:
        assert hasattr(getattr(sys.modules[module], name), "cache_info"), f"{name} is not textstat's own"


def distinct_sentences(text: str, rng: random.Random) -> str:
    """The text with, in every sentence, two neighbouring words swapped and one of its words
    said twice: the same vocabulary, but (almost always) sentences no other text has."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = sentence.split(" ")
        if len(words) > 3:
            i = rng.randrange(len(words) - 2)  # never the last word (it carries the full stop)
            words[i], words[i + 1] = words[i + 1], words[i]
            words.insert(rng.randrange(len(words) - 1), rng.choice(words[:-1]))
        out.append(" ".join(words))
    return " ".join(out)


def synthetic_corpus(texts: list[str]):
    """A corpus of the given texts as body paragraphs, spread over N_OUTLETS outlets."""
    return make_corpus({
        f"art{i:05d}": {"outlet": f"Outlet {i % N_OUTLETS}",
                        "blocks": [("body", p) for p in re.split(r"\n\s*\n", text) if p.strip()]}
        for i, text in enumerate(texts)})


def cpu(fn, *args):
    start = time.process_time()
    result = fn(*args)
    return time.process_time() - start, result


def main() -> None:
    seeds = [t for t in load_corpus().body_text() if t]
    rng = random.Random(0)
    batches = ([distinct_sentences(t, rng) for t in
                distinct_variants([f"Batch {b}. {t}" for t in seeds], N_ARTICLES, seed=b)]
               for b in itertools.count())
    textstat.text_standard(next(batches)[0], float_output=True)  # load cmudict once, untimed

    times = {"floor": [], "table": [], "counts": [], "bootstrap": []}
    for _ in range(RUNS):
        texts = next(batches)
        assert_stock_textstat()
        times["floor"].append(cpu(lambda: [plain_textstat(t) for t in texts])[0])

        corpus = synthetic_corpus(next(batches))
        spent, table = cpu(readability_table, corpus)
        times["table"].append(spent)
        assert len(table) == N_ARTICLES
        spent, counts = cpu(sentence_counts, corpus.sentences)
        times["counts"].append(spent)
        times["bootstrap"].append(cpu(outlet_intervals, table, counts)[0])
    distinct = corpus.sentences["text"].nunique() / len(corpus.sentences)

    best = {name: min(values) for name, values in times.items()}
    best["all three"] = best["table"] + best["counts"] + best["bootstrap"]
    labels = {
        "floor": "plain textstat calls (floor)",
        "table": "readability_table",
        "counts": f"sentence counts ({distinct:.0%} distinct)",
        "bootstrap": f"bootstrap ({N_OUTLETS} outlets)",
        "all three": "all three",
    }
    print(f"{N_ARTICLES} articles, best of {RUNS} runs, CPU seconds of this process")
    for name, label in labels.items():
        ratio = "" if name == "floor" else f"  ({best[name] / best['floor']:.2f}x the floor's time)"
        print(f"{label:36s}: {best[name]:6.2f} s  {N_ARTICLES / best[name]:8.1f} articles/s{ratio}")
