"""Corpus stage (read, label lines, group blocks, split sentences, build frames) on distinct
articles, against a floor measured in the same run: reading the same files and splitting
their lines. Target: at least 500 articles per second on one core.

Then the same corpus through main at de023f4 (kept verbatim in tests/corpus_reference_de023f4)
and the current code, in turns, stage by stage: the first pass (read files, manifest, site
templates), the per-article rows (line roles, blocks, sentences) and assemble_corpus (the
frames from the rows, which the parent process runs alone in a parallel export). CPU seconds
are the best of the turns, each started with empty memos as an export is; the ratio is
old / new. `--corpus DIR` measures a folder instead of the generated corpus (e.g. a
2,000-article slice of a large corpus); `--turns N`."""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis import loading
from analysis.config import RAW_DIR
from analysis.reading import read_article

from .common import best_of, distinct_variants

N_ARTICLES = 2000
TARGET_PER_SECOND = 500
STAGES = ("read files + site templates", "per-article rows", "assemble_corpus")


def make_corpus(folder: Path, n: int) -> None:
    """n distinct article files built from the seeds: each keeps its debris lines and gets its
    body paragraphs shuffled and numbered, so no two texts are the same."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(RAW_DIR.glob("*.txt"))]
    for i, text in enumerate(distinct_variants(seeds, n)):
        (folder / f"article_{i:06d}.txt").write_text(text.replace(". ", ".\n\n", 3), encoding="utf-8")


def _reference_loading():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from corpus_reference_de023f4 import loading as reference

    return reference


def _forget(module) -> None:
    """Empty the per-process memos of the code behind `module` (word counts per token, dates
    per text), so every turn starts cold as an export does."""
    package = module.__name__.rsplit(".", 1)[0]
    for name, memo in (("text", "_TOKEN_WORDS"), ("dates", "_FOUND")):
        found = getattr(sys.modules.get(f"{package}.{name}"), memo, None)
        if found is not None:
            found.clear()


def _staged(module, folder: Path) -> tuple[dict[str, float], object]:
    """CPU seconds of each stage of module's build_corpus on folder (memos emptied first), and
    the corpus."""
    _forget(module)
    clock = time.process_time
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = clock()
        read = module.read_corpus(folder)
        read_done = clock()
        rows = [task.rows() for task in read.tasks]
        rows_done = clock()
        corpus = module.assemble_corpus(read.folder, rows, read.audit.frame())
        done = clock()
    return dict(zip(STAGES, (read_done - start, rows_done - read_done, done - rows_done))), corpus


def compare_in_turns(folder: Path, turns: int) -> dict[str, tuple[float, float]]:
    """stage -> (old CPU s, new CPU s), the best of `turns` runs of each, old and new in
    turns; the two corpora are checked equal first."""
    reference = _reference_loading()
    best = {(which, stage): float("inf") for which in ("old", "new") for stage in STAGES}
    for turn in range(turns):
        for which, module in (("old", reference), ("new", loading)):
            times, corpus = _staged(module, folder)
            for stage, spent in times.items():
                best[which, stage] = min(best[which, stage], spent)
            if turn == 0:
                if which == "old":
                    old_corpus = corpus
                else:
                    for name in ("articles", "blocks", "sentences", "lines", "skipped"):
                        old, new = getattr(old_corpus, name), getattr(corpus, name)
                        assert old.equals(new) and old.dtypes.equals(new.dtypes), f"{name} differ"
                del corpus
    return {stage: (best["old", stage], best["new", stage]) for stage in STAGES}


def print_comparison(results: dict[str, tuple[float, float]], label: str) -> None:
    print(f"de023f4 vs now on {label} (CPU s, best of turns):")
    for stage, (old, new) in results.items():
        print(f"  {stage:28s} {old:7.2f} -> {new:7.2f}  ({old / new:.2f}x)")
    old, new = (sum(pair[i] for pair in results.values()) for i in (0, 1))
    print(f"  {'corpus stage in all':28s} {old:7.2f} -> {new:7.2f}  ({old / new:.2f}x)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks corpus")
    parser.add_argument("--corpus", type=Path, help="measure the old and new stages on this folder")
    parser.add_argument("--turns", type=int, default=3)
    args = parser.parse_args(argv)
    if args.corpus:
        print_comparison(compare_in_turns(args.corpus, args.turns), str(args.corpus))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, N_ARTICLES)
        files = sorted(folder.glob("*.txt"))
        floor = best_of(lambda: [read_article(p).lines for p in files])
        full = best_of(lambda: load_corpus(folder))
        corpus = load_corpus(folder)
        comparison = compare_in_turns(folder, args.turns)
    rate = N_ARTICLES / full
    print(f"articles: {N_ARTICLES}, sentences: {len(corpus.sentences)}, blocks: {len(corpus.blocks)}")
    print(f"read + split lines (floor): {N_ARTICLES / floor:,.0f} articles/s")
    print(f"load_corpus:               {rate:,.0f} articles/s  ({full / floor:.1f}x the floor)")
    print(f"target {TARGET_PER_SECOND} articles/s: {'met' if rate >= TARGET_PER_SECOND else 'NOT met'} ({rate / TARGET_PER_SECOND:.1f}x)")
    print_comparison(comparison, f"the {N_ARTICLES} generated articles")
