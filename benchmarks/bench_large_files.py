"""Loading cost against file size: why one article file is capped at reading.MAX_FILE_BYTES.

Loads one synthetic article of growing size (distinct paragraphs made from the five seeds)
and reports seconds, MB/s and peak traced memory per size; the baseline is the seed corpus
loaded in the same run. Then times the refusal of a 50 MB file (stat only, never read)."""
from __future__ import annotations

import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis.config import RAW_DIR
from analysis.errors import InputWarning
from analysis.loading import build_corpus
from analysis.reading import MAX_FILE_BYTES

from .common import best_of, distinct_variants

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


def main() -> None:
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
