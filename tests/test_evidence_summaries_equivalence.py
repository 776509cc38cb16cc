"""emphasis._evidence_summaries equals its de023f4 version exactly (same keys in the same
order, same strings) on the seeds' evidence and on generated evidence tables."""
from hypothesis import given, settings
from hypothesis import strategies as st
import pandas as pd

import reference_evidence_summaries_de023f4 as reference
from analysis.emphasis import _evidence_summaries
from analysis.prominence import text_units
from analysis.topics import load_topics, sentence_topics


def assert_same(evidence):
    got, expected = _evidence_summaries(evidence), reference._evidence_summaries(evidence)
    assert got.index.equals(expected.index) if expected.index is not None else got.index is None
    assert got.tolist() == expected.tolist()


def test_seed_evidence(sample_corpus):
    assert_same(sentence_topics(text_units(sample_corpus), load_topics()))


CELLS = st.lists(st.sampled_from(["drone", "shot down", "Drone", "", "a;b", "x"]), max_size=4).map(";".join)
ROWS = st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3"]), st.sampled_from(["t1", "t2"]), CELLS), max_size=25)


@settings(max_examples=100, deadline=None)
@given(ROWS)
def test_generated_evidence(rows):
    assert_same(pd.DataFrame(rows, columns=["article_id", "topic", "terms"]))
