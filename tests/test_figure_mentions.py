"""figures.csv from the per-article `figure_mentions` table (built in the export's partitions,
spilled, read back a slice of articles at a time) is the table c1c90e8 built by extracting the
whole corpus.sentences at once (tests/reference_figures_c1c90e8.py), dtypes and row order
included: whatever the partitions, the corpus order of the articles, the slice size, a
partition without figures or one that inferred another dtype for a column."""
from __future__ import annotations

import random
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

import reference_figures_c1c90e8 as reference
from analysis import load_corpus, numbers, table_parts
from analysis.claims import build_figures, figure_mentions, figures_of_mentions, find_discrepancies, load_claims
from analysis.config import RAW_DIR, ROOT
from analysis.export import Context, PartitionContext
from analysis.table_parts import PartSpill, split_by_article
from test_figures_equivalence import FIGURE_SENTENCES

CLAIMS = load_claims()


class _Corpus:
    """The frames the figure builders read; articles in corpus order."""

    def __init__(self, sentences: pd.DataFrame, articles: pd.DataFrame):
        self.sentences, self.articles = sentences, articles


def exported(corpus, groups: list[list[str]], articles_per_slice: int, retype: dict | None = None) -> pd.DataFrame:
    """figures.csv as a parallel export builds it: figure_mentions built by each partition
    (`groups` of article ids) on its own articles, split into per-article parts and spilled in
    corpus order (parts arriving in any order), then the figures.csv builder reading them in
    slices of `articles_per_slice` articles. `retype`: {group index: {column: dtype}}, a
    partition whose builder gave a column another dtype."""
    order = corpus.articles["article_id"].tolist()
    parts = {}
    for number, group in enumerate(groups):
        sentences = corpus.sentences[corpus.sentences["article_id"].isin(group)]
        own = corpus.articles[corpus.articles["article_id"].isin(group)]
        frame = PartitionContext(_Corpus(sentences, own)).table("figure_mentions")
        if retype and number in retype and len(frame):
            frame = frame.astype(retype[number])
        parts.update(split_by_article(frame, group))
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(table_parts, "ARTICLES_PER_SLICE", articles_per_slice)
        spill = PartSpill(Path(folder), ["figure_mentions"], len(order))
        arrival = list(range(len(order)))
        random.Random(len(groups)).shuffle(arrival)
        for position in arrival:
            spill.keep(position, {"figure_mentions": parts[order[position]]})
        try:
            context = Context(corpus, _spilled={"figure_mentions": spill.written("figure_mentions")})
            figures = context.table("figures.csv")
            assert "figure_mentions" not in context._built  # read in slices, never held whole
            assert_frame_equal(context.table("discrepancies.csv"), find_discrepancies(figures, corpus.articles, CLAIMS))
        finally:
            spill.close()
    return figures


def runs(ids: list[str], sizes: list[int]) -> list[list[str]]:
    """ids cut into consecutive partitions of the given sizes (the last takes the rest)."""
    groups, start = [], 0
    for size in sizes:
        if start < len(ids):
            groups.append(ids[start:start + size])
            start += size
    return groups + ([ids[start:]] if start < len(ids) else [])


def bundled(folder) -> _Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


@pytest.fixture(scope="module", params=[RAW_DIR, ROOT / "tests" / "fixtures" / "other_event"], ids=["seeds", "other_event"])
def corpus(request):
    return bundled(request.param)


def test_the_oracle_is_the_c1c90e8_code_not_the_new():
    assert reference.build_figures is not build_figures
    assert reference.extract_figures is not numbers.extract_figures
    assert "figure_mentions" not in Path(reference.__file__).read_text(encoding="utf-8")


def test_in_memory_corpus(corpus):
    figures = build_figures(corpus)
    assert_frame_equal(figures, reference.build_figures(corpus))
    assert len(figures) and (figures["claim_id"] != "").any()


@pytest.mark.parametrize("articles_per_slice", [1, 2, 500])
def test_one_article_per_partition(corpus, articles_per_slice):
    ids = corpus.articles["article_id"].tolist()
    figures = exported(corpus, [[article] for article in ids], articles_per_slice)
    assert_frame_equal(figures, reference.build_figures(corpus))


def test_articles_in_reverse_id_order_in_two_partitions(corpus):
    """Spilled parts come back in corpus order; figures.csv lists articles by id."""
    articles = corpus.articles.iloc[::-1].reset_index(drop=True)
    assert not articles["article_id"].is_monotonic_increasing
    reordered = _Corpus(corpus.sentences, articles)
    ids = articles["article_id"].tolist()
    figures = exported(reordered, runs(ids, [2]), 2)
    assert_frame_equal(figures, reference.build_figures(reordered))
    assert figures["article_id"].is_monotonic_increasing


def test_a_partition_that_typed_a_column_otherwise(corpus):
    """Parts disagreeing on a column's dtype make the table infer it from every value, as
    extraction over the whole corpus did."""
    ids = corpus.articles["article_id"].tolist()
    figures = exported(corpus, runs(ids, [1, 2]), 1, retype={0: {"value": "object", "hedge": "object"}})
    assert_frame_equal(figures, reference.build_figures(corpus))


def test_mentions_are_per_article(corpus):
    """Each article's mentions alone, in id order, are the whole corpus's mentions."""
    sentences = corpus.sentences
    alone = [figure_mentions(group) for _, group in sentences.groupby("article_id", sort=True)]
    assert_frame_equal(pd.concat(alone, ignore_index=True), figure_mentions(sentences))


TRAP_ARTICLES = {
    # the whole of "18 of them" is the count just before it only within one article
    "a": ["Russia launched 23 drones over Kyiv.", "18 of them were shot down."],
    "b": ["Officials counted 40 missiles.", "18 of them were shot down."],
    "c": ["18 of them were shot down.", "No figure here at all."],
    "d": ["It was the first visit in three years.", "Russia launched 23 drones over Kyiv."],
}


def trap_corpus(article_order: list[str]) -> _Corpus:
    """Articles whose first sentence could take the previous article's count as its whole,
    repeated texts across articles (the extraction memo), in the given corpus order."""
    rows = [(article, number + 1, text) for article in article_order for number, text in enumerate(TRAP_ARTICLES[article])]
    sentences = pd.DataFrame(rows, columns=["article_id", "sentence_id", "text"])
    published = {"a": "2022-12-19", "b": "", "c": "2023-01-02", "d": "2022-12-19"}
    articles = pd.DataFrame({"article_id": article_order, "outlet": ["A", "B", "A", "C"][:len(article_order)],
                             "published": [published[a] for a in article_order]})
    return _Corpus(sentences, articles)


@pytest.mark.parametrize("order", [["a", "b", "c", "d"], ["d", "c", "b", "a"], ["b", "d", "a", "c"]])
def test_a_proportion_never_takes_its_whole_from_another_article(order):
    corpus = trap_corpus(order)
    figures = exported(corpus, [[article] for article in order], 1)
    assert_frame_equal(figures, reference.build_figures(corpus))
    part_of = dict(zip(figures["figure_id"], figures["part_of"]))
    assert part_of["a:2:1"] == "a:1:1" and part_of["b:2:1"] == "b:1:1"  # the trap holds within an article
    assert part_of["c:1:1"] == ""
    assert (figures["derived_from"] != "").any()


@pytest.mark.parametrize("corpus_", [trap_corpus(["a"]).sentences.iloc[:0], trap_corpus(["c"]).sentences.iloc[1:]],
                         ids=["no article", "no figure"])
def test_no_figure(corpus_):
    articles = pd.DataFrame({"article_id": corpus_["article_id"].unique(), "outlet": "A", "published": ""})
    corpus = _Corpus(corpus_, articles)
    expected = reference.build_figures(corpus)
    assert expected.empty
    assert_frame_equal(build_figures(corpus), expected)
    assert_frame_equal(figures_of_mentions([], articles), expected)
    assert_frame_equal(exported(corpus, [corpus.articles["article_id"].tolist()], 1), expected)


ARTICLE_IDS = ["a", "b", "c", "d", "e", "f"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(st.sampled_from(ARTICLE_IDS), st.sampled_from(FIGURE_SENTENCES)), min_size=1, max_size=18),
       seed=st.integers(0, 10_000), articles_per_slice=st.integers(1, 4))
def test_random_mixes_in_random_partitions(rows, seed, articles_per_slice):
    """Sentences of an article interleaved with others', articles in random corpus order, cut
    into random partitions (some without figures), read back in slices of any size."""
    rng = random.Random(seed)
    sentences = pd.DataFrame({"article_id": [a for a, _ in rows], "sentence_id": list(range(1, len(rows) + 1)),
                              "text": [t for _, t in rows]})
    ids = sorted(set(sentences["article_id"]))
    rng.shuffle(ids)
    articles = pd.DataFrame({"article_id": ids, "outlet": [rng.choice("AB") for _ in ids],
                             "published": [rng.choice(["2022-12-19", "", "2023-01-02"]) for _ in ids]})
    corpus = _Corpus(sentences, articles)
    groups = runs(ids, [rng.randint(1, 3) for _ in ids])
    expected = reference.build_figures(corpus)
    assert_frame_equal(build_figures(corpus), expected)
    assert_frame_equal(exported(corpus, groups, articles_per_slice), expected)
    one_each = [figure_mentions(sentences[sentences["article_id"] == article]) for article in reversed(ids)]
    assert_frame_equal(figures_of_mentions(one_each, articles), expected)


def test_figure_frame_types_the_integer_columns_of_no_row():
    empty = numbers.figure_frame([])
    assert list(empty.columns) == numbers.FIGURE_COLUMNS and empty.empty
    assert {c: str(empty[c].dtype) for c in ("sentence_id", "char_start", "char_end")} == dict.fromkeys(
        ("sentence_id", "char_start", "char_end"), "int64")
