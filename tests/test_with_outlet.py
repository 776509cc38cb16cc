"""Corpus.with_outlet with its article -> outlet lookup built once per corpus gives what the
version building it at every call gave (tests/reference_with_outlet_1c939c6.py), on any
frame, slice by slice as on the whole, for a SpilledCorpus too; the cached lookup stays out
of the corpus's fields, equality and repr."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis.corpus import Corpus
from reference_with_outlet_1c939c6 import with_outlet as with_outlet_1c939c6
from sliced_inputs import one_article_at_a_time

IDS = ["b2", "a10", "a-b", "c", "a1", "zz"]
OUTLETS = st.one_of(st.none(), st.sampled_from(["Daily", "Wire", "", "Daily"]))


def corpus_of(articles: pd.DataFrame) -> Corpus:
    empty = pd.DataFrame({"article_id": []})
    return Corpus(Path("x"), articles, empty, empty, None)


@settings(max_examples=100, deadline=None)
@given(ids=st.lists(st.sampled_from(IDS), unique=True, max_size=5), data=st.data())
def test_with_outlet_is_the_lookup_built_at_every_call(ids, data):
    """Several frames on one corpus (the lookup built by the first, reused by the others),
    with articles in any order, repeated, missing from the corpus (no outlet), or none."""
    articles = pd.DataFrame({"article_id": ids, "outlet": [data.draw(OUTLETS) for _ in ids], "n": range(len(ids))},
                            columns=["article_id", "outlet", "n"])
    corpus = corpus_of(articles)
    for _ in range(data.draw(st.integers(1, 3))):
        rows = data.draw(st.lists(st.sampled_from(IDS), max_size=8))
        frame = pd.DataFrame({"article_id": rows, "v": range(len(rows))}, columns=["article_id", "v"])
        if data.draw(st.booleans()):  # a slice: not starting at 0
            frame.index += 7
        pd.testing.assert_frame_equal(corpus.with_outlet(frame), with_outlet_1c939c6(corpus, frame))


@pytest.mark.parametrize("frame", ["sentences", "blocks"])
def test_the_seeds_whole_and_one_article_at_a_time(sample_corpus, frame, monkeypatch):
    whole = getattr(sample_corpus, frame)
    expected = with_outlet_1c939c6(sample_corpus, whole)
    pd.testing.assert_frame_equal(sample_corpus.with_outlet(whole), expected)
    monkeypatch.setattr(Corpus, "slices", one_article_at_a_time)
    sliced = [sample_corpus.with_outlet(rows) for rows in sample_corpus.slices(frame)]
    assert len(sliced) == len(sample_corpus.articles)
    pd.testing.assert_frame_equal(pd.concat(sliced), expected)


def test_the_lookup_is_built_once_and_is_no_field(sample_corpus):
    corpus = dataclasses.replace(sample_corpus)  # (its own instance: no lookup yet)
    before = repr(corpus)
    assert "_outlet_of" not in corpus.__dict__
    corpus.with_outlet(corpus.sentences)
    lookup = corpus.__dict__["_outlet_of"]
    corpus.with_outlet(corpus.blocks)
    assert corpus._outlet_of is lookup  # (built once)
    assert repr(corpus) == before and "_outlet_of" not in {field.name for field in dataclasses.fields(Corpus)}
    assert corpus == dataclasses.replace(corpus)  # (equality compares the fields only)
    # a corpus with other articles has its own lookup
    renamed = dataclasses.replace(corpus, articles=corpus.articles.assign(outlet="Other"))
    assert set(renamed.with_outlet(renamed.sentences)["outlet"]) == {"Other"}
    assert set(corpus.with_outlet(corpus.sentences)["outlet"]) == set(corpus.articles["outlet"])


def test_a_spilled_corpus_caches_its_lookup_too(sample_corpus, tmp_path):
    """SpilledCorpus sets its attributes with object.__setattr__, not the dataclass __init__;
    the lookup lands in its __dict__ all the same."""
    from benchmarks.spilled_corpus import spilled_context

    context, spill = spilled_context(sample_corpus, tmp_path, {})
    try:
        corpus = context.corpus
        for rows in corpus.slices("sentences"):
            pd.testing.assert_frame_equal(corpus.with_outlet(rows), with_outlet_1c939c6(sample_corpus, rows))
        assert "_outlet_of" in corpus.__dict__ and "SpilledCorpus(" in repr(corpus)
    finally:
        spill.close()
