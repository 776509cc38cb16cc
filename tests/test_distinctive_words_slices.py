"""distinctive_words.csv folded over slices of the sentences (tokens.TermCounter,
logodds.distinctive_words_of_slices) equals the c1c90e8 builder, which tokenised the whole
frame at once (kept in tests/reference_distinctive_words_c1c90e8.py), exactly: on the seeds
and the second-event fixture with the corpus given one, two or three articles at a time, and
on traps and generated texts cut into slices at any rows; with the text counted after every
slice, in batches of a few slices, or all at once (tokens.BATCH_CHARS)."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_distinctive_words_c1c90e8 as reference
from analysis import load_corpus, tokens
from analysis.export import Context
from analysis.logodds import distinctive_words, distinctive_words_of_slices
from analysis.tokens import TermCounter, coded_term_counts
from helpers import sliced_corpus
from test_distinctive_words_equivalence import SPACES, TRAPS, WORDS

OTHER_EVENT = "tests/fixtures/other_event"


@pytest.fixture(autouse=True, params=[1, 60, None], ids=["every slice", "60 chars", "whole"])
def batch_chars(request, monkeypatch):
    """Text counted after every slice, every 60 characters or so, or all at the end."""
    if request.param is not None:
        monkeypatch.setattr(tokens, "BATCH_CHARS", request.param)


def cut(frame: pd.DataFrame, cuts) -> list[pd.DataFrame]:
    """frame in consecutive slices, cut before each row number in `cuts` (empty slices too)."""
    bounds = [0] + sorted(min(c, len(frame)) for c in cuts) + [len(frame)]
    return [frame.iloc[a:b] for a, b in zip(bounds, bounds[1:])]


def assert_same_table(new: pd.DataFrame, old: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.to_csv(index=False) == old.to_csv(index=False)


@pytest.mark.parametrize("folder", [None, OTHER_EVENT])
@pytest.mark.parametrize("size", [1, 2, 3, 1000])
def test_the_table_from_a_corpus_in_slices_equals_the_c1c90e8_builder(folder, size, sample_corpus):
    corpus = sample_corpus if folder is None else load_corpus(folder)
    old = reference.distinctive_words(corpus.with_outlet(corpus.sentences), "outlet")
    assert len(old) and old["outlet"].nunique() > 1
    assert_same_table(Context(sliced_corpus(corpus, size)).table("distinctive_words.csv"), old)


@pytest.mark.parametrize("groups", [
    ["B", "A", "B", "C", "A", "D", "D", "A", "C", "B", "E"],
    [3, 1, 3, 2, 1, 0, 0, 1, 2, 3, 4],  # numbered groups
    ["B", None, "B", "C", np.nan, "D", "D", None, "C", "B", "A"],  # rows without a group
    ["One"] * 11,  # nothing to compare with: NaN scores
])
@pytest.mark.parametrize("cuts", [[], [1], [5, 5, 5], list(range(1, 11)), [0, 11]])
def test_traps_in_any_slices(groups, cuts):
    frame = pd.DataFrame({"outlet": groups, "text": TRAPS})
    for prior_strength in (None, 3):
        assert_same_table(distinctive_words_of_slices(cut(frame, cuts), "outlet", prior_strength=prior_strength),
                          reference.distinctive_words(frame, "outlet", prior_strength=prior_strength))


def test_slices_without_rows_or_tokens():
    empty = pd.DataFrame({"outlet": [], "text": []})
    assert_same_table(distinctive_words_of_slices([empty, empty]), reference.distinctive_words(empty))
    no_tokens = pd.DataFrame({"outlet": ["A", "B"], "text": ["a the", "x of"]})
    assert_same_table(distinctive_words_of_slices(cut(no_tokens, [1])), reference.distinctive_words(no_tokens))
    with pytest.raises(ValueError, match="prior_strength"):
        distinctive_words_of_slices(iter([no_tokens]), prior_strength=0)


TEXTS = st.lists(st.tuples(WORDS, st.sampled_from(list(SPACES) + [",", ".", "", "-"])), max_size=10).map(
    lambda pairs: "".join(w + s for w, s in pairs)) | st.text(max_size=15)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), TEXTS), max_size=14),
       st.lists(st.integers(0, 14), max_size=6), st.sampled_from([None, 5.0]))
def test_generated_texts_in_generated_slices(rows, cuts, prior_strength):
    frame = pd.DataFrame(rows, columns=["outlet", "text"])
    slices = cut(frame, cuts)
    assert_same_table(distinctive_words_of_slices(slices, prior_strength=prior_strength),
                      reference.distinctive_words(frame, prior_strength=prior_strength))
    # and the counts underneath, code for code, as the whole frame's
    counter = TermCounter()
    for part in slices:
        counter.add(part, "outlet")
    folded, whole = counter.counts(), reference.coded_term_counts(frame, "outlet")
    assert folded.groups == whole.groups
    assert folded.vocabulary.equals(whole.vocabulary)
    for name in ("group_of", "word_of", "count"):
        np.testing.assert_array_equal(getattr(folded, name), getattr(whole, name))


def test_counts_merged_across_many_slices_add_up():
    # many slices of one group each repeating words: the counts per (group, word) are merged
    # several times along the way, and must still add up to the whole frame's
    rng = np.random.default_rng(3)
    words = [f"word{chr(97 + i)}x" for i in range(26)]
    frame = pd.DataFrame({"outlet": rng.choice(["A", "B", "C", "D"], 400),
                          "text": [" ".join(rng.choice(words, 6)) for _ in range(400)]})
    counter = TermCounter()
    for part in cut(frame, range(1, 400)):
        counter.add(part, "outlet")
    whole = coded_term_counts(frame, "outlet")
    assert int(counter.counts().count.sum()) == int(whole.count.sum()) == 400 * 6
    np.testing.assert_array_equal(counter.counts().count, whole.count)
    assert_same_table(distinctive_words(frame), reference.distinctive_words(frame))
