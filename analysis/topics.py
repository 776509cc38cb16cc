"""Topics from an analyst-editable codebook (data/codebook/topics.csv) and the sentence-level
topic frame: which topics each sentence (or headline, or dek) carries and the words that
matched, so every assignment can be traced to its evidence.

Codebook format (one row per topic; see data/codebook/TOPICS.md for the full guide):

    topic        short identifier: lower-case letters, digits and '_' (e.g. drone_strikes_toll)
    label        readable name for tables and charts (optional; defaults to the identifier)
    terms        ';'-separated words or phrases; case is ignored; a trailing '*' matches any
                 word ending ("sanction*" matches sanction, sanctions, sanctioned); spaces in a
                 phrase match any run of whitespace; straight and curly apostrophes are equal
    patterns     optional ';'-separated regular expressions for what terms cannot say
                 (case is ignored); a row needs terms, patterns or both
    description  what the topic covers, for the analyst (optional)

A sentence carries a topic when at least one of the topic's terms or patterns matches it.
Terms of different topics may overlap: a sentence can carry several topics."""
from __future__ import annotations

import re

import pandas as pd

from .codebook import Column, codebook_path, read_codebook
from .errors import CodebookError

TOPICS_FILE = "topics.csv"
TOPIC_COLUMNS = [
    Column("topic"),
    Column("label", nonempty=False),
    Column("terms", kind="list", nonempty=False),
    Column("patterns", kind="regex_list", required=False, nonempty=False),
    Column("description", nonempty=False),
]
_TOPIC_ID = re.compile(r"^[a-z][a-z0-9_]*$")
EVIDENCE_COLUMNS = [
    "article_id", "unit", "block_id", "sentence_id", "position", "topic",
    "n_topics", "n_words", "words", "hits", "terms", "surfaces",
]


def load_topics(codebook_dir=None) -> pd.DataFrame:
    """topic, label, terms (tuple), patterns (tuple), description, codebook_row; validated,
    with errors naming file, row and column."""
    path = codebook_path(TOPICS_FILE, codebook_dir)
    frame = read_codebook(path, TOPIC_COLUMNS, unique="topic")
    if "patterns" not in frame.columns:
        frame["patterns"] = [() for _ in range(len(frame))]
    for row in frame.itertuples(index=False):
        if not _TOPIC_ID.match(row.topic):
            raise CodebookError(path, f"topic identifier {row.topic!r} must be lower-case letters, digits and '_'", row=row.codebook_row, column="topic")
        if not row.terms and not row.patterns:
            raise CodebookError(path, "the topic has neither terms nor patterns; fill at least one", row=row.codebook_row, column="terms")
        for term in row.terms:
            problem = _term_problem(term)
            if problem:
                raise CodebookError(path, f"term {term!r}: {problem}", row=row.codebook_row, column="terms")
    frame["label"] = [label or topic for topic, label in zip(frame["topic"], frame["label"])]
    return frame


def _term_problem(term: str) -> str | None:
    stem = term[:-1] if term.endswith("*") else term
    if "*" in stem:
        return "'*' is only allowed at the end of a term"
    if not re.search(r"\w", stem):
        return "a term needs at least one letter or digit"
    return None


_WORD_START = r"(?<!\w)"


def term_regex(term: str) -> str:
    """The regular expression for one codebook term (see the module docstring)."""
    wildcard = term.endswith("*")
    stem = term[:-1] if wildcard else term
    words = [re.sub(r"['’]", "['’]", re.escape(word)) for word in stem.split()]
    body = r"\s+".join(words)
    start = _WORD_START if re.match(r"\w", stem) else ""
    end = r"\w*" if wildcard else (r"(?!\w)" if re.search(r"\w$", stem) else "")
    return start + body + end


class TopicMatcher:
    """Finds topic evidence in text: one compiled alternation per topic (longest alternative
    first), so overlapping terms of the same topic count once and terms of different topics
    never hide each other. The word-start check is shared by all terms that need it, which
    lets the engine skip positions inside words once (about 8x faster than per alternative)."""

    def __init__(self, topics: pd.DataFrame):
        self.topics = list(topics["topic"])
        self._compiled: list[tuple[str, re.Pattern, dict[str, str]]] = []
        for topic, terms, patterns in zip(topics["topic"], topics["terms"], topics["patterns"]):
            alternatives = [(term, term_regex(term)) for term in terms] + [(p, f"(?:{p})") for p in patterns]
            alternatives.sort(key=lambda item: len(item[0]), reverse=True)
            names = {f"t{i}": source for i, (source, _) in enumerate(alternatives)}
            at_word_start = [f"(?P<t{i}>{rx[len(_WORD_START):]})" for i, (_, rx) in enumerate(alternatives) if rx.startswith(_WORD_START)]
            anywhere = [f"(?P<t{i}>{rx})" for i, (_, rx) in enumerate(alternatives) if not rx.startswith(_WORD_START)]
            parts = ([_WORD_START + "(?:" + "|".join(at_word_start) + ")"] if at_word_start else []) + anywhere
            self._compiled.append((topic, re.compile("|".join(parts), re.IGNORECASE), names))

    def matches(self, text: str) -> list[tuple[str, str, str, int, int]]:
        """(topic, term, surface, start, end) for every match, by topic then position."""
        found = []
        for topic, pattern, names in self._compiled:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append((topic, names[m.lastgroup], m.group(), m.start(), m.end()))
        return found


def sentence_topics(units: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """One row per (text unit, topic it carries), with the evidence.

    units: article_id, unit (headline | dek | body), block_id, sentence_id, position, text,
    n_words (as from prominence.text_units; body sentences of corpus.sentences work too,
    with unit taken as body).

    A unit carrying k topics gives each of them n_words / k words (`words`), so that shares
    of body words over topics never add up to more than the body: the split is even because
    a sentence is read as being about each of its topics equally, whatever the number of
    terms that signalled them. hits counts the matches; terms lists the codebook terms that
    matched (';'-separated, first occurrence order) and surfaces the text as written."""
    matcher = TopicMatcher(topics)
    frame = units if "unit" in units.columns else units.assign(unit="body")
    rows = []
    columns = ["article_id", "unit", "block_id", "sentence_id", "position", "n_words", "text"]
    for article_id, unit, block_id, sentence_id, position, n_words, text in frame[columns].itertuples(index=False):
        by_topic: dict[str, list[tuple[str, str]]] = {}
        for topic, term, surface, _, _ in matcher.matches(str(text)):
            by_topic.setdefault(topic, []).append((term, surface))
        for topic, evidence in by_topic.items():
            rows.append((
                article_id, unit, block_id, sentence_id, position, topic, len(by_topic), n_words,
                n_words / len(by_topic), len(evidence),
                ";".join(dict.fromkeys(term for term, _ in evidence)),
                ";".join(dict.fromkeys(surface for _, surface in evidence)),
            ))
    result = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return result.astype({"sentence_id": "Int64", "block_id": "Int64"})
