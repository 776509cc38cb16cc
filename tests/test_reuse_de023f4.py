"""reuse_pairs on integer codes, find_reuse's table sorted on codes with each distinct score
rounded once, and the LSH band codes folded two columns at a time, against main at de023f4
(kept verbatim in tests/reference_reuse_de023f4.py): the same tables to the byte (dtypes and
index too) on synthetic corpora, on hand-made reuse frames (scores at rounding ties, -0.0,
articles sharing nothing with some, missing agencies and channels) and on the seed articles."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis.reuse as reuse
import reference_reuse_de023f4 as reference
from analysis.pair_scoring import PairScores
from analysis.reuse import _pair_shares_of_codes, find_reuse, reuse_pairs
from analysis.textsim import load_paraphrases
from test_reuse_equivalence import csv, synthetic

PARAPHRASES = load_paraphrases()
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@settings(max_examples=40, **SETTINGS)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 80),
       min_similarity=st.sampled_from([0.5, 0.3]), min_containment=st.sampled_from([0.85, 0.5]),
       pairs_at_once=st.sampled_from([250_000, 3]))
def test_find_reuse_and_pairs_as_de023f4(seed, n_articles, n_sentences, min_similarity, min_containment, pairs_at_once,
                                         monkeypatch):
    monkeypatch.setattr(reuse, "_PAIRS_AT_ONCE", pairs_at_once)
    monkeypatch.setattr(reference, "_PAIRS_AT_ONCE", pairs_at_once)
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    options = dict(paraphrases=PARAPHRASES, min_similarity=min_similarity, min_containment=min_containment, min_terms=2)
    new, old = find_reuse(sentences, articles, **options), reference.find_reuse(sentences, articles, **options)
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)
    if len(old):
        new_pairs, old_pairs = reuse_pairs(new, sentences, articles), reference.reuse_pairs(old, sentences, articles)
        pd.testing.assert_frame_equal(new_pairs, old_pairs)
        assert csv(new_pairs) == csv(old_pairs)


def test_seed_tables_as_de023f4(sample_corpus):
    sentences, articles = sample_corpus.sentences, sample_corpus.articles
    new, old = find_reuse(sentences, articles), reference.find_reuse(sentences, articles)
    assert len(new)
    pd.testing.assert_frame_equal(new, old)
    pd.testing.assert_frame_equal(reuse_pairs(new, sentences, articles), reference.reuse_pairs(old, sentences, articles))


# scores where rounding to 4 places is delicate: ties, values a float's width from a tie, signed zeros
DELICATE = [0.0, -0.0, 1.0, 0.5, 0.12345, 0.00005, 0.00015, 0.99995, 2.675, 1 / 3, 0.5 + 2**-40, 0.85,
            np.nextafter(0.12345, 1.0), np.nextafter(0.12345, 0.0)]


class ScoresOf:
    """A stand-in for ReuseMatches' token index: the made-up scores of each kept pair, given
    back for whichever of them a slice of the table asks."""

    def __init__(self, first, second, scores):
        self.of = {(i, j): tuple(values[k] for values in scores.values())
                   for k, (i, j) in enumerate(zip(first.tolist(), second.tolist()))}

    def score(self, first, second, **thresholds):
        rows = [self.of[pair] for pair in zip(first.tolist(), second.tolist())]
        return PairScores(np.arange(len(rows)), *map(list, zip(*rows)))


def matches_of(first, second, scores, sentences, articles, texts):
    return reuse.ReuseMatches(first, second, ScoresOf(first, second, scores), reuse.SentenceKeys.of_slices([sentences]),
                              articles, lambda at: [texts[k] for k in at.tolist()], min_similarity=0.5,
                              min_containment=0.85)


@settings(max_examples=60, **SETTINGS)
@given(data=st.data(), n_sentences=st.integers(2, 14), n_articles=st.integers(2, 5), rows_at_once=st.sampled_from([1, 3, 100]))
def test_table_building_as_de023f4(data, n_sentences, n_articles, rows_at_once):
    """The table of made-up kept pairs and scores, whole and a few rows at a time: sorted by
    article ids (not in code order), sentence ids compared as numbers, every score rounded
    as round() rounds it."""
    ids = data.draw(st.lists(st.sampled_from(["b", "a10", "a2", "A", "z", "é"]), min_size=n_articles,
                             max_size=n_articles, unique=True))
    article_ids = [ids[data.draw(st.integers(0, n_articles - 1))] for _ in range(n_sentences)]
    sentence_ids = [data.draw(st.sampled_from([1, 2, 10, 3, 25])) for _ in range(n_sentences)]
    texts = [data.draw(st.sampled_from(["Tanks crossed.", "tanks  crossed", "Talks failed today.", "Kyiv said no."]))
             for _ in range(n_sentences)]
    sentences = pd.DataFrame({"article_id": article_ids, "sentence_id": sentence_ids, "text": texts,
                              "n_words": [len(t.split()) for t in texts]})
    articles = pd.DataFrame({"article_id": ids, "outlet": [f"O{k}" for k in range(len(ids))]})
    pairs = sorted({(i, j) for i in range(n_sentences) for j in range(n_sentences) if i != j})
    kept = data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=12, unique=True))
    # (sentence positions as find_reuse holds them: int32)
    first = np.array([i for i, _ in kept], dtype=np.int32)
    second = np.array([j for _, j in kept], dtype=np.int32)
    score = st.one_of(st.sampled_from(DELICATE), st.floats(0.0, 1.0))

    def made():
        return {name: [data.draw(score) for _ in kept] for name in ("similarity", "coverage_a", "coverage_b")} | {
            name: [data.draw(st.sampled_from(["", "tank", "kyiv; tank"])) for _ in kept]
            for name in ("words_only_a", "words_only_b", "swapped_words")}

    scores = made()
    copy = {name: list(values) for name, values in scores.items()}
    matches = matches_of(first, second, scores, sentences, articles, texts)
    new = matches.frame()
    old = reference._reuse_frame(first.copy(), second.copy(), copy, sentences, articles, texts, article_ids)
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)
    parts = list(matches.slices(rows_at_once))
    assert max(map(len, parts)) <= rows_at_once
    assert csv(pd.concat(parts, ignore_index=True)) == csv(old)


def test_rounding_keeps_the_sign_of_zero():
    scores = {"similarity": [-0.0, 0.0], "coverage_a": [0.0, -0.0], "coverage_b": [1.0, 1.0],
              "words_only_a": ["", ""], "words_only_b": ["", ""], "swapped_words": ["", ""]}
    sentences = pd.DataFrame({"article_id": ["a", "b", "c"], "sentence_id": [1, 1, 1], "text": ["x", "x", "x"],
                              "n_words": [1, 1, 1]})
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"]})
    table = matches_of(np.array([0, 0]), np.array([1, 2]), scores, sentences, articles, ["x"] * 3).frame()
    assert np.signbit(table["similarity"].to_numpy()).tolist() == [True, False]
    assert np.signbit(table["coverage_a"].to_numpy()).tolist() == [False, True]


@settings(max_examples=60, **SETTINGS)
@given(data=st.data(), n_articles=st.integers(2, 6), n_rows=st.integers(1, 25))
def test_pairs_as_de023f4(data, n_articles, n_rows):
    """reuse_pairs of made-up reuse rows: a sentence shared several times with one article
    (counted once), shared both ways, articles with no body words, missing agencies."""
    ids = [f"art{k}" for k in data.draw(st.permutations(range(n_articles)))]
    sentence_rows = [(aid, sid, data.draw(st.sampled_from([0, 1, 7, 12, 30]))) for aid in ids for sid in range(1, 5)]
    sentences = pd.DataFrame(sentence_rows, columns=["article_id", "sentence_id", "n_words"])
    articles = pd.DataFrame({"article_id": ids, "outlet": [f"Outlet {k % 3}" for k in range(n_articles)],
                             "agency": [data.draw(st.sampled_from(["", "AP", "ap", "Reuters", None])) for _ in ids],
                             "channel": [data.draw(st.sampled_from(["", "wire", "rewrite", None])) for _ in ids]})
    rows = []
    for _ in range(n_rows):
        a, b = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        rows.append({"article_a": a, "article_b": b, "sentence_id_a": data.draw(st.integers(1, 4)),
                     "sentence_id_b": data.draw(st.integers(1, 4))})
    table = pd.DataFrame(rows)
    min_sentences = data.draw(st.sampled_from([1, 2, 3]))
    min_share = data.draw(st.sampled_from([0.1, 0.0, 0.5]))
    new = reuse_pairs(table, sentences, articles, min_sentences=min_sentences, min_share=min_share)
    old = reference.reuse_pairs(table, sentences, articles, min_sentences=min_sentences, min_share=min_share)
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)


@settings(max_examples=60, **SETTINGS)
@given(data=st.data(), n_articles=st.integers(2, 6), n_rows=st.integers(1, 25),
       sorted_at_once=st.sampled_from([1, 2, 1_000_000]))
def test_pair_slices_of_matches_a_run_at_a_time_as_de023f4(data, n_articles, n_rows, sorted_at_once, monkeypatch):
    """ReuseMatches.pair_slices sums a run of articles at a time (runs of about 1 or 2 pairs,
    or one run): made-up kept pairs, an article pair kept in both orders, give de023f4's
    reuse_pairs of their rows."""
    monkeypatch.setattr(reuse, "_ROWS_SORTED_AT_ONCE", sorted_at_once)
    ids = [f"art{k}" for k in data.draw(st.permutations(range(n_articles)))]
    sentence_rows = [(aid, sid, data.draw(st.sampled_from([0, 1, 7, 12]))) for aid in ids for sid in (1, 2, 10)]
    sentences = pd.DataFrame(sentence_rows, columns=["article_id", "sentence_id", "n_words"])
    articles = pd.DataFrame({"article_id": ids, "outlet": [f"Outlet {k % 3}" for k in range(n_articles)],
                             "agency": [data.draw(st.sampled_from(["", "AP", None])) for _ in ids],
                             "channel": [data.draw(st.sampled_from(["", "wire", None])) for _ in ids]})
    pairs = [(i, j) for i in range(len(sentences)) for j in range(len(sentences)) if i // 3 != j // 3]
    kept = data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=n_rows, unique=True))
    first, second = (np.array(side, dtype=np.int32) for side in zip(*kept))
    scores = {name: [0.5] * len(kept) for name in ("similarity", "coverage_a", "coverage_b")} | {
        name: [""] * len(kept) for name in ("words_only_a", "words_only_b", "swapped_words")}
    matches = matches_of(first, second, scores, sentences, articles, [""] * len(sentences))
    table = pd.DataFrame({"article_a": sentences["article_id"].to_numpy()[first],
                          "article_b": sentences["article_id"].to_numpy()[second],
                          "sentence_id_a": sentences["sentence_id"].to_numpy()[first],
                          "sentence_id_b": sentences["sentence_id"].to_numpy()[second]})
    new = pd.concat(matches.pair_slices(articles, rows_at_once=2), ignore_index=True)
    old = reference.reuse_pairs(table, sentences, articles)
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)


@settings(max_examples=200, **SETTINGS)
@given(counts=st.lists(st.integers(0, 12), max_size=30), at_once=st.integers(1, 15))
def test_code_runs_cover_every_code_in_bounded_runs(counts, at_once, monkeypatch):
    monkeypatch.setattr(reuse, "_ROWS_SORTED_AT_ONCE", at_once)
    runs = reuse._code_runs(np.array(counts, dtype=np.int64))
    assert bool(runs) == bool(counts)
    assert [low for low, _ in runs] == [0, *(high for _, high in runs[:-1])][:len(runs)]
    assert all(low < high for low, high in runs) and (runs[-1][1] if runs else 0) == len(counts)
    assert all(sum(counts[low + 1:high]) <= at_once for low, high in runs)
    if counts and sum(counts) <= at_once:
        assert runs == [(0, len(counts))]


def test_pairs_of_a_sentence_missing_from_sentences_raise():
    sentences = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [1, 1], "n_words": [3, 3]})
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "agency": ["", ""], "channel": ["", ""]})
    table = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "sentence_id_a": [1], "sentence_id_b": [2]})
    with pytest.raises(ValueError, match="not in `sentences`"):
        reuse_pairs(table, sentences, articles)


def test_pair_shares_say_when_the_corpus_is_too_large_to_code():
    """A shared sentence of an article pair is coded as one int64: past that, a clear error
    before anything is allocated (range: 2**32 article ids without holding them)."""
    one = np.zeros(1, dtype=np.int64)
    with pytest.raises(OverflowError, match="4,294,967,296 articles of up to 8 sentences"):
        _pair_shares_of_codes(range(2**32), one, one + 1, one, one, one, one + 7, one + 3)


@settings(max_examples=100, **SETTINGS)
@given(rows=st.lists(st.lists(st.sampled_from([0, 1, 2**31, 2**32 - 1, 7]), min_size=3, max_size=3), max_size=30),
       width=st.integers(1, 3))
def test_band_codes_group_rows_as_de023f4(rows, width):
    band = np.array(rows, dtype=np.uint32).reshape(len(rows), 3)[:, :width]
    new, old = reuse._band_codes(band), reference._band_codes(band)
    # the same partition of the rows into buckets, codes from 0 that fit the int32 buckets
    assert (new[:, None] == new[None, :]).tolist() == (old[:, None] == old[None, :]).tolist()
    assert new.min(initial=0) >= 0 and new.max(initial=0) < max(len(rows), 1)
