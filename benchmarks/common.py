"""Shared benchmark helpers: timing with warm-up, CPU and peak memory of runs in forks, and
distinct synthetic texts."""
from __future__ import annotations

import random
import time
from pathlib import Path
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


def measure_run(run, digest) -> tuple[float, float, str]:
    """(CPU seconds, MB of peak memory above the start, sha256 of digest(result): bytes) of
    run(); called in a forked child, so that each peak is its own."""
    import hashlib
    import resource

    start_mb = int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20
    start = time.process_time()
    result = run()
    spent = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # (before the digest: a CSV text is large)
    return spent, peak_mb - start_mb, hashlib.sha256(digest(result)).hexdigest()


def forked_in_turns(function, versions: tuple[str, str], *args) -> dict[str, tuple[float, float]]:
    """function(version, *args) (a `measure_run`) for each version in turns, twice, each run in a
    fresh fork; version -> (best CPU seconds, lowest peak rise). Every run must give the same
    digest."""
    import multiprocessing

    results: dict[str, list[tuple[float, float, str]]] = {version: [] for version in versions}
    with multiprocessing.get_context("fork").Pool(1, maxtasksperchild=1) as pool:
        for _ in range(2):
            for version in versions:
                results[version].append(pool.apply(function, (version, *args)))
    if len({digest for runs in results.values() for _, _, digest in runs}) != 1:
        raise AssertionError(f"{function.__name__}{args[:1]}: {versions[1]} gives another result than {versions[0]}")
    return {version: (min(cpu for cpu, _, _ in runs), min(mb for _, mb, _ in runs)) for version, runs in results.items()}


def print_in_turns(measured: dict[str, tuple[float, float]], indent: str = "  ") -> None:
    for version, (cpu, peak) in measured.items():
        print(f"{indent}{version:<8}: {cpu:6.2f} s CPU, peak memory +{peak:,.0f} MB")
    (old_cpu, old_peak), (cpu, peak) = measured.values()
    print(f"{indent}CPU ratio (old / current) {old_cpu / cpu:.2f}x, peak rise {old_peak / max(peak, 1):.2f}x lower")


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


def private_mb() -> float:
    """This process's private dirty memory (MB): its allocations and its copies of pages it
    shared with its parent (a forked child's copy-on-write copies, which its RSS rise misses)."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Private_Dirty:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Private_Dirty in /proc/self/smaps_rollup")


def measure_private(run, digest, every: float = 0.05) -> tuple[float, float, str]:
    """`measure_run` with the peak of private memory (`private_mb`, sampled by a thread every
    `every` s, which adds to the CPU) instead of the RSS rise; called in a forked child."""
    import threading

    peak, done = [private_mb()], threading.Event()

    def sample():
        while not done.wait(every):
            peak[0] = max(peak[0], private_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        cpu, _, digested = measure_run(run, digest)
    finally:
        done.set()
        sampler.join()
    return cpu, max(peak[0], private_mb()), digested
