"""Dates as scraped pages write them: 2022-12-19, 20/12/2022, December 19, 2022, 19 Dec 2022.

Slash dates are read day-first unless the first number cannot be a day-of-month position
(20/12 is unambiguous; 05/06/2022 is ambiguous and reported as such)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("slash", re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b")),
    ("mdy", re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
]


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int
    ambiguous: bool = False


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# find_dates per distinct text: the cleaner asks it of every short line, and site furniture
# (datelines, bylines, section names, date lines) repeats across the articles of an outlet.
_FOUND: dict[str, tuple[FoundDate, ...]] = {}
_FOUND_LIMIT = 100_000  # distinct texts kept before the memo starts over


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date (with a year) in text, in order of appearance."""
    try:
        return list(_FOUND[text])
    except KeyError:
        pass
    found = _find_dates(text)
    if len(_FOUND) >= _FOUND_LIMIT:
        _FOUND.clear()
    _FOUND[text] = tuple(found)
    return found


def _find_dates(text: str) -> list[FoundDate]:
    found = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            ambiguous = False
            year = int(m.group("year"))
            if kind == "iso":
                iso = _make(year, int(m.group("m")), int(m.group("d")))
            elif kind == "slash":
                a, b = int(m.group("a")), int(m.group("b"))
                iso = _make(year, b, a)  # day first
                if iso is None:
                    iso = _make(year, a, b)
                else:
                    ambiguous = a <= 12 and b <= 12 and a != b
            else:
                iso = _make(year, MONTHS[m.group("month").lower().rstrip(".")], int(m.group("d")))
            if iso:
                found.append(FoundDate(iso, m.start(), m.end(), ambiguous))
    found.sort(key=lambda f: f.start)
    return found


def parse_iso_date(value: str) -> str | None:
    """A manifest date cell as ISO yyyy-mm-dd, or None when it is not a valid date."""
    found = find_dates(value.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(value.strip()):
        return found[0].iso
    return None
