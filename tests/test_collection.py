"""The export builds its tables with fewer garbage collections, and gives the caller's
collector settings back."""
import gc

import pytest

from analysis import collection
from analysis.__main__ import main
from analysis.export import TABLES


def test_thresholds_are_raised_in_the_block_and_restored_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(ValueError):
        with collection.fewer_collections():
            assert gc.get_threshold() == (max(before[0], collection.YOUNG_THRESHOLD), *before[1:])
            raise ValueError("builder failed")
    assert gc.get_threshold() == before


def test_a_higher_threshold_set_by_the_caller_is_kept():
    before = gc.get_threshold()
    gc.set_threshold(10 * collection.YOUNG_THRESHOLD, *before[1:])
    try:
        with collection.fewer_collections():
            assert gc.get_threshold()[0] == 10 * collection.YOUNG_THRESHOLD
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_export_command_builds_tables_with_fewer_collections(tmp_path, monkeypatch, workers):
    seen = []

    def probe(ctx):
        seen.append(gc.get_threshold()[0])
        return ctx.corpus.articles[["article_id", "outlet"]]

    monkeypatch.setitem(TABLES, "probe.csv", probe)
    options = ["--no-cache"] if workers == "1" else ["--no-cache", "--workers", workers]
    before = gc.get_threshold()
    assert main(["export", "--out", str(tmp_path), "--tables", "probe.csv", *options]) == 0
    assert seen == [collection.YOUNG_THRESHOLD] and gc.get_threshold() == before
