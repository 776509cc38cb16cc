"""distinctive_words as it was at c1c90e8 (tokens.coded_term_counts over the whole frame at
once, then logodds._coded_log_odds, which is unchanged), kept verbatim as the oracle of the
version that folds the sentences slice by slice (tokens.TermCounter)."""
from collections import Counter

import numpy as np
import pandas as pd

from analysis.logodds import ABSENCE_Z, OUTPUT_COLUMNS, _coded_log_odds
from analysis.tokens import _WORD, STOPWORDS, CodedCounts, _stopword_set, _token


def distinctive_words(frame: pd.DataFrame, group: str = "outlet", text: str = "text", *, prior_strength: float | None = None) -> pd.DataFrame:
    """Tokenise `text` (tokens.tokenize, small stopword list) and score every word for every
    `group` against the other groups pooled (log_odds_vs_rest of tokens.term_counts), on
    integer codes from counting to scoring: no (group, word) frame of strings to build,
    group and sort."""
    if prior_strength is not None and prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    coded = coded_term_counts(frame, group, text)
    # groups as a groupby sorts them; rows without a group are left out, as it leaves them
    named, group_names = pd.factorize(pd.Series(coded.groups, dtype=object).infer_objects(), sort=True)
    group_of = named[coded.group_of]
    kept = np.flatnonzero(group_of >= 0)
    order = kept[np.lexsort((coded.word_of[kept], group_of[kept]))]
    used_words, word_of = np.unique(coded.word_of[order], return_inverse=True)
    if not len(word_of):
        return pd.DataFrame(columns=[group] + OUTPUT_COLUMNS[1:])
    uses = coded.count[order].astype(np.float64)
    vocabulary = coded.vocabulary.take(used_words)
    del coded  # the counts are large: hold them once
    return _coded_log_odds(group_names, vocabulary, group_of[order], word_of, uses, group, prior_strength, ABSENCE_Z)


def coded_term_counts(frame: pd.DataFrame, group: str, text: str = "text", *,
                      stopwords=STOPWORDS) -> CodedCounts:
    """term_counts as integer codes. No match of _WORD takes in whitespace, and at a space
    every attempt fails as it does at the end of a text, so a text's matches are those of its
    whitespace-separated chunks in turn: each group's texts are split on whitespace (far
    faster than the regex) and their chunks counted, the regex runs once per distinct chunk,
    each distinct matched word is made a token once, and the counts are summed over integer
    codes rather than in string-keyed dicts."""
    stop = _stopword_set(stopwords)
    texts: dict[object, list[str]] = {}
    for key, value in zip(frame[group].tolist(), frame[text].tolist()):
        texts.setdefault(key, []).append(str(value))
    chunk_code: dict[str, int] = {}  # distinct chunk -> code, in order of first sight
    token_code: dict[str, int] = {}  # distinct token -> code, likewise ("" for no token: 0)
    token_of_word: dict[str, int] = {}  # distinct matched word -> its token's code
    chunk_tokens = _Ragged()  # each chunk's tokens, as codes
    group_of, token_of, counts = [], [], []
    for position, values in enumerate(texts.values()):
        chunks = Counter(" ".join(values).split())
        for chunk in [c for c in chunks if c not in chunk_code]:
            chunk_code[chunk] = len(chunk_code)
            chunk_tokens.append([_word_token(word, stop, token_of_word, token_code) for word in _WORD.findall(chunk)])
        drawn = np.fromiter(map(chunk_code.__getitem__, chunks), np.int64, len(chunks))
        tokens, times = chunk_tokens.expand(drawn, np.fromiter(chunks.values(), np.int64, len(chunks)))
        # whole numbers far below 2**53: the float sums are exact
        summed = np.bincount(tokens, weights=times, minlength=len(token_code) + 1)[1:]
        used = np.flatnonzero(summed)
        group_of.append(np.full(len(used), position, np.int64))
        token_of.append(used)
        counts.append(summed[used].astype(np.int64))
    vocabulary = sorted(token_code)
    rank = np.empty(len(vocabulary), np.int64)  # provisional code -> place in the sorted vocabulary
    rank[[token_code[token] - 1 for token in vocabulary]] = np.arange(len(vocabulary))
    group_of, words, count = (np.concatenate(parts) if parts else np.empty(0, np.int64)
                              for parts in (group_of, token_of, counts))
    words = rank[words]
    order = np.lexsort((words, group_of))
    return CodedCounts(list(texts), pd.Index(vocabulary, dtype=str), group_of[order], words[order], count[order])


def _word_token(word: str, stop: frozenset, token_of_word: dict[str, int], token_code: dict[str, int]) -> int:
    """The code of the token a matched word counts as (0: none), each word made a token once;
    codes from 1 in order of first sight."""
    code = token_of_word.get(word)
    if code is None:
        token = _token(word, stop)
        code = token_of_word[word] = token_code.setdefault(token, len(token_code) + 1) if token else 0
    return code


class _Ragged:
    """Lists of integers (a chunk's tokens) kept flat, so that many can be looked up at once."""

    def __init__(self):
        self.values: list[int] = []
        self.lengths: list[int] = []
        self._arrays = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))

    def append(self, values: list[int]) -> None:
        self.values.extend(values)
        self.lengths.append(len(values))

    def expand(self, which: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The values of lists `which`, one after another, and each one's `times`."""
        flat, lengths, starts = self._arrays
        if len(lengths) < len(self.lengths):  # lists appended since: extend the arrays
            added = np.array(self.lengths[len(lengths):], np.int64)
            starts = np.concatenate([starts, len(flat) + np.cumsum(added) - added])
            flat = np.concatenate([flat, np.array(self.values[len(flat):], np.int64)])
            lengths = np.concatenate([lengths, added])
            self._arrays = flat, lengths, starts
        per = lengths[which]
        first = np.repeat(starts[which] - (np.cumsum(per) - per), per)
        return flat[first + np.arange(len(first))], np.repeat(times, per)
