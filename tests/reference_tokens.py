"""analysis/tokens.py's tokenize and term_counts as they were before term_counts counted
matched words per group (c412d6b), and term_counts_00881f1 as it was before it counted
whitespace-separated chunks in integer codes (00881f1), kept verbatim as the oracles the
fast code must equal."""
from collections import Counter
from typing import Iterable

import pandas as pd

from analysis.tokens import _POSSESSIVE, _WORD, STOPWORDS, _stopword_set, _token  # unchanged


def tokenize(text: str, *, stopwords: Iterable[str] | None = STOPWORDS) -> list[str]:
    """Lower-cased word tokens of `text`, left to right, without numbers, one-letter
    tokens and (unless stopwords=None) the stopwords."""
    stop = stopwords if isinstance(stopwords, frozenset) else frozenset(stopwords or ())
    out = []
    for word in _WORD.findall(str(text)):
        token = word.lower()
        if token.endswith(_POSSESSIVE):
            token = token[:-2]
        token = token.replace("’", "'")
        if len(token) < 2 or token in stop:
            continue
        out.append(token)
    return out


def term_counts(frame: pd.DataFrame, group: str, text: str = "text", *, stopwords=STOPWORDS) -> pd.DataFrame:
    """Token counts per group: one row per (group, word) with column `count`, from the
    `text` column of `frame` (e.g. body sentences with an outlet column)."""
    counters: dict[object, Counter] = {}
    for key, value in zip(frame[group], frame[text]):
        counters.setdefault(key, Counter()).update(tokenize(value, stopwords=stopwords))
    rows = [(key, word, n) for key, counter in counters.items() for word, n in counter.items()]
    counts = pd.DataFrame(rows, columns=[group, "word", "count"])
    return counts.sort_values([group, "word"], kind="stable").reset_index(drop=True)


def term_counts_00881f1(frame: pd.DataFrame, group: str, text: str = "text", *, stopwords=STOPWORDS) -> pd.DataFrame:
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
