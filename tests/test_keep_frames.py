"""PartSpill.keep_frames (per-article frames spilled whole, as tests and benchmarks spill a
table built at once) spills what the article-by-article loop it replaced spilled
(tests/reference_spill_1c939c6.py), byte for byte, and reads back as the frame it was given,
whatever order the frame's articles come in, with articles without rows, and in dtypes."""
from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis.table_parts import PartSpill
from reference_spill_1c939c6 import keep_article_by_article

IDS = ["b2", "a10", "a-b", "c", "a1"]  # corpus order, not sorted
VALUES = st.tuples(st.integers(-3, 3), st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=False)),
                   st.one_of(st.none(), st.text(alphabet="ab,\"\né", max_size=4)), st.booleans())


@st.composite
def per_article_frames(draw):
    """(article ids in corpus order, two frames of rows of those articles, rows interleaved
    across articles in any order, some articles without any)."""
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=len(IDS), unique=True))
    frames = {}
    for name in ("a.csv", "b.csv"):
        rows = [(draw(st.sampled_from(ids)), *draw(VALUES)) for _ in range(draw(st.integers(0, 8)))]
        frame = pd.DataFrame(rows, columns=["article_id", "n", "x", "text", "flag"])
        if len(frame) and draw(st.booleans()):  # a builder that states its dtypes
            frame = frame.astype({"n": "float64", "flag": "object"})
        frames[name] = frame
    return ids, frames


def in_corpus_order(frame: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """The frame's rows with the articles in `ids` order, each article's rows kept in order."""
    at = frame["article_id"].map({article_id: k for k, article_id in enumerate(ids)}).to_numpy()
    return frame.iloc[np.argsort(at, kind="stable")].reset_index(drop=True)


def layout_of(spill: PartSpill) -> tuple:
    spill._file.seek(0)
    return (spill._file.read(), spill._offsets.tolist(), spill._lengths.tolist(), spill._n_rows.tolist(),
            [spill.shapes(name) for name in spill.names])


@settings(max_examples=120, deadline=None)
@given(case=per_article_frames())
def test_keep_frames_spills_what_the_article_by_article_loop_did(tmp_path_factory, case):
    ids, frames = case
    new, old = (PartSpill(tmp_path_factory.mktemp(which), list(frames), len(ids)) for which in ("new", "old"))
    try:
        new.keep_frames(frames, ids)
        keep_article_by_article(old, frames, ids)
        assert layout_of(new) == layout_of(old)
        for name, frame in frames.items():
            shapes = new.shapes(name)
            assert {(shape.columns, shape.dtypes) for shape in shapes} == {
                (tuple(frame.columns), tuple(str(dtype) for dtype in frame.dtypes))}  # empty parts too
            assert [shape.n_rows for shape in shapes] == [int((frame["article_id"] == a).sum()) for a in ids]
            if len(frame):  # (an empty table reads back without dtypes: SpilledCorpus gives its own)
                pd.testing.assert_frame_equal(new.written(name).frame(), in_corpus_order(frame, ids))
    finally:
        new.close()
        old.close()


@settings(max_examples=60, deadline=None)
@given(case=per_article_frames(), n_groups=st.integers(1, 3), seed=st.integers(0, 99))
def test_partitions_kept_at_their_positions_are_the_whole_kept_at_once(tmp_path_factory, case, n_groups, seed):
    """A partition's frame at a time (its articles at their corpus positions, partitions in
    any order) spills the same parts as the whole frame at once."""
    ids, frames = case
    shuffled = random.Random(seed).sample(range(len(ids)), len(ids))
    groups = [shuffled[k::n_groups] for k in range(n_groups)]
    whole, by_group = (PartSpill(tmp_path_factory.mktemp(which), list(frames), len(ids)) for which in ("w", "g"))
    try:
        whole.keep_frames(frames, ids)
        for group in groups:
            own = [ids[k] for k in group]
            by_group.keep_frames({name: frame[frame["article_id"].isin(own)] for name, frame in frames.items()},
                                 own, group)
        for name, frame in frames.items():
            # (a partition's frame keeps the whole frame's dtypes here: .isin slices it)
            assert by_group.shapes(name) == whole.shapes(name)
            rows = [pd.DataFrame(spill.rows(name, range(len(ids)))) for spill in (by_group, whole)]
            pd.testing.assert_frame_equal(*rows)  # (NaN in the rows: not ==)
    finally:
        whole.close()
        by_group.close()


def test_keep_frames_wants_every_spilled_table_and_only_listed_articles(tmp_path):
    frame = pd.DataFrame({"article_id": ["a", "b"], "n": [1, 2]})
    spill = PartSpill(tmp_path, ["t.csv", "u.csv"], 2)
    try:
        with pytest.raises(ValueError, match="must be the spilled tables"):
            spill.keep_frames({"t.csv": frame}, ["a", "b"])
        with pytest.raises(KeyError):
            spill.keep_frames({"t.csv": frame, "u.csv": frame}, ["a"])
        with pytest.raises(ValueError):  # (one position per article)
            spill.keep_frames({"t.csv": frame, "u.csv": frame}, ["a", "b"], [0])
    finally:
        spill.close()


def test_the_seed_corpus_tables_spilled_read_back_unchanged(sample_corpus, tmp_path):
    from analysis.export import Context

    ids = sample_corpus.articles["article_id"].tolist()
    frames = {name: Context(sample_corpus).table(name) for name in ("quotes.csv", "readability.csv")}
    frames |= {"blocks.csv": sample_corpus.blocks, "sentences.csv": sample_corpus.sentences}
    spill = PartSpill(tmp_path, list(frames), len(ids))
    try:
        spill.keep_frames(frames, ids)
        for name, frame in frames.items():
            pd.testing.assert_frame_equal(spill.written(name).frame(), in_corpus_order(frame, ids))
    finally:
        spill.close()
