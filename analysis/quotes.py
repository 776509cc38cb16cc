"""Quotations and who they are attributed to.

Quote spans are found on each article's body rebuilt from its sentences (analysis.document),
so a quote can run over several sentences or paragraphs:
- curly (“ ”), straight (" ") and guillemet marks; single curly marks (‘ ’) only at top level,
  with ’ inside a word read as an apostrophe;
- a quote still open at the end of a paragraph continues when the next paragraph opens with a
  mark (the multi-paragraph convention), otherwise it is left unclosed (closed=False) at the
  paragraph's end.

Attribution looks, in the quote's own sentence with every quotation masked out, for a speech
cue (said, told, wrote, according to, ...) after the quote ("...," Putin said / said Putin /
the ISW report says), then before it (Peskov told agencies that ... “...”). The subject of
the cue is resolved to an actor of the codebook; pronouns go to the last speaker or named
referent of the right kind ("he said" the last named person or speaker, "it said" the last
organisation); a quote with no cue of its own continues the previous quote of the same or the
previous paragraph. The speaker column is the canonical actor name, or the surface name when
the speaker is not in the codebook, or "" when the text gives no attribution."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .document import Document, build_documents
from .referents import PERSON_PRONOUNS, PRONOUNS, THING_PRONOUNS, Mention, Referents
from .sentences import split_sentences
from .text import count_words
from .word_starts import first_char_lookahead

QUOTE_COLUMNS = [
    "article_id", "sentence_id", "speaker", "speaker_surface", "cue", "quote",
    "outlet", "camp", "kind", "n_words", "closed", "resolution", "sentence_id_end", "char_start", "char_end",
]  # char_start: opening mark's offset in the start sentence; char_end: past the end in sentence_id_end
UNATTRIBUTED = "unattributed"  # camp of a quote with no speaker in the text
NOT_IN_CODEBOOK = "not_in_codebook"  # camp of a speaker named but not in actors.csv

OPENING = {"“": "”", "„": "”", "«": "»", '"': '"', "‘": "’"}
CLOSING_ALSO = {"”": '"', '"': "”"}  # scraped copy mixes curly and straight marks
MASK = "_"

# Speech and reporting verbs. Participles take the subject of their main clause. Forms that are
# more often nouns in news copy (reports, claims, notes, states, charges) are left out.
CUE_VERBS = (
    "said says say told tells tell wrote writes added adds stated declared declares "
    "stressed stresses emphasized emphasised emphasizes emphasises insisted insists noted "
    "warned warns urged urges explained explains asserted asserts claimed announced "
    "announces concluded concludes argued argues posted tweeted replied replies asked asks "
    "continued continues pleaded called calls dismissed dismisses described describes "
    "scoffed assured assures ironized ironised joked quipped admitted acknowledged "
    "confirmed confirms suggested suggests believes predicted vowed promised boasted "
    "complained countered reported recalled"
).split()
PARTICIPLE_CUES = (
    "saying telling adding stressing emphasizing emphasising insisting noting warning urging "
    "explaining calling describing dismissing claiming arguing asking"
).split()
PHRASE_CUES = ("spoke of", "spoke about", "speak of", "talked about", "according to", "lashed out at")
_CUES = PHRASE_CUES + tuple(CUE_VERBS) + tuple(PARTICIPLE_CUES)
_CUE = re.compile(
    first_char_lookahead(_CUES, lower=True)
    + r"(?<![\w’'])(?:" + "|".join(sorted(map(re.escape, _CUES), key=len, reverse=True)) + r")(?![\w’'])",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:\w+\s+){1,2}$", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"^\s+to\s+(?:be|have)\b", re.IGNORECASE)  # "said to be"
_LEADING_JUNK = re.compile(r"^[\s,;:—–-]+")
_CLAUSE_OPENERS = {"but", "and", "that", "which", "who", "while", "whereas", "as", "because", "if", "when", "where", "so"}
_AUXILIARIES = {"has", "had", "have", "also", "then", "again", "would", "will", "had", "did", "does", "do",
                "repeatedly", "later", "earlier", "previously", "once", "just", "reportedly", "has also", "not"}
_PREPOSITIONS = {"of", "to", "for", "with", "beside", "between", "about", "against", "from", "on", "at", "by",
                 "into", "over", "under", "among", "toward", "towards", "near", "without", "like", "than"}
_SUBJECT_STOP = re.compile(r"\s(?:in|at|on|after|during|to|via|by|from|when|while|who|which|as|before|over|with)\s", re.IGNORECASE)
_DETERMINERS = re.compile(r"^(?:the|a|an|some|its|their|his|her)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in a Document: open/close are offsets of the marks, end is past the
    closing mark (or the paragraph end when unclosed); continuations are the offsets of
    opening marks of continuing paragraphs."""

    open: int
    close: int | None
    end: int
    continuations: tuple[int, ...] = ()

    @property
    def closed(self) -> bool:
        return self.close is not None

    def final_mark(self, text: str) -> str:
        """The last character inside the marks (',' in “...,” he said), '' when unclosed."""
        return text[self.close - 1] if self.close is not None and self.close > self.open + 1 else ""

    def inner(self, text: str) -> str:
        stop = self.close if self.close is not None else self.end
        pieces, cursor = [], self.open + 1
        for mark in sorted(set(self.continuations)):  # the opening marks of continuing paragraphs are left out
            if cursor <= mark < stop:
                pieces.append(text[cursor:mark])
                cursor = mark + 1
        pieces.append(text[cursor:stop])
        return " ".join("".join(pieces).split()).rstrip(" ,")


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between letters (Russia’s, can’t) or after s before a space (the leaders’ talks)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalpha()


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“„«":
        return True
    if ch in "\"‘":
        return not before.isalnum() and not after.isspace()
    return False


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    expected = OPENING[opener]
    if ch == expected or (opener != "‘" and CLOSING_ALSO.get(ch) == expected):
        if ch == "’":
            return not _is_apostrophe(text, i)
        return True
    return False


_MARKS = re.compile("[" + re.escape("".join(sorted(set(OPENING) | set(OPENING.values()) | set(CLOSING_ALSO)))) + "]")  # every character the scan reacts to


def find_quote_spans(doc: Document) -> list[QuoteSpan]:
    """Every top-level quotation in the document, in order.

    Only quotation marks and paragraph ends can change the scan's state, so it visits just
    those offsets (found by one regex pass) instead of every character."""
    text = doc.text
    spans: list[QuoteSpan] = []
    paragraph_ends = {doc.paragraph_span(start)[1] for start in doc.paragraph_starts}
    stops = sorted({m.start() for m in _MARKS.finditer(text)} | {end - 1 for end in paragraph_ends if 0 < end <= len(text)})
    opener, open_at, continuations = None, 0, []
    k, i = 0, 0
    while k < len(stops):
        if stops[k] < i:  # skipped over by a paragraph continuation
            k += 1
            continue
        i = stops[k]
        k += 1
        if opener is None:
            if text[i] in OPENING and _opens(text, i):
                opener, open_at, continuations = text[i], i, []
        elif _closes(text, i, opener):  # marks of another kind inside (nested quotes) are text
            spans.append(QuoteSpan(open_at, i, i + 1, tuple(continuations)))
            opener = None
        if opener is not None and i + 1 in paragraph_ends:
            following = text[i + 1:].lstrip()
            next_start = len(text) - len(following)
            if following and following[0] == opener and opener != "‘":
                continuations.append(next_start)  # the quote goes on in the next paragraph
                i = next_start + 1
                continue
            spans.append(QuoteSpan(open_at, None, i + 1, tuple(continuations)))
            opener = None
        i += 1
    if opener is not None:
        spans.append(QuoteSpan(open_at, None, len(text), tuple(continuations)))
    return spans


_BLANK_BUT_NEWLINES = re.compile(r"[^\n]")


def masked_text(text: str, spans: list[QuoteSpan]) -> str:
    """`text` with each quotation's words blanked out so cue and name searches see only the
    outlet's own words; offsets are unchanged. A quote keeps its marks, one MASK character
    (so a chunk can tell it holds a quote) and a final . ! ? (so a sentence boundary after
    it stays visible)."""
    pieces, cursor = [], 0
    for span in spans:
        start = span.open + 1
        if start < cursor:  # spans out of order or overlapping (find_quote_spans gives neither)
            return _masked_by_characters(text, spans)
        stop = span.close if span.close is not None else span.end
        pieces.append(text[cursor:start])
        if stop > start:
            inner = text[start:stop]
            blank = " " * len(inner) if "\n" not in inner else _BLANK_BUT_NEWLINES.sub(" ", inner)
            final = text[span.close - 1] if span.close is not None and text[span.close - 1] in ".!?" else ""
            pieces.append(MASK + blank[1:len(blank) - len(final)] + final if len(blank) > 1 or not final else final)
            cursor = stop
        else:
            cursor = start
    pieces.append(text[cursor:])
    return "".join(pieces)


def _masked_by_characters(text: str, spans: list[QuoteSpan]) -> str:
    """masked_text for spans in any order, one character at a time."""
    chars = list(text)
    for span in spans:
        stop = span.close if span.close is not None else span.end
        chars[span.open + 1:stop] = _BLANK_BUT_NEWLINES.sub(" ", text[span.open + 1:stop])
        if stop > span.open + 1:
            chars[span.open + 1] = MASK
        if span.close is not None and text[span.close - 1] in ".!?":
            chars[span.close - 1] = text[span.close - 1]
    return "".join(chars)


# article_id -> (its Document, its quotation spans): what quoted_documents gives
QuotedDocuments = dict[str, tuple[Document, list[QuoteSpan]]]


def quoted_documents(sentences: pd.DataFrame) -> QuotedDocuments:
    """Each article's Document (build_documents) with its quotation spans: what the quote,
    label, tone and naming tables all start from. Build it once and pass it to each of them
    (their `documents` argument) to save rebuilding it; they build it themselves otherwise."""
    return {article_id: (doc, find_quote_spans(doc)) for article_id, doc in build_documents(sentences).items()}


def quote_mask(doc: Document, spans: list[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks: what is not the outlet's own voice."""
    spans = find_quote_spans(doc) if spans is None else spans
    return [(s.open, s.end) for s in spans]


@dataclass
class _Attribution:
    speaker: str
    surface: str
    cue: str
    resolution: str  # name | pronoun | description | surface | continuation | unresolved | none
    kind: str = "person"  # person | organisation | country | unknown


@dataclass
class _Event:
    """Something a later pronoun may point back to."""

    position: int
    speaker: str
    kind: str


def _segments(masked: str, doc: Document, offset: int) -> list[tuple[int, int]]:
    """The sentences (by the suite's splitter, run on masked text) of the paragraph holding
    `offset`, as document offsets."""
    p_start, p_end = doc.paragraph_span(offset)
    return [(p_start + start, p_start + end) for start, end in split_sentences(masked[p_start:p_end])] or [(p_start, p_end)]


def _strip_trailing(words: list[str]) -> list[str]:
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words = words[:-1]
    return words


def _noun_phrase(chunk: str, from_end: bool) -> str:
    """A short noun phrase naming the speaker in an unresolved chunk: its last (or first)
    comma-separated part, cut at prepositions, without determiners or auxiliaries."""
    parts = [p.strip() for p in re.split(r"[,;:—–]", chunk) if p.strip() and MASK not in p]
    if not parts:
        return ""
    part = parts[-1] if from_end else parts[0]
    if not from_end:
        part = _SUBJECT_STOP.split(" " + part + " ")[0].strip()
    words = _strip_trailing(part.split())
    while words and words[0].lower() in _CLAUSE_OPENERS | _PREPOSITIONS:
        words = words[1:]
    phrase = _DETERMINERS.sub("", " ".join(words[-6:]))
    return phrase.strip(" .")


class _Attributor:
    def __init__(self, doc: Document, spans: list[QuoteSpan], referents: Referents):
        self.doc, self.spans, self.ref = doc, spans, referents
        self.masked = masked_text(doc.text, spans)
        self.inside = [(s.open, s.end) for s in spans]
        self._inside_starts = [s.open for s in spans]
        self.events: list[_Event] = []
        self._paragraph_segments: dict[int, list[tuple[int, int]]] = {}

    @cached_property
    def own_mentions(self) -> list[Mention]:
        """Mentions in the outlet's own voice, for pronoun resolution: found on the first
        pronoun, as most articles need none."""
        return [m for m in self.ref.mentions(self.doc.text) if not self._in_quote(m.start)]

    def _segment(self, offset: int) -> tuple[int, int]:
        """The own sentence holding `offset` (paragraphs are split once, on first use)."""
        key = self.doc.paragraph_span(offset)[0]
        if key not in self._paragraph_segments:
            self._paragraph_segments[key] = _segments(self.masked, self.doc, offset)
        segments = self._paragraph_segments[key]
        return next(((a, b) for a, b in segments if a <= offset <= b), (segments[0][0], segments[-1][1]))

    def _in_quote(self, offset: int) -> bool:
        # spans come in order without overlap: only the last one opening at or before offset can hold it
        index = bisect.bisect_right(self._inside_starts, offset) - 1
        return index >= 0 and offset < self.inside[index][1]

    # --- subjects -----------------------------------------------------------------
    def _from_chunk(self, chunk: str, chunk_start: int, cue_text: str, prefer: str) -> _Attribution | None:
        """The speaker named in `chunk` (masked text); prefer 'last' (subject before the cue)
        or 'first' (subject after an inverted cue or 'according to')."""
        words = _strip_trailing(chunk.replace(MASK, " ").split())
        if prefer == "last" and words and words[-1].lower() in PRONOUNS:
            return self._pronoun(words[-1], chunk_start + chunk.rfind(words[-1]), cue_text)
        if prefer == "first":
            lead = _DETERMINERS.sub("", _LEADING_JUNK.sub("", chunk)).split()
            if lead and lead[0].lower() in PRONOUNS:
                return self._pronoun(lead[0], chunk_start, cue_text)
        people = self.ref.mentions(chunk, countries=False)  # actors only: a country does not speak
        usable = [m for m in people if not self._after_preposition(chunk, m) and not self._possessive(chunk, m)] or (people if prefer == "participle" else [])
        if usable:
            m = usable[-1] if prefer == "last" else usable[0]
            return _Attribution(m.target, m.surface, cue_text, "name", m.kind)
        phrase = _noun_phrase(chunk, from_end=(prefer != "first"))
        if not phrase:
            return None
        leader = self._described_leader(phrase)
        if leader:
            return _Attribution(leader, phrase, cue_text, "description", "person")
        resolved = self.ref.resolve_name(phrase)
        if resolved:
            return _Attribution(resolved, phrase, cue_text, "name", self.ref.kind.get(resolved, "person"))
        if len(phrase.split()) > 6 or not re.search(r"[A-Za-z]", phrase):
            return None
        return _Attribution(phrase, phrase, cue_text, "surface", "unknown")

    def _described_leader(self, phrase: str) -> str | None:
        """'the Belarusian authoritarian leader' -> the leader of Belarus."""
        if not self.ref.names_leader(phrase):
            return None
        return self.ref.leader_of(self.ref.nationality(phrase))

    @staticmethod
    def _possessive(chunk: str, m: Mention) -> bool:
        """"the Kremlin's spokesman": the Kremlin modifies the speaker, it is not the speaker."""
        return chunk[m.end:m.end + 2] in ("’s", "'s")

    @staticmethod
    def _after_preposition(chunk: str, m: Mention) -> bool:
        before = chunk[:m.start].split()
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _pronoun(self, pronoun: str, position: int, cue_text: str) -> _Attribution | None:
        p = pronoun.lower()
        if p in PERSON_PRONOUNS:
            kinds = {"person"}
        elif p in THING_PRONOUNS:
            kinds = {"organisation", "unknown"}
        else:
            kinds = {"person", "organisation", "unknown"}
        candidates = [_Event(m.start, m.target, m.kind) for m in self.own_mentions if m.start < position and m.kind in kinds]
        # a speaker of any kind counts for he/she: a report's author is 'he' in translated copy
        candidates += [e for e in self.events if e.position < position and (p in PERSON_PRONOUNS or e.kind in kinds)]
        if not candidates:  # the text says who ("he said") but not who he is
            return _Attribution("", pronoun, cue_text, "unresolved", "unknown")
        best = max(candidates, key=lambda e: e.position)
        return _Attribution(best.speaker, pronoun, cue_text, "pronoun", best.kind)

    # --- cues ----------------------------------------------------------------------
    def _after(self, span: QuoteSpan, seg_end: int, next_open: int) -> tuple[_Attribution, int] | None:
        final = span.final_mark(self.doc.text)
        stop = min(seg_end, next_open)
        after = self.masked[span.end:stop]
        if not after.strip():
            return None
        sentence_final = final in (".", "!", "?")
        if sentence_final and not re.match(r"\s*[a-z]", after):
            return None
        lead = _LEADING_JUNK.sub("", after)
        offset = span.end + (len(after) - len(lead))
        cue = _CUE.search(lead)
        if cue is None:
            return None
        phrase = cue.group().lower()
        if phrase == "according to":
            subject = self._from_chunk(lead[cue.end():], offset + cue.end(), phrase, "first")
            return (subject, offset + cue.start()) if subject else None
        if not (final in (",", ".", "!", "?") or after.lstrip().startswith(",")):
            return None  # a partial quote running into its sentence
        head = lead[:cue.start()]
        if not head.strip():  # inverted: "said Ukraine's human rights chief, Dmytro Lubinets"
            tail = lead[cue.end():]
            tail = _SUBJECT_STOP.split(tail + " ")[0] if not self.ref.mentions(tail.split(",")[0]) else tail
            subject = self._from_chunk(tail, offset + cue.end(), phrase, "first")
        else:
            first = head.split()[0].lower().strip(",")
            if first in _CLAUSE_OPENERS or len(head.split()) > 15:
                return None
            subject = self._from_chunk(head, offset, phrase, "last")
        return (subject, offset + cue.start()) if subject else None

    def _before(self, span: QuoteSpan, seg_start: int) -> tuple[_Attribution, int] | None:
        before = self.masked[seg_start:span.open]
        cues = list(_CUE.finditer(before))
        for cue in reversed(cues):
            phrase = cue.group().lower()
            left = before[:cue.start()]
            gap = before[cue.end():]
            if _PASSIVE_BEFORE.search(left) or _PASSIVE_AFTER.match(gap):
                continue
            if _WHAT_BEFORE.search(left) and (MASK in gap or len(gap.split()) > 3):
                continue  # "what it calls its 'x'" speaks for its own quote only
            position = seg_start + cue.start()
            if phrase == "according to":
                subject = self._from_chunk(gap, seg_start + cue.end(), phrase, "first")
            elif phrase in PARTICIPLE_CUES:
                clause = left.rsplit(",", 1)[-1]
                subject = self._from_chunk(clause, seg_start + len(left) - len(clause), phrase, "participle") if clause.strip() else None
                subject = subject or self._first_named(left, seg_start, phrase)
            else:
                chunk = re.split(r"[;:]", left)[-1]
                subject = self._from_chunk(chunk, seg_start + len(left) - len(chunk), phrase, "last")
                if subject is None and (not chunk.strip() or chunk.split()[-1].lower() in _CLAUSE_OPENERS):
                    subject = self._first_named(left, seg_start, phrase)  # "... but said rumors"
            if subject:
                return subject, position
        # "..., according to state agencies." at the end of the sentence
        return None

    def _first_named(self, text: str, start: int, cue_text: str) -> _Attribution | None:
        named = self.ref.mentions(text, countries=False)
        if not named:
            return None
        m = named[0]
        return _Attribution(m.target, m.surface, cue_text, "name", m.kind)

    def _according_to_later(self, span: QuoteSpan, seg_end: int) -> tuple[_Attribution, int] | None:
        tail = self.masked[span.end:seg_end]
        match = re.search(r"\baccording to\b", tail, re.IGNORECASE)
        if not match:
            return None
        subject = self._from_chunk(tail[match.end():], span.end + match.end(), "according to", "first")
        return (subject, span.end + match.start()) if subject else None

    def attribute(self) -> list[tuple[QuoteSpan, _Attribution]]:
        results = []
        previous: tuple[QuoteSpan, _Attribution] | None = None
        for index, span in enumerate(self.spans):
            next_open = self.spans[index + 1].open if index + 1 < len(self.spans) else len(self.doc.text)
            seg_start, _ = self._segment(span.open)
            _, seg_end = self._segment(max(span.end - 1, span.open))
            found = self._after(span, seg_end, next_open) or self._before(span, seg_start) or self._according_to_later(span, seg_end)
            if found:
                attribution, position = found
                if attribution.speaker:
                    self.events.append(_Event(position, attribution.speaker, attribution.kind))
            elif previous and previous[1].speaker and self._continues(previous[0], span):
                prior = previous[1]
                attribution = _Attribution(prior.speaker, prior.surface, prior.cue, "continuation", prior.kind)
            else:
                attribution = _Attribution("", "", "", "none", "unknown")
            results.append((span, attribution))
            previous = (span, attribution)
        return results

    def _continues(self, prior: QuoteSpan, span: QuoteSpan) -> bool:
        """A quote with no cue continues the previous one in its own or the previous paragraph."""
        here = self.doc.paragraph_span(span.open)
        there = self.doc.paragraph_span(prior.end - 1)
        if here == there:
            return True
        following = self.doc.text[there[1]:here[0]]
        return not following.strip()


def quote_kind(text: str, span: QuoteSpan) -> str:
    """'direct' when the quote stands as a sentence of its own (after the paragraph or a
    sentence start, a colon, or a cue and comma), 'partial' when woven into the outlet's
    sentence."""
    before = text[:span.open].rstrip()
    if not before or before.endswith(("\n", ".", "!", "?", ":", ".”", '."')):
        return "direct"
    if before.endswith(","):
        words = before[:-1].split()
        if words and _CUE.fullmatch(words[-1]):
            return "direct"
    inner = span.inner(text)
    after = text[span.end:span.end + 3].lstrip()
    if len(inner.split()) >= 4 and inner[:1].isupper() and span.final_mark(text) in (",", ".", "!", "?") and (not after or after[0].islower() or after[0] in ",."):
        return "direct"
    return "partial"


def find_quotes(sentences: pd.DataFrame, referents: Referents | None = None, codebook_dir=None,
                documents: QuotedDocuments | None = None) -> pd.DataFrame:
    """One row per quotation (QUOTE_COLUMNS except outlet, which `with_outlet` adds).
    `documents`: quoted_documents(sentences), if already built."""
    referents = referents or Referents.load(codebook_dir)
    rows = []
    for article_id, (doc, spans) in (quoted_documents(sentences) if documents is None else documents).items():
        for span, who in _Attributor(doc, spans, referents).attribute():
            inner = span.inner(doc.text)
            if not inner:
                continue
            camp = referents.camp.get(who.speaker, UNATTRIBUTED if not who.speaker else NOT_IN_CODEBOOK)
            first, last = doc.sentence_at(span.open + 1), doc.sentence_at(max(span.end - 1, span.open))
            rows.append({
                "article_id": article_id,
                "sentence_id": first,
                "speaker": who.speaker,
                "speaker_surface": who.surface,
                "cue": who.cue,
                "quote": inner,
                "camp": camp,
                "kind": quote_kind(doc.text, span),
                "n_words": count_words(inner),
                "closed": span.closed,
                "resolution": who.resolution,
                "sentence_id_end": last,
                "char_start": max(span.open - doc.sentence_span(first)[0], 0),
                "char_end": span.end - doc.sentence_span(last)[0],
            })
    columns = [c for c in QUOTE_COLUMNS if c != "outlet"]
    return pd.DataFrame(rows, columns=columns)


def sourcing_balance(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and camp: quotes, quoted words and the camp's share of the outlet's quoted
    words. `quotes` needs an outlet column (Corpus.with_outlet)."""
    grouped = quotes.groupby(["outlet", "camp"], as_index=False).agg(quotes=("quote", "size"), words=("n_words", "sum"))
    totals = grouped.groupby("outlet")["words"].transform("sum")
    grouped["share"] = (grouped["words"] / totals.where(totals > 0)).fillna(0.0)
    return grouped.sort_values(["outlet", "camp"]).reset_index(drop=True)
