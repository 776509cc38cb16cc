"""topics.sentence_topics equals its de023f4 version exactly on the seeds' text units and on
generated units (several topics per unit, none, repeated terms, non-text cells)."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_sentence_topics_de023f4 as reference
from analysis.prominence import text_units
from analysis.topics import load_topics, sentence_topics


def assert_same(units, topics):
    got, expected = sentence_topics(units, topics), reference.sentence_topics(units, topics)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.to_csv(index=False) == expected.to_csv(index=False)


def test_seed_units(sample_corpus):
    assert_same(text_units(sample_corpus), load_topics())
    assert_same(sample_corpus.sentences, load_topics())  # body sentences without a unit column


WORDS = st.sampled_from(["drone", "Drones", "shot down", "missile", "power grid", "the", "EU", "eu", "x", "."])
TEXT = st.one_of(st.lists(WORDS, max_size=8).map(" ".join), st.none())


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, max_size=10))
def test_generated_units(texts):
    units = pd.DataFrame({"article_id": [f"a{i % 3}" for i in range(len(texts))], "unit": "body",
                          "block_id": range(len(texts)), "sentence_id": range(len(texts)),
                          "position": 0.5, "n_words": [len(str(t).split()) for t in texts], "text": texts})
    assert_same(units, load_topics())
