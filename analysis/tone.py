"""Lexicon tone per sentence with VADER (Hutto & Gilbert 2014; vaderSentiment ships its
lexicon, nothing is downloaded), scored separately for the outlet's own voice and for the
words it quotes, and summarised per outlet with seeded bootstrap intervals.

What this can say: how much negatively or positively valenced vocabulary an outlet's own
sentences carry. What it cannot: stance. Reported violence ("drones killed three") reads
negative whatever side the outlet takes, diplomatic boilerplate reads positive, and VADER was
built on social-media text, not news."""
from __future__ import annotations

import bisect
from functools import lru_cache

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .quotes import QuotedDocuments, quote_mask, quoted_documents
from .text import count_token_words
from .vader import VaderPolarity

VOICES = ("own", "quoted")
TONE_COLUMNS = ["article_id", "sentence_id", "voice", "text", "n_words", "compound", "pos", "neu", "neg"]
SUMMARY_COLUMNS = ["outlet", "voice", "n_sentences", "mean", "low", "high"]


_MARKS_AND_SPACE = "“”\"‘’«»„ "  # stripped from the ends of each piece


def own_voice(text: str, start: int, end: int) -> tuple[str, list[str]]:
    """The document slice [start, end) as split_voices gives it when no quotation reaches
    into it (all own voice), with its words: its text.split(), made on the way."""
    tokens = text[start:end].strip(_MARKS_AND_SPACE).split()
    return " ".join(tokens), tokens


def split_voices(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[str, str]:
    """The own-voice and quoted parts of the document slice [start, end)."""
    if not quoted:  # most sentences: all own voice
        return own_voice(text, start, end)[0], ""
    own, inside = [], []
    cursor = start
    for q_start, q_end in sorted(quoted):
        a, b = max(q_start, start), min(q_end, end)
        if a >= b:
            continue
        own.append(text[cursor:a])
        inside.append(text[a:b])
        cursor = b
    own.append(text[cursor:end])
    return _joined(own), _joined(inside)


def _joined(parts: list[str]) -> str:
    return " ".join(" ".join(p.strip(_MARKS_AND_SPACE) for p in parts).split())


@lru_cache(maxsize=1)
def stock_analyzer() -> SentimentIntensityAnalyzer:
    """VADER with its own lexicon, loaded once per process (every partition of a parallel
    export scores tone); not to be edited: pass your own analyzer to change the lexicon."""
    return SentimentIntensityAnalyzer()


def sentence_tone(sentences: pd.DataFrame, analyzer: SentimentIntensityAnalyzer | None = None,
                  documents: QuotedDocuments | None = None) -> pd.DataFrame:
    """One row per sentence and voice that has words: VADER compound (-1..1) and the
    shares of positive, neutral and negative vocabulary. `documents`:
    quotes.quoted_documents(sentences), if already built."""
    score = ToneScorer(analyzer or stock_analyzer())
    rows = []
    for article_id, (doc, spans) in (quoted_documents(sentences) if documents is None else documents).items():
        quoted = sorted(quote_mask(doc, spans))
        quote_ends = [q_end for _, q_end in quoted]
        text = doc.text
        for sentence_id, start, end in zip(doc.sentence_ids, doc.starts, doc.ends):
            # quotations do not overlap, so those reaching into this sentence are consecutive
            first = last = bisect.bisect_right(quote_ends, start) if quoted else 0
            while last < len(quoted) and quoted[last][0] < end:
                last += 1
            if first == last:  # most sentences: no quoted voice, which would have no words
                own, tokens = own_voice(text, start, end)
                scores = score(own, tokens)
                if scores is not None:
                    rows.append((article_id, sentence_id, "own", own, *scores))
                continue
            for voice, part in zip(VOICES, split_voices(text, start, end, quoted[first:last])):
                scores = score(part)
                if scores is not None:
                    rows.append((article_id, sentence_id, voice, part, *scores))
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


_UNSCORED = object()  # ToneScorer's marker for a text not scored yet (None is a score: no words)


class ToneScorer:
    """(n_words, compound, pos, neu, neg) of a text, None for a text without words: exactly
    VADER's polarity_scores (through analysis.vader.VaderPolarity, which gives the same
    answers for less work), each distinct text scored once (VADER scores a text alone)."""

    def __init__(self, analyzer: SentimentIntensityAnalyzer):
        self._polarity = VaderPolarity(analyzer)
        self._scored: dict[str, tuple | None] = {}

    def __call__(self, text: str, tokens: list[str] | None = None) -> tuple | None:
        """tokens: text.split(), if already made."""
        scores = self._scored.get(text, _UNSCORED)
        if scores is _UNSCORED:
            scores = self._scored[text] = self._score(text, text.split() if tokens is None else tokens)
        return scores

    def _score(self, text: str, tokens: list[str]) -> tuple | None:
        n = count_token_words(tokens)  # count_words of the text, from the tokens VADER reads too
        if not n:
            return None
        scores = self._polarity.polarity_scores(text, tokens)
        return n, scores["compound"], scores["pos"], scores["neu"], scores["neg"]


def bootstrap_mean(values, n_boot: int = 2000, confidence: float = 0.95, seed: int = 0) -> tuple[float, float, float]:
    """(mean, low, high): percentile bootstrap interval of the mean, reproducible by seed.
    Sentences of one article are not independent, so read the interval as a lower bound on
    the uncertainty."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (float("nan"),) * 3
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(n_boot, data.size))].mean(axis=1)
    tail = (1 - confidence) / 2
    return float(data.mean()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


def tone_by_outlet(tone: pd.DataFrame, n_boot: int = 2000, confidence: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Per outlet and voice: sentences scored, mean compound and its bootstrap interval.
    `tone` needs an outlet column (Corpus.with_outlet)."""
    rows = []
    for (outlet, voice), group in tone.groupby(["outlet", "voice"], sort=True):
        mean, low, high = bootstrap_mean(group["compound"], n_boot, confidence, seed)
        rows.append((outlet, voice, len(group), mean, low, high))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
