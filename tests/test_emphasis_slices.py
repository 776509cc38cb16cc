"""emphasis.csv built a run of articles at a time (article_slices.aligned_slices over the
blocks, the sentences and topic_evidence.csv, each sliced its own way) equals the c1c90e8
builder, which took the whole corpus and the whole evidence at once (kept in
tests/reference_emphasis_table_c1c90e8.py), exactly: on the seeds, the second-event fixture
and synthetic articles at the edges (no headline block, dek only in the articles table, no
body, no topic, articles without any row), given one, two or three articles at a time; and
the regrouping itself on its own."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_emphasis_table_c1c90e8 as reference
from analysis import load_corpus
from analysis.article_slices import aligned_slices
from analysis.export import Context
from analysis.testing import make_corpus
from helpers import article_runs, sliced_corpus

OTHER_EVENT = "tests/fixtures/other_event"
SENTENCES = [
    "Russian drones struck Kyiv overnight and the air defence shot down most of them.",
    "Putin flew to Minsk for talks with Lukashenko about the union state.",
    "Nothing here concerns any topic at all.",
    "Prices of gas rose after the sanctions, the Kremlin said on Monday.",
    "Belarusian troops could join the war from the north, analysts said.",
]
EDGE_ARTICLES = {
    "e0": {"outlet": "X", "blocks": []},  # no rows anywhere: grid rows only
    "e1": {"outlet": "X", "headline": "Drones over Kyiv", "dek": "Air raid sirens all night",
           "blocks": [("body", SENTENCES[0] + " " + SENTENCES[2]), ("body", SENTENCES[1])]},
    "e2": {"outlet": "Y", "blocks": [("headline", "Putin in Minsk"), ("dek", "Talks on the union state"),
                                     ("meta", "By a reporter"), ("body", SENTENCES[3]), ("body", SENTENCES[4])]},
    "e3": {"outlet": "Y", "headline": "Quiet day", "blocks": [("headline", "Quiet day")]},  # no body
    "e4": {"outlet": "Z", "blocks": [("body", SENTENCES[2])]},  # no topic, no headline
    "e5": {"outlet": "Z", "headline": "Missiles", "blocks": [("headline", "Missiles"), ("headline", "and drones"),
                                                             ("body", SENTENCES[0])]},
    "e6": {"outlet": "X", "blocks": []},
}


def corpus_of(name, sample_corpus):
    return {"seeds": sample_corpus, "other_event": load_corpus(OTHER_EVENT) if name == "other_event" else None,
            "edges": make_corpus(EDGE_ARTICLES) if name == "edges" else None}[name]


def emphasis_in_slices(corpus, corpus_size: int, evidence_size: int | None) -> pd.DataFrame:
    """The builder on `corpus` given corpus_size articles at a time, topic_evidence.csv
    evidence_size at a time (None: whole)."""
    evidence = Context(corpus).table("topic_evidence.csv")
    context = Context(sliced_corpus(corpus, corpus_size))
    context._built["topic_evidence.csv"] = evidence
    if evidence_size is not None:
        context.table_slices = lambda name: article_runs(context.table(name), corpus.articles, evidence_size)
    return context.table("emphasis.csv")


def assert_same_table(new: pd.DataFrame, old: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.to_csv(index=False) == old.to_csv(index=False)


@pytest.mark.parametrize("name", ["seeds", "other_event", "edges"])
@pytest.mark.parametrize("corpus_size, evidence_size", [(1, None), (2, 3), (1000, 1)])
def test_the_table_in_slices_equals_the_c1c90e8_builder(name, corpus_size, evidence_size, sample_corpus):
    corpus = corpus_of(name, sample_corpus)
    old = reference.emphasis_table(Context(corpus))
    assert old["prominence"].gt(0).any() and len(old) == len(corpus.articles) * old["topic"].nunique()
    assert_same_table(emphasis_in_slices(corpus, corpus_size, evidence_size), old)


def test_the_whole_corpus_is_one_run_as_before(sample_corpus):
    assert_same_table(Context(sample_corpus).table("emphasis.csv"), reference.emphasis_table(Context(sample_corpus)))


@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["X", "Y"]), st.sampled_from(["", "Drones hit Kyiv", "Visit"]),
                          st.lists(st.tuples(st.sampled_from(["headline", "dek", "body", "body", "meta"]),
                                             st.sampled_from(SENTENCES)), max_size=4)), min_size=1, max_size=6),
       st.integers(1, 4), st.sampled_from([None, 1, 2]))
def test_generated_articles_in_generated_slices(articles, corpus_size, evidence_size):
    corpus = make_corpus({f"g{i}": {"outlet": outlet, "headline": headline, "blocks": blocks}
                          for i, (outlet, headline, blocks) in enumerate(articles)})
    assert_same_table(emphasis_in_slices(corpus, corpus_size, evidence_size), reference.emphasis_table(Context(corpus)))


# --- the regrouping ---------------------------------------------------------------------

ARTICLES = pd.DataFrame({"article_id": list("abcdef")})
ROWS = pd.DataFrame({"article_id": list("aabddf"), "n": range(6)})  # c and e have no rows


@pytest.mark.parametrize("sizes", [(6, 6), (1, 1), (2, 3), (4, 1), (1, 5)])
def test_runs_hold_the_same_articles_in_every_frame(sizes):
    other = ROWS.assign(n=ROWS["n"] * 10).iloc[::-1].sort_values("article_id", kind="stable")
    runs = list(aligned_slices(ARTICLES, article_runs(ROWS, ARTICLES, sizes[0]), article_runs(other, ARTICLES, sizes[1])))
    assert pd.concat([articles for articles, _ in runs])["article_id"].tolist() == list("abcdef")
    for articles, (first, second) in runs:
        assert set(first["article_id"]) <= set(articles["article_id"])
        assert first["article_id"].tolist() == second["article_id"].tolist()
    assert pd.concat([first for _, (first, _) in runs], ignore_index=True).equals(ROWS)
    if sizes == (6, 6):
        assert len(runs) == 1


def test_a_corpus_without_articles_is_one_run_without_rows():
    empty = pd.DataFrame({"article_id": [], "n": []})
    [(articles, (rows,))] = aligned_slices(ARTICLES.iloc[:0], iter([empty]))
    assert articles.empty and rows.empty and list(rows.columns) == ["article_id", "n"]


@pytest.mark.parametrize("slices, problem", [
    ([ROWS.iloc[3:], ROWS.iloc[:3]], "consecutive whole articles, in corpus order"),
    ([ROWS.iloc[:3], ROWS.iloc[2:]], "consecutive whole articles, in corpus order"),  # b split
    ([ROWS.iloc[::-1]], "consecutive whole articles, in corpus order"),
    ([ROWS.assign(article_id="zz")], "not in the corpus"),
    ([], "gave no slice"),
])
def test_slices_out_of_order_or_of_other_articles_are_refused(slices, problem):
    with pytest.raises(ValueError, match=problem):
        list(aligned_slices(ARTICLES, iter(slices)))
