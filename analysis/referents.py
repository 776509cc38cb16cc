"""Who a phrase refers to: actor names (actors.csv) plus countries and their leaders
(countries.csv), so descriptions without a name resolve too: "the Belarusian authoritarian
leader" is Belarus's leader, "the country whose strongman" is the leader of the country last
named, "he" is the person last named.

Shared by the quote attribution and the evaluative-label finder."""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pandas as pd

from .actors import ActorMatcher, load_actors, whole_word_pattern
from .codebook import Column, codebook_path, read_codebook
from .errors import CodebookError

COUNTRIES_FILE = "countries.csv"
COUNTRY_COLUMNS = [
    Column("country"),
    Column("aliases", kind="list"),
    Column("adjectives", kind="list", nonempty=False),
    Column("leader", nonempty=False),
    Column("description", nonempty=False),
]

PERSON_PRONOUNS = ("he", "she", "him", "her")
GROUP_PRONOUNS = ("they", "them")
THING_PRONOUNS = ("it",)
PRONOUNS = PERSON_PRONOUNS + GROUP_PRONOUNS + THING_PRONOUNS


def load_countries(codebook_dir=None, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """country, aliases, adjectives, leader (an actor of actors.csv or empty), description."""
    path = codebook_path(COUNTRIES_FILE, codebook_dir)
    frame = read_codebook(path, COUNTRY_COLUMNS, unique="country")
    if actors is not None:
        known = set(actors["actor"])
        for leader, row in zip(frame["leader"], frame["codebook_row"]):
            if leader and leader not in known:
                raise CodebookError(path, f"leader {leader!r} is not an actor of actors.csv", row=int(row), column="leader")
    frame["aliases"] = [tuple(dict.fromkeys((c, *al))) for c, al in zip(frame["country"], frame["aliases"])]
    return frame


def _alternation(terms) -> re.Pattern | None:
    return whole_word_pattern(sorted(set(terms), key=len, reverse=True))


class Mention(NamedTuple):
    """A reference found in text: an actor (kind person/organisation) or a country (a named
    tuple: articles hold thousands, and a frozen dataclass costs several times more to make)."""

    target: str
    kind: str  # person | organisation | country
    surface: str
    start: int
    end: int


class Referents:
    """Actor and country look-ups over one codebook folder."""

    def __init__(self, actors: pd.DataFrame, countries: pd.DataFrame, leader_nouns=()):
        self.matcher = ActorMatcher(actors)
        self.kind = dict(zip(actors["actor"], actors["kind"]))
        self.camp = self.matcher.camp
        self.country_by_alias = {alias: c for c, aliases in zip(countries["country"], countries["aliases"]) for alias in aliases}
        self.country_by_adjective = {adj: c for c, adjs in zip(countries["country"], countries["adjectives"]) for adj in adjs}
        self.leader = {c: l for c, l in zip(countries["country"], countries["leader"]) if l}
        self.leaders = set(self.leader.values())
        self._country_pattern = _alternation(self.country_by_alias)
        self._adjective_pattern = _alternation(self.country_by_adjective)
        # nouns that mean "head of state" ("leader", "strongman"): from the label codebook
        self._leader_noun = re.compile(r"\b(?:" + "|".join(map(re.escape, leader_nouns)) + r")\b", re.IGNORECASE) if leader_nouns else None

    @classmethod
    def load(cls, codebook_dir=None) -> "Referents":
        from .labels import leader_terms, load_labels  # labels.py builds on this module

        actors = load_actors(codebook_dir)
        return cls(actors, load_countries(codebook_dir, actors), leader_terms(load_labels(codebook_dir)))

    def mentions(self, text: str, countries: bool = True) -> list[Mention]:
        """Actor mentions, plus country names not inside an actor mention, left to right."""
        found = [Mention(a, self.kind.get(a, "person"), s, b, e) for a, s, b, e in self.matcher.mentions(text)]
        if countries and self._country_pattern is not None:
            # actor mentions come left to right without overlap: only the last one starting
            # at or before a country name can contain it
            taken_starts = [m.start for m in found]
            taken_ends = [m.end for m in found]
            for match in self._country_pattern.finditer(text):
                index = bisect.bisect_right(taken_starts, match.start()) - 1
                if index < 0 or match.start() >= taken_ends[index]:
                    found.append(Mention(self.country_by_alias[match.group()], "country", match.group(), match.start(), match.end()))
        return sorted(found, key=lambda m: m.start)

    def nationality(self, text: str) -> str | None:
        """The country of the last nationality adjective or country name in `text`."""
        hits = []
        if self._adjective_pattern is not None:
            hits += [(m.start(), self.country_by_adjective[m.group()]) for m in self._adjective_pattern.finditer(text)]
        if self._country_pattern is not None:
            hits += [(m.start(), self.country_by_alias[m.group()]) for m in self._country_pattern.finditer(text)]
        return max(hits)[1] if hits else None

    def names_leader(self, text: str) -> bool:
        """True when text holds a noun the label codebook marks as naming a head of state."""
        return bool(self._leader_noun and self._leader_noun.search(text))

    def leader_of(self, country: str | None) -> str | None:
        return self.leader.get(country) if country else None

    def resolve_name(self, name: str) -> str | None:
        return self.matcher.resolve(name)
