"""distinctive_words.csv's code on integer codes (tokens.coded_term_counts: whitespace chunks
counted, the regex once per distinct chunk; logodds sorting codes, not strings) equals the
code it replaced (00881f1, kept in tests/reference_tokens.py and tests/reference_logodds.py)
exactly: on the seeds, on traps (every kind of whitespace str.split knows, words the regex
splits inside a chunk, possessives, groups without text or without a group, numbered
groups, a prior_strength) and on generated texts and counts."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_logodds
import reference_tokens
from analysis.logodds import distinctive_words, log_odds_vs_rest
from analysis.tokens import STOPWORDS, term_counts

# \x1c-\x1f, \x85, \xa0, \u2028, \u3000: whitespace to str.split, and never part of a match
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000"
TRAPS = [
    "The Kremlin's S-400,and the 'S-300'missiles.", "Kyiv’s\xa0mayor’s\u3000office", "It's a dog's life",
    "9,000 of 40-year-old 1990s x1y a1b 12-ab-3 12-ab5", "ÉCOLE\x1cÉcole\x1fécole.Straße STRASSE",
    "'s ’s s's", "Ukraine's\u2028Ukraine’s UKRAINE'S", "one-two-three don't won’t -x- x--y", "The the THE tHe",
    "U.S.-led (Kyiv/Moscow) «Bakhmut»—Soledar", "",
]


def old_distinctive_words(frame, group="outlet", **kwargs):
    counts = reference_tokens.term_counts_00881f1(frame, group)
    return reference_logodds.log_odds_vs_rest_00881f1(counts, group, **kwargs)


def assert_same(frame, group="outlet", prior_strength=None):
    pd.testing.assert_frame_equal(term_counts(frame, group), reference_tokens.term_counts_00881f1(frame, group),
                                  check_exact=True)
    pd.testing.assert_frame_equal(term_counts(frame, group, stopwords=None),
                                  reference_tokens.term_counts_00881f1(frame, group, stopwords=None),
                                  check_exact=True)
    new = distinctive_words(frame, group, prior_strength=prior_strength)
    old = old_distinctive_words(frame, group, prior_strength=prior_strength)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.to_csv(index=False) == old.to_csv(index=False)


def test_seeds(sample_corpus):
    sentences = sample_corpus.with_outlet(sample_corpus.sentences)
    assert_same(sentences)
    assert_same(sentences, prior_strength=50)


@pytest.mark.parametrize("groups", [
    ["B", "A", "B", "C", "A", "D", "D", "A", "C", "B", "E"],
    [3, 1, 3, 2, 1, 0, 0, 1, 2, 3, 4],  # numbered groups
    ["B", None, "B", "C", np.nan, "D", "D", None, "C", "B", "A"],  # rows without a group
    ["One"] * 11,  # nothing to compare with: NaN scores
])
def test_traps(groups):
    frame = pd.DataFrame({"outlet": groups, "text": TRAPS})
    assert_same(frame)
    assert_same(frame, prior_strength=3)
    assert_same(frame.assign(text=[np.nan, None] + TRAPS[2:]))  # missing text counts as "nan"/"None"


def test_whitespace_of_every_kind_separates_words_as_the_regex_does():
    joined = "Kremlin" + "said".join(SPACES) + "x's"
    frame = pd.DataFrame({"outlet": ["A", "B", "A"], "text": [joined, joined.upper(), "said said"]})
    assert_same(frame)


def test_empty_inputs():
    for frame in (pd.DataFrame({"outlet": [], "text": []}),
                  pd.DataFrame({"outlet": ["A", "B"], "text": ["a the", "x of"]}),  # no tokens
                  pd.DataFrame({"outlet": [None, "A"], "text": ["Kremlin", "the"]})):  # tokens only ungrouped
        assert_same(frame)


WORDS = st.sampled_from(["Kremlin's", "Kyiv’s", "the", "The", "S-400", "40-year-old", "a", "x", "dogs'",
                         "don't", "ÉCOLE", "école", "said", "Said", "9,000", "—", "'s", "it’s", "12-ab",
                         "a1b", "x-", "-y", "U.S.", "(Kyiv)"])
SEPARATORS = st.sampled_from(list(SPACES) + [",", ".", "", "-", "’"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]),
                          st.lists(st.tuples(WORDS, SEPARATORS), max_size=12).map(
                              lambda pairs: "".join(w + s for w, s in pairs))
                          | st.text(max_size=20)), max_size=15),
       st.sampled_from([None, None, 5.0]))
def test_generated_texts(rows, prior_strength):
    assert_same(pd.DataFrame(rows, columns=["outlet", "text"]), prior_strength=prior_strength)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.tuples(st.sampled_from(["A", "B", "C", "D"]), st.sampled_from(list("pqrstuvw"))),
                       st.integers(0, 40), max_size=25),
       st.sampled_from([None, 1.0, 1000.0]), st.sampled_from([-1.96, None, -0.5, 1e-9]))
def test_log_odds_vs_rest_equals_the_previous_code(cells, prior_strength, absent_z):
    counts = pd.DataFrame([(g, w, n) for (g, w), n in cells.items()], columns=["group", "word", "count"])
    new = log_odds_vs_rest(counts, prior_strength=prior_strength, absent_z=absent_z)
    old = reference_logodds.log_odds_vs_rest_00881f1(counts, prior_strength=prior_strength, absent_z=absent_z)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
