"""Where in a text a word starts with one of a set of keys: the only places where a dictionary
term (analysis.terms) or an evaluative label (analysis.labels) can match, found in one pass.

Why: a regular expression made of many alternatives, each behind a word boundary, makes re try
every alternative at every position, which made dictionary matching the costliest part of the
frame, topic and label tables. A term whose match must start a word with known letters (its
key) can be looked for only where a word starts with them: a trie of the keys finds those
places in one pass, and the real expression is then tried there alone. Matches are the same
because keys are compared after fold_ascii, which sends every character that re's
case-insensitive matching takes for an ASCII letter to that letter."""
from __future__ import annotations

import re
import string
from typing import Iterable, Iterator

# Letters that re's case-insensitive matching treats as ASCII letters beyond A-Z (found by
# trying every code point; tests/test_word_starts.py checks them against re itself).
_ASCII_EQUIVALENTS = {"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"}
_FOLD = str.maketrans({**{c: c.lower() for c in string.ascii_uppercase}, **_ASCII_EQUIVALENTS})
_KEY = re.compile(r"[A-Za-z0-9_]*")


def fold_ascii(text: str) -> str:
    """text lowered so that every character re's IGNORECASE matches to an ASCII letter becomes
    that letter, one character for one (positions and word boundaries stay where they were)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:  # str.lower turns it into two characters
        return text.translate(_FOLD)
    return text.lower().replace("\u0131", "i").replace("\u017f", "s")  # lower() keeps these two


def word_key(literal: str) -> str:
    """The folded ASCII letters, digits and '_' that `literal` starts with: what a match of an
    expression starting with these literal characters starts with ('' if there are none)."""
    return fold_ascii(_KEY.match(literal).group())


def first_char_lookahead(terms: Iterable[str], *, lower: bool = False) -> str:
    """A lookahead on the characters `terms` start with (lower-cased for a case-ignoring
    pattern), to put before their alternation: it changes no match, but lets re skip the
    positions where none can start. '' when a term is empty (it could match anywhere)."""
    terms = list(terms)
    if not all(terms):
        return ""
    firsts = sorted({term[0].lower() if lower else term[0] for term in terms})
    return "(?=[" + re.escape("".join(firsts)) + "])"


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regular expression matching the longest of `keys` at a position (a trie, so that
    re tries a few first letters per position instead of every key); a space in a key stands
    for any run of white space."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return walk(trie)


class WordStarts:
    """The word starts of a text (no word character before) followed by one of `keys`
    (non-empty, lower-case, as word_key gives them), in order: each match starts at one and
    its group(1) is the longest such key there, as found in the folded text.

    A key may go on past its first word (analysis.terms.term_key): a space in it stands for
    any run of white space, so group(1) then shows the text's own white space (key_of gives
    the key back); its other characters are matched as they are. The key is read in a
    lookahead, so the word starts inside a key found are visited too."""

    def __init__(self, keys: Iterable[str]):
        keys = set(keys)
        if not keys or "" in keys:
            raise ValueError("WordStarts needs non-empty keys")
        self._pattern = re.compile(r"(?<!\w)(?=(" + _trie_pattern(sorted(keys)) + "))")

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self._pattern.finditer(fold_ascii(text))


def key_of(found: str) -> str:
    """The key a WordStarts match's group(1) stands for: its runs of white space as one space."""
    return " ".join(found.split())


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """pattern.finditer(text), for a pattern that can match only at the given positions (in
    order) and never matches the empty string: tried there alone."""
    resume = 0
    for start in starts:
        if start >= resume:
            m = pattern.match(text, start)
            if m:
                resume = m.end()
                yield m


def pattern_keys(pattern: re.Pattern) -> set[str] | None:
    """The keys a match of `pattern` can start with, when it can match only at a word start:
    it opens with '\\b' then literal letters (or a class or group of them), directly or in
    each top-level alternative; None for any other form, or when it cannot be read.

    Reads re's own parse of the pattern (a private module, stable since Python 3.11): anything
    it does not recognise gives None, so the pattern is simply scanned as before."""
    try:
        from re import _constants, _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001  (another Python's parser: no keys, same results)
        return None
    if parsed.state.flags & re.ASCII:  # an ASCII \b does not mean "no word character before"
        return None
    return _boundary_keys(list(parsed.data), _constants)


def _boundary_keys(items: list, c) -> set[str] | None:
    if len(items) == 1 and items[0][0] is c.BRANCH:
        keys: set[str] = set()
        for branch in items[0][1][1]:
            found = _boundary_keys(list(branch.data), c)
            if not found:
                return None
            keys |= found
        return keys
    if not items or items[0] != (c.AT, c.AT_BOUNDARY):
        return None
    return _literal_keys(items[1:], c)


def _is_key_char(code: int) -> bool:
    return code < 128 and bool(_KEY.fullmatch(chr(code)))


def _literal_keys(items: list, c) -> set[str] | None:
    """The literal letters `items` must start with: each possible prefix, or None."""
    prefixes = {""}
    for op, av in items:
        if op is c.LITERAL and _is_key_char(av):
            prefixes = {prefix + chr(av) for prefix in prefixes}
        elif op is c.IN and all(o is c.LITERAL and _is_key_char(v) for o, v in av) and len(prefixes) * len(av) <= 64:
            prefixes = {prefix + chr(v) for prefix in prefixes for _, v in av}
        elif op in (c.SUBPATTERN, c.BRANCH):  # a group or alternation: what its branches start with
            inner = list(av[3].data) if op is c.SUBPATTERN else [(op, av)]
            branches = [list(b.data) for b in inner[0][1][1]] if len(inner) == 1 and inner[0][0] is c.BRANCH else [inner]
            found = [_literal_keys(branch, c) for branch in branches]
            if all(found) and len(prefixes) * sum(map(len, found)) <= 64:
                prefixes = {prefix + key for prefix in prefixes for keys in found for key in keys}
            break  # a branch's key is only the start of what it matches
        else:
            break
    keys = {word_key(prefix) for prefix in prefixes}
    return keys if all(keys) else None


class PatternSet:
    """Regular expressions run over the same texts, each giving what its finditer would. Those
    with a pattern_key are tried only at the word starts holding their key, found in one pass
    for all of them; the others scan the whole text."""

    def __init__(self, patterns: Iterable[re.Pattern]):
        self.patterns = list(patterns)
        self._keys = [pattern_keys(pattern) for pattern in self.patterns]
        keyed = set().union(*(keys for keys in self._keys if keys))
        self._starts = WordStarts(keyed) if keyed else None
        # for each key found in a text: the patterns with a key that is a prefix of it
        self._at = {found: [i for i, keys in enumerate(self._keys) if keys and any(found.startswith(k) for k in keys)]
                    for found in keyed}

    def matches(self, text: str) -> list[list[re.Match]]:
        """Per pattern, in order: its matches in text."""
        starts: list[list[int]] = [[] for _ in self.patterns]
        if self._starts is not None:
            for found in self._starts.finditer(text):
                for i in self._at[found.group(1)]:
                    starts[i].append(found.start())
        return [list(matches_at(pattern, text, starts[i]) if key else pattern.finditer(text))
                for i, (pattern, key) in enumerate(zip(self.patterns, self._keys))]
