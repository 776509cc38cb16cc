import pandas as pd
import pytest

from analysis.reuse import (
    PAIR_COLUMNS, candidate_pairs, REUSE_COLUMNS, exclude_shared, find_reuse, netting_summary, original_order, reuse_pairs,
    shared_share,
)
from analysis.textsim import Paraphrases, load_paraphrases

NO_PARAPHRASES = Paraphrases.empty()

WIRE = [
    "The defence ministry announced that nine thousand soldiers would arrive at the northern border next week.",
    "Officials said the convoy carried armoured vehicles, fuel tankers and field hospitals for the winter.",
    "Engineers repaired the damaged bridge over the river within three days of the flood.",
]
OWN = [
    "Local farmers complained about the price of fertiliser at the autumn market.",
    "A choir sang carols outside the cathedral while volunteers handed out soup.",
]


def frames(articles: dict[str, list[str]], meta: dict[str, dict] | None = None):
    """sentences and articles frames shaped like a Corpus's, from texts per article."""
    meta = meta or {}
    sentences = pd.DataFrame([
        {"article_id": aid, "sentence_id": k, "text": text, "n_words": len(text.split())}
        for aid, texts in articles.items() for k, text in enumerate(texts, 1)
    ])
    rows = []
    for aid in articles:
        info = {"outlet": f"Outlet {aid}", "agency": "", "channel": "", "published": ""} | meta.get(aid, {})
        rows.append({"article_id": aid, **info})
    return sentences, pd.DataFrame(rows)


def test_candidate_pairs_come_from_the_index_across_articles_only():
    base = {f"term{k}" for k in range(12)}
    near = (base - {"term0"}) | {"other0"}
    far = {f"far{k}" for k in range(12)}
    pairs = candidate_pairs([base, near, far, base, set()], ["a", "b", "c", "a", "d"])
    assert (0, 1) in pairs and (1, 3) in pairs  # near copies in different articles
    assert (0, 3) not in pairs  # same article
    assert not any(2 in p or 4 in p for p in pairs)  # unrelated and empty sets


def test_verbatim_and_reworded_copies_are_found_and_unrelated_text_is_not():
    reworded = "The defense ministry said that nine thousand troops would reach the northern border next week."
    sentences, articles = frames({"a": WIRE + OWN, "b": [reworded, WIRE[1]] + OWN[:0] + ["Stocks fell sharply in Tokyo on Tuesday."]})
    reuse = find_reuse(sentences, articles, paraphrases=load_paraphrases())
    assert list(reuse.columns[: len(REUSE_COLUMNS)]) == REUSE_COLUMNS
    found = set(zip(reuse["sentence_id_a"], reuse["sentence_id_b"]))
    assert found == {(1, 1), (2, 2)}
    methods = dict(zip(reuse["sentence_id_a"], reuse["method"]))
    assert methods == {1: "reworded", 2: "verbatim"}
    assert (reuse["similarity"] >= 0.5).all()


def test_same_names_different_statement_is_not_reuse():
    sentences, articles = frames({
        "a": ["Putin met Lukashenko in Minsk on Monday to discuss gas prices and loans."],
        "b": ["Putin and Lukashenko inspected a tank factory outside Minsk after lunch on Monday."],
    })
    assert find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES).empty


def test_short_sentences_are_not_evidence():
    sentences, articles = frames({"a": ["Moscow", "Source link", WIRE[0]], "b": ["Moscow", "Source link", OWN[0]]})
    assert find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES).empty


def test_copied_clause_inside_longer_sentence_counts_by_containment():
    longer = WIRE[0][:-1] + ", while the opposition staged protests in three cities and the currency dropped again."
    sentences, articles = frames({"a": [WIRE[0]], "b": [longer]})
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    assert len(reuse) == 1 and reuse.at[0, "coverage_a"] == 1.0 and reuse.at[0, "coverage_b"] < 0.85


def test_sentences_within_one_article_are_never_paired():
    sentences, articles = frames({"a": [WIRE[0], WIRE[0]]})
    assert find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES).empty


@pytest.mark.parametrize("meta, original", [
    ({"a": {"channel": "rewrite"}, "b": {"channel": "wire"}}, "b"),
    ({"a": {"channel": "aggregator_copy"}, "b": {"channel": "original"}}, "b"),
    ({"a": {"published": "2022-12-20"}, "b": {"published": "2022-12-19"}}, "b"),
    ({"a": {"published": ""}, "b": {"published": "2022-12-19"}}, "b"),  # undated last
    ({}, "a"),  # ties: by article_id
])
def test_article_a_is_the_more_original_copy(meta, original):
    sentences, articles = frames({"a": [WIRE[0]], "b": [WIRE[0]]}, meta)
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    assert reuse.at[0, "article_a"] == original
    assert original_order(articles).idxmin() == original


def test_shared_share_counts_each_sentence_once_per_pair():
    sentences, articles = frames({"a": WIRE + OWN, "b": [WIRE[0], WIRE[0], OWN[1][::-1]], "c": OWN})
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    share = shared_share(reuse, sentences).set_index(["article_id", "other_article_id"])
    assert len(share) == 6  # every ordered pair of different articles
    words_a = sentences.query("article_id == 'a'")["n_words"].sum()
    assert share.loc[("a", "b"), "shared_sentences"] == 1
    assert share.loc[("a", "b"), "share"] == round(len(WIRE[0].split()) / words_a, 4)
    assert share.loc[("b", "a"), "shared_sentences"] == 2
    assert share.loc[("c", "a"), "share"] == 1.0
    assert share.loc[("b", "c"), "share"] == 0.0
    sharing = shared_share(reuse, sentences, complete=False)
    assert set(zip(sharing["article_id"], sharing["other_article_id"])) == {("a", "b"), ("b", "a"), ("a", "c"), ("c", "a")}


@pytest.mark.parametrize("agency_a, agency_b, origin, origin_agency", [
    ("AP", "AP", "common_wire", "AP"),
    ("AP", "", "probable_wire", "AP"),
    ("", "dpa", "probable_wire", "dpa"),
    ("AP", "AFP", "shared_text_other_agencies", ""),
    ("", "", "shared_text_unknown_origin", ""),
])
def test_origin_judgement_uses_known_agencies(agency_a, agency_b, origin, origin_agency):
    sentences, articles = frames({"a": WIRE, "b": WIRE[:2] + OWN}, {"a": {"agency": agency_a}, "b": {"agency": agency_b}})
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    pairs = reuse_pairs(reuse, sentences, articles)
    assert list(pairs.columns) == PAIR_COLUMNS
    assert pairs.at[0, "origin"] == origin and pairs.at[0, "origin_agency"] == origin_agency


def test_one_shared_sentence_is_incidental_not_copy():
    sentences, articles = frames({"a": WIRE, "b": [WIRE[0]] + OWN}, {"a": {"agency": "AP"}, "b": {"agency": "AP"}})
    pairs = reuse_pairs(find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES), sentences, articles)
    assert pairs.at[0, "origin"] == "incidental"


def test_exclude_shared_keeps_the_original_copy_and_does_not_mutate():
    sentences, articles = frames({"a": WIRE, "b": WIRE[:1] + OWN, "c": WIRE[:1]}, {"a": {"channel": "wire"}})
    before = sentences.copy()
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    netted = exclude_shared(sentences, reuse)
    pd.testing.assert_frame_equal(sentences, before)
    kept = set(zip(netted["article_id"], netted["sentence_id"]))
    assert ("a", 1) in kept and ("b", 1) not in kept and ("c", 1) not in kept
    assert len(netted) == len(sentences) - 2
    none = exclude_shared(sentences, reuse, keep="none")
    assert ("a", 1) not in set(zip(none["article_id"], none["sentence_id"])) and len(none) == len(sentences) - 3
    with pytest.raises(ValueError, match="keep"):
        exclude_shared(sentences, reuse, keep="last")


def test_exclude_shared_without_reuse_returns_everything():
    sentences, articles = frames({"a": WIRE, "b": OWN})
    reuse = find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES)
    assert reuse.empty and reuse_pairs(reuse, sentences, articles).empty
    pd.testing.assert_frame_equal(exclude_shared(sentences, reuse), sentences)


def test_netting_summary_counts_words_before_and_after():
    sentences, articles = frames({"a": WIRE, "b": WIRE[:1] + OWN}, {"a": {"channel": "wire"}})
    netted = exclude_shared(sentences, find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES))
    summary = netting_summary(sentences, netted, articles).set_index("outlet")
    own_words = sum(len(t.split()) for t in OWN)
    assert summary.at["Outlet b", "words_after"] == own_words
    assert summary.at["Outlet b", "own_share"] == round(own_words / (own_words + len(WIRE[0].split())), 4)
    assert summary.at["Outlet a", "own_share"] == 1.0


# --- the five seed articles ---

def test_seed_putin_remark_is_shared_between_express_and_ap_rewrite(sample_corpus):
    reuse = find_reuse(sample_corpus.sentences, sample_corpus.articles)
    putin = reuse[reuse["text_a"].str.contains("merger") & reuse["text_b"].str.contains("absorbing")]
    assert len(putin) == 1
    assert putin.iloc[0][["outlet_a", "outlet_b"]].tolist() == ["Daily Express", "Aggregator (AP rewrite)"]
    assert "merger~absorbing" in putin.iloc[0]["swapped_words"]
    # every reported pair clears a threshold and links two different articles
    assert ((reuse["similarity"] >= 0.5) | (reuse[["coverage_a", "coverage_b"]].max(axis=1) >= 0.85)).all()
    assert (reuse["article_a"] != reuse["article_b"]).all()


def test_seed_netting_removes_only_later_copies(sample_corpus):
    sentences = sample_corpus.sentences
    reuse = find_reuse(sentences, sample_corpus.articles)
    netted = exclude_shared(sentences, reuse)
    dropped = set(zip(sentences["article_id"], sentences["sentence_id"])) - set(zip(netted["article_id"], netted["sentence_id"]))
    assert dropped == set(zip(reuse["article_b"], reuse["sentence_id_b"]))


def test_empty_and_single_article_corpora():
    sentences, articles = frames({"a": WIRE})
    assert find_reuse(sentences, articles, paraphrases=NO_PARAPHRASES).empty
    empty = find_reuse(sentences.iloc[:0], articles.iloc[:0], paraphrases=NO_PARAPHRASES)
    assert empty.empty and list(empty.columns) == REUSE_COLUMNS
    assert shared_share(empty, sentences.iloc[:0]).empty


def test_netted_corpus_reruns_sentence_analyses_without_shared_passages(sample_corpus):
    from analysis.export import Context
    from analysis.reuse import find_reuse, netted_corpus

    reuse = find_reuse(sample_corpus.sentences, sample_corpus.articles)
    netted = netted_corpus(sample_corpus, reuse)
    assert len(netted.sentences) == len(sample_corpus.sentences) - len(reuse)
    assert netted.blocks is sample_corpus.blocks and len(sample_corpus.sentences) == 159  # input untouched
    before = Context(sample_corpus).table("quotes.csv")
    after = Context(netted).table("quotes.csv")
    dropped = set(zip(reuse["article_b"], reuse["sentence_id_b"]))
    assert len(after) < len(before)
    assert not dropped & set(zip(after["article_id"], after["sentence_id"]))


def test_netting_effect_lists_only_what_changed():
    import pandas as pd

    from analysis.reuse import netting_effect

    before = pd.DataFrame({"outlet": ["A", "A", "B"], "topic": ["x", "y", "x"], "share": [0.5, 0.2, 0.4]})
    after = pd.DataFrame({"outlet": ["A", "A", "B"], "topic": ["x", "y", "x"], "share": [0.4, 0.2, 0.4]})
    effect = netting_effect(before, after, "share", ["outlet", "topic"])
    assert effect.round(6).to_dict("records") == [{"outlet": "A", "topic": "x", "before": 0.5, "after": 0.4, "change": -0.1}]
