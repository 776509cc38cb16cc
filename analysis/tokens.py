"""Word tokens for counting vocabulary (distinctive words): lower-cased words, possessive
's removed, numbers and one-letter tokens dropped, and a small list of English function
words removed.

Why a small stopword list: the weighted log-odds with an informative prior already shrinks
frequent words towards zero, so only the words that carry no content at all (articles,
pronouns, auxiliaries, prepositions, conjunctions) are removed. Content words that happen
to be frequent in news ("said", "president") stay, because whether an outlet uses them
more is itself a finding (attribution style, honorifics)."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

import pandas as pd

# Articles, pronouns, auxiliaries, prepositions, conjunctions and a few adverbs of degree.
STOPWORDS = frozenset(
    """
    a an the this that these those
    i me my we us our ours you your he him his she her hers it its they them their theirs
    who whom whose which what
    am is are was were be been being have has had having do does did doing
    will would shall should can could may might must
    and or but nor so yet if then than as because while whereas though although
    of in on at by for with about against between into through during before after
    above below to from up down out off over under again further once
    there here when where why how all any both each few more most other some such
    no not only own same too very just also
    s t d ll m re ve y
    """.split()
)

# Letters, optionally joined by internal apostrophes or hyphens ("Kremlin's", "S-400" gives "s-400").
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W_]+)*|\d+(?:-[^\W\d_]+)+", re.UNICODE)
_POSSESSIVE = ("'s", "’s")


def tokenize(text: str, *, stopwords: Iterable[str] | None = STOPWORDS) -> list[str]:
    """Lower-cased word tokens of `text`, left to right, without numbers, one-letter
    tokens and (unless stopwords=None) the stopwords."""
    stop = _stopword_set(stopwords)
    return [token for token in (_token(word, stop) for word in _WORD.findall(str(text))) if token]


def _stopword_set(stopwords: Iterable[str] | None) -> frozenset:
    return stopwords if isinstance(stopwords, frozenset) else frozenset(stopwords or ())


def _token(word: str, stop: frozenset) -> str:
    """The token a matched word counts as ("" when it is dropped)."""
    token = word.lower()
    if token.endswith(_POSSESSIVE):
        token = token[:-2]
    token = token.replace("’", "'")
    if len(token) < 2 or token in stop:
        return ""
    return token


def term_counts(frame: pd.DataFrame, group: str, text: str = "text", *, stopwords=STOPWORDS) -> pd.DataFrame:
    """Token counts per group: one row per (group, word) with column `count`, from the
    `text` column of `frame` (e.g. body sentences with an outlet column): tokenize's
    tokens, counted as the words matched in each group's texts, each distinct word made a
    token once."""
    stop = _stopword_set(stopwords)
    texts: dict[object, list[str]] = {}
    for key, value in zip(frame[group].tolist(), frame[text].tolist()):
        texts.setdefault(key, []).append(str(value))
    # no match can take in a newline, so the matches of the joined texts are theirs
    matched = {key: Counter(_WORD.findall("\n".join(values))) for key, values in texts.items()}
    token_of: dict[str, str] = {}
    rows = []
    for key, counter in matched.items():
        counts: Counter = Counter()
        for word, n in counter.items():
            token = token_of.get(word)
            if token is None:
                token = token_of[word] = _token(word, stop)
            if token:
                counts[token] += n
        rows.extend((key, token, n) for token, n in counts.items())
    counts = pd.DataFrame(rows, columns=[group, "word", "count"])
    return counts.sort_values([group, "word"], kind="stable").reset_index(drop=True)
