"""Small text facts shared by the cleaner, the splitter and the analyses."""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
# sentence-final punctuation, optionally followed by closing quotes or brackets
TERMINAL = re.compile(r"[.!?…](?:[\"'”’»)\]]*)$|[\"”’»]\W*[.!?]$")

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
        _learn(tokens)
        return sum(map(memo.__getitem__, tokens))


def token_word_counts(tokens: list[str]) -> list[int]:
    """count_words of each white-space token: the sum of any run of them is count_words of
    the text they make (a sentence of a paragraph counted from the paragraph's tokens)."""
    memo = _TOKEN_WORDS
    try:
        return list(map(memo.__getitem__, tokens))
    except KeyError:
        _learn(tokens)
        return list(map(memo.__getitem__, tokens))


def _learn(tokens: list[str]) -> None:
    """Count the tokens the memo does not hold yet (a paragraph brings a few new names among
    many known words): the callers then read every token from the memo, in C."""
    memo = _TOKEN_WORDS
    if len(memo) >= _TOKEN_WORDS_LIMIT:
        memo.clear()
    findall = WORD.findall
    for token in set(tokens).difference(memo):
        memo[token] = len(findall(token))


def normalize_space(text: str) -> str:
    return " ".join(text.split())


_CLOSERS = "\"'”’»)]"
_ELLIPSES = ("…", "...")
_CONTINUING_CHARS = (",", ";", ":", "–", "—", "-")


def ends_with_ellipsis(text: str) -> bool:
    """Whether the text ends with an ellipsis (… or three points), closing quotes or brackets
    after it allowed, as de023f4's regex ELLIPSIS_END found it, read from the end of the text
    instead of scanning it (like the regex's `$`, it also matches before a final newline)."""
    if text.endswith("\n") and text[:-1].rstrip(_CLOSERS).endswith(_ELLIPSES):
        return True
    return text.rstrip(_CLOSERS).endswith(_ELLIPSES)


def ends_continuing(text: str) -> bool:
    """Whether the text ends with a comma, semicolon, colon or dash, as de023f4's regex
    CONTINUING_END found it, read from the end of the text (like the regex's `$`, it also
    matches before a final newline)."""
    return text.endswith(_CONTINUING_CHARS) or (text.endswith("\n") and text[:-1].endswith(_CONTINUING_CHARS))


def is_terminal(line: str) -> bool:
    """True when the line ends like a finished sentence."""
    return bool(TERMINAL.search(line.rstrip()[-12:]))  # the tail is enough; long lines stay cheap


def first_word(line: str) -> str:
    match = WORD.search(line)
    return match.group() if match else ""
