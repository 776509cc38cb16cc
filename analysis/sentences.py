"""Sentence splitting for news prose.

A boundary is sentence-final punctuation (. ! ?) with any closing quotes or brackets,
followed by white space. It is not a boundary after an abbreviation (Dec. 13, U.S., St.
Nicholas, Gen.) or a dotted acronym, an initial (J. K. Rowling), inside a number (3.5, 9.000), or after a
question or exclamation inside a quotation that the attribution continues ("Why?" he
asked). An ellipsis is not a boundary: in news copy it marks an elision inside a quote."""
from __future__ import annotations

import re

from .text import CONTINUATION_WORDS

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr sgt adm gov sen rep pres st mt ft jr sr
    inc ltd co corp bros no nos vs etc approx dept est fig vol op pp
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e cf al ph.d""".split()
)
_CANDIDATE = re.compile(r"(?P<term>[.!?]+)(?P<close>[\"'”’»)\]]*)(?P<space>\s+)")
_TOKEN_BEFORE = re.compile(r"([^\s\"'“‘(\[]+)$")
_OPENERS = "\"'“‘«([—–-"


TOKEN_WINDOW = 40  # longer than any abbreviation; keeps the look-behind constant-time


def _token_before(text: str, end: int) -> str:
    match = _TOKEN_BEFORE.search(text, end - TOKEN_WINDOW if end > TOKEN_WINDOW else 0, end)
    return match.group(1) if match else ""


_INITIAL = re.compile(r"[a-z]")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"\w+")


def _is_boundary(text: str, m: re.Match) -> bool:
    after = m.end()
    if after >= len(text):
        return False
    nxt = text[after]
    term, close = m.group("term", "close")
    if term == ".":
        word = _token_before(text, m.start("term")).lower()
        if not close and word.rstrip(".") in ABBREVIATIONS:
            return False
        if len(word) == 1 and _INITIAL.fullmatch(word) and nxt.isupper():  # an initial: J. K. Rowling
            return False
        if "." in word and _DOTTED_ACRONYM.fullmatch(word):  # dotted acronym (N.A.T.O.): rarely sentence-final
            return False
    if nxt.isupper() or nxt.isdigit() or nxt in _OPENERS:
        return True
    if nxt.islower():
        # broken copy ("near Kyiv. they came ..."), but not a quote's attribution ("Why?" he
        # asked) and not a clause that continues the sentence across a line break
        if term != "." or close:
            return False
        following = _NEXT_WORD.match(text, after)
        return not (following and following.group().lower() in CONTINUATION_WORDS and "\n" in m.group("space"))
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences in text, trailing space excluded."""
    spans = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if _is_boundary(text, m):
            end = m.start("space")
            # the sentence text[start:end] without its leading white space, unless it is blank
            # (after a boundary, the next one starts past the white space: nothing to strip)
            piece = text[start:end]
            stripped = piece.lstrip()
            if stripped:
                spans.append((end - len(stripped), end))
            start = m.end()
    piece = text[start:].rstrip()
    stripped = piece.lstrip()
    if stripped:
        spans.append((start + len(piece) - len(stripped), start + len(piece)))
    return spans
