"""readability_outlets.csv's bootstrap against the code at c1c90e8
(tests/reference_readability_uncertainty_c1c90e8.py), which read sentence_counts whole: the
counts folded a slice of whole articles at a time into compact arrays (`ArticleCounts`) must
give the same replicates, gaps and intervals to the last bit (same random draws, same float
additions), whatever the slices: one article at a time, a few articles, empty slices, slices
in another order of articles, articles packing does not apply to, and the spilled tables a
forked export job reads back in slices."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_readability_uncertainty_c1c90e8 as reference
from analysis import readability_uncertainty as fast
from analysis import table_parts
from analysis.export import TABLES, Context
from analysis.readability import readability_table
from analysis.readability_uncertainty import COUNT_COLUMNS, ArticleCounts
from readability_fixtures import DENSE, NEWS, PLAIN, make_corpus
from sliced_inputs import spilled_context


def assert_identical(new: pd.DataFrame, old: pd.DataFrame):
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.to_csv(index=False) == old.to_csv(index=False)


def by_article(counts: pd.DataFrame) -> list[pd.DataFrame]:
    return [rows for _, rows in counts.groupby("article_id", sort=False)]


def slicings(counts: pd.DataFrame) -> dict[str, list[pd.DataFrame]]:
    """The counts cut at article boundaries in several ways (each a fresh list of frames)."""
    articles = by_article(counts)
    return {
        "whole": [counts],
        "one article at a time": articles,
        "two at a time, with empty slices": [counts.iloc[:0]] + [pd.concat(articles[i:i + 2]) for i in range(0, len(articles), 2)]
                                            + [counts.iloc[:0]],
        "articles reversed": articles[::-1],
    }


CORPUS = make_corpus({
    "a1": {"outlet": "Many", "blocks": [("body", NEWS)]},
    "a2": {"outlet": "Many", "blocks": [("body", NEWS.replace("bridge", "tunnel"))]},
    "a3": {"outlet": "Many", "blocks": [("body", DENSE), ("body", PLAIN)]},
    "a4": {"outlet": "Many", "blocks": [("boilerplate", "Share this")]},  # no sentences
    "b1": {"outlet": "One", "blocks": [("body", "Short one. It ends.")]},
    "c1": {"outlet": "Empty", "blocks": [("boilerplate", "Sign up now")]},
    "e1": {"outlet": "Copy", "blocks": [("body", NEWS)]},
})


@pytest.fixture(scope="module", params=["seeds", "traps"])
def inputs(request, sample_corpus):
    corpus = sample_corpus if request.param == "seeds" else CORPUS
    return corpus, readability_table(corpus), fast.sentence_counts(corpus.sentences)


def test_the_reference_is_exercised(inputs):
    _, readability, counts = inputs
    assert counts["article_id"].nunique() > 1 and len(reference.outlet_intervals(readability, counts, n_boot=5))


@pytest.mark.parametrize("n_boot", [1, 7, 200])
def test_intervals_replicates_and_gaps_from_slices_equal_c1c90e8(inputs, n_boot):
    _, readability, counts = inputs
    outlets = readability.set_index("article_id")["outlet"]
    old_intervals = reference.outlet_intervals(readability, counts, n_boot=n_boot)
    old_replicates = reference.bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=3)
    for name, slices in slicings(counts).items():
        assert_identical(fast.outlet_intervals(readability, iter(slices), n_boot=n_boot), old_intervals)
        assert_identical(fast.bootstrap_replicates(iter(slices), outlets, n_boot=n_boot, seed=3), old_replicates)
        folded = ArticleCounts(slices)  # folded once, used by several
        assert_identical(fast.anchored_replicates(readability, folded, n_boot=n_boot),
                         reference.anchored_replicates(readability, counts, n_boot=n_boot))
        assert_identical(fast.reconstruction_gaps(readability, folded), reference.reconstruction_gaps(readability, counts))
        assert_identical(fast.article_reconstruction(folded), reference.article_reconstruction(counts))


def test_outlet_differences_from_slices_equal_c1c90e8(inputs):
    _, readability, counts = inputs
    assert_identical(fast.outlet_differences(readability, iter(by_article(counts)), n_boot=50),
                     reference.outlet_differences(readability, counts, n_boot=50))


def test_no_sentences_in_no_slice(inputs):
    _, readability, counts = inputs
    outlets = readability.set_index("article_id")["outlet"]
    for slices in ([], [counts.iloc[:0]], [counts.iloc[:0], counts.iloc[:0]]):
        assert_identical(fast.outlet_intervals(readability, iter(slices), n_boot=20),
                         reference.outlet_intervals(readability, counts.iloc[:0], n_boot=20))
        assert_identical(fast.bootstrap_replicates(iter(slices), outlets, n_boot=20),
                         reference.bootstrap_replicates(counts.iloc[:0], outlets, n_boot=20))


def test_an_article_cut_between_slices_is_an_error(inputs):
    _, _, counts = inputs
    first = counts[counts["article_id"] == counts["article_id"].iloc[0]]
    with pytest.raises(ValueError, match="two slices"):
        ArticleCounts([counts.iloc[:len(first) - 1], counts.iloc[len(first) - 1:]])
    with pytest.raises(ValueError, match="whole numbers"):
        ArticleCounts([counts.assign(words=counts["words"] + 0.5)])


@st.composite
def count_tables(draw):
    """Articles of 1-6 sentences of random counts: mostly small, sometimes negative or so
    large that packing does not apply to the article (its rows are then kept and summed)."""
    rows = []
    for a in range(draw(st.integers(1, 7))):
        for s in range(draw(st.integers(1, 6))):
            kind = draw(st.sampled_from(["small"] * 6 + ["negative", "huge"]))
            values = draw(st.lists(st.integers(0, 40), min_size=len(COUNT_COLUMNS), max_size=len(COUNT_COLUMNS)))
            if kind == "negative":
                values[draw(st.integers(0, len(values) - 1))] = -draw(st.integers(1, 5))
            elif kind == "huge":
                values[draw(st.integers(0, len(values) - 1))] = 2**60 + draw(st.integers(0, 9))
            rows.append([f"a{a}", s + 1, 1, 0, *values])
    counts = pd.DataFrame(rows, columns=["article_id", "sentence_id", "block_id", "paragraph", *COUNT_COLUMNS])
    outlets = pd.Series([f"O{draw(st.integers(0, 2))}" for _ in counts["article_id"].unique()],
                        index=pd.Index(counts["article_id"].unique(), name="article_id"), name="outlet")
    return counts, outlets


@settings(max_examples=40, deadline=None)
@given(count_tables(), st.integers(1, 9), st.integers(0, 3))
def test_random_counts_in_slices_give_the_same_replicates(table, n_boot, seed):
    counts, outlets = table
    old = reference.bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=seed)
    for slices in slicings(counts).values():
        with np.errstate(all="ignore"):  # (huge counts overflow the float formulas alike)
            assert_identical(fast.bootstrap_replicates(iter(slices), outlets, n_boot=n_boot, seed=seed), old)


@pytest.mark.parametrize("articles_per_slice", [1, 2])
def test_the_builder_reads_spilled_counts_in_slices(sample_corpus, tmp_path, monkeypatch, articles_per_slice):
    old = reference.readability_outlets_csv(Context(sample_corpus))
    monkeypatch.setattr(table_parts, "ARTICLES_PER_SLICE", articles_per_slice)
    folded = []
    fold = ArticleCounts.__init__
    monkeypatch.setattr(ArticleCounts, "__init__", lambda self, slices: fold(self, [folded.append(len(s)) or s for s in slices]))
    with spilled_context(sample_corpus, ["readability.csv", "sentence_counts"], tmp_path) as context:
        new = TABLES["readability_outlets.csv"](context)
        assert "sentence_counts" not in context._built  # never read back whole
    assert_identical(new, old)
    per_article = sample_corpus.sentences.groupby("article_id", sort=False).size().tolist()
    assert folded == [sum(per_article[i:i + articles_per_slice]) for i in range(0, len(per_article), articles_per_slice)]


def test_count_rows_are_kept_only_for_slices_that_packing_does_not_cover(inputs):
    _, readability, counts = inputs
    outlets = readability.set_index("article_id")["outlet"]
    assert all(rows is None for _, rows in ArticleCounts(by_article(counts))._pieces)
    negative = counts.assign(words=np.where(counts["article_id"] == counts["article_id"].iloc[0], -1, counts["words"]))
    folded = ArticleCounts(by_article(negative))
    assert [rows is None for _, rows in folded._pieces] == [False] + [True] * (len(folded._pieces) - 1)
    assert_identical(fast.bootstrap_replicates(folded, outlets, n_boot=30, seed=1),
                     reference.bootstrap_replicates(negative, outlets, n_boot=30, seed=1))
