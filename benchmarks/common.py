"""Shared benchmark helpers: timing with warm-up and distinct synthetic texts."""
from __future__ import annotations

import random
import time
from typing import Callable


def best_of(fn: Callable[[], object], repeat: int = 3, clock: Callable[[], float] = time.process_time) -> float:
    """Fastest of `repeat` runs, in seconds of this process's CPU time by default: that is
    what "on one core" means, and it is far less disturbed by other load on the machine
    than wall time. Pass clock=time.perf_counter for wall time (I/O, several processes)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        fn()
        best = min(best, clock() - start)
    return best


def distinct_variants(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """n distinct texts made from the given ones by shuffling their sentences and tagging
    each with its index, so per-text caches (textstat's lru_cache) cannot hide the cost."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        parts = base.split(". ")
        rng.shuffle(parts)
        out.append(f"Report {i}. " + ". ".join(parts))
    return out


def letter_tag(i: int) -> str:
    """A distinct tag of letters for i (no digits, so a tag is never read as a figure)."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out += chr(97 + r)
        if i == 0:
            return out
