"""Topics from an analyst-editable codebook (data/codebook/topics.csv) and the sentence-level
topic frame: which topics each sentence (or headline, or dek) carries and the words that
matched, so every assignment can be traced to its evidence.

Codebook format (one row per topic; see data/codebook/TOPICS.md for the full guide):

    topic        short identifier: lower-case letters, digits and '_' (e.g. drone_strikes_toll)
    label        readable name for tables and charts (optional; defaults to the identifier)
    terms        ';'-separated words or phrases in the dictionary syntax of analysis.terms:
                 whole words, '*' and '?' wildcards ("sanction*"), lower case matches any case
                 and a capital only its case ("EU"), spaces match any white space
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
from .terms import TermDictionary, term_problem

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
            problem = term_problem(term)
            if problem:
                raise CodebookError(path, f"term {term!r}: {problem}", row=row.codebook_row, column="terms")
    frame["label"] = [label or topic for topic, label in zip(frame["topic"], frame["label"])]
    return frame


class TopicMatcher:
    """Finds topic evidence in text (see analysis.terms for the term syntax)."""

    def __init__(self, topics: pd.DataFrame):
        self.topics = list(topics["topic"])
        self._dictionary = TermDictionary.shared(dict(zip(topics["topic"], topics["terms"])),
                                                 dict(zip(topics["topic"], topics["patterns"])))

    def matches(self, text: str) -> list[tuple[str, str, str, int, int]]:
        """(topic, term, surface, start, end) for every match, by topic then position."""
        return self._dictionary.matches(text)


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
    matches = TopicMatcher(topics).matches
    frame = units if "unit" in units.columns else units.assign(unit="body")
    rows = []
    columns = ["article_id", "unit", "block_id", "sentence_id", "position", "n_words", "text"]
    for article_id, unit, block_id, sentence_id, position, n_words, text in zip(*(frame[c].tolist() for c in columns)):
        found = matches(str(text))
        if not found:  # most units: no topic, no row
            continue
        by_topic: dict[str, list[tuple[str, str]]] = {}
        for topic, term, surface, _, _ in found:
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
