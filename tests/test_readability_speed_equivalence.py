"""The fast readability uncertainty code equals the code it replaced (tests/readability_
reference.py) exactly: sentence counts, bootstrap replicates (same random draws, same float
additions in the same order) and readability_outlets.csv, on the seeds and on traps (one
outlet holding every article, outlets of one article, an outlet without body sentences,
articles without text, repeated sentences, odd replicate counts, batches that end inside an
outlet)."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import readability_reference as reference
from analysis import readability_uncertainty as fast
from analysis.readability import readability_table
from readability_fixtures import DENSE, NEWS, PLAIN, make_corpus


@pytest.fixture(scope="module")
def seeds(sample_corpus):
    return readability_table(sample_corpus), fast.sentence_counts(sample_corpus.sentences)


@pytest.fixture(scope="module")
def traps():
    corpus = make_corpus({
        "a1": {"outlet": "Many", "blocks": [("body", NEWS)]},
        "a2": {"outlet": "Many", "blocks": [("body", NEWS.replace("bridge", "tunnel"))]},
        "a3": {"outlet": "Many", "blocks": [("body", DENSE), ("body", PLAIN)]},
        "a4": {"outlet": "Many", "blocks": [("boilerplate", "Share this")]},  # no sentences
        "b1": {"outlet": "One", "blocks": [("body", "Short one. It ends.")]},
        "c1": {"outlet": "Empty", "blocks": [("boilerplate", "Sign up now")]},
        "d1": {"outlet": "Digits", "blocks": [("body", "9,000. 40 of 12. ... !!")]},
        "e1": {"outlet": "Copy", "blocks": [("body", NEWS)]},  # every sentence repeated
    })
    return corpus, readability_table(corpus), fast.sentence_counts(corpus.sentences)


def assert_identical(new: pd.DataFrame, old: pd.DataFrame):
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.to_csv(index=False) == old.to_csv(index=False)


def test_sentence_counts_equal_textstat_per_sentence(sample_corpus, traps):
    for sentences in (sample_corpus.sentences, traps[0].sentences):
        assert_identical(fast.sentence_counts(sentences), reference.sentence_counts(sentences))


def test_sentence_counts_of_repeated_and_generated_sentences():
    texts = ["The dog ran.", "Kyiv’s anti-aircraft units, 9,000 strong!", "", "The dog ran.", "“Very” high",
             "naïve Straße. Київ", "The dog ran."]
    frame = pd.DataFrame({"article_id": "a", "sentence_id": range(1, 8), "block_id": 1, "paragraph": 0,
                          "text": texts, "n_words": [len(t.split()) for t in texts]})
    assert_identical(fast.sentence_counts(frame), reference.sentence_counts(frame))
    assert_identical(fast.sentence_counts(frame.iloc[:0]), reference.sentence_counts(frame.iloc[:0]))


def outlet_layouts(readability: pd.DataFrame) -> dict[str, pd.Series]:
    outlets = readability.set_index("article_id")["outlet"]
    return {"as published": outlets,
            "one outlet": pd.Series("All", index=outlets.index),
            "mixed": pd.Series([f"O{i % 3}" for i in range(len(outlets))], index=outlets.index)}


@pytest.mark.parametrize("n_boot", [1, 7, 200])
@pytest.mark.parametrize("batch_rows", [fast.BATCH_ROWS, 5])  # 5: batches end inside outlets
def test_bootstrap_replicates_equal_the_previous_code(seeds, traps, monkeypatch, n_boot, batch_rows):
    monkeypatch.setattr(fast, "BATCH_ROWS", batch_rows)
    for readability, counts in (seeds, traps[1:]):
        for outlets in outlet_layouts(readability).values():
            assert_identical(fast.bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=3),
                             reference.bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=3))


@pytest.mark.parametrize("n_boot, level", [(1, 0.95), (7, 0.5), (101, 0.9), (fast.N_BOOT, fast.LEVEL)])
def test_outlet_intervals_equal_the_previous_code(seeds, traps, n_boot, level):
    for readability, counts in (seeds, traps[1:]):
        for outlets in outlet_layouts(readability).values():
            table = readability.assign(outlet=outlets.to_numpy())
            assert_identical(fast.outlet_intervals(table, counts, n_boot=n_boot, level=level),
                             reference.outlet_intervals(table, counts, n_boot=n_boot, level=level))


def test_no_outlets_and_no_sentences(traps):
    _, readability, counts = traps
    none = counts.iloc[:0]
    assert_identical(fast.outlet_intervals(readability, none, n_boot=20),
                     reference.outlet_intervals(readability, none, n_boot=20))
    outlets = readability.set_index("article_id")["outlet"]
    assert_identical(fast.bootstrap_replicates(none, outlets, n_boot=20),
                     reference.bootstrap_replicates(none, outlets, n_boot=20))


def test_counts_must_be_whole_numbers(traps):
    _, readability, counts = traps
    outlets = readability.set_index("article_id")["outlet"]
    with pytest.raises(ValueError, match="whole numbers"):
        fast.bootstrap_replicates(counts.assign(words=counts["words"] + 0.5), outlets, n_boot=5)
    with pytest.raises(ValueError, match="n_boot"):
        fast.outlet_intervals(readability, counts, n_boot=0)


FLOATS = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(np.nan), st.sampled_from([0.0, 1.0, 0.1, 1e-9]))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(FLOATS, min_size=1, max_size=300), min_size=1, max_size=4),
       st.sampled_from([0.0, 0.025000000000000022, 0.1, 0.5, 0.975, 1.0]))
def test_quantiles_and_means_equal_pandas(groups, q):
    frame = pd.DataFrame({"g": np.repeat(np.arange(len(groups)), [len(g) for g in groups]),
                          "v": np.concatenate([np.array(g, float) for g in groups])})
    expected = frame.groupby("g")["v"].quantile(q).to_numpy()
    for values, want in zip(groups, expected):
        got = fast._quantiles(np.array([values], float), (q,))[0, 0]
        assert got == want or (np.isnan(got) and np.isnan(want))
        mean, pandas_mean = fast._series_mean(np.array(values, float)), pd.Series(values, dtype=float).mean()
        assert mean == pandas_mean or (np.isnan(mean) and np.isnan(pandas_mean))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(FLOATS, st.sampled_from([np.inf, -np.inf])), FLOATS), min_size=1, max_size=50))
def test_ratio_equals_the_previous_expression(pairs):
    numerator, denominator = (np.array(column, float) for column in zip(*pairs))
    new, old = fast._ratio(numerator, denominator), reference.ratio(numerator, denominator)
    assert new.tobytes() == old.tobytes()


def resampled_sums(sentences: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """`draws` resamples of one article's sentences -> their summed counts, as the bootstrap
    draws them (rng.integers(0, n, size=(draws, n))) and sums them (`_drawn_sums` of the
    article packed alone by `_packed_articles`)."""
    picks = rng.integers(0, len(sentences), size=(draws, len(sentences)))
    if not len(sentences):
        return np.zeros((draws, sentences.shape[1]), sentences.dtype)
    return fast._drawn_sums(picks, sentences, fast._packed_articles(sentences, np.zeros(1, np.int64)), 0)


COLUMN_RANGES = st.sampled_from([(0, 1), (0, 4), (0, 60), (0, 500), (0, 2**20)])


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 40), st.lists(COLUMN_RANGES, min_size=len(fast.COUNT_COLUMNS),
                                    max_size=len(fast.COUNT_COLUMNS)),
       st.sampled_from([None, None, None, (-3, 4), (0, 2**58)]),  # mostly packable counts
       st.integers(1, 300), st.integers(0, 2**32))
def test_packed_resampled_sums_equal_the_previous_code(n, ranges, odd_column, draws, seed):
    if odd_column:
        ranges[seed % len(ranges)] = odd_column
    values = np.random.default_rng(seed)
    sentences = np.column_stack([values.integers(low, high, size=n) for low, high in ranges])
    new = resampled_sums(sentences, draws, np.random.default_rng(seed))
    old = reference.resampled_sums(sentences, draws, np.random.default_rng(seed))
    assert new.dtype == old.dtype and np.array_equal(new, old)
    packed = reference.resampled_sums_00881f1(sentences, draws, np.random.default_rng(seed))
    assert packed.dtype == new.dtype and np.array_equal(new, packed)


@pytest.mark.parametrize("rows", [
    [[0] * 12],  # one sentence, every count zero: zero-width fields
    [[1] * 12] * 30,
    [[2**56] + [1] * 11] * 64,  # one sum needs 63 bits: no packing
    [[2**40, 2**40] + [7] * 10] * 8,  # wide fields: several packed columns
    [[-1] + [5] * 11, [3] * 12],  # a negative count: no packing
])
def test_packed_resampled_sums_traps(rows):
    sentences = np.array(rows, dtype=np.int64)
    for seed in (0, 1, 20221219):
        new = resampled_sums(sentences, 257, np.random.default_rng(seed))
        old = reference.resampled_sums(sentences, 257, np.random.default_rng(seed))
        assert np.array_equal(new, old)
        assert np.array_equal(new, reference.resampled_sums_00881f1(sentences, 257, np.random.default_rng(seed)))


@pytest.mark.parametrize("batch_rows", [fast.BATCH_ROWS, 5, 300])  # batches ending inside outlets
def test_scorer_runs_equal_the_per_article_flush(seeds, traps, monkeypatch, batch_rows):
    """One np.add.at per metric for a run of one outlet's pieces adds what the 00881f1 flush
    added, one article at a time, in the same order."""
    monkeypatch.setattr(fast, "BATCH_ROWS", batch_rows)
    for readability, counts in (seeds, traps[1:]):
        for outlets in outlet_layouts(readability).values():
            new = fast.bootstrap_replicates(counts, outlets, n_boot=97, seed=5)
            with monkeypatch.context() as patched:
                patched.setattr(fast, "_Scorer", reference.Scorer00881f1)
                old = fast.bootstrap_replicates(counts, outlets, n_boot=97, seed=5)
            assert_identical(new, old)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 25), COLUMN_RANGES, st.sampled_from([None, None, (-3, 4), (0, 2**58)])),
                min_size=1, max_size=8),
       st.integers(1, 60), st.integers(0, 2**32))
def test_articles_packed_at_once_sum_as_the_previous_code(articles, draws, seed):
    """Articles packed together (some not packable: a negative count, a 63-bit sum) give each
    article the sums the previous code gave it alone, from the same draws."""
    values = np.random.default_rng(seed)
    blocks = []
    for n, (low, high), odd in articles:
        block = values.integers(low, high, size=(n, len(fast.COUNT_COLUMNS)))
        if odd:
            block[:, seed % block.shape[1]] = values.integers(*odd, size=n)
        blocks.append(block)
    sentences = np.concatenate(blocks)
    starts = np.cumsum([0] + [len(b) for b in blocks[:-1]])
    packing = fast._packed_articles(sentences, starts)
    for i, (block, start) in enumerate(zip(blocks, starts)):
        span = slice(start, start + len(block))
        picks = np.random.default_rng(seed + i).integers(0, len(block), size=(draws, len(block)))
        new = fast._drawn_sums(picks, sentences[span], packing._replace(packed=packing.packed[:, span]), i)
        old = reference.resampled_sums_00881f1(block, draws, np.random.default_rng(seed + i))
        assert new.dtype == old.dtype and np.array_equal(new, old)


@pytest.mark.parametrize("k", [1, 2, 60, (1 << 16) - 1, 1 << 16, (1 << 16) + 1])
def test_replicates_by_article_equal_the_int64_sort(k):
    """16-bit radix sort up to 2**16 articles, int64 beyond: the stable order of 00881f1."""
    chosen = np.random.default_rng(k).integers(0, k, size=(3, k))
    expected = np.argsort(chosen, axis=None, kind="stable") // k  # as _outlet_replicates had it
    assert np.array_equal(fast._replicates_by_article(chosen, k), expected)
