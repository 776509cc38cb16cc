"""Shared benchmark helpers: timing with warm-up and distinct synthetic texts."""
from __future__ import annotations

import random
import time
from typing import Callable


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Fastest wall time of `repeat` runs, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
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
