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

from analysis.codebook import Column, codebook_path, read_codebook
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
    one alternation for the same reason as above (measured 4x slower)."""

    def __init__(self, patterns: list[LinePattern]):
        self.patterns = tuple(patterns)
        limits = [p.max_words for p in patterns]
        self.max_words = 0 if not limits or 0 in limits else max(limits)

    def __iter__(self):
        return iter(self.patterns)

    def match(self, line: str, n_words: int | None = None) -> LinePattern | None:
        """The first pattern the line matches, or None."""
        text = line.strip()
        words = count_words(text) if n_words is None else n_words
        if self.max_words and words > self.max_words:
            return None
        text = text.lower()
        for pattern in self.patterns:
            if (pattern.max_words == 0 or words <= pattern.max_words) and pattern.regex.search(text):
                return pattern
        return None


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
