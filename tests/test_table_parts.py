"""A spilled table, written from disk in slices of articles, is the same text as the table
gathered whole in memory and written at once, whatever the partitions' dtypes."""
from __future__ import annotations

import io
import random

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import table_parts
from analysis.csv_writer import write_frame_csv
from analysis.table_parts import PartSpill, TablePart, frame_of_parts, split_by_article, spilled_parts

NUMBERS = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=False, width=64))
TEXTS = st.one_of(st.none(), st.text(alphabet='ab ,"\n\'é', max_size=6))
ROW = st.tuples(NUMBERS, TEXTS, st.booleans())


@st.composite
def partitions(draw):
    """Partitions as workers return them: a frame per partition (pandas infers its dtypes from
    its own values, so partitions may disagree), split into per-article parts."""
    parts = []
    for p in range(draw(st.integers(1, 4))):
        ids = [f"p{p}-{a}" for a in range(draw(st.integers(1, 4)))]
        rows = [(article_id, *row) for article_id in ids for row in draw(st.lists(ROW, max_size=3))]
        frame = pd.DataFrame(rows, columns=["article_id", "n", "text", "flag"])
        if draw(st.booleans()) and len(frame):  # a builder that states its dtypes
            frame = frame.astype({"n": "float64"})
        parts.extend(split_by_article(frame, ids).values())
    return parts


def csv_text(frame: pd.DataFrame) -> str:
    handle = io.StringIO(newline="")
    write_frame_csv(frame, handle)
    return handle.getvalue()


def spill_all(folder, parts: list[TablePart], seed: int) -> PartSpill:
    spill = PartSpill(folder, ["t.csv"], len(parts))
    order = list(range(len(parts)))
    random.Random(seed).shuffle(order)  # articles come back in any order
    for position in order:
        spill.keep(position, {"t.csv": parts[position]})
    return spill


@settings(max_examples=150, deadline=None)
@given(parts=partitions(), slice_size=st.integers(1, 5), seed=st.integers(0, 99))
def test_spilled_table_is_written_as_the_gathered_table(tmp_path_factory, parts, slice_size, seed):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table_parts, "ARTICLES_PER_SLICE", slice_size)
        check_spilled(tmp_path_factory, parts, seed)


def check_spilled(tmp_path_factory, parts, seed):
    for order in ("corpus", "article_id"):
        check_spilled_in_order(tmp_path_factory, parts, seed, order)


def check_spilled_in_order(tmp_path_factory, parts, seed, order):
    # article ids not in corpus order (as "a-b.txt" comes before "a.txt" but "a" < "a-b")
    ids = [f"{'zyx'[k % 3]}{k}" for k in range(len(parts))]
    parts = [TablePart(part.columns, part.dtypes, [(ids[k], *row[1:]) for row in part.rows]) for k, part in enumerate(parts)]
    expected = frame_of_parts("t.csv", parts, order)
    folder = tmp_path_factory.mktemp("spill")
    spill = spill_all(folder, parts, seed)
    try:
        by_id = sorted(range(len(ids)), key=ids.__getitem__) if order == "article_id" else None
        written = spill.written("t.csv", by_id)
        assert written.write(folder / "t.csv") == len(expected) == written.n_rows
        assert (folder / "t.csv").read_text(encoding="utf-8") == csv_text(expected)
        pd.testing.assert_frame_equal(written.frame(), expected)
        slices = list(written.slices())
        settled = len(expected) and None not in table_parts.layout("t.csv", parts)[1].values()
        assert len(slices) <= (-(-len(parts) // table_parts.ARTICLES_PER_SLICE) if settled else 1)
        assert all(len(frame) for frame in slices) or len(slices) == 1
        pd.testing.assert_frame_equal(pd.concat(slices, ignore_index=True), expected)
    finally:
        spill.close()


def test_keep_takes_only_the_spilled_tables_out(tmp_path):
    kept = TablePart(("article_id", "n"), ("str", "int64"), [("a", 1)])
    tables = {"t.csv": TablePart(("article_id", "n"), ("str", "int64"), [("a", 2)]), "kept.csv": kept}
    spill = PartSpill(tmp_path, ["t.csv"], 1)
    spill.keep(0, tables)
    assert tables == {"kept.csv": kept}
    assert spill.rows("t.csv", range(1)) == [("a", 2)]
    spill.close()


def test_spilled_parts_live_in_a_hidden_folder_of_the_output_removed_afterwards(tmp_path):
    with spilled_parts([], 3, tmp_path / "out") as nothing:
        assert nothing is None
    with spilled_parts(["t.csv"], 3, tmp_path / "out") as spill:
        [folder] = (tmp_path / "out").iterdir()
        assert folder.name.startswith(".spill-") and spill._file.name.startswith(str(folder))
    assert not any((tmp_path / "out").iterdir())


def test_a_context_reads_a_spilled_table_back_once_when_asked(sample_corpus, tmp_path):
    from analysis.export import Context

    part = TablePart(("article_id", "n"), ("str", "int64"), [("a", 1), ("a", 2)])
    spill = PartSpill(tmp_path, ["t.csv"], 1)
    spill.keep(0, {"t.csv": part})
    context = Context(sample_corpus, _spilled={"t.csv": spill.written("t.csv")})
    assert context.table("t.csv")["n"].tolist() == [1, 2]
    assert context.table("t.csv") is context.table("t.csv")  # read from disk once
    spill.close()


def test_a_context_gives_a_spilled_table_in_slices_without_holding_it(sample_corpus, tmp_path):
    from analysis.export import TABLES, Context, SPECS, TableSpec

    spill = PartSpill(tmp_path, ["t.csv"], 3)
    for position in range(3):
        spill.keep(position, {"t.csv": TablePart(("article_id", "n"), ("str", "int64"), [(f"a{position}", position)])})
    context = Context(sample_corpus, _spilled={"t.csv": spill.written("t.csv")})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table_parts, "ARTICLES_PER_SLICE", 2)
        assert [frame["n"].tolist() for frame in context.table_slices("t.csv")] == [[0, 1], [2]]
        assert "t.csv" not in context._built
        # a builder must declare what it reads in slices too
        patch.setitem(TABLES, "sums.csv", lambda ctx: pd.DataFrame({"n": [sum(f["n"].sum() for f in ctx.table_slices("t.csv"))]}))
        patch.setitem(SPECS, "sums.csv", TableSpec())
        with pytest.raises(RuntimeError, match="reads 't.csv' without declaring it"):
            context.table("sums.csv")
        patch.setitem(SPECS, "sums.csv", TableSpec(inputs=("t.csv",)))
        assert context.table("sums.csv")["n"].tolist() == [3]
    # a table in memory is its one slice
    context._built["m.csv"] = frame = pd.DataFrame({"n": [1]})
    assert [slice_ is frame for slice_ in context.table_slices("m.csv")] == [True]
    spill.close()


def test_an_in_memory_corpus_is_its_one_slice(sample_corpus):
    assert [frame is sample_corpus.sentences for frame in sample_corpus.slices("sentences")] == [True]
    assert [frame is sample_corpus.blocks for frame in sample_corpus.slices("blocks")] == [True]
    with pytest.raises(ValueError, match="frame must be one of"):
        next(sample_corpus.slices("lines"))


def test_each_table_reads_only_its_own_parts(tmp_path):
    spill = PartSpill(tmp_path, ["a.csv", "b.csv"], 2)
    for position in (1, 0):
        spill.keep(position, {"a.csv": TablePart(("article_id", "n"), ("str", "int64"), [(f"a{position}", position)] * (position + 1)),
                              "b.csv": TablePart(("article_id", "t"), ("str", "str"), [(f"a{position}", "x")])})
    assert spill.rows("a.csv", range(2)) == [("a0", 0), ("a1", 1), ("a1", 1)]
    assert spill.rows("b.csv", range(1, 2)) == [("a1", "x")]
    assert [shape.n_rows for shape in spill.shapes("a.csv")] == [1, 2] and spill.n_rows("a.csv") == 3
    assert {shape.columns for shape in spill.shapes("b.csv")} == {("article_id", "t")}
    spill.close()


@pytest.mark.parametrize("wanted, spilled", [
    (["tone.csv", "readability.csv"], {"tone.csv", "readability.csv"}),
    (["actors.csv", "quotes.csv"], {"actors.csv", "quotes.csv"}),  # (actors.csv read back in article_id order)
    (["readability_outlets.csv"], "every per-article table"),
])
def test_every_per_article_table_built_in_partitions_is_spilled(wanted, spilled):
    from analysis import tables  # noqa: F401
    from analysis.export import TABLES, spec
    from analysis.parallel import per_article_tables, spilled_tables

    if spilled == "every per-article table":
        spilled = {name for name in TABLES if spec(name).per_article}
        assert {"sentence_tokens", "sentence_counts", "topic_evidence.csv", "quotes.csv"} <= spilled
    assert set(spilled_tables(wanted)) == spilled | {"blocks.csv", "sentences.csv"}  # (the SpilledCorpus)
    assert set(spilled_tables(wanted)) - {"blocks.csv", "sentences.csv"} <= set(per_article_tables(wanted))
