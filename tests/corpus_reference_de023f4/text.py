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


# Words per white-space token, memoised: a word never spans white space (no white-space
# character is a letter, a digit or a joiner), so a text's count is the sum of its tokens'
# counts, and news vocabulary repeats ("the", "said,") far more than it grows.
_TOKEN_WORDS: dict[str, int] = {}
_TOKEN_WORDS_LIMIT = 500_000  # distinct tokens kept before the memo starts over


def count_words(text: str) -> int:
    """Words as readers count them: runs of letters or digits (with inner apostrophes,
    hyphens and points, so "isn't", "well-known" and "9.5" are one word each)."""
    return count_token_words(text.split())


def count_token_words(tokens: list[str]) -> int:
    """count_words of a text from its white-space tokens (text.split())."""
    memo = _TOKEN_WORDS
    try:
        return sum(map(memo.__getitem__, tokens))
    except KeyError:
        pass
    if len(memo) >= _TOKEN_WORDS_LIMIT:
        memo.clear()
    total = 0
    for token in tokens:
        words = memo.get(token)
        if words is None:
            words = memo[token] = len(WORD.findall(token))
        total += words
    return total


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def is_terminal(line: str) -> bool:
    """True when the line ends like a finished sentence."""
    return bool(TERMINAL.search(line.rstrip()[-12:]))  # the tail is enough; long lines stay cheap


def first_word(line: str) -> str:
    match = WORD.search(line)
    return match.group() if match else ""
