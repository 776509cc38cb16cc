"""sentence_tone, which now scores a quotation-free sentence's own voice alone and reuses the
words it split, against its de023f4 version (tests/reference_tone_de023f4.py: both voices split
and scored for every sentence): the same table on the seeds, on quotation traps (hypothesis)
and with a custom analyzer."""
from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.quotes import quoted_documents
from analysis.tone import ToneScorer, own_voice, sentence_tone, split_voices

import reference_tone_de023f4 as reference

ANALYZER = SentimentIntensityAnalyzer()  # loading the lexicon takes longer than a test example

# marks, quotation-only and word-less pieces, VADER words (negation, boosters, caps, "but")
TOKENS = ["“", "”", '"', "‘", "’", "«", "»", " ", " ", "  ", "\n", ",", ".", "!", "?", "good", "GOOD", "not", "very",
          "bad", "but", "war", "killed", "peace", "He", "said", "x", "—"]
text = st.lists(st.sampled_from(TOKENS), max_size=14).map("".join)


@st.composite
def sentence_frames(draw):
    """Sentences of up to three articles, in shuffled rows, paragraphs of up to three sentences."""
    rows = []
    for article in draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)):
        sentence_id = 0
        for paragraph, size in enumerate(draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))):
            for _ in range(size):
                sentence_id += 1
                rows.append((article, sentence_id, paragraph, draw(text)))
    return pd.DataFrame(draw(st.permutations(rows)), columns=["article_id", "sentence_id", "paragraph", "text"])


def assert_same(sentences: pd.DataFrame, analyzer=None) -> pd.DataFrame:
    documents = quoted_documents(sentences)
    fast = sentence_tone(sentences, analyzer, documents=documents)
    assert_frame_equal(fast, reference.sentence_tone(sentences, analyzer, documents=documents), check_exact=True)
    assert_frame_equal(sentence_tone(sentences, analyzer), fast, check_exact=True)  # building its own documents
    return fast


def test_seed_tone_matches_de023f4(sample_corpus):
    tone = assert_same(sample_corpus.sentences)
    assert set(tone["voice"]) == {"own", "quoted"}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_frames())
def test_quotation_traps_match_de023f4(sentences):
    assert_same(sentences)


class _Doubled(SentimentIntensityAnalyzer):
    """Its own rules: VaderPolarity hands every text to its polarity_scores."""

    def polarity_scores(self, text):
        scores = super().polarity_scores(text)
        return {key: value * 2 for key, value in scores.items()}


def test_custom_analyzer_matches_de023f4(sample_corpus):
    assert_same(sample_corpus.sentences, _Doubled())


@settings(max_examples=200, deadline=None)
@given(text, st.data())
def test_own_voice_is_split_voices_without_quotes_and_its_words(document, data):
    start = data.draw(st.integers(0, len(document)))
    end = data.draw(st.integers(start, len(document)))
    own, tokens = own_voice(document, start, end)
    assert (own, "") == split_voices(document, start, end, []) == reference.split_voices(document, start, end, [])
    assert tokens == own.split()


@settings(max_examples=200, deadline=None)
@given(text)
def test_scorer_gives_the_same_scores_with_or_without_the_words(piece):
    assert ToneScorer(ANALYZER)(piece, piece.split()) == ToneScorer(ANALYZER)(piece) == reference.ToneScorer(ANALYZER)(piece)
