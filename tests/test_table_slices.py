"""Tables made a slice of rows at a time (export.TableSlices): written slice by slice as the
whole frame would be, given whole to analyses in memory and in slices to builders folding
them; reuse.csv is one, and the export writes it without ever making its frame."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import reuse, tables  # noqa: F401  (registers every builder)
from analysis.export import SPECS, TABLES, Context, TableSlices, TableSpec, export
from analysis.parallel import _FORKED, _build_and_stage

COLUMNS = ["article_id", "score", "note", "count"]


def whole() -> pd.DataFrame:
    """Values whose text depends on the column's dtype (floats, quoting, ints, empty text)."""
    return pd.DataFrame({"article_id": ["a", "b", "c", "d", "e"], "score": [0.1, 1.0, -0.0, 1 / 3, 2.675],
                         "note": ['say "no"', "", "x,y", "line\nbreak", "é"], "count": [1, 2, 30, 4, 5]})


def in_slices(frame: pd.DataFrame, size: int) -> TableSlices:
    return TableSlices(COLUMNS, lambda: (frame.iloc[start:start + size].reset_index(drop=True)
                                         for start in range(0, len(frame), size)))


@pytest.fixture
def registered(monkeypatch):
    """Register probe.csv, made in slices of `size` rows (set on the fixture), and probe_sum.csv
    built by folding it."""
    state = {"size": 2, "frame": whole()}
    monkeypatch.setitem(TABLES, "probe.csv", lambda ctx: in_slices(state["frame"], state["size"]))
    monkeypatch.setitem(SPECS, "probe.csv", TableSpec())
    monkeypatch.setitem(TABLES, "probe_sum.csv", lambda ctx: pd.DataFrame(
        {"rows": [sum(len(part) for part in ctx.table_slices("probe.csv"))]}))
    monkeypatch.setitem(SPECS, "probe_sum.csv", TableSpec(inputs=("probe.csv",)))
    return state


@pytest.mark.parametrize("size", [1, 2, 5, 100])
def test_written_in_slices_is_the_whole_frame_written(registered, sample_corpus, tmp_path, size):
    registered["size"] = size
    assert export(Context(sample_corpus), tmp_path / "sliced", ["probe.csv"]) == {"probe.csv": 5}
    whole().to_csv(tmp_path / "whole.csv", index=False, lineterminator="\n")
    assert (tmp_path / "sliced" / "probe.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_asked_whole_it_is_the_frame_and_folded_it_is_never_made_whole(registered, sample_corpus, monkeypatch):
    context = Context(sample_corpus)
    with monkeypatch.context() as patched:
        patched.setattr(TableSlices, "frame", lambda self: pytest.fail("made whole"))
        assert context.table("probe_sum.csv")["rows"].tolist() == [5]
        assert [len(part) for part in context.table_slices("probe.csv")] == [2, 2, 1]
    pd.testing.assert_frame_equal(context.table("probe.csv"), whole())
    assert context.table("probe.csv") is context.table("probe.csv")  # made whole once


def test_an_empty_table_is_its_header(registered, sample_corpus, tmp_path):
    registered["frame"] = whole().iloc[:0]
    assert export(Context(sample_corpus), tmp_path, ["probe.csv"]) == {"probe.csv": 0}
    assert (tmp_path / "probe.csv").read_text() == ",".join(COLUMNS) + "\n"
    assert list(Context(sample_corpus).table("probe.csv").columns) == COLUMNS


def test_a_slice_with_other_columns_is_refused(sample_corpus):
    sliced = TableSlices(COLUMNS, lambda: [whole()[COLUMNS[::-1]]])
    with pytest.raises(ValueError, match="a slice has columns"):
        sliced.frame()


def test_a_forked_job_writes_it_in_slices_and_drops_it(registered, sample_corpus, tmp_path, monkeypatch):
    context = Context(sample_corpus)
    monkeypatch.setitem(_FORKED, "context", context)
    monkeypatch.setitem(_FORKED, "staging", tmp_path)
    monkeypatch.setattr(TableSlices, "frame", lambda self: pytest.fail("made whole"))
    assert _build_and_stage((["probe.csv", "probe_sum.csv"], ["probe.csv", "probe_sum.csv"])) == {
        "probe.csv": 5, "probe_sum.csv": 1}
    assert len(pd.read_csv(tmp_path / "probe.csv")) == 5
    assert "probe.csv" not in context._built


def test_the_export_writes_reuse_without_making_its_frame(sample_corpus, tmp_path, monkeypatch):
    in_memory = Context(sample_corpus)
    expected = {name: in_memory.table(name).to_csv(index=False, lineterminator="\n")
                for name in ("reuse.csv", "reuse_pairs.csv")}
    assert expected["reuse.csv"].count("\n") > 2
    monkeypatch.setattr(reuse.ReuseMatches, "frame", lambda self: pytest.fail("reuse.csv made whole"))
    monkeypatch.setattr(TableSlices, "frame", lambda self: pytest.fail("reuse.csv made whole"))
    slices = reuse.ReuseMatches.slices
    monkeypatch.setattr(reuse.ReuseMatches, "slices", lambda self: slices(self, rows_at_once=1))
    export(Context(sample_corpus), tmp_path, ["reuse.csv", "reuse_pairs.csv"])
    for name, text in expected.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
