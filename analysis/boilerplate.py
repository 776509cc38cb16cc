"""The analyst-editable list of debris and metadata line patterns (data/codebook/boilerplate.csv).

Each row: family, role (boilerplate or meta), ends_article (a line of this family marks the end
of the article text: everything after it is site furniture), max_words (longer lines never
match, so a body paragraph that mentions "cookies" stays body), reason and a regular expression
searched case-insensitively in the stripped line. The first matching row wins."""
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


def load_patterns(codebook_dir=None) -> tuple[LinePattern, ...]:
    frame = read_codebook(codebook_path(BOILERPLATE_FILE, codebook_dir), COLUMNS, unique="family")
    return tuple(
        LinePattern(r.family, r.role, bool(r.ends_article), int(r.max_words), r.reason, re.compile(r.pattern, re.I))
        for r in frame.itertuples(index=False)
    )


def match_line(line: str, patterns: tuple[LinePattern, ...], n_words: int | None = None) -> LinePattern | None:
    text = line.strip()
    words = count_words(text) if n_words is None else n_words
    for pattern in patterns:
        if (pattern.max_words == 0 or words <= pattern.max_words) and pattern.regex.search(text):
            return pattern
    return None
