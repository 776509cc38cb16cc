"""analysis/tone.py's sentence_tone as it was at de023f4 (both voices split and scored for
every sentence, a quotation-free one included), with the split_voices and ToneScorer it used,
kept verbatim as the reference for tests/test_tone_equivalence.py. Not used by the package."""
from __future__ import annotations

import bisect

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.quotes import QuotedDocuments, quote_mask, quoted_documents
from analysis.text import count_token_words
from analysis.tone import TONE_COLUMNS, VOICES, stock_analyzer
from analysis.vader import VaderPolarity

_MARKS_AND_SPACE = "“”\"‘’«»„ "  # stripped from the ends of each piece


def split_voices(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[str, str]:
    """The own-voice and quoted parts of the document slice [start, end)."""
    if not quoted:  # most sentences: all own voice
        return " ".join(text[start:end].strip(_MARKS_AND_SPACE).split()), ""
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
        for sentence_id, start, end in zip(doc.sentence_ids, doc.starts, doc.ends):
            # quotations do not overlap, so those reaching into this sentence are consecutive
            first = last = bisect.bisect_right(quote_ends, start)
            while last < len(quoted) and quoted[last][0] < end:
                last += 1
            for voice, part in zip(VOICES, split_voices(doc.text, start, end, quoted[first:last])):
                scores = score(part)
                if scores is not None:
                    rows.append((article_id, sentence_id, voice, part, *scores))
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


class ToneScorer:
    """(n_words, compound, pos, neu, neg) of a text, None for a text without words: exactly
    VADER's polarity_scores (through analysis.vader.VaderPolarity, which gives the same
    answers for less work), each distinct text scored once (VADER scores a text alone)."""

    def __init__(self, analyzer: SentimentIntensityAnalyzer):
        self._polarity = VaderPolarity(analyzer)
        self._scored: dict[str, tuple | None] = {}

    def __call__(self, text: str) -> tuple | None:
        if text not in self._scored:
            self._scored[text] = self._score(text)
        return self._scored[text]

    def _score(self, text: str) -> tuple | None:
        tokens = text.split()
        n = count_token_words(tokens)  # count_words of the text, from the tokens VADER reads too
        if not n:
            return None
        scores = self._polarity.polarity_scores(text, tokens)
        return n, scores["compound"], scores["pos"], scores["neu"], scores["neg"]
