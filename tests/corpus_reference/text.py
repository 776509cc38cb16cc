"""Small text facts shared by the cleaner, the splitter and the analyses."""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
# sentence-final punctuation, optionally followed by closing quotes or brackets
TERMINAL = re.compile(r"[.!?…](?:[\"'”’»)\]]*)$|[\"”’»]\W*[.!?]$")
CONTINUING_END = re.compile(r"[,;:–—-]$")
ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)[\"'”’»)\]]*$")

# Lower-case words that start the second half of a sentence broken across lines.
CONTINUATION_WORDS = frozenset(
    "who whom whose which that and but or nor as while whereas where when because although though "
    "than then to of in with for from by on at after before including despite since until unless if "
    "so such not also".split()
)


def count_words(text: str) -> int:
    """Words as readers count them: runs of letters or digits (with inner apostrophes,
    hyphens and points, so "isn't", "well-known" and "9.5" are one word each)."""
    return len(WORD.findall(text))


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def is_terminal(line: str) -> bool:
    """True when the line ends like a finished sentence."""
    return bool(TERMINAL.search(line.rstrip()[-12:]))  # the tail is enough; long lines stay cheap


def first_word(line: str) -> str:
    match = WORD.search(line)
    return match.group() if match else ""
