"""Frame dictionary: term syntax, sentence assignment with evidence, article scores, and
traceability of every seed score to its sentences."""
import re

import pandas as pd
import pytest

from analysis.codebook import CodebookError
from analysis.document import sentences_from_text
from analysis.frames import OTHER, FrameDictionary, frame_profile, frame_sentences, load_frames, score_frames, top_evidence
from analysis.terms import term_pattern
from helpers import FRAME_EDGE_ARTICLES
import frames_reference


@pytest.mark.parametrize("term, text, found", [
    ("sanction*", "new sanctions were imposed", True),
    ("sanction*", "an unsanctioned rally", False),
    ("defen?e", "air defence systems", True),
    ("defen?e", "air defense systems", True),
    ("price cap", "a price\ncap on gas", True),
    ("EU", "the EU decided", True),
    ("EU", "eu decided", False),  # capitals match their case only
    ("West", "west of the city", False),
    ("war", "the war-torn east", True),  # the parts of a hyphenated compound are words
    ("Russia", "the Russia-Ukraine war", True),
    ("war", "THE WAR GOES ON", True),  # lower-case terms match any case
])
def test_term_pattern(term, text, found):
    assert bool(re.search(term_pattern(term), text)) is found


@pytest.fixture
def tiny_frames():
    return pd.DataFrame({
        "frame": ["economic", "security_and_defense"],
        "name": ["Economic", "Security"],
        "terms": [("sanction*", "price*"), ("troop*", "missile*")],
        "description": ["", ""],
    })


def test_sentences_get_every_frame_they_evoke_with_evidence(tiny_frames):
    sentences = sentences_from_text("Sanctions raised prices and troops moved. The weather was mild.")
    evidence = frame_sentences(sentences, tiny_frames)
    first = evidence[evidence["sentence_id"] == 1].set_index("frame")
    assert first.loc["economic", "terms"] == "prices; sanctions" and first.loc["economic", "n_matches"] == 2
    assert first.loc["security_and_defense", "terms"] == "troops"
    assert list(evidence.loc[evidence["sentence_id"] == 2, "frame"]) == [OTHER]


def test_article_scores_are_sentence_shares(tiny_frames):
    sentences = sentences_from_text("Sanctions bite.\n\nTroops moved. Missiles flew. Rain fell.", "a1").assign(paragraph=lambda d: d["paragraph"])
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["X"], "headline": ["Troops on the move"]})
    scores = score_frames(sentences, articles, tiny_frames).set_index("frame")
    assert list(scores.index) == ["economic", "security_and_defense", OTHER]
    assert scores.loc["security_and_defense", "score"] == pytest.approx(2 / 4)
    assert scores.loc["security_and_defense", "sentence_ids"] == "2;3"
    assert scores.loc[OTHER, "n_sentences"] == 1
    assert scores.loc["security_and_defense", "in_headline"] and not scores.loc["economic", "in_headline"]
    assert scores.loc["economic", "in_lede"] and not scores.loc["security_and_defense", "in_lede"]
    assert scores.loc["security_and_defense", "evidence"] == "missiles (1); troops (1)"


def test_article_without_sentences_scores_zero(tiny_frames):
    sentences = sentences_from_text("Troops moved.", "a1")
    articles = pd.DataFrame({"article_id": ["a1", "empty"], "outlet": ["X", "Y"], "headline": ["", ""]})
    scores = score_frames(sentences, articles, tiny_frames)
    assert scores.loc[scores["article_id"] == "empty", "score"].eq(0).all()


def test_other_is_reserved(tmp_path):
    (tmp_path / "frames.csv").write_text("frame,name,terms,description\nother,Other,x,\n")
    with pytest.raises(CodebookError, match=r"frames.csv.*row 2, column 'frame'"):
        load_frames(tmp_path)


def test_codebook_has_the_fourteen_policy_frames():
    assert len(load_frames()) == 14


def test_seed_scores_trace_to_sentences(sample_corpus):
    frames = load_frames()
    scores = score_frames(sample_corpus.sentences, sample_corpus.articles, frames)
    assert len(scores) == len(sample_corpus.articles) * (len(frames) + 1)
    dictionary = FrameDictionary(frames)
    text = sample_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    matched = {key: dictionary.match(sentence) for key, sentence in text.items()}
    for row in scores[(scores["frame"] != OTHER) & (scores["n_sentences"] > 0)].itertuples():
        ids = [int(i) for i in row.sentence_ids.split(";")]
        assert len(ids) == row.n_sentences
        assert all(row.frame in matched[(row.article_id, i)] for i in ids)
    # the share of sentences evoking no frame plus those evoking one covers every sentence
    per_article = scores[scores["frame"] == OTHER].set_index("article_id")["n_body_sentences"]
    assert per_article.sum() == len(sample_corpus.sentences)


def test_profile_and_top_evidence(sample_corpus):
    evidence = frame_sentences(sample_corpus.sentences)
    scores = score_frames(sample_corpus.sentences, sample_corpus.articles, evidence=evidence)
    profile = frame_profile(scores)
    assert sorted(profile.index) == sample_corpus.outlets and profile.columns[-1] == OTHER
    top = top_evidence(evidence, sample_corpus.sentences, sample_corpus.articles)
    assert not top.duplicated(["outlet", "frame"]).any()
    assert (top["frame"] != OTHER).all()


def test_opening_frames_lists_headline_and_lede_frames():
    scores = pd.DataFrame({
        "outlet": ["X", "X", "X", "Y", "Y", "Y"],
        "frame": ["economic", "security_and_defense", OTHER] * 2,
        "in_headline": [True, True, False, False, False, True],
        "in_lede": [False, True, False, False, False, False],
    })
    from analysis.frames import opening_frames

    table = opening_frames(scores)
    assert table.loc["X", "headline"] == "economic, security_and_defense" and table.loc["X", "lede"] == "security_and_defense"
    assert table.loc["Y", "headline"] == "" and table.loc["Y", "lede"] == ""


@pytest.mark.parametrize("term, text, found", [
    ("the West", "The West has tried to keep up the pressure", True),  # sentence start
    ("the West", "the west bank", False),
    ("West", "West of the city", True),
])
def test_lower_case_first_letter_of_a_cased_term_matches_a_sentence_start(term, text, found):
    assert bool(re.search(term_pattern(term), text)) is found


def _csv(frame):
    return frame.to_csv(index=False, lineterminator="\n")


def test_scores_equal_the_reference_on_the_seeds(sample_corpus):
    frames = load_frames()
    fast = score_frames(sample_corpus.sentences, sample_corpus.articles, frames)
    assert _csv(fast) == _csv(frames_reference.score_frames(sample_corpus.sentences, sample_corpus.articles, frames))
    assert fast["n_sentences"].sum() > 0


def test_scores_equal_the_reference_on_edge_articles(tiny_frames):
    from analysis.testing import make_corpus

    corpus = make_corpus(FRAME_EDGE_ARTICLES)
    fast = score_frames(corpus.sentences, corpus.articles, tiny_frames)
    assert _csv(fast) == _csv(frames_reference.score_frames(corpus.sentences, corpus.articles, tiny_frames))
    assert len(fast) == 4 * 3 and fast.loc[fast["article_id"] == "a3", "n_body_sentences"].eq(0).all()
