"""The token-batch path (textstat_onepass._token_batch, batch_scores, counts_matrix;
readability.batch_onepass_scores and readability_table) equals the text-by-text one-pass
code it replaced (tests/reference_readability_de023f4.py, verbatim) exactly: on the seeds,
on the traps of test_textstat_onepass, on generated texts and across batch boundaries."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_readability_de023f4 as reference
from analysis import textstat_onepass
from analysis.readability import batch_onepass_scores, onepass_scores, readability_table
from analysis.textstat_onepass import count_sentences, counts_matrix
from test_textstat_onepass import TEXTS, TRAPS


def assert_batch_equals_reference(texts):
    # repr: NaN equals NaN, and 1 == 1.0 == True would hide a type change
    assert repr(batch_onepass_scores(texts)) == repr([reference.onepass_scores(t) for t in texts])
    assert repr(batch_onepass_scores(texts)) == repr([onepass_scores(t) for t in texts])
    matrix = counts_matrix(texts)
    assert matrix.dtype == np.int64 and matrix.shape == (len(texts), 9)
    assert matrix.tolist() == reference.counts_matrix(texts).tolist()
    assert [count_sentences(t) for t in texts] == [reference.count_sentences(t) for t in texts]


def test_seeds_and_traps(sample_corpus):
    texts = list(sample_corpus.body_text()) + list(sample_corpus.sentences["text"])
    assert_batch_equals_reference(TRAPS + texts)
    assert_batch_equals_reference(["", "", "  "] + TRAPS + [""])  # texts without tokens anywhere
    assert_batch_equals_reference([])


def test_batches_split_texts(sample_corpus, monkeypatch):
    """Batches of a few characters: every text in a batch of its own or shared."""
    texts = TRAPS + list(sample_corpus.body_text())
    expected = repr([reference.onepass_scores(t) for t in texts])
    for size in (1, 50, 400):
        monkeypatch.setattr(textstat_onepass, "BATCH_CHARS", size)
        assert repr(batch_onepass_scores(texts)) == expected
        assert counts_matrix(texts).tolist() == reference.counts_matrix(texts).tolist()


def test_readability_table_equals_reference(sample_corpus):
    assert readability_table(sample_corpus).equals(reference.readability_table(sample_corpus))


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXTS, max_size=6))
def test_generated_texts(texts):
    assert_batch_equals_reference(texts)


@pytest.mark.parametrize("words", [99, 100, 101, 250])
def test_linsear_prefix_at_the_hundredth_word(words):
    """Linsear Write reads rows up to the 100th word only: punctuation tokens around it."""
    texts = [" ".join(["—", f"w{i}", "."][i % 3] if i % 3 else f"word{i}" for i in range(n))
             for n in (words, 2 * words, 3 * words)]
    assert_batch_equals_reference(texts)
