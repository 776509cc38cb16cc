"""The analyst-editable list of debris and metadata line patterns (data/codebook/boilerplate.csv).

Each row: family, role (boilerplate or meta), ends_article (a line of this family marks the end
of the article text: everything after it is site furniture), max_words (longer lines never
match, so a body paragraph that mentions "cookies" stays body), reason and a regular expression
searched in the stripped, lower-cased line. The first matching row wins; a family may have
several rows.

Write patterns in lower case, and keep '^'-anchored alternatives and unanchored ones in separate
rows: the regex engine then skips ahead on the first letters (or fails an anchored pattern at
once), which a mixed alternation prevents (measured 10x slower on body prose)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .codebook import Column, codebook_path, read_codebook
from .text import count_words

BOILERPLATE_FILE = "boilerplate.csv"
COLUMNS = [
    Column("family"),
    Column("role", kind="choice", choices=("boilerplate", "meta")),
    Column("ends_article", kind="bool"),
    Column("max_words", kind="number", nonempty=False, default=0.0),
    Column("reason"),
    Column("pattern", kind="regex"),
]


@dataclass(frozen=True)
class LinePattern:
    family: str
    role: str
    ends_article: bool
    max_words: int
    reason: str
    regex: re.Pattern


class LinePatterns:
    """The codebook's patterns, tried in order on the lower-cased line. They are not joined into
    one alternation for the same reason as above (measured 4x slower).

    Site templates repeat the same short lines (bylines, share buttons, credits) in every
    article of an outlet, so each distinct line is matched once per corpus (the memo is not
    pickled with the patterns: a worker process builds its own)."""

    MEMO_LIMIT = 200_000  # distinct lines remembered before the memo starts over

    def __init__(self, patterns: list[LinePattern]):
        self.patterns = tuple(patterns)
        limits = [p.max_words for p in patterns]
        self.max_words = 0 if not limits or 0 in limits else max(limits)
        # the patterns a line of n words may match, for n up to the largest limit; longer
        # lines can only match the patterns without a limit
        longest = max(limits, default=0)
        self._by_words = tuple(tuple(p for p in self.patterns if p.max_words == 0 or n <= p.max_words)
                               for n in range(longest + 2))
        self._memo: dict[tuple[str, int], LinePattern | None] = {}

    def __iter__(self):
        return iter(self.patterns)

    def __getstate__(self):
        return {"patterns": self.patterns}

    def __setstate__(self, state):
        self.__init__(list(state["patterns"]))

    def match(self, line: str, n_words: int | None = None) -> LinePattern | None:
        """The first pattern the line matches, or None."""
        text = line.strip()
        words = count_words(text) if n_words is None else n_words
        if self.max_words and words > self.max_words:
            return None
        key = (text, words)
        try:
            return self._memo[key]
        except KeyError:
            pass
        if words >= 0:
            candidates = self._by_words[min(words, len(self._by_words) - 1)]
        else:
            candidates = tuple(p for p in self.patterns if p.max_words == 0 or words <= p.max_words)
        found = None
        if candidates:
            lower = text.lower()
            found = next((pattern for pattern in candidates if pattern.regex.search(lower)), None)
        if len(self._memo) >= self.MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = found
        return found


def load_patterns(codebook_dir=None) -> LinePatterns:
    frame = read_codebook(codebook_path(BOILERPLATE_FILE, codebook_dir), COLUMNS)
    return LinePatterns([
        LinePattern(r.family, r.role, bool(r.ends_article), int(r.max_words), r.reason, _compile(r.pattern))
        for r in frame.itertuples(index=False)
    ])


def _compile(pattern: str) -> re.Pattern:
    # A capital letter outside an escape (\S, \W) would never match the lower-cased line, so
    # such a pattern keeps case-insensitive matching, at its cost.
    needs_ignorecase = re.search(r"(?<!\\)[A-Z]", pattern) is not None
    return re.compile(pattern, re.I if needs_ignorecase else 0)
