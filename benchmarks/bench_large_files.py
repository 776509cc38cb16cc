"""Loading cost against file size: why one article file is capped at reading.MAX_FILE_BYTES.

Loads one synthetic article of growing size (distinct paragraphs made from the five seeds)
and reports seconds, MB/s and peak traced memory per size; the baseline is the seed corpus
loaded in the same run. Then times the refusal of a 50 MB file (stat only, never read), and the
per-article stage (line roles, blocks, sentences) on a news-shaped corpus against the c412d6b
implementation kept as the oracle in tests/corpus_reference."""
from __future__ import annotations

import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis import text as text_module
from analysis.config import RAW_DIR
from analysis.errors import InputWarning
from analysis.loading import build_corpus, read_corpus
from analysis.reading import MAX_FILE_BYTES

from .bench_numbers import STAGE_ARTICLES, reference_module
from .common import best_of, distinct_variants
from .news_corpus import make_news_corpus

SIZES_MB = (0.1, 0.5, 2.0)


def _article(size_bytes: int, paragraphs: list[str]) -> str:
    out, total, k = ["A long report on the visit of the president to Minsk"], 0, 0
    variants = distinct_variants(paragraphs, 500)
    while total < size_bytes:
        text = variants[k % len(variants)] + f" Paragraph {k}."
        out.append(text)
        total += len(text) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def _measure(folder: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak traced MB): CPU time is what other load on the
    machine does not inflate."""
    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    build_corpus(folder, max_bytes=None)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return wall, cpu, peak


def article_stage() -> None:
    """ArticleTask.rows over every article, as the export runs it in a fresh process (the
    word-count and line-pattern memos start empty each run), against the c412d6b code on the same files."""
    ref_loading = reference_module("loading")
    with tempfile.TemporaryDirectory() as name:
        make_news_corpus(Path(name), STAGE_ARTICLES)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            current_tasks, old_tasks = read_corpus(Path(name)).tasks, ref_loading.read_corpus(Path(name)).tasks

            def current():
                text_module._TOKEN_WORDS.clear()
                current_tasks[0].patterns._memo.clear()  # every task shares the corpus's patterns
                return [task.rows() for task in current_tasks]

            def reference():
                return [task.rows() for task in old_tasks]

            new, old = best_of(current), best_of(reference)
            same = [(r.article, r.blocks, r.sentences, r.lines) for r in current()] == \
                [(r.article, r.blocks, r.sentences, r.lines) for r in reference()]
    print(f"per-article stage on {len(current_tasks):,} news-shaped articles: {new:.3f} s CPU, c412d6b code {old:.3f} s; "
          f"ratio {old / new:.2f}x faster; identical rows: {same}")


def main() -> None:
    article_stage()
    seeds = load_corpus(RAW_DIR)
    paragraphs = seeds.blocks.loc[seeds.blocks["role"] == "body", "text"].tolist()
    seed_mb = sum(p.stat().st_size for p in RAW_DIR.glob("*.txt")) / 1e6
    baseline = best_of(lambda: load_corpus(RAW_DIR), repeat=3)
    print(f"baseline: seed corpus ({seed_mb:.3f} MB) in {baseline:.3f} s = {seed_mb / baseline:.2f} MB/s")
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        for size in SIZES_MB:
            folder = root / f"{size}"
            folder.mkdir()
            (folder / "long.txt").write_text(_article(int(size * 1e6), paragraphs), encoding="utf-8")
            wall, cpu, peak = _measure(folder)
            print(f"{size:4.1f} MB: {wall:6.2f} s wall, {cpu:6.2f} s CPU = {size / cpu:.2f} MB/s of CPU "
                  f"({size / wall / (seed_mb / baseline):.2f}x the baseline rate), peak {peak:.0f} MB traced")
        big = root / "big"
        big.mkdir()
        (big / "good.txt").write_text(paragraphs[0] + "\n", encoding="utf-8")
        with open(big / "dump.txt", "wb") as handle:
            handle.truncate(50_000_000)  # size is all the check looks at
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            refuse = best_of(lambda: build_corpus(big), repeat=3)
        print(f"50 MB file refused unread (limit {MAX_FILE_BYTES / 1e6:g} MB) with the rest loaded in {refuse:.3f} s")
