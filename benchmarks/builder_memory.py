"""A corpus-level table's builder measured as a forked export job runs it: its per-article
inputs spilled to disk (read back whole, or a slice of articles at a time, as the builder
asks), an older builder (kept verbatim under tests/) against this tree's, each run in a fresh
fork, in turns (best of two), the same table checked; printed as CPU seconds and the rise of
peak memory above the fork's start (`common.measure_run`).

The rise counts what a builder allocates or reads back, not the pages of the parent it
merely touches (a copy-on-write copy does not add to the RSS): a builder that reads the
in-memory corpus.sentences shows less here than in an export job."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Callable

from analysis.export import TABLES, Context

from .common import forked_in_turns, measure_run, print_in_turns

TESTS = Path(__file__).resolve().parents[1] / "tests"
_INPUT: tuple = ()  # (corpus, spilled tables, old builder, table), set before forking: inherited, not pickled


def _build_in_fork(version: str) -> tuple[float, float, str]:
    """`measure_run` of one version's builder on a fresh Context over _INPUT."""
    corpus, spilled, old_builder, table = _INPUT
    build = old_builder if version != "current" else TABLES[table]
    return measure_run(lambda: build(Context(corpus, _spilled=dict(spilled))),
                     lambda frame: frame.to_csv(index=False).encode())


def compare_builders(corpus, table: str, spilled: list[str], old: str, old_builder: Callable) -> None:
    """Print `table`'s builder at commit `old` (old_builder) against the current one, with the
    per-article tables `spilled` on disk, as in a forked export job."""
    global _INPUT
    sys.path.insert(0, str(TESTS))
    from sliced_inputs import spilled_tables

    with tempfile.TemporaryDirectory(prefix="bench-builder-") as folder, \
            spilled_tables(corpus, spilled, Path(folder)) as tables:
        _INPUT = corpus, tables, old_builder, table
        try:
            measured = forked_in_turns(_build_in_fork, (old, "current"))
        finally:
            _INPUT = ()
    print(f"{table} builder as an export job runs it ({', '.join(spilled)} spilled; same table both ways; "
          f"CPU and the rise of peak memory, each run in its own fork):")
    print_in_turns(measured)
