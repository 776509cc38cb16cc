"""Every number in the body sentences, with its hedge, the interval it admits, what it counts
and what happened to it: the figures table (figures.csv).

A focused extractor (one master pattern, number words, hedge phrases, a counted-noun reader),
not a general quantity parser: general parsers drop hedges ("more than 20" -> 20), read "a
dozen" as one dozen and "($190)" as -190, and never say what is counted.

What is a figure
    digits with separators and decimals (9,000; 1.5), number words (three, twenty-three,
    a dozen, a couple, hundreds, several thousand), multipliers (9 million, 2bn), percentages,
    money with its currency (180 euros, $190: a parenthetical conversion is a second figure
    linked by ``conversion_of``), years (1900-2100 written as four bare digits), dates
    (Dec. 13, 13 December 2022, 20/12/2022 read day-first unless impossible, 2022-12-19),
    durations (three years, 10 months), ages (68-year-old), distances (a thousand kilometers),
    rates (70 missiles a month), ordinals from "second" up (``first`` marks novelty, not a
    quantity, and is left out), ranges (three to four, two or three, 20-25) and proportions
    ("18 of them", "30 of the 35", "9 million of Ukraine's 40 million people": the part
    carries ``part_of``, the figure_id of its whole).

What is not
    designators: a number glued to letters or a hyphenated name (S-400, MiG-31K, Covid-19,
    Shahed-136, 24h), "number one", a capitalised number word inside a name ("Pool One"),
    and "one" in "one of", "no one", "one another".

Hedges and the interval [low, high] a figure admits (v = the stated value)
    exact       "23", "three to four"           [v, v]; a range [a, b]
    approx      about, around, some, roughly,   [v - t, v + t], t = 10% of v, at least 1 for
                approximately, an estimated,    counts; t = 1 for years, ages, ordinals
                close to, or so; and the vague
                words (a dozen, hundreds, ...)
    more_than   more than, over, upwards of,    [v + 1, inf] for whole-number kinds (counts,
                just over, N-plus                 years, ages), [v, inf] otherwise
    at_least    at least, no fewer than,        [v, inf]
                no less than, N or more
    less_than   fewer than, less than, under    [0, v - 1] for whole-number kinds, else [0, v]
    at_most     up to, at most, no more than,   [0, v]
                as many as
    nearly      nearly, almost, just under      [v - t, v] (t as for approx)
    A range or vague word keeps its own interval (more_than and at_least open its top,
    less_than and at_most its bottom). Vague words have fixed intervals: a couple [2, 3], a few [2, 5], several [3, 9], dozens
    [24, 99], hundreds [200, 999], thousands [2000, 9999], tens of thousands [20000, 99999],
    millions [2e6, 999e6]; "several hundred" scales several by the word ([300, 900]). Their
    value is the stated number when there is one (a dozen = 12, a couple = 2) and empty
    (NaN) for plurals (hundreds), whose only content is the interval.

What it counts and what happened to it
    counted is the noun phrase after the number ("self-exploding drones", "Russian troops"),
    or after "of" for units ("10 months of fighting"); "of them/these/those" takes the
    counted thing of the nearest earlier figure (same sentence, then up to two sentences
    back) that is at least as large (its whole); an elided noun ("wounded 11 elsewhere",
    "including 23 over Kyiv") takes the previous figure's in the sentence. predicate is the
    nearest verb from the predicate codebook (data/codebook/predicates.csv) in the stretch
    of sentence the figure owns (up to its neighbours). place is the nearest place from the
    place codebook (data/codebook/places.csv) that the sentence ties to a location
    ("over Kyiv", "in the south of Ukraine", "across the country", "Kiev alone was
    attacked"; a bare "Ukraine said" is an actor, not a place), at most 60 characters away
    and not across a clause break (", which", ", but", ";", a dash); parts inherit their
    whole's place when their own stretch names none. Predicate and place are read for
    counts, rates, percentages and money only.

Offsets char_start/char_end are within the sentence text (the surface includes the hedge).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .codebook import Column, codebook_path, read_codebook

HEDGES = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "nearly")
KINDS = ("count", "year", "date", "duration", "percent", "money", "age", "distance", "rate", "ordinal", "other")
FIGURE_COLUMNS = [
    "article_id", "sentence_id", "surface", "value", "low", "high", "hedge", "kind", "counted",
    "predicate", "claim_id", "place", "char_start", "char_end", "figure_id", "unit", "head",
    "preposition", "part_of", "conversion_of", "derived_from", "normalized", "sentence",
]
INF = math.inf

# ---------------------------------------------------------------------------------------
# Vocabularies
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "mn": 1e6, "mln": 1e6}
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "hundredth": 100, "thousandth": 1000,
}
# vague quantity words: (value or None, low, high); "a"-words are exact multiples of a unit
VAGUE = {
    "a dozen": (12, None, None), "a couple": (2, 2, 3), "a couple of": (2, 2, 3),
    "a few": (None, 2, 5), "several": (None, 3, 9), "dozens": (None, 24, 99),
    "hundreds": (None, 200, 999), "thousands": (None, 2000, 9999),
    "tens of thousands": (None, 20000, 99999), "hundreds of thousands": (None, 200000, 999999),
    "millions": (None, 2e6, 999e6), "billions": (None, 2e9, 999e9),
}
A_SCALES = {"a hundred": 100, "a thousand": 1000, "a million": 1e6, "a billion": 1e9, "one hundred": 100}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
HEDGE_BEFORE = {
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "just over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than", "just under": "nearly",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "nearly": "nearly", "almost": "nearly",
}
HEDGE_AFTER = {"or more": "at_least", "or so": "approx", "-plus": "more_than", "+": "more_than"}
CURRENCIES = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "dollar": "USD", "dollars": "USD",
    "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
    "usd": "USD", "eur": "EUR", "gbp": "GBP",
}
TIME_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
              "month": "month", "year": "year", "decade": "decade", "century": "century", "centuries": "century"}
DISTANCE_UNITS = {"km": "km", "kilometer": "km", "kilometre": "km", "kilometers": "km", "kilometres": "km",
                  "mile": "mile", "miles": "mile", "meter": "m", "metre": "m", "meters": "m", "metres": "m"}
WHOLE_KINDS = {"count", "year", "age", "ordinal", "date"}
# words that end a counted noun phrase
STOP_WORDS = frozenset("""
the a an of in on at over to from by with across near and or but that which who whom whose
were was are is be been being had have has will would could can may might must should said
says say including include includes while as for into than more less left ago after before
since during elsewhere alone each per every this these those there then it its their his her
they we he she them our your my not no also only just already still so if when where because
about around some nearly almost up down out off between among against under within without
like such other another than both either neither same own whether via amid despite toward
towards onto upon what how why all any most many much few remain remains remained
live lives lived stay stayed died
""".split())
ADJECTIVE_SUFFIXES = ("al", "ern", "ic", "ian", "ese", "ish", "ive", "ary", "ous")
DEMONYM_SUFFIXES = ("ian", "ese", "ish", "an", "i")

# ---------------------------------------------------------------------------------------
# The master pattern: one pass over the sentence finds every candidate number.
_W = lambda words: "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # noqa: E731
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORDNUM = rf"(?:(?:{_W(TENS)})(?:[-\s](?:{_W([w for w in UNITS if UNITS[w] and UNITS[w] < 10])}))?|{_W(UNITS)})"
_VAGUE = rf"(?:tens of thousands|hundreds of thousands|(?:a few|several|a couple(?: of)?|a dozen)(?:\s+(?:hundred|thousand|million|billion))?|{_W(['dozens', 'hundreds', 'thousands', 'millions', 'billions'])}|a (?:hundred|thousand|million|billion)|one hundred)"
MASTER = re.compile(
    rf"(?P<iso>(?<!\d)\d{{4}}-\d{{1,2}}-\d{{1,2}}(?!\d))"
    rf"|(?P<dmy>(?<![\d/.])\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})(?![\d/]))"
    rf"|(?P<md>\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?)"
    rf"|(?P<dm>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+\d{{4}}\b)?)"
    rf"|(?P<clock>(?<![\d.,:])\d{{1,2}}(?::\d{{2}})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|(?<![\d.,:])\d{{1,2}}:\d{{2}}(?![\d:]))"
    rf"|(?P<digord>(?<![\w.,])\d+(?:st|nd|rd|th)\b)"
    rf"|(?P<digits>(?<![\d.,])(?:(?:US\$|[$€£])\s?)?{_DIGITS}(?![\d]))"
    rf"|(?i:(?P<vague>\b{_VAGUE}\b))"
    rf"|(?i:(?P<word>\b{_WORDNUM}\b))"
    rf"|(?i:(?P<wordord>\b(?:{_W(ORDINAL_WORDS)})\b))"
)
_SCALE_AFTER = re.compile(rf"(?i:\s+(hundred|thousand|million|billion|trillion)\b|\s?(bn|mn|mln)\b|\s+(dozen)\b)")
_PERCENT_AFTER = re.compile(r"(?i:\s?%|\s+per\s?cent\b|\s+percent\b)")
_CURRENCY_AFTER = re.compile(rf"(?i:\s+({_W([k for k in CURRENCIES if k.isalpha()])})\b)")
_AGE_AFTER = re.compile(r"(?i:-years?-old\b|\s+years?\s+old\b|-year\b)")
_RANGE_AFTER = re.compile(r"(?i:\s*[-–—]\s*|\s+to\s+|\s+or\s+)")
_HEDGE_AFTER = re.compile(r"(?i:\s+or\s+more\b|\s+or\s+so\b|-plus\b|\+)")
_HEDGE_BEFORE = re.compile(rf"(?i:\b({_W(HEDGE_BEFORE)})\s+(?:a\s+|an\s+)?$)")
_WORD = re.compile(r"\s*([A-Za-z][\w'’-]*)")
_OF_WHOLE = re.compile(r"(?i:\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|[A-Z][\w-]*['’]s\s+)?)")
_OF = re.compile(r"(?i:\s+of\b)")
_OF_PRONOUN = re.compile(r"(?i:\s+of\s+(them|these|those)\b)")
_OF_NOUN = re.compile(r"(?i:\s+of\s+(?:the\s+|its\s+|their\s+|those\s+|these\s+)?)")
_RATE_AFTER = re.compile(r"(?i:\b(?:a|an|per|each|every)\s+(day|week|month|year|hour)\b)")
_PREPOSITION_BEFORE = re.compile(r"(?i:\b(since|in|from|until|till|by|of|before|after|on|for|during)\s+(?:the\s+)?$)")
_TEMPORAL_BEFORE = re.compile(r"(?i:\b(?:over|in|since|from|by|until|till|of|before|after|during|the|than)\s+$)")
_DESIGNATOR_BEFORE = re.compile(r"(?:[A-Za-z]-?|\b(?i:number|no\.?|#)\s*)$")
# A place right after one of these words (then "the", "city of") is tied to a location: "over
# the city of Kyiv". The text before the place is read backwards: .match of the reversed
# pattern on the reversed text, anchored at the place, instead of a search of
# \b(?:words)\s+(?:the\s+)?(?:city\s+of\s+)?$ trying each of its characters (~4x quicker; the
# two agree: that `$` also matches before a final newline, which the greedy \s+ may as well take).
_LOCATIVE_WORDS = ("over", "in", "near", "across", "above", "around", "at", "on", "outside", "throughout", "into", "to",
                   "from", "toward", "towards", "targeted", "attacked", "struck", "hit", "shelled")
_LOCATIVE_BEFORE_REVERSED = re.compile(
    rf"(?i:(?:\s+fo\s+ytic)?(?:\s+eht)?\s+(?:{'|'.join(word[::-1] for word in _LOCATIVE_WORDS)})\b)"
)
_LOCATIVE_AFTER = re.compile(r"^\s+(?:alone\s+|itself\s+)?(?:was|were|has been|have been|had been|is|are)\s+(?:attacked|targeted|hit|struck|shelled)")


# Small patterns of the figure readers, compiled once (re's module functions look each up per call).
_WORD_PARTS = re.compile(r"[-\s]+")
_NAME_BEFORE = re.compile(r"([A-Za-z]+)[\s(]*$")
_STOP_BEFORE = re.compile(r"[.!?:;\"“”]\s*$")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_CURRENCY_SYMBOL = re.compile(r"(US\$|[$€£])\s?")
_DECADE_S = re.compile(r"['’]?s\b")
_DECADE_YEAR = re.compile(r"1[89]\d0|20\d0")
_FOUR_DIGITS = re.compile(r"\d{4}")
_GLUED_DISTANCE = re.compile(r"(km|m|mi)\b")
_CLOSING_PAREN = re.compile(r"\s*\)")
_PUNCTUATION = re.compile(r"[,.;:!?]")
_AGO = re.compile(r"\s*ago\b")


# ---------------------------------------------------------------------------------------
_LETTERS = re.compile(r"[^\W\d_]+")


_ASCII_NOT_LETTERS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalpha()})


def words_of(lower: str) -> list[str]:
    """The words of lower-cased text (punctuation, digits and hyphens split words)."""
    if lower.isascii():  # the letters are a-z and A-Z: a C-level translate and split, ~2x quicker
        return lower.translate(_ASCII_NOT_LETTERS).split()
    return _LETTERS.findall(lower)


def word_set(lower: str) -> set[str]:
    return set(words_of(lower))


def _word_starts(text: str, word: str, joiners: str = "") -> list[int]:
    """Where `word` stands alone in text, left to right without overlaps: neither neighbour is
    a word character (re's \\w: a letter, digit or "_") or one of `joiners`. The same offsets
    as finditer of (?<![\\w<joiners>])word(?![\\w<joiners>]), found with str.find: a pattern
    that opens with a look-behind is tried at every position, ~5x slower."""
    if not word:
        raise ValueError("an empty word stands nowhere")
    starts = []
    size, length = len(word), len(text)
    start = text.find(word)
    while start != -1:
        end = start + size
        before = text[start - 1] if start else ""
        after = text[end] if end < length else ""
        if not (before and (before.isalnum() or before == "_" or before in joiners)) \
                and not (after and (after.isalnum() or after == "_" or after in joiners)):
            starts.append(start)
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)
    return starts


class PhraseIndex:
    """Finds listed phrases in lower-cased text by their first word: a set intersection says
    which first words occur at all, and only their occurrences are tried against the phrases
    (an alternation of every phrase searched at every position costs ~50x more)."""

    def __init__(self, phrases: dict[str, str]):
        by_first: dict[str, list[tuple[re.Pattern, str]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            words = phrase.lower().split()
            pattern = re.compile(r"\s+".join(map(re.escape, words)) + r"(?![\w-])")
            by_first.setdefault(words[0], []).append((pattern, phrases[phrase]))
        self.by_first = by_first
        self.first_words = frozenset(by_first)

    def find(self, lower: str, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        present = self.first_words.intersection(word_set(lower) if words is None else words)
        hits = []
        for first in present:
            for start in _word_starts(lower, first, "-"):
                for pattern, label in self.by_first[first]:
                    hit = pattern.match(lower, start)
                    if hit:
                        hits.append((start, -hit.end(), label))
                        break
        found, taken = [], 0
        for start, neg_end, label in sorted(hits):  # longest at each start, no overlaps
            if start >= taken:
                found.append((start, -neg_end, label))
                taken = -neg_end
        return found


@dataclass(frozen=True)
class Lexicon:
    """Predicate and place phrases from the codebooks, indexed once."""

    predicate_index: PhraseIndex
    place_index: PhraseIndex

    def predicates(self, text: str, lower: str | None = None, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        return self.predicate_index.find(lower if lower is not None else _lower(text), words)

    def places(self, text: str, lower: str | None = None, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, place) for each place the text ties to a location."""
        found = []
        for start, end, place in self.place_index.find(lower if lower is not None else _lower(text), words):
            before = text[max(0, start - 40):start]
            locative = text[start].islower() or _LOCATIVE_BEFORE_REVERSED.match(before[::-1]) is not None \
                or _LOCATIVE_AFTER.match(text[end:end + 40]) is not None
            if locative:
                found.append((start, end, place))
        return found


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters change length when lowered)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


PREDICATE_COLUMNS = [Column("predicate"), Column("patterns", kind="list"), Column("description", required=False, nonempty=False)]
PLACE_COLUMNS = [
    Column("place"), Column("scope", kind="choice", choices=("city", "region", "country", "other")),
    Column("aliases", kind="list"), Column("description", required=False, nonempty=False),
]


def load_lexicon(codebook_dir=None) -> Lexicon:
    """Predicates (predicates.csv) and places (places.csv) as one compiled lexicon."""
    predicates = read_codebook(codebook_path("predicates.csv", codebook_dir), PREDICATE_COLUMNS, unique="predicate")
    places = read_codebook(codebook_path("places.csv", codebook_dir), PLACE_COLUMNS, unique="place")
    return build_lexicon(dict(zip(predicates["predicate"], predicates["patterns"])),
                         {p: (p, *a) for p, a in zip(places["place"], places["aliases"])})


def build_lexicon(predicates: dict[str, tuple[str, ...]], places: dict[str, tuple[str, ...]]) -> Lexicon:
    """A lexicon from {predicate: phrases} and {place: aliases}; first listed wins a phrase."""
    predicate_of: dict[str, str] = {}
    for name, phrases in predicates.items():
        for phrase in phrases:
            predicate_of.setdefault(" ".join(phrase.lower().split()), name)
    place_of: dict[str, str] = {}
    for name, aliases in places.items():
        for alias in aliases:
            place_of.setdefault(" ".join(alias.lower().split()), name)
    return Lexicon(PhraseIndex(predicate_of), PhraseIndex(place_of))


# ---------------------------------------------------------------------------------------
@dataclass
class Figure:
    """One number in one sentence; offsets are within the sentence text."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    hedge: str = "exact"
    kind: str = "count"
    unit: str = ""
    counted: str = ""
    predicate: str = ""
    place: str = ""
    preposition: str = ""
    normalized: str = ""
    whole: int | None = None  # index (in the sentence) of the whole of a proportion
    conversion_of: int | None = None  # index of the figure this one converts
    partitive: str = ""  # "pronoun" for "N of them", "noun" for "N of the drones"
    elided: bool = False
    is_whole: bool = False
    extra: dict = field(default_factory=dict)


def _word_value(text: str) -> float:
    """'twenty-three' -> 23, 'nine' -> 9 (scales are handled by the caller)."""
    total = 0
    for part in _WORD_PARTS.split(text.lower()):
        total += UNITS.get(part, TENS.get(part, 0))
    return float(total)


def _tolerance(value: float, kind: str) -> float:
    if kind in ("year", "age", "ordinal", "date"):
        return 1.0
    t = abs(value) * 0.10
    return max(t, 1.0) if kind == "count" else t


def hedge_interval(value: float, hedge: str, kind: str, low: float | None = None, high: float | None = None) -> tuple[float, float]:
    """The interval [low, high] a stated value admits under its hedge (rules in the module doc).
    `low`/`high` are the stated bounds of a range or vague word (default: the value)."""
    low = value if low is None else low
    high = value if high is None else high
    step = 1.0 if kind in WHOLE_KINDS else 0.0
    if hedge == "exact":
        return low, high
    if hedge == "approx":
        return low - _tolerance(low, kind), high + _tolerance(high, kind)
    if hedge == "more_than":
        return high + step, INF
    if hedge == "at_least":
        return low, INF
    if hedge == "less_than":
        return 0.0, max(low - step, 0.0)
    if hedge == "at_most":
        return 0.0, high
    if hedge == "nearly":
        return low - _tolerance(low, kind), high
    raise ValueError(f"unknown hedge {hedge!r}")


def _month_day(text: str) -> tuple[int | None, int | None, int | None]:
    month = day = year = None
    for token in re.findall(r"[A-Za-z]+|\d+", text):
        if token.isdigit():
            if len(token) == 4:
                year = int(token)
            else:
                day = int(token)
        elif token.lower() in MONTHS:
            month = MONTHS[token.lower()]
    return year, month, day


def _date_figure(m: re.Match, group: str) -> Figure | None:
    text = m.group()
    if group == "iso":
        y, mo, d = (int(x) for x in text.split("-"))
    elif group == "dmy":
        a, b, y = (int(x) for x in re.split(r"[/.]", text))
        y = y + 2000 if y < 100 else y
        d, mo = (a, b) if b <= 12 else (b, a)  # day-first unless the second part cannot be a month
    else:
        y, mo, d = _month_day(text)
    try:
        date(y or 2000, mo, d)
    except (TypeError, ValueError):
        return None
    normalized = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    value = float(y * 10000 + mo * 100 + d) if y else math.nan
    return Figure(m.start(), m.end(), text, value, value, value, kind="date", unit="date", normalized=normalized)


_GLUED_UNIT = re.compile(r"(?:bn|mn|mln|km|kg|mi|m)\b")


def _is_designator(text: str, start: int, end: int, core: str) -> bool:
    before = text[max(0, start - 8):start]
    if _DESIGNATOR_BEFORE.search(before) and not before.endswith(("$", "€", "£")):
        # "S-400", "Covid-19", "MiG-31K", "number one"; but "2019-2020" is a range handled before
        return True
    after = text[end:end + 1]
    if after.isalpha() and core[-1].isdigit() and not _GLUED_UNIT.match(text, end):
        return True  # "31K", "24h", "5G" (unit suffixes are matched before this check)
    if core[0].isupper() and core[0].isalpha() and start > 0:
        # "Pool One": a capitalised number word after a capitalised word is part of a name
        prev = _NAME_BEFORE.search(text[max(0, start - 30):start])
        if prev and prev.group(1)[0].isupper() and not _STOP_BEFORE.search(text[max(0, start - 5):start]):
            return True
    if core.lower() == "one":
        nxt = _WORD.match(text, end)
        prev = _WORD_BEFORE.search(text[max(0, start - 30):start])
        if (nxt and nxt.group(1).lower() in ("of", "another", "by", "day", "after", "and")) or \
                (prev and prev.group(1).lower() in ("no", "any", "every", "each", "the", "this", "that", "which", "last", "next",
                                                   "first", "other", "only", "latest", "new", "same", "big")):
            return True
    return False


def _counted_phrase(text: str, pos: int, max_words: int = 4) -> tuple[str, int]:
    """The noun phrase starting at pos (words until a stop word or punctuation), and its end."""
    words = []
    end = pos
    while len(words) < max_words:
        m = _WORD.match(text, end)
        if not m or "\n" in text[end:m.start(1)]:
            break
        word = m.group(1)
        low = word.lower()
        if low == "and" and words and words[-1].lower().endswith(ADJECTIVE_SUFFIXES):
            nxt = _WORD.match(text, m.end())
            if nxt and nxt.group(1).lower() not in STOP_WORDS:
                words.append(word)
                end = m.end()
                continue
        if not words and low in ("more", "further", "additional", "other", "new"):
            nxt = _WORD.match(text, m.end())
            if nxt and nxt.group(1).lower() not in STOP_WORDS and nxt.group(1).lower() != "than":
                words.append(word)  # "three more waves", "10 further drones"
                end = m.end()
                continue
        if low in STOP_WORDS or low in UNITS or low in TENS:
            break
        if words and low.endswith("ing") and "-" not in low:
            break  # "servicemen arriving in": a participle, not part of the noun
        if word[0].isupper():
            nxt = _WORD.match(text, m.end())
            modifier = "-" in word or low.removesuffix("s").endswith(DEMONYM_SUFFIXES) or (
                nxt is not None and nxt.start(1) == m.end() + 1 and nxt.group(1)[0].islower()
                and nxt.group(1).lower() not in STOP_WORDS)
            if not modifier:
                break
        if low.endswith("ed") and "-" not in low:
            nxt = _WORD.match(text, m.end())
            if words or nxt is None or nxt.start(1) != m.end() + 1 or nxt.group(1).lower() in STOP_WORDS:
                break  # "3 killed, 2 injured": a verb, not an adjective as in "armored vehicles"
        words.append(word)
        end = m.end()
    return " ".join(words).strip("’'"), end


def head_noun(counted: str) -> str:
    """The last word of the counted phrase, lower-cased and singular ('combat drones' -> 'drone')."""
    if not counted:
        return ""
    word = counted.split()[-1].lower().strip("’'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _numeric(m: re.Match, text: str) -> Figure | None:
    """A figure for a digits/word/vague match, with scale, hedge, unit and kind read around it."""
    group = m.lastgroup
    start, end = m.start(), m.end()
    core = m.group()
    currency = ""
    low = high = None
    hedge = "exact"
    if group == "digits":
        symbol = _CURRENCY_SYMBOL.match(core)
        if symbol:
            currency = CURRENCIES[symbol.group(1).lower()]
            core_digits = core[symbol.end():]
        else:
            core_digits = core
        value = float(core_digits.replace(",", ""))
        decade = _DECADE_S.match(text[end:end + 3])
        if decade and _DECADE_YEAR.fullmatch(core_digits):  # "the 1990s": a decade
            return Figure(start, end + decade.end(), text[start:end + decade.end()], value, value, value + 9,
                          kind="year", unit="decade")
        if _is_designator(text, start, end, core_digits) and not currency:
            return None
    elif group == "word":
        if _is_designator(text, start, end, core):
            return None
        value = _word_value(core)
    else:  # vague
        key = " ".join(core.lower().split())
        scale_word = None
        for word in ("hundred", "thousand", "million", "billion"):
            if key.endswith(" " + word) and key not in A_SCALES and key not in VAGUE:
                key, scale_word = key[: -len(word) - 1], word
        if key in A_SCALES:
            value = float(A_SCALES[key])
        else:
            stated, vlow, vhigh = VAGUE[key]
            factor = SCALES[scale_word] if scale_word else 1.0
            value = stated * factor if stated is not None else math.nan
            low = vlow * factor if vlow is not None else None
            high = vhigh * factor if vhigh is not None else None
            if key == "several" and scale_word:
                high = 9 * factor
            hedge = "approx"
    plain_digits = group == "digits" and _FOUR_DIGITS.fullmatch(core.strip()) is not None

    # scale: "9 million", "2bn", "two dozen"
    sm = _SCALE_AFTER.match(text, end)
    if sm and group != "vague":
        word = (sm.group(1) or sm.group(2) or sm.group(3)).lower()
        factor = 12.0 if word == "dozen" else SCALES[word]
        value *= factor
        end = sm.end()
        plain_digits = False
    fig = Figure(start, end, text[start:end], value, value, value, hedge=hedge, unit=currency)
    fig.extra["vague"] = group == "vague"
    if low is not None or high is not None:
        fig.low = low if low is not None else value
        fig.high = high if high is not None else value
    fig.kind = "money" if currency else "count"
    if plain_digits and 1900 <= value <= 2100:
        fig.kind = "year"
    return fig


def _attach_units(fig: Figure, text: str) -> None:
    """Percent, currency, age, time and distance units right after the number; rate."""
    end = fig.end
    if fig.kind == "money":
        return
    pm = _PERCENT_AFTER.match(text, end)
    if pm:
        fig.kind, fig.unit, fig.end = "percent", "%", pm.end()
        return
    cm = _CURRENCY_AFTER.match(text, end)
    if cm:
        fig.kind, fig.unit, fig.end = "money", CURRENCIES[cm.group(1).lower()], cm.end()
        return
    am = _AGE_AFTER.match(text, end)
    if am:
        fig.kind, fig.unit, fig.end = "age", "year", am.end()
        return
    wm = _WORD.match(text, end)
    if wm:
        word = wm.group(1).lower()
        if fig.kind == "year" and word.rstrip("s") in TIME_UNITS:
            fig.kind = "count"
        singular = word[:-1] if word.endswith("s") and word[:-1] in TIME_UNITS else word
        if word in ("centuries",):
            singular = "century"
        if singular in TIME_UNITS and fig.kind != "year":
            fig.kind, fig.unit, fig.end = "duration", TIME_UNITS[singular], wm.end()
        elif word in DISTANCE_UNITS and fig.kind != "year":
            fig.kind, fig.unit, fig.end = "distance", DISTANCE_UNITS[word], wm.end()
        elif fig.kind == "year" and word.endswith("s") and word[0].islower() and word not in STOP_WORDS \
                and text[end:wm.start(1)] == " " and not _TEMPORAL_BEFORE.search(text, max(0, fig.start - 12), fig.start):
            fig.kind = "count"  # "1500 troops", but not "over 2021 levels"
    # "10km", "5kg": a unit glued to the digits
    gm = _GLUED_DISTANCE.match(text[end:end + 3])
    if gm and fig.kind == "count":
        fig.kind, fig.unit, fig.end = "distance", DISTANCE_UNITS.get(gm.group(1), gm.group(1)), end + gm.end()


def _hedge(fig: Figure, text: str, not_before: int = 0) -> None:
    """The hedge touching the figure ("more than 20", "20 or more") and the interval it admits.
    not_before: where the previous figure ends; its words are not this one's hedge ("23 or
    more than 68": "more" closes the first figure)."""
    hb = _HEDGE_BEFORE.search(text, max(0, not_before, fig.start - 24), fig.start)
    # dates take no hedge, and "over" before a year is temporal ("over 2022"), not a hedge
    if hb and hb.end() == fig.start and fig.kind != "date":
        phrase = " ".join(hb.group(1).lower().split())
        if not (phrase == "over" and fig.kind == "year"):
            fig.hedge = HEDGE_BEFORE[phrase]
            fig.extra["hedge_start"] = hb.start()
    ha = _HEDGE_AFTER.match(text, fig.end)
    if ha:
        key = "+" if ha.group().strip() == "+" else " ".join(ha.group().lower().split())
        fig.hedge = HEDGE_AFTER[key]
        fig.end = ha.end()
    if fig.hedge == "exact":
        return
    has_own_interval = not (math.isnan(fig.low) or math.isnan(fig.high)) and \
        (math.isnan(fig.value) or fig.low != fig.value or fig.high != fig.value)
    if has_own_interval:
        # a range or vague word keeps its interval; an outer hedge only opens one side
        if fig.hedge in ("more_than", "at_least"):
            fig.high = INF
        elif fig.hedge in ("less_than", "at_most"):
            fig.low = 0.0
        return
    fig.low, fig.high = hedge_interval(fig.value, fig.hedge, fig.kind)


def _merge_ranges(figs: list[Figure], text: str) -> list[Figure]:
    """'three to four', 'two or three', '20-25': one figure with the two bounds."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("count", "percent", "money", "year") and fig.kind == prev.kind \
                or (prev is not None and prev.kind == "count" and fig.kind in ("duration", "percent", "money", "distance", "age")):
            gap = text[prev.end:fig.start]
            rm = _RANGE_AFTER.fullmatch(gap)
            dash = gap.strip() in ("-", "–", "—")
            if rm and not (dash and prev.kind == "year" and fig.kind != "year") and prev.value < fig.value \
                    and not math.isnan(prev.value) and not math.isnan(fig.value):
                if prev.kind == "count" and fig.kind != "count":
                    prev.kind, prev.unit = fig.kind, fig.unit
                prev.low, prev.high = prev.value, fig.value
                prev.value = (prev.value + fig.value) / 2
                prev.end = fig.end
                prev.extra["range"] = True
                continue
        out.append(fig)
    return out


_DIGIT = re.compile(r"\d")
TRIGGERS = frozenset(
    list(UNITS) + list(TENS) + list(ORDINAL_WORDS) + list(MONTHS)
    + ["dozen", "dozens", "hundreds", "thousands", "millions", "billions", "several", "few", "couple",
       "hundred", "thousand", "million", "billion", "tens"]
)


_DIGIT_RUN = re.compile(r"\d+")


def _candidates(text: str, lower: str, words: set[str]):
    """MASTER matches, tried only where a number can start (a digit, a currency sign before
    one, a number or month word, "a" before dozen/couple/few/thousand): searching the whole
    master pattern at every position is ~50x slower."""
    starts = [m.start() for m in _DIGIT_RUN.finditer(lower)]
    for word in TRIGGERS.intersection(words):
        starts.extend(_word_starts(lower, word))  # "twenty-three" starts at "twenty"
    taken = 0
    for start in sorted(starts):
        if start < taken:
            continue
        tries = [start]
        if lower[start].isdigit():
            if start >= 1 and text[start - 1] in "$€£":
                tries.insert(0, start - 1)
                if start >= 3 and text[start - 3:start - 1] == "US":
                    tries.insert(0, start - 3)
        else:
            if lower[max(0, start - 2):start] == "a ":
                tries.insert(0, start - 2)
            if lower.startswith("hundred", start) and lower[max(0, start - 4):start] == "one ":
                tries.insert(0, start - 4)
        for begin in tries:
            if begin < taken:
                continue
            m = MASTER.match(text, begin)
            if m:
                yield m
                taken = m.end()
                break


# Bytes of the ASCII letters kept, every other byte (UTF-8 bytes of non-ASCII characters too) a space
_ASCII_LETTER_BYTES = bytes(b if chr(b).isascii() and chr(b).isalpha() else ord(" ") for b in range(256))
_TRIGGER_BYTES = frozenset(word.encode() for word in TRIGGERS)


def _may_hold_figure(lower: str) -> bool:
    """False only where no figure can start: no digit and no trigger word. Trigger words are
    ASCII, so one standing alone in `lower` is also a token of its UTF-8 bytes split at every
    byte that is not an ASCII letter (the converse fails: "éone" splits off "one"); a C-level
    translate and split is ~2x quicker than words_of, which the sentences passing this check
    still go through."""
    if _DIGIT.search(lower):
        return True
    tokens = lower.encode("utf-8", "surrogatepass").translate(_ASCII_LETTER_BYTES).split()
    return not _TRIGGER_BYTES.isdisjoint(tokens)


def extract_sentence(text: str, lexicon: Lexicon | None = None) -> list[Figure]:
    """Every figure in one sentence, left to right (see the module doc for the rules)."""
    lower = _lower(text)
    if not _may_hold_figure(lower):
        return []  # most sentences: no digit, no number word
    word_list = words_of(lower)
    if TRIGGERS.isdisjoint(word_list) and not _DIGIT.search(lower):
        return []  # the exact test: "éone" is no number word
    words = set(word_list)
    figs: list[Figure] = []
    for m in _candidates(text, lower, words):
        group = m.lastgroup
        if group in ("iso", "dmy", "md", "dm"):
            fig = _date_figure(m, group)
        elif group == "clock":  # a time of day: noted, never counted
            fig = Figure(m.start(), m.end(), m.group(), math.nan, math.nan, math.nan, kind="other", unit="time of day",
                         normalized=m.group())
        elif group in ("digord", "wordord"):
            core = m.group()
            if group == "digord" and _is_designator(text, m.start(), m.start(), core):
                continue
            value = float(re.match(r"\d+", core).group()) if group == "digord" else float(ORDINAL_WORDS[core.lower()])
            fig = Figure(m.start(), m.end(), core, value, value, value, kind="ordinal")
        else:
            fig = _numeric(m, text)
            if fig is not None:
                _attach_units(fig, text)
        if fig is not None:
            figs.append(fig)
    figs = _merge_ranges(figs, text)
    previous_end = 0
    for fig in figs:
        _hedge(fig, text, previous_end)
        previous_end = fig.end
        fig.surface = text[fig.extra.get("hedge_start", fig.start):fig.end]
        pm = _PREPOSITION_BEFORE.search(text, max(0, fig.start - 16), fig.extra.get("hedge_start", fig.start))
        if pm and pm.end() == fig.extra.get("hedge_start", fig.start):
            fig.preposition = pm.group(1).lower()
    _link_money_conversions(figs, text)
    _read_counted(figs, text)
    if lexicon is not None and any(f.kind in CLAIM_KINDS for f in figs):
        _read_predicates(figs, text, lexicon, lower, words)
        _read_places(figs, text, lexicon, lower, words)
    return figs


def _link_money_conversions(figs: list[Figure], text: str) -> None:
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        if a.kind == "money" and b.kind == "money" and re.fullmatch(r"\s*\(\s*(?:about\s+|around\s+|some\s+)?", text[a.end:b.extra.get("hedge_start", b.start)]):
            b.conversion_of = i - 1


def _read_counted(figs: list[Figure], text: str) -> None:
    for i, fig in enumerate(figs):
        if fig.kind in ("date", "year", "other"):
            continue
        pos = fig.end
        if fig.kind == "money":
            close = _CLOSING_PAREN.match(text[pos:])
            pos = pos + close.end() if close else pos
        if fig.kind in ("count", "ordinal"):
            vague_of = _OF.match(text, pos) if fig.extra.get("vague") else None
            if vague_of:  # "hundreds of recruits", "dozens of times"
                pos = vague_of.end()
                wm = _WORD.match(text, pos)
                if wm and wm.group(1).lower().rstrip("s") in TIME_UNITS:
                    fig.kind, fig.unit = "duration", TIME_UNITS[wm.group(1).lower().rstrip("s")]
                    fig.end = wm.end()
                    continue
            pronoun = _OF_PRONOUN.match(text, pos)
            if pronoun and fig.kind == "count":
                fig.partitive = "pronoun"
                for j in range(i - 1, -1, -1):  # the whole may be earlier in the sentence
                    if figs[j].kind == "count" and figs[j].counted and figs[j].high >= fig.low:
                        fig.counted = figs[j].counted
                        fig.extra["antecedent"] = j
                        break
                continue
            of_whole = _OF_WHOLE.match(text, pos)
            if of_whole and fig.kind == "count" and i + 1 < len(figs) and figs[i + 1].start == of_whole.end() \
                    and figs[i + 1].kind == "count":
                fig.whole = i + 1  # "30 of the 35", "9 million of Ukraine's 40 million people"
                figs[i + 1].is_whole = True
                fig.partitive = "number"
                continue
            of_noun = _OF_NOUN.match(text, pos)
            if of_noun and fig.kind == "count" and not math.isnan(fig.value):
                phrase, _ = _counted_phrase(text, of_noun.end())
                if phrase:
                    fig.counted = phrase
                    fig.partitive = "noun"
                    continue
        else:
            of_noun = _OF_NOUN.match(text, pos)
            if of_noun:
                pos = of_noun.end()
            elif fig.kind != "rate":
                # units without "of": "three years" counts years, kept in unit
                _rate(fig, text, pos)
                continue
        fig.counted, phrase_end = _counted_phrase(text, pos)
        _rate(fig, text, phrase_end)
    # wholes and elisions take their counted thing from the figures around them
    for i, fig in enumerate(figs):
        if fig.whole is not None:
            fig.counted = figs[fig.whole].counted
        elif fig.kind == "count" and not fig.counted and not fig.partitive:
            earlier = [f for f in figs[:i] if f.kind == "count" and f.counted]
            if earlier:
                fig.counted = earlier[-1].counted
                fig.elided = True


def _rate(fig: Figure, text: str, pos: int) -> None:
    """'70 missiles a month', '$5 a day': a count or money per unit of time is a rate."""
    if fig.kind not in ("count", "money"):
        return
    window = text[pos:pos + 30]
    stop = _PUNCTUATION.search(window)
    rm = _RATE_AFTER.search(window[: stop.start()] if stop else window)
    if rm and not _AGO.match(window[rm.end():]):
        if fig.kind == "count":
            fig.kind = "rate"
        fig.unit = (fig.unit + " " if fig.unit else "") + f"per {rm.group(1).lower()}"


def _segments(figs: list[Figure], text: str) -> list[tuple[int, int]]:
    """The stretch of sentence each figure owns: from its left neighbour's end to its right
    neighbour's start (a proportion's whole is skipped: it belongs to the part)."""
    spans = []
    for i, fig in enumerate(figs):
        left = 0
        for j in range(i - 1, -1, -1):
            if figs[j].whole == i or fig.whole == j:
                continue
            left = figs[j].end
            break
        right = len(text)
        for j in range(i + 1, len(figs)):
            if fig.whole == j or figs[j].whole == i:
                continue
            right = figs[j].extra.get("hedge_start", figs[j].start)
            break
        spans.append((left, right))
    return spans


_CLAUSE_BREAK = re.compile(r",\s+(?:which|while|but|although|though|whereas)\b|;|—|\s-\s")
PLACE_WINDOW = 60  # characters between a figure and the place it is tied to, at most
CLAIM_KINDS = ("count", "rate", "percent", "money")  # kinds that carry a predicate and a place


def _nearest(fig: Figure, found: list[tuple[int, int, str]], span: tuple[int, int], window: int | None = None,
             text: str = "") -> str:
    start = fig.extra.get("hedge_start", fig.start)
    best, best_distance = "", None
    for s, e, name in found:
        if s >= span[0] and e <= span[1]:
            distance = start - e if e <= start else s - fig.end if s >= fig.end else None
            if distance is None or (window is not None and distance > window):
                continue
            between = text[e:start] if e <= start else text[fig.end:s]
            if text and _CLAUSE_BREAK.search(between):
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = name, distance
    return best


def _read_predicates(figs: list[Figure], text: str, lexicon: Lexicon, lower: str, words: set[str]) -> None:
    found = lexicon.predicates(text, lower, words)
    spans = _segments(figs, text)
    for i, (fig, span) in enumerate(zip(figs, spans)):
        if fig.is_whole or fig.kind not in CLAIM_KINDS:
            continue
        fig.predicate = _nearest(fig, found, span)
    for i, fig in enumerate(figs):
        if not fig.predicate and fig.elided:
            earlier = [f for f in figs[:i] if f.kind == "count" and f.predicate]
            if earlier:
                fig.predicate = earlier[-1].predicate


def _read_places(figs: list[Figure], text: str, lexicon: Lexicon, lower: str, words: set[str]) -> None:
    found = lexicon.places(text, lower, words)
    if not found:
        return
    spans = _segments(figs, text)
    for fig, span in zip(figs, spans):
        if fig.kind not in CLAIM_KINDS:
            continue
        fig.place = _nearest(fig, found, span, PLACE_WINDOW, text)
        if not fig.place and not fig.partitive and fig.whole is None:
            fig.place = _nearest(fig, found, (0, len(text)), PLACE_WINDOW, text)
    for fig in figs:
        whole = fig.whole if fig.whole is not None else fig.extra.get("antecedent")
        if whole is not None and not fig.place:
            fig.place = figs[whole].place


# ---------------------------------------------------------------------------------------
def extract_figures(sentences: pd.DataFrame, lexicon: Lexicon | None = None, codebook_dir=None) -> pd.DataFrame:
    """figures.csv: one row per figure in the body sentences (article_id, sentence_id, text).

    Proportions whose whole is in an earlier sentence ("About 15 of them were shot down")
    are resolved within each article, in sentence order. claim_id is left empty here and
    filled by analysis.claims.assign_claims."""
    lexicon = lexicon or load_lexicon(codebook_dir)
    rows: list[dict] = []
    ordered = sentences.sort_values(["article_id", "sentence_id"], kind="stable")
    recent: list[tuple[int, dict]] = []  # (sentence_id, row) of counts usable as a whole
    current_article = None
    extracted: dict[str, list[Figure]] = {}  # figures depend on the sentence text alone: extract each text once
    for article_id, sentence_id, text in zip(ordered["article_id"].tolist(), ordered["sentence_id"].tolist(), ordered["text"].tolist()):
        if article_id != current_article:
            current_article, recent = article_id, []
        if text not in extracted:
            extracted[text] = extract_sentence(text, lexicon)
        figs = extracted[text]  # read, never modified, below
        if not figs:  # most sentences: only the window of recent wholes moves on, if any
            if recent:
                recent = _recent_wholes(recent, int(sentence_id))
            continue
        ids = [f"{article_id}:{int(sentence_id)}:{k + 1}" for k in range(len(figs))]
        sentence_rows = []
        for k, fig in enumerate(figs):
            row = _row(fig, article_id, int(sentence_id), ids[k], text)
            if fig.whole is not None:
                row["part_of"] = ids[fig.whole]
            if fig.conversion_of is not None:
                row["conversion_of"] = ids[fig.conversion_of]
            if fig.partitive in ("pronoun", "noun"):
                _resolve_whole(row, fig, recent + [(int(sentence_id), r) for r in sentence_rows])
            sentence_rows.append(row)
        rows.extend(sentence_rows)
        recent = _recent_wholes(recent, int(sentence_id), sentence_rows)
    return figure_frame(rows)


def figure_frame(rows: list) -> pd.DataFrame:
    """Figures (FIGURE_COLUMNS) from rows as extract_figures makes them, with the integer
    columns typed even when there is no row."""
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"sentence_id": "int64", "char_start": "int64", "char_end": "int64"})


def _recent_wholes(recent: list[tuple[int, dict]], sentence_id: int, rows: list[dict] = ()) -> list[tuple[int, dict]]:
    """The counts a later sentence may take as its whole once sentence_id is read: those of
    this sentence (`rows`) and the one before."""
    return [(s, r) for s, r in recent if sentence_id - s < 2] + [(sentence_id, r) for r in rows if r["kind"] == "count"]


def _resolve_whole(row: dict, fig: Figure, candidates: list[tuple[int, dict]]) -> None:
    """'18 of them': the nearest earlier count at least as large is the whole; its counted
    thing and place carry over when the part names none."""
    for _, whole in reversed(candidates):
        if whole["kind"] == "count" and whole["high"] >= row["low"] and whole["figure_id"] != row["figure_id"] \
                and (whole["counted"] or fig.partitive == "noun"):
            row["part_of"] = whole["figure_id"]
            if fig.partitive == "pronoun":
                row["counted"] = whole["counted"]
                row["head"] = whole["head"]
            if not row["place"]:
                row["place"] = whole["place"]
            return


def _row(fig: Figure, article_id: str, sentence_id: int, figure_id: str, text: str) -> dict:
    start = fig.extra.get("hedge_start", fig.start)
    return {
        "article_id": article_id, "sentence_id": sentence_id, "surface": fig.surface,
        "value": fig.value, "low": fig.low, "high": fig.high, "hedge": fig.hedge, "kind": fig.kind,
        "counted": fig.counted, "predicate": fig.predicate, "claim_id": "", "place": fig.place,
        "char_start": start, "char_end": fig.end, "figure_id": figure_id, "unit": fig.unit,
        "head": head_noun(fig.counted), "preposition": fig.preposition, "part_of": "",
        "conversion_of": "", "derived_from": "", "normalized": fig.normalized, "sentence": text,
    }
