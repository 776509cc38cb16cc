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
from typing import Iterable, NamedTuple

import numpy as np
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


class CodedCounts(NamedTuple):
    """Token counts per group as integer codes: a row per (group, token) counted at least
    once, ordered by group (first appearance) then token."""
    groups: list  # the group keys, in order of first appearance
    vocabulary: pd.Index  # every token counted, sorted
    group_of: np.ndarray  # each row's position in groups
    word_of: np.ndarray  # each row's position in vocabulary
    count: np.ndarray  # int64


def coded_term_counts(frame: pd.DataFrame, group: str, text: str = "text", *,
                      stopwords=STOPWORDS) -> CodedCounts:
    """term_counts as integer codes (TermCounter, the frame as its one slice)."""
    counter = TermCounter(stopwords)
    counter.add(frame, group, text)
    return counter.counts()


# Text gathered from slices before it is counted: each batch splits and counts every group's
# distinct chunks again (a frequent word is looked up once per group and batch), so batches of
# a few hundred articles cost 2-3 times the CPU of the whole corpus at once; 16 million
# characters (about 3,000 articles of news) hold a few tens of MB.
BATCH_CHARS = 16_000_000


class TermCounter:
    """term_counts as integer codes, folded over a frame given in slices (`add` each in turn):
    the counts of whole numbers add up exactly, so any slicing gives the counts of the whole.

    No match of _WORD takes in whitespace, and at a space every attempt fails as it does at
    the end of a text, so a text's matches are those of its whitespace-separated chunks in
    turn: each group's texts are split on whitespace (far faster than the regex) and their
    chunks counted, the regex runs once per distinct chunk, each distinct matched word is made
    a token once, and the counts are summed over integer codes rather than in string-keyed
    dicts. Only those caches, the counts per (group, token) and up to BATCH_CHARS of text
    are held between slices."""

    def __init__(self, stopwords=STOPWORDS):
        self._stop = _stopword_set(stopwords)
        self._groups: dict[object, int] = {}  # group key -> position, in order of first sight
        self._chunk_code: dict[str, int] = {}  # distinct chunk -> code, in order of first sight
        self._token_code: dict[str, int] = {}  # distinct token -> code, likewise ("" for no token: 0)
        self._token_of_word: dict[str, int] = {}  # distinct matched word -> its token's code
        self._chunk_tokens = _Ragged()  # each chunk's tokens, as codes
        self._counted = _PairCounts()  # (group position, token code) -> count
        self._texts: dict[object, list[str]] = {}  # per group key, the texts added but not yet counted
        self._n_chars = 0

    def add(self, frame: pd.DataFrame, group: str, text: str = "text") -> None:
        """Count the tokens of frame[text] per frame[group] (once BATCH_CHARS of text are
        gathered, or at `counts`)."""
        texts: dict[object, list[str]] = {}
        for key, value in zip(frame[group].tolist(), frame[text].tolist()):
            texts.setdefault(key, []).append(str(value))
        for key, values in texts.items():
            # held as one string per group and slice: the slice's own strings, scattered
            # among its other objects, are freed with it (holding them kept their memory)
            joined = " ".join(values)
            self._texts.setdefault(key, []).append(joined)
            self._n_chars += len(joined)
        if self._n_chars >= BATCH_CHARS:
            self._count()

    def _count(self) -> None:
        for key, values in self._texts.items():
            position = self._groups.setdefault(key, len(self._groups))
            chunks = Counter(" ".join(values).split())
            for chunk in [c for c in chunks if c not in self._chunk_code]:
                self._chunk_code[chunk] = len(self._chunk_code)
                self._chunk_tokens.append([_word_token(word, self._stop, self._token_of_word, self._token_code)
                                           for word in _WORD.findall(chunk)])
            drawn = np.fromiter(map(self._chunk_code.__getitem__, chunks), np.int64, len(chunks))
            tokens, times = self._chunk_tokens.expand(drawn, np.fromiter(chunks.values(), np.int64, len(chunks)))
            # whole numbers far below 2**53: the float sums are exact
            summed = np.bincount(tokens, weights=times, minlength=len(self._token_code) + 1)[1:]
            used = np.flatnonzero(summed)
            self._counted.add(position, used, summed[used].astype(np.int64))
        self._texts, self._n_chars = {}, 0

    def counts(self) -> CodedCounts:
        """Everything added so far, as CodedCounts."""
        self._count()
        vocabulary = sorted(self._token_code)
        rank = np.empty(len(vocabulary), np.int64)  # provisional code -> place in the sorted vocabulary
        rank[[self._token_code[token] - 1 for token in vocabulary]] = np.arange(len(vocabulary))
        group_of, words, count = self._counted.totals()
        words = rank[words]
        order = np.lexsort((words, group_of))
        return CodedCounts(list(self._groups), pd.Index(vocabulary, dtype=str), group_of[order], words[order], count[order])


class _PairCounts:
    """Counts per (group, token) code pair, added up as slices add them: a slice's pairs are
    kept as they come and merged with the earlier ones (summing the repeats) only once they
    outnumber them, so that merging costs time in proportion to the pairs added, not to the
    pairs times the slices, while what is held stays within about twice the distinct pairs."""

    def __init__(self):
        self._merged = (np.empty(0, np.int64), np.empty(0, np.int64))  # pair keys (sorted), counts
        self._pending: list[tuple[np.ndarray, np.ndarray]] = []
        self._n_pending = 0

    def add(self, group: int, tokens: np.ndarray, counts: np.ndarray) -> None:
        self._pending.append(((group << 32) | tokens, counts))  # token codes stay far below 2**32
        self._n_pending += len(tokens)
        if self._n_pending > len(self._merged[0]):
            self._merge()

    def _merge(self) -> None:
        keys = np.concatenate([self._merged[0]] + [k for k, _ in self._pending])
        counts = np.concatenate([self._merged[1]] + [c for _, c in self._pending])
        self._pending, self._n_pending = [], 0
        distinct, which = np.unique(keys, return_inverse=True)
        # whole numbers far below 2**53: the float sums are exact
        self._merged = distinct, np.bincount(which, weights=counts, minlength=len(distinct)).astype(np.int64)

    def totals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(group, token, count) of every pair counted, by group then token."""
        self._merge()
        keys, counts = self._merged
        return keys >> 32, keys & 0xFFFFFFFF, counts


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


def term_counts(frame: pd.DataFrame, group: str, text: str = "text", *, stopwords=STOPWORDS) -> pd.DataFrame:
    """Token counts per group: one row per (group, word) with column `count`, from the
    `text` column of `frame` (e.g. body sentences with an outlet column): tokenize's
    tokens, counted as the words matched in each group's texts, each distinct word made a
    token once."""
    coded = coded_term_counts(frame, group, text, stopwords=stopwords)
    words = coded.vocabulary.tolist()
    rows = [(coded.groups[g], words[w], n) for g, w, n in
            zip(coded.group_of.tolist(), coded.word_of.tolist(), coded.count.tolist())]
    counts = pd.DataFrame(rows, columns=[group, "word", "count"])
    # word codes follow the sorted vocabulary: sorting by them sorts the words, for less
    order = counts[[group]].assign(word=coded.word_of).sort_values([group, "word"], kind="stable").index
    return counts.take(order).reset_index(drop=True)
