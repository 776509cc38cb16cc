"""Cleaning: give every non-blank raw line a role and a reason, then group lines into blocks.

Text is never rewritten: a block's text is exactly the raw lines it cites. The rules, in
order of precedence:

1. Pattern lines (data/codebook/boilerplate.csv): share buttons, font controls, consent
   notices, paywall and newsletter prompts, comment forms, related-link headers, credits,
   footers; agency lines and bylines as meta. Short date lines are meta.
2. Site template: a short unpunctuated line that recurs across many articles of the corpus.
3. The article body starts at the first prose line (six words or more, ending like a sentence)
   and ends at the first end-of-article marker after it (a pattern with ends_article: source
   credit, "You May Also Like", comment form, paywall...). Everything after the marker is site
   furniture, with the marker named in the reason.
4. Above the body: the outlet's name (masthead), an agency line and the dateline after it are
   meta; the first unpunctuated line of 5 to 30 words is the headline, and a later line of 8
   words or more the dek. A short line just above an embedded notice is a media caption. No
   headline is invented when the text has none.
5. In the body: prose is body; a short unpunctuated line followed by prose is a subhead; a
   line that continues a sentence broken across paragraphs (the previous line ends with a
   comma, semicolon or colon, or this one starts with a lower-case "who", "and", "as"...) joins
   its predecessor's block; short lines after the last paragraph are debris.

Hard-wrapped text (a plain-text dump with line breaks at a fixed width inside paragraphs) is
recognised per article from its line lengths; its wrapped lines are read as one unit, so the
rules above apply to paragraphs, not to fragments of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .boilerplate import LinePattern, LinePatterns
from .dates import find_dates
from .text import CONTINUATION_WORDS, count_words, ends_continuing, ends_with_ellipsis, first_word, is_terminal, token_word_counts

MIN_PROSE_WORDS = 6
HEADLINE_WORDS = (5, 30)
MIN_DEK_WORDS = 8
MAX_SHORT_WORDS = 12  # subheads, captions, tail debris
MAX_DATE_LINE_WORDS = 8
# Hard-wrap detection: enough lines that end where a greedy wrap would break them.
WRAP_MIN_LONG_LINES = 8
WRAP_MIN_SHARE = 0.3
WRAP_MAX_WIDTH = 120
WRAP_SLACK = 2  # wrappers differ by a column or two (trailing space, hyphenation)
CAPTION_NEIGHBOURS = frozenset({"consent_notice", "photo_credit", "advertisement"})


@dataclass(frozen=True)
class LineLabel:
    line: int  # 1-based raw line number
    role: str
    reason: str
    continues: int | None = None  # 1-based line this one continues (same block)
    words: int = 0
    wrapped: bool = False  # continues the previous line of a hard-wrapped paragraph


@dataclass(frozen=True)
class Block:
    line_start: int
    line_end: int
    role: str
    reason: str
    text: str
    words: int


class _Line:
    """One unit of an article's lines (a line, or a hard-wrapped paragraph) and the facts the
    labelling passes ask of it, each computed once."""

    __slots__ = ("index", "text", "words", "terminal", "pattern", "is_date", "is_template", "members", "prose")

    def __init__(self, index: int, text: str, words: int, terminal: bool, pattern: LinePattern | None,
                 is_date: bool, is_template: bool, members: tuple[int, ...]):
        self.index = index
        self.text = text
        self.words = words
        self.terminal = terminal
        self.pattern = pattern
        self.is_date = is_date
        self.is_template = is_template
        self.members = members  # raw line indexes of the unit (one line, or a hard-wrapped paragraph)
        fixed = pattern is not None or is_date or is_template
        self.prose = not fixed and words >= MIN_PROSE_WORDS and terminal and not ends_with_ellipsis(text)


def template_key(line: str, words: int | None = None, terminal: bool | None = None) -> str | None:
    """The key under which a line counts towards the site-template rule, or None when the
    line is too long or too sentence-like to be template furniture. words, terminal: the
    stripped line's count_words and is_terminal, when already known."""
    text = line.strip()
    if not text or len(text) > 120 or (is_terminal(text) if terminal is None else terminal) \
            or (count_words(text) if words is None else words) > 10:
        return None
    return " ".join(text.casefold().split())


def _name_key(name: str) -> str:
    """A name as compared with the outlet's: case-folded, without a leading "the ", letters and digits only."""
    return "".join(filter(str.isalnum, name.casefold().removeprefix("the ")))


def label_lines(
    lines: list[str],
    patterns: LinePatterns,
    template_keys: frozenset[str] = frozenset(),
    outlet: str | None = None,
) -> list[LineLabel]:
    """A LineLabel for every non-blank line of an article, in line order."""
    return label_lines_counted(lines, patterns, template_keys, outlet)[0]


def label_lines_counted(
    lines: list[str],
    patterns: LinePatterns,
    template_keys: frozenset[str] = frozenset(),
    outlet: str | None = None,
) -> tuple[list[LineLabel], dict[int, list[int]]]:
    """label_lines, and the words of each white-space token of every line read on its own (not
    hard-wrapped), by 1-based line number: the sentences of a one-line paragraph take their
    word counts from them instead of splitting and counting the text again."""
    units = _layout_units(lines)
    info: list[_Line] = []
    token_words: dict[int, list[int]] = {}
    match = patterns.match
    for members in units:
        if len(members) == 1:
            text = lines[members[0]].strip()
            counts = token_words[members[0] + 1] = token_word_counts(text.split())
            words = sum(counts)
        else:
            text = " ".join(lines[i].strip() for i in members)
            words = count_words(text)
        terminal = is_terminal(text)
        pattern = match(text, words)
        is_date = pattern is None and words <= MAX_DATE_LINE_WORDS and not terminal and bool(find_dates(text))
        # template_key's rule, which turns down the long lines before anything else
        is_template = pattern is None and not is_date and bool(template_keys) and len(text) <= 120 \
            and template_key(text, words, terminal) in template_keys
        info.append(_Line(members[0], text, words, terminal, pattern, is_date, is_template, tuple(members)))

    labels: dict[int, tuple[str, str]] = {}
    for item in info:
        if item.pattern is not None:
            labels[item.index] = (item.pattern.role, item.pattern.reason)
        elif item.is_date:
            labels[item.index] = ("meta", "date line")
        elif item.is_template:
            labels[item.index] = ("boilerplate", "site template: the same line recurs across the corpus")

    first_body = next((k for k, item in enumerate(info) if item.prose), None)
    end = None
    if first_body is not None:
        end = next((k for k in range(first_body + 1, len(info)) if info[k].pattern and info[k].pattern.ends_article), None)
    if end is not None:
        marker = info[end]
        for item in info[end + 1:]:
            if item.pattern is not None and item.pattern.ends_article:
                marker = item
            if item.index not in labels:
                labels[item.index] = ("boilerplate", f"after the end of the article ({marker.pattern.reason}, line {marker.index + 1})")

    top_end = first_body if first_body is not None else (end if end is not None else len(info))
    _label_top(info[:top_end], info, labels, outlet)
    if first_body is not None:
        _label_body(info[first_body:end if end is not None else len(info)], labels)

    continues = _continuations(info, labels)
    out = []
    for item in info:
        role, reason = labels[item.index]
        if len(item.members) == 1:
            out.append(LineLabel(item.index + 1, role, reason, continues.get(item.index), item.words))
            continue
        reason = f"{reason} (hard-wrapped lines {item.members[0] + 1}-{item.members[-1] + 1})"
        out.append(LineLabel(item.index + 1, role, reason, continues.get(item.index), count_words(lines[item.index])))
        for previous, member in zip(item.members, item.members[1:]):
            out.append(LineLabel(member + 1, role, reason, previous + 1, count_words(lines[member]), wrapped=True))
    return out, token_words


def _layout_units(lines: list[str]) -> list[list[int]]:
    """Indexes of the non-blank lines, one unit per line, except in hard-wrapped text, where
    each run of adjacent lines broken at the wrap width is one unit (a paragraph)."""
    non_blank = [i for i, line in enumerate(lines) if line.strip()]
    width = hard_wrap_width(lines)
    if width is None:
        return [[i] for i in non_blank]
    units: list[list[int]] = []
    for i in non_blank:
        if units and i == units[-1][-1] + 1 and _breaks_at_width(lines[i - 1], lines[i], width):
            units[-1].append(i)
        else:
            units.append([i])
    return units


def _breaks_at_width(line: str, following: str, width: int) -> bool:
    """True when `line` ends where a greedy wrap at `width` would end it: the first word of
    the following line would not have fitted, or a word was hyphenated across the break."""
    line = line.rstrip()
    next_word = following.strip().split(" ", 1)[0]
    hyphenated = len(line) > 1 and line[-1] == "-" and line[-2].isalpha()
    return hyphenated or len(line) + 1 + len(next_word) > width - WRAP_SLACK


def hard_wrap_width(lines: list[str]) -> int | None:
    """The wrap width when the text is hard-wrapped: no line longer than WRAP_MAX_WIDTH, and
    many lines that end exactly where a wrap would break them, followed directly by another
    line. None for text with one paragraph per line."""
    stripped = [line.strip() for line in lines]
    width = max(map(len, stripped), default=0)
    if width > WRAP_MAX_WIDTH:  # the common case, settled before any word is counted
        return None
    long_lines = [text for text in stripped if count_words(text) >= MIN_PROSE_WORDS]
    if len(long_lines) < WRAP_MIN_LONG_LINES:
        return None
    breaks = sum(
        1 for line, following in zip(stripped, stripped[1:])
        if line and following and _breaks_at_width(line, following, width)
    )
    return width if breaks >= WRAP_MIN_SHARE * len(long_lines) else None


def _label_top(top: list[_Line], info: list[_Line], labels: dict, outlet: str | None) -> None:
    headline = dek = masthead = False
    previous_reason = None
    outlet_key = _name_key(outlet) if outlet else ""  # the outlet's side once
    for position, item in enumerate(top):  # `top` is a prefix of `info`: positions agree
        if item.index in labels:
            previous_reason = labels[item.index][1]
            continue
        following = info[position + 1] if position + 1 < len(info) else None
        if outlet_key and _name_key(item.text) == outlet_key:
            label = ("meta", "masthead (the outlet's name)")
            masthead = True
        elif ends_with_ellipsis(item.text):
            label = ("boilerplate", "truncated teaser (ends with an ellipsis)")
        elif not headline and item.words <= 4:
            if previous_reason in ("agency credit", "masthead (the outlet's name)", "masthead (short name line above the headline)") \
                    and item.words <= 3 and item.text[:1].isupper():
                label = ("meta", "dateline")
            elif not masthead:
                label = ("meta", "masthead (short name line above the headline)")
                masthead = True
            else:
                label = ("boilerplate", "short line above the article (navigation or label)")
        elif not headline and HEADLINE_WORDS[0] <= item.words <= HEADLINE_WORDS[1] and not item.text.endswith("."):
            label = ("headline", "headline: first title-like line above the body")
            headline = True
        elif headline and following is not None and following.pattern is not None \
                and following.pattern.family in CAPTION_NEIGHBOURS and item.words <= MAX_SHORT_WORDS:
            label = ("boilerplate", f"caption of embedded media (just above the {following.pattern.reason}, line {following.index + 1})")
        elif headline and not dek and item.words >= MIN_DEK_WORDS:
            label = ("dek", "dek: standfirst between headline and body")
            dek = True
        else:
            label = ("boilerplate", "short line outside the article body (caption or label)")
        labels[item.index] = label
        previous_reason = label[1]


def _starts_continuation(text: str) -> bool:
    if "A" <= text[:1] <= "Z":  # most lines: the first word starts with a capital (not lower-case)
        return False
    word = first_word(text)
    return bool(word) and word[0].islower() and word in CONTINUATION_WORDS


def _label_body(region: list[_Line], labels: dict) -> None:
    free = [item for item in region if item.index not in labels]
    last_prose = max((k for k, item in enumerate(free) if item.prose), default=-1)
    for k, item in enumerate(free):
        if item.prose or item.words > MAX_SHORT_WORDS or item.terminal:
            label = ("body", "body paragraph")
        elif ends_continuing(item.text) or _starts_continuation(item.text):
            label = ("body", "body paragraph")
        elif k < last_prose:
            label = ("subhead", "subhead: short unpunctuated line between paragraphs")
        else:
            label = ("boilerplate", "short line after the last paragraph")
        labels[item.index] = label


def _continuations(info: list[_Line], labels: dict) -> dict[int, int]:
    """index -> 1-based line it continues, for body lines that finish a broken paragraph."""
    joins = {}
    previous = None
    for item in info:
        if labels[item.index][0] != "body":
            previous = None
            continue
        if previous is not None and (
            ends_continuing(previous.text) or not previous.terminal or _starts_continuation(item.text)
        ):
            joins[item.index] = previous.members[-1] + 1
        previous = item
    return joins


def group_blocks(lines: list[str], labels: list[LineLabel]) -> list[Block]:
    """Blocks of lines: a body paragraph (with the lines that continue it), or a run of
    adjacent non-body lines sharing role and reason."""
    blocks: list[list] = []  # [start, end, role, reason, joined_from, words]
    for label in labels:
        if blocks:
            last = blocks[-1]
            adjacent = label.line == last[1] + 1
            if label.continues is not None and label.continues == last[1]:
                last[1] = label.line
                if not label.wrapped:
                    last[4].append((label.line, label.continues))
                last[5] += label.words
                continue
            if adjacent and label.role != "body" and label.role == last[2] and label.reason == last[3]:
                last[1] = label.line
                last[5] += label.words
                continue
        blocks.append([label.line, label.line, label.role, label.reason, [], label.words])
    out = []
    for start, end, role, reason, joined, words in blocks:
        if joined:
            detail = "; ".join(f"line {a} continues line {b}" for a, b in joined)
            reason = f"{reason} broken across lines ({detail})"
        out.append(Block(start, end, role, reason, "\n".join(lines[start - 1:end]), words))
    return out
