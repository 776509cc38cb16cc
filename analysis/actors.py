"""The actor codebook (data/codebook/actors.csv): who can appear in the coverage, their
camp, and the surface forms (aliases) that name them.

Matching is case-sensitive on word boundaries, longest alias first, so "Vladimir Putin" is
one mention, not a mention of "Putin" inside it."""
from __future__ import annotations

import re

import pandas as pd

from .codebook import Column, codebook_path, read_codebook

CAMPS = (
    "russia_belarus_officials",
    "ukraine_officials",
    "western_officials",
    "international_bodies",
    "analysts",
    "civilians",
    "media",
    "other",
)
ACTORS_FILE = "actors.csv"
ACTOR_COLUMNS = [
    Column("actor"),
    Column("camp", kind="choice", choices=CAMPS),
    Column("kind", kind="choice", choices=("person", "organisation"), nonempty=False, default="person"),
    Column("aliases", kind="list"),
    Column("description", nonempty=False),
]


def load_actors(codebook_dir=None) -> pd.DataFrame:
    """actor, camp, kind, aliases (tuple of surface forms), description, codebook_row."""
    frame = read_codebook(codebook_path(ACTORS_FILE, codebook_dir), ACTOR_COLUMNS, unique="actor")
    # the canonical name always counts as an alias
    frame["aliases"] = [tuple(dict.fromkeys((a, *al))) for a, al in zip(frame["actor"], frame["aliases"])]
    return frame


def whole_word_pattern(terms: list[str]) -> re.Pattern | None:
    """A case-sensitive pattern for any of `terms` as whole words, earlier terms tried first
    (pass them longest first).

    The check that no word character comes before a term is made after its first character
    ("(?<!\\w.)" there means the same), so that the alternation opens with literal characters:
    re then skips in C to the positions holding a character some term starts with (capitals,
    for names), instead of trying the pattern at every position of the text."""
    if not terms:
        return None
    if not all(terms):  # an empty term can match anywhere: no first character to skip to
        alternation = "(?:" + "|".join(map(re.escape, terms)) + ")"
        return re.compile(r"(?<!\w)" + alternation + r"(?!\w)")
    alternation = "|".join(re.escape(term[0]) + _NO_WORD_BEFORE_PREVIOUS + re.escape(term[1:]) for term in terms)
    return re.compile("(?:" + alternation + r")(?!\w)")


_NO_WORD_BEFORE_PREVIOUS = r"(?<!\w[\s\S])"  # after one character: none of the word characters before it


class ActorMatcher:
    """Finds actor mentions in text; `resolve` maps a name (e.g. a quote's speaker) to an actor."""

    def __init__(self, actors: pd.DataFrame):
        self.by_alias: dict[str, str] = {}
        for actor, aliases in zip(actors["actor"], actors["aliases"]):
            for alias in aliases:
                self.by_alias.setdefault(alias, actor)
        self.camp = dict(zip(actors["actor"], actors["camp"]))
        ordered = sorted(self.by_alias, key=len, reverse=True)
        self.pattern = whole_word_pattern(ordered)
        self._lower = {alias.lower(): actor for alias, actor in self.by_alias.items()}

    def mentions(self, text: str) -> list[tuple[str, str, int, int]]:
        """(actor, surface, start, end) for every mention in text, left to right."""
        if self.pattern is None:
            return []
        return [(self.by_alias[m.group()], m.group(), m.start(), m.end()) for m in self.pattern.finditer(text)]

    def resolve(self, name: str) -> str | None:
        """The actor a name refers to: exact alias, then case-insensitive alias, then an alias
        contained in the name ("Kremlin spokesman Dmitry Peskov")."""
        name = " ".join(str(name).split())
        if name in self.by_alias:
            return self.by_alias[name]
        if name.lower() in self._lower:
            return self._lower[name.lower()]
        found = self.mentions(name)
        return found[0][0] if found else None


def find_mentions(sentences: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row per actor mention in each sentence: article_id, sentence_id, position, actor,
    camp, surface, char_start, char_end (offsets within the sentence text)."""
    matcher = ActorMatcher(actors)
    found: dict[str, list] = {}  # the same sentence text (wire copy, boilerplate) is matched once
    rows = []
    columns = [sentences[c].tolist() for c in ("article_id", "sentence_id", "position", "text")]
    for article_id, sentence_id, position, text in zip(*columns):
        if text not in found:
            found[text] = matcher.mentions(text)
        for actor, surface, start, end in found[text]:
            rows.append((article_id, sentence_id, position, actor, matcher.camp[actor], surface, start, end))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "position", "actor", "camp", "surface", "char_start", "char_end"])
