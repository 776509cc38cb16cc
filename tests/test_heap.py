"""Giving the heap's free pages back: on glibc the private memory of freed, fragmented small
objects goes back to the system; elsewhere it says it could not."""
import sys
from pathlib import Path

import pytest

from analysis import heap

ROLLUP = Path("/proc/self/smaps_rollup")


def private_mb() -> float:
    fields = dict(line.split(":", 1) for line in ROLLUP.read_text().splitlines() if ":" in line)
    return sum(int(fields[name].split()[0]) for name in ("Private_Clean", "Private_Dirty")) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux") or heap._malloc_trim() is None or not ROLLUP.exists(),
                    reason="glibc's malloc_trim and /proc/self/smaps_rollup")
def test_freed_fragmented_memory_goes_back():
    # texts of a few kB, as the raw articles are (Python's own allocator keeps objects under
    # 512 bytes apart): one in a hundred stays, so the heap's top is in use after the rest is freed
    objects = [bytes(2000) + i.to_bytes(4, "little") for i in range(100_000)]  # ~200 MB
    kept = objects[::100]
    del objects
    before = private_mb()
    assert heap.give_back_free_memory() is True
    assert before - private_mb() > 100
    assert len(kept) == 1000


def test_without_malloc_trim_nothing_is_done(monkeypatch):
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.give_back_free_memory() is False
