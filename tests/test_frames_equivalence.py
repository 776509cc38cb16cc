"""score_frames and frame_sentences, which now gather each article x frame's evidence while
matching, against the versions that joined each sentence's terms into the evidence table and
split them again (tests/frames_reference.py), and score_frames against its de023f4 version
(tests/reference_frames_de023f4.py: evidence rows and Counters per sentence, pandas look-ups
per article): the same CSV bytes on the seeds, on edge articles, with an evidence table
passed in, and on random articles (hypothesis)."""
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.frames import frame_sentences, load_frames, score_frames
from analysis.testing import make_corpus

import frames_reference as reference
import reference_frames_de023f4 as reference_de023f4
from helpers import FRAME_EDGE_ARTICLES

FRAMES = load_frames()
TINY = pd.DataFrame({
    "frame": ["economic", "security_and_defense", "external"],
    "name": ["Economic", "Security", "External"],
    "terms": [("sanction*", "price*", "price cap"), ("troop*", "missile*", "war"), ("sanction*", "EU", "the West")],
    "description": ["", "", ""],
})


def _csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def assert_same(corpus, frames) -> pd.DataFrame:
    sentences, articles = corpus.sentences, corpus.articles
    evidence = frame_sentences(sentences, frames)
    assert _csv(evidence) == _csv(reference.frame_sentences(sentences, frames))
    fast = score_frames(sentences, articles, frames)
    assert _csv(fast) == _csv(reference.score_frames(sentences, articles, frames))
    assert _csv(fast) == _csv(reference_de023f4.score_frames(sentences, articles, frames))
    assert _csv(score_frames(sentences, articles, frames, evidence=evidence)) == \
        _csv(reference_de023f4.score_frames(sentences, articles, frames, evidence=evidence))
    assert _csv(score_frames(sentences, articles, frames, evidence=evidence)) == _csv(fast)
    return fast


def test_seed_scores_and_evidence(sample_corpus):
    scores = assert_same(sample_corpus, FRAMES)
    assert (scores["evidence"] != "").sum() > 10


def test_edge_articles():
    corpus = make_corpus({
        **FRAME_EDGE_ARTICLES,
        # ties in the evidence counts, more than five terms, a term in several frames
        "a5": {"outlet": "Z", "headline": "The West", "blocks": [("body", "Sanctions, prices, pricing, priced, a price cap, troops, "
               "missiles and war. The EU and the West; sanctioned prices. War, war, war.")]},
    })
    scores = assert_same(corpus, TINY)
    assert scores.loc[scores["article_id"] == "a5", "evidence"].str.count(r"\(").max() == 5


WORDS = ["sanctions", "Sanctions", "price", "prices", "price cap", "troops", "missile", "war", "War", "EU", "eu",
         "the West", "nothing", "and", "x"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(lambda words: " ".join(words) + ".")
article = st.fixed_dictionaries({
    "headline": st.sampled_from(["", "War and sanctions", "Quiet", "the West"]),
    "paragraphs": st.lists(st.lists(sentence, min_size=1, max_size=3).map(" ".join), max_size=3),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=4))
def test_random_articles(articles):
    corpus = make_corpus({
        f"a{i}": {"outlet": "XY"[i % 2], "headline": a["headline"],
                  "blocks": [("body", p) for p in a["paragraphs"]] or [("headline", a["headline"] or "x")]}
        for i, a in enumerate(articles)})
    assert_same(corpus, TINY)
