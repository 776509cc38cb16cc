"""tokens.tokenize and tokens.term_counts equal the code they replaced
(tests/reference_tokens.py) exactly: on the seeds, on traps (possessives, curly
apostrophes, hyphenated numbers, stopwords, one-letter words, missing text, a group without
tokens, mixed group keys) and on generated sentences."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_tokens as reference
from analysis.tokens import STOPWORDS, term_counts, tokenize

TRAPS = [
    "", "The Kremlin's S-400 and the 'S-300' missiles.", "Kyiv’s mayor’s office", "It's a dog's life",
    "a b c I x y z", "9,000 of 40-year-old 1990s", "ÉCOLE École école. Straße STRASSE", "'s ’s s's",
    "Ukraine's Ukraine’s UKRAINE'S", "one-two-three don't won’t", "The the THE tHe",
]


@pytest.mark.parametrize("text", TRAPS)
@pytest.mark.parametrize("stopwords", [STOPWORDS, None, ["the", "kremlin"]])
def test_tokenize_traps(text, stopwords):
    assert tokenize(text, stopwords=stopwords) == reference.tokenize(text, stopwords=stopwords)


def assert_same_counts(frame, group="outlet", **kwargs):
    new = term_counts(frame, group, **kwargs)
    old = reference.term_counts(frame, group, **kwargs)
    pd.testing.assert_frame_equal(new, old, check_exact=True)


def test_term_counts_seeds(sample_corpus):
    assert_same_counts(sample_corpus.with_outlet(sample_corpus.sentences))


def test_term_counts_traps():
    frame = pd.DataFrame({
        "outlet": ["B", "A", "B", "C", "A", "D", "D"],
        "text": TRAPS[1:4] + [np.nan, TRAPS[5], "a b the", None],  # D: no tokens at all
    })
    assert_same_counts(frame)
    assert_same_counts(frame, stopwords=None)
    assert_same_counts(frame.iloc[:0])
    numbered = frame.assign(outlet=[3, 1, 3, 2, 1, 0, 0])
    assert_same_counts(numbered)
    joined = pd.DataFrame({"outlet": ["A", "A", "A"], "text": ["Kremlin", "'s end-", "-400 x\nyz"]})
    assert_same_counts(joined)  # texts that would join into other words without a separator


WORDS = st.sampled_from(["Kremlin's", "Kyiv’s", "the", "The", "S-400", "40-year-old", "a", "x", "dogs'",
                         "don't", "ÉCOLE", "école", "said", "Said", "9,000", "—", "'s", "it’s", "zelenskyy"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]),
                          st.lists(WORDS, max_size=12).map(" ".join)
                          | st.text(max_size=20)), max_size=15))
def test_term_counts_generated(rows):
    frame = pd.DataFrame(rows, columns=["outlet", "text"])
    assert_same_counts(frame)
