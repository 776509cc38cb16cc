"""Shares, prominence and first position per article and topic."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_emphasis
from analysis.emphasis import EMPHASIS_COLUMNS, _evidence_summaries, topic_emphasis
from analysis.prominence import ProminenceWeights, headline_and_lede, text_units, unit_weights
from analysis.topics import load_topics, sentence_topics


def topics_frame(**terms):
    return pd.DataFrame({"topic": list(terms), "label": [t.title() for t in terms],
                         "terms": [tuple(v) for v in terms.values()], "patterns": [() for _ in terms]})


def units_frame(body, headline=None, dek=None, article_id="a"):
    """body: list of (paragraph, text) with ten-word sentences expected by the tests."""
    rows = []
    for unit, text in (("headline", headline), ("dek", dek)):
        if text is not None:
            rows.append(dict(article_id=article_id, unit=unit, block_id=pd.NA, sentence_id=pd.NA, paragraph=pd.NA,
                             position=pd.NA, text=text, n_words=len(text.split())))
    words_before = 0
    total = sum(len(t.split()) for _, t in body)
    for i, (paragraph, text) in enumerate(body, 1):
        rows.append(dict(article_id=article_id, unit="body", block_id=paragraph + 1, sentence_id=i, paragraph=paragraph,
                         position=words_before / total, text=text, n_words=len(text.split())))
        words_before += len(text.split())
    return pd.DataFrame(rows).astype({"block_id": "Int64", "sentence_id": "Int64", "paragraph": "Int64", "position": "Float64"})


TOPICS = topics_frame(visit=["visit"], strikes=["drone*"], energy=["gas"])
BODY = [
    (0, "the visit came hours after drones hit the city overnight"),  # visit + strikes
    (1, "a second visit was announced for next year in minsk"),  # visit
    (1, "nothing in this sentence names any topic at all ok"),  # none
]


def emphasis_of(units, topics=TOPICS, **kwargs):
    return topic_emphasis(units, sentence_topics(units, topics), topics, **kwargs).set_index("topic")


def test_shares_split_two_topic_sentences_evenly():
    result = emphasis_of(units_frame(BODY))
    assert result.loc["visit", "share"] == pytest.approx((5 + 10) / 30)
    assert result.loc["strikes", "share"] == pytest.approx(5 / 30)
    assert result.loc["energy", "share"] == 0 and result.loc["energy", "n_sentences"] == 0
    assert result["share"].sum() == pytest.approx(20 / 30)  # the untagged sentence stays unclaimed
    assert result.loc["visit", "n_sentences"] == 2 and result.loc["visit", "words"] == pytest.approx(15)


def test_first_position_and_missing_topic():
    result = emphasis_of(units_frame(BODY))
    assert result.loc["visit", "first_position"] == 0
    assert pd.isna(result.loc["energy", "first_position"])
    later = emphasis_of(units_frame(list(reversed(BODY))))
    assert later.loc["strikes", "first_position"] == pytest.approx(20 / 30)


def test_prominence_without_headline_by_hand():
    # no headline or dek: the lede (paragraph 0 = sentence 1) and the rest share 0.25 : 0.30
    result = emphasis_of(units_frame(BODY))
    scale = 0.25 + 0.30
    lede = 0.25 / scale
    decayed = [10 * (1 - 0.75 * 10 / 30), 10 * (1 - 0.75 * 20 / 30)]  # sentences 2 and 3
    second = 0.30 / scale * decayed[0] / sum(decayed)
    assert result.loc["visit", "prominence"] == pytest.approx(lede / 2 + second)
    assert result.loc["strikes", "prominence"] == pytest.approx(lede / 2)
    assert not result["has_headline"].any() and not result["in_headline"].any()
    assert result.loc["visit", "in_lede"] and not result.loc["energy", "in_lede"]


def test_headline_weighs_more_than_a_late_sentence():
    body = [(0, "the talks in minsk went on for hours and hours"), (1, "later on the city also reported gas supply problems again"),
            (2, "nothing in this sentence names any topic at all ok")]
    plain = emphasis_of(units_frame(body))
    headlined = emphasis_of(units_frame(body, headline="Gas crisis looms"))
    assert headlined.loc["energy", "prominence"] > plain.loc["energy", "prominence"]
    assert headlined.loc["energy", "share"] == plain.loc["energy", "share"]  # share counts body words only
    assert headlined.loc["energy", "in_headline"] and headlined["has_headline"].all()
    scale = 0.30 + 0.25 + 0.30
    decayed = [10 * (1 - 0.75 * 10 / 30), 10 * (1 - 0.75 * 20 / 30)]
    assert headlined.loc["energy", "prominence"] == pytest.approx(0.30 / scale + 0.30 / scale * decayed[0] / sum(decayed))


def test_unit_weights_sum_to_one_per_article_and_budgets_are_validated():
    units = pd.concat([units_frame(BODY, headline="a visit", dek="drones again"), units_frame(BODY[:1], article_id="b")])
    weights = unit_weights(units)
    assert weights.groupby("article_id")["weight"].sum().tolist() == pytest.approx([1.0, 1.0])
    assert list(weights["section"][:5]) == ["headline", "dek", "lede", "body", "body"]
    with pytest.raises(ValueError):
        ProminenceWeights(headline=-1)
    with pytest.raises(ValueError):
        ProminenceWeights(body_floor=2)


def test_article_without_body_gets_zero_rows():
    result = topic_emphasis(units_frame(BODY), sentence_topics(units_frame(BODY), TOPICS), TOPICS, article_ids=["a", "empty"])
    empty = result[result["article_id"] == "empty"]
    assert len(empty) == len(TOPICS) and (empty["share"] == 0).all() and (empty["prominence"] == 0).all()


def test_inputs_are_not_mutated():
    units = units_frame(BODY, headline="visit")
    before = units.copy()
    evidence = sentence_topics(units, TOPICS)
    evidence_before = evidence.copy()
    topic_emphasis(units, evidence, TOPICS)
    pd.testing.assert_frame_equal(units, before)
    pd.testing.assert_frame_equal(evidence, evidence_before)


WORDS = ["visit", "drone", "gas", "talks", "city", "power"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)), min_size=1, max_size=8),
       st.one_of(st.none(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
def test_shares_and_prominence_are_bounded(sentences, headline):
    body = sorted(((p, " ".join(words)) for p, words in sentences), key=lambda item: item[0])
    units = units_frame(body, headline=" ".join(headline) if headline else None)
    result = emphasis_of(units)
    assert result["share"].between(0, 1).all() and result["prominence"].between(0, 1).all()
    assert result["share"].sum() <= 1 + 1e-9 and result["prominence"].sum() <= 1 + 1e-9


def test_seed_emphasis_contract(sample_corpus):
    topics = load_topics()
    units = text_units(sample_corpus)
    result = topic_emphasis(units, sentence_topics(units, topics), topics, article_ids=sample_corpus.articles["article_id"])
    assert list(result.columns) == EMPHASIS_COLUMNS
    assert len(result) == len(sample_corpus.articles) * len(topics)
    assert result["share"].between(0, 1).all() and result["prominence"].between(0, 1).all()
    sums = result.groupby("article_id")[["share", "prominence"]].sum()
    assert (sums <= 1 + 1e-9).all().all()
    carried = result[result["n_sentences"] > 0]
    assert (carried["evidence"] != "").all() and carried["first_position"].between(0, 1).all()
    # the Qatar Tribune (dpa) report is about drones over Kiev; the AFP fragment never mentions them
    by_outlet = sample_corpus.with_outlet(result).set_index(["outlet", "topic"])
    assert by_outlet.loc[("Qatar Tribune", "drone_strikes_toll"), "n_sentences"] > 0
    assert by_outlet.loc[("Aggregator (AFP copy)", "drone_strikes_toll"), "n_sentences"] == 0


def test_headline_and_lede_never_invents(sample_corpus):
    table = headline_and_lede(sample_corpus)
    assert list(table.columns) == ["outlet", "article_id", "headline", "dek", "lede"]
    assert len(table) == len(sample_corpus.articles)
    known = sample_corpus.blocks[sample_corpus.blocks["role"] == "headline"]["article_id"]
    has_field = sample_corpus.articles.loc[sample_corpus.articles["headline"].fillna("").str.strip() != "", "article_id"]
    without = table[~table["article_id"].isin(set(known) | set(has_field))]
    assert (without["headline"] == "(no headline in the text)").all()


EVIDENCE_TERMS = st.sampled_from(["drone", "drone;shot down", "", "shot down;drone;drone", ";", "air defence;",
                                  "Drone", None, float("nan")])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a1", "a2", "b1"]), st.sampled_from(["war", "aid", "x"]),
                          EVIDENCE_TERMS), max_size=30))
def test_evidence_summaries_equal_the_previous_code(rows):
    evidence = pd.DataFrame(rows, columns=["article_id", "topic", "terms"])
    new, old = _evidence_summaries(evidence), reference_emphasis._evidence_summaries(evidence)
    pd.testing.assert_series_equal(new, old)
