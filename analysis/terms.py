"""Dictionary terms, as analysts write them in the topic and frame codebooks, and one matcher
for them all.

Term syntax:
- a term matches whole words; words separated by spaces match across any white space
  ("price cap" also matches "price\\ncap");
- '*' stands for any run of letters and '?' for exactly one, anywhere in a word
  ("sanction*" = sanctions, sanctioned; "defen?e" = defence, defense);
- a term in lower case matches any case; a term with a capital letter matches its case only,
  so "EU" is not found in "neutral" and "West" not in "western winds", except that a lower-case
  first letter also matches a capital at the start of a sentence ("the West", "The West");
- straight and curly apostrophes are the same letter.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from .word_starts import WordStarts, fold_ascii, key_of, word_key

_START, _END = r"(?<!\w)", r"(?!\w)"


def by_frequency(counts: Mapping[str, int]) -> list[str]:
    """The counted terms, most frequent first, ties alphabetical."""
    return sorted(counts, key=lambda term: (-counts[term], term))


def evidence_summary(counts: Mapping[str, int], limit: int | None = None) -> str:
    """'drone (5); shot down (2)': the counted terms with their counts, by_frequency order."""
    return "; ".join(f"{term} ({counts[term]})" for term in by_frequency(counts)[:limit])


def term_problem(term: str) -> str | None:
    """Why a term cannot be used, or None."""
    if not re.search(r"[^\W_]", term.replace("*", "").replace("?", "")):
        return "a term needs at least one letter or digit"
    return None


def is_case_sensitive(term: str) -> bool:
    return any(ch.isupper() for ch in term)


def _word(word: str) -> str:
    pattern = re.escape(word).replace(r"\*", r"\w*").replace(r"\?", r"\w")
    return re.sub(r"['’]", "['’]", pattern)


def term_body(term: str) -> str:
    """The term's regular expression without word boundaries or case flag."""
    return r"\s+".join(_word(word) for word in term.split())


def _cased_body(term: str) -> str:
    """term_body with the case rule applied (see the module docstring)."""
    if not is_case_sensitive(term):
        return f"(?i:{term_body(term)})"
    body, first = term_body(term), term[0]
    return f"[{first}{first.upper()}]{body[1:]}" if first.islower() else body  # a letter is never escaped


# what a term key may hold after its first letters: characters every match of the term has
# there as they are (case aside), a space standing for the white space between words
_KEY_TAIL = re.compile(r"[A-Za-z0-9_ !\"#$%&()+,\-./:;<=>@\[\\\]^`{|}~]*")


def term_key(term: str) -> str:
    """What every match of the term starts with in fold_ascii's text, white space runs read as
    one space: its literal beginning up to the first wildcard, apostrophe or non-ASCII
    character ("re-equip*" -> "re-equip", "the West" -> "the west", "S-400" -> "s-400"); ''
    when it does not start with an ASCII letter, digit or '_' (no word start to look for).

    The longer the key, the fewer word starts the matcher tries the term at: word_key's
    first letters alone ("s" for S-400, "the" for the West) sent it to most words."""
    if not word_key(term):
        return ""
    words = " ".join(term.split())
    return fold_ascii(_KEY_TAIL.match(words).group()).rstrip(" ")


def term_pattern(term: str) -> str:
    """The complete regular expression for one term (boundaries and case rule included)."""
    return f"{_START}{_cased_body(term)}{_END}"


class TermDictionary:
    """Named groups of terms (a topic's, a frame's). Groups never hide each other's matches;
    within a group, overlapping terms count once: at each position the longest term (then the
    first in the codebook) wins and matching resumes after it, as in one alternation per
    group, longest term first. Optional raw regular expressions per group (case ignored) match
    anywhere, for what terms cannot say.

    Every match of a term starts with its key (term_key), so only the terms whose key starts
    a word (analysis.word_starts) are tried there, each with its own expression: the same
    matches as the alternations, an order of magnitude faster. Groups with raw patterns
    or a term without a key keep the alternation scan."""

    def __init__(self, terms: Mapping[str, Sequence[str]], patterns: Mapping[str, Sequence[str]] | None = None):
        self.groups = list(terms)
        self._alternations: dict[str, tuple[str, dict[str, str]]] = {}  # group: (pattern, names), compiled when scanned
        self._scanned: set[str] = set()  # groups matched by the alternation scan
        self._scanners: dict[str, re.Pattern] = {}
        candidates: dict[str, list[tuple[int, int, str, str, re.Pattern]]] = {}
        for index, (group, group_terms) in enumerate(terms.items()):
            ordered = sorted(group_terms, key=len, reverse=True)
            names = {f"t{i}": term for i, term in enumerate(ordered)}
            alternatives = [f"(?P<t{i}>{_cased_body(term)})" for i, term in enumerate(ordered)]
            parts = [f"{_START}(?:{'|'.join(alternatives)}){_END}"] if alternatives else []
            for j, raw in enumerate((patterns or {}).get(group, ())):
                names[f"p{j}"] = raw
                parts.append(f"(?P<p{j}>(?i:{raw}))")
            if not parts:
                continue
            self._alternations[group] = ("|".join(parts), names)
            keys = [term_key(term) for term in ordered]
            if len(parts) > len(alternatives) or not all(keys):
                self._scanned.add(group)
                continue
            for rank, (term, key) in enumerate(zip(ordered, keys)):
                candidates.setdefault(key, []).append((index, rank, group, term, re.compile(term_pattern(term))))
        # for each key found in a text: the terms of every key that is a prefix of it (all of
        # them can match there), by group, in the alternation's order
        self._terms_at: dict[str, list[tuple[str, list[tuple[str, re.Pattern]]]]] = {}
        for key in candidates:
            found = sorted((c for k in candidates if key.startswith(k) for c in candidates[k]), key=lambda c: c[:2])
            by_group: dict[str, list[tuple[str, re.Pattern]]] = {}
            for _index, _rank, group, term, pattern in found:
                by_group.setdefault(group, []).append((term, pattern))
            self._terms_at[key] = list(by_group.items())
        self._starts = WordStarts(candidates) if candidates else None

    @classmethod
    def shared(cls, terms: Mapping[str, Sequence[str]], patterns: Mapping[str, Sequence[str]] | None = None) -> "TermDictionary":
        """TermDictionary(terms, patterns), built once per process for the same contents (every
        partition of a parallel export builds the codebooks' dictionaries); use it read-only."""
        return _shared_dictionary(tuple((group, tuple(found)) for group, found in terms.items()),
                                  tuple((group, tuple(found)) for group, found in (patterns or {}).items()))

    def matches(self, text: str) -> list[tuple[str, str, str, int, int]]:
        """(group, term, surface, start, end) for every match, by group then position."""
        found: dict[str, list] = {}
        if self._starts is not None:
            resume: dict[str, int] = {}  # per group: where its last match ended
            terms_at = self._terms_at
            for start_match in self._starts.finditer(text):
                start = start_match.start()
                found_key = start_match.group(1)
                for group, group_terms in terms_at.get(found_key) or terms_at[key_of(found_key)]:
                    if start < resume.get(group, 0):
                        continue
                    for term, pattern in group_terms:
                        m = pattern.match(text, start)
                        if m:
                            end = m.end()
                            found.setdefault(group, []).append((group, term, m.group(), start, end))
                            resume[group] = end
                            break
        for group in self._scanned:
            found[group] = self.scan(text, group)
        if len(found) < 2:  # most texts: no group or one, nothing to put in order
            return next(iter(found.values())) if found else []
        return [match for group in self._alternations if group in found for match in found[group]]

    def scan(self, text: str, group: str) -> list[tuple[str, str, str, int, int]]:
        """One group's matches by its alternation run over the whole text: the reference that
        `matches` must equal, and its way for groups with raw patterns."""
        if group not in self._alternations:
            return []
        pattern, names = self._alternations[group]
        compiled = self._scanners.get(group) or self._scanners.setdefault(group, re.compile(pattern))
        return [(group, names[m.lastgroup], m.group(), m.start(), m.end())
                for m in compiled.finditer(text) if m.end() > m.start()]


@lru_cache(maxsize=32)
def _shared_dictionary(terms: tuple, patterns: tuple) -> TermDictionary:
    return TermDictionary(dict(terms), dict(patterns))
