"""Evaluative labels: the words an outlet uses for an actor (president, leader, ruler,
strongman, autocrat, regime, pariah, ally ...), read from data/codebook/labels.csv and tied to
the actor or country they describe through the construction they appear in:

- premodifier  "Belarusian ruler Alexander Lukashenko", "authoritarian leader Aleksandr Lukashenko"
- apposition   "Lukashenko, a pariah in the West", "Belarus, a close Kremlin ally",
               "human rights chief, Dmytro Lubinets"
- attributive  "the Lukashenko regime"
- epithet      an alias that is itself a label: "the Russian leader's visit", "the Kremlin chief"
- description  "the Belarusian authoritarian leader" (the leader of the country named)
- relative     "the country whose strongman helped his invasion" (the last country's leader)
- plural       "both autocrats", "the two leaders" (one row for each of the last two leaders named)
- anaphor      "The President's visit" (the last leader named)

Every row keeps its sentence_id and whether it stands inside a quotation (in_quote): a label
in a quote is the speaker's word, not the outlet's."""
from __future__ import annotations

import re

import pandas as pd

from .codebook import Column, codebook_path, read_codebook
from .document import Document
from .quotes import QuotedDocuments, QuoteSpan, find_quote_spans, quoted_documents
from .referents import Mention, Referents
from .word_starts import WordStarts, matches_at, word_key

LABELS_FILE = "labels.csv"
STANCES = ("neutral", "critical", "favourable")
LABEL_COLUMNS_CODEBOOK = [
    Column("label"),
    Column("terms", kind="list"),
    Column("stance", kind="choice", choices=STANCES),
    Column("leader_noun", kind="bool"),
    # "Kremlin ally" is an ally *of* the Kremlin: a relational label never goes to the noun
    # in front of it
    Column("relational", kind="bool", required=False),
    Column("description", nonempty=False),
]
LABEL_COLUMNS = [
    "article_id", "actor", "label", "surface", "sentence_id",
    "outlet", "in_quote", "construction", "stance", "phrase", "char_start", "char_end",
]

# "X, a close Kremlin ally" -- but not "X, the country whose ruler": a relative clause starts
# a new noun phrase
_BEFORE_APPOSITION = re.compile(r"^,\s+(?:a|an|the|one|another)\s+(?:(?!(?:whose|who|which|that|where)\b)[\w’'-]+\s+){0,4}$", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"\b(?:both|the two|two)\s+(?:[\w’'-]+\s+)?$", re.IGNORECASE)
_WHOSE_BEFORE = re.compile(r"\bwhose\s+(?:[\w’'-]+\s+)?$", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NP_BEFORE = re.compile(r"(?:\bthe\s+|\ba\s+|\ban\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def load_labels(codebook_dir=None) -> pd.DataFrame:
    """label, terms (tuple), stance, leader_noun (bool), relational (bool), description, codebook_row."""
    frame = read_codebook(codebook_path(LABELS_FILE, codebook_dir), LABEL_COLUMNS_CODEBOOK, unique="label")
    return frame


def leader_terms(labels: pd.DataFrame) -> tuple[str, ...]:
    """Every surface form of the labels that name a head of state."""
    return tuple(term for terms, leader in zip(labels["terms"], labels["leader_noun"]) if leader for term in terms)


class _LabelFinder:
    def __init__(self, labels: pd.DataFrame, referents: Referents):
        self.ref = referents
        self.label_of, self.stance, self.leader_noun, self.plural = {}, {}, {}, set()
        relational = labels["relational"] if "relational" in labels else [False] * len(labels)
        self.relational = {label for label, flag in zip(labels["label"], relational) if flag}
        for label, terms, stance, leader in labels[["label", "terms", "stance", "leader_noun"]].itertuples(index=False):
            for term in terms:
                self.label_of.setdefault(term.lower(), label)
                if term.lower() != terms[0].lower() and term.lower().endswith("s"):
                    self.plural.add(term.lower())
            self.stance[label], self.leader_noun[label] = stance, bool(leader)
        ordered = sorted(self.label_of, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])", re.IGNORECASE)
        keys = [word_key(term) for term in ordered]
        self.starts = WordStarts(keys) if keys and all(keys) else None  # else scan every position

    def _matches(self, text: str):
        if self.starts is None:
            return self.pattern.finditer(text)
        return matches_at(self.pattern, text, (m.start() for m in self.starts.finditer(text)))

    def find(self, doc: Document, spans: list[QuoteSpan] | None = None) -> list[dict]:
        text = doc.text
        quotes = [(s.open, s.end) for s in (find_quote_spans(doc) if spans is None else spans)]
        mentions = self.ref.mentions(text)
        rows = []
        for match in self._matches(text):
            term = match.group()
            label = self.label_of[term.lower()]
            sentence_id = doc.sentence_at(match.start())
            offset = doc.sentence_span(sentence_id)[0]
            for target, construction, (p_start, p_end) in self._targets(text, match, label, mentions):
                rows.append({
                    "article_id": doc.article_id,
                    "actor": target,
                    "label": label,
                    "surface": term,
                    "sentence_id": sentence_id,
                    "in_quote": any(s <= match.start() < e for s, e in quotes),
                    "construction": construction,
                    "stance": self.stance[label],
                    "phrase": " ".join(text[p_start:p_end].split()),
                    "char_start": match.start() - offset,  # within the sentence's text
                    "char_end": match.end() - offset,
                })
        return rows

    def _targets(self, text: str, match: re.Match, label: str, mentions: list[Mention]):
        start, end = match.span()
        is_plural = match.group().lower() in self.plural
        named = [m for m in mentions if m.kind != "country"]
        after = next((m for m in named if m.start >= end), None)
        if not is_plural:
            # premodifier: label (plus capitalised words or other labels) right before a name
            if after is not None:
                gap = text[end:after.start]
                words = gap.split()
                if gap[:1].isspace() and "\n" not in gap and len(words) <= 2 and not re.search(r"[,;:.()]", gap) and all(
                        w[:1].isupper() or w.lower() in self.label_of for w in words):
                    return [(after.target, "premodifier", (start, after.end))]
                if re.fullmatch(r",\s+", gap):
                    return [(after.target, "apposition", (start, after.end))]
            for m in reversed([m for m in mentions if m.end <= start]):
                gap = text[m.end:start]
                if _BEFORE_APPOSITION.match(gap):
                    return [(m.target, "apposition", (m.start, end))]
                if "," in gap or "." in gap or len(gap.split()) > 6:
                    break
            for m in mentions:
                if m.start <= start < m.end:  # the label is part of an alias: "Kremlin chief"
                    return [(m.target, "epithet", (m.start, m.end))]
            before = [m for m in mentions if m.end <= start]
            if before and label not in self.relational and re.fullmatch(r"\s+", text[before[-1].end:start]):
                m = before[-1]
                return [(m.target, "attributive", (m.start, end))]
        if not self.leader_noun[label]:
            return []
        left = text[max(0, start - 80):start]
        if is_plural:
            if _PLURAL_BEFORE.search(left):
                pair = self._last_leaders(mentions, start, 2)
                phrase_start = start - len(_PLURAL_BEFORE.search(left).group())
                return [(leader, "plural", (phrase_start, end)) for leader in pair] if len(pair) == 2 else []
            return []
        if _WHOSE_BEFORE.search(left):
            countries = [m for m in mentions if m.kind == "country" and m.end <= start]
            leader = self.ref.leader_of(countries[-1].target) if countries else None
            return [(leader, "relative", (start - len(_WHOSE_BEFORE.search(left).group()), end))] if leader else []
        np_before = _NP_BEFORE.search(left).group()
        np_before = re.split(r"[,;:.()—–]", np_before)[-1]
        determiner = list(re.finditer(r"\b(?:the|a|an)\s", np_before, re.IGNORECASE))
        np_before = np_before[determiner[-1].start():] if determiner else np_before
        country = self.ref.nationality(np_before) if np_before.strip() else None
        if country and self.ref.leader_of(country):
            return [(self.ref.leader_of(country), "description", (start - len(np_before.lstrip()), end))]
        if _DEFINITE_BEFORE.search(left):
            last = self._last_leaders(mentions, start, 1)
            return [(last[0], "anaphor", (start - 4, end))] if last else []
        return []

    def _last_leaders(self, mentions: list[Mention], before: int, n: int) -> list[str]:
        found: list[str] = []
        for m in reversed([m for m in mentions if m.end <= before and m.target in self.ref.leaders]):
            if m.target not in found:
                found.append(m.target)
            if len(found) == n:
                break
        return found


def find_labels(sentences: pd.DataFrame, labels: pd.DataFrame | None = None, referents: Referents | None = None,
                codebook_dir=None, documents: QuotedDocuments | None = None) -> pd.DataFrame:
    """One row per label occurrence tied to an actor or country (LABEL_COLUMNS except outlet,
    which Corpus.with_outlet adds). Occurrences the rules cannot tie to anyone are left out.
    `documents`: quotes.quoted_documents(sentences), if already built."""
    labels = load_labels(codebook_dir) if labels is None else labels
    referents = referents or Referents.load(codebook_dir)
    finder = _LabelFinder(labels, referents)
    documents = quoted_documents(sentences) if documents is None else documents
    rows = [row for doc, spans in documents.values() for row in finder.find(doc, spans)]
    return pd.DataFrame(rows, columns=[c for c in LABEL_COLUMNS if c != "outlet"])


def label_table(labels: pd.DataFrame, own_voice_only: bool = True) -> pd.DataFrame:
    """Actor x outlet: the labels used (with counts), e.g. 'ruler (1); leader (2)'."""
    rows = labels[~labels["in_quote"]] if own_voice_only else labels
    if rows.empty:  # another event's text may use no codebook label at all
        return pd.DataFrame(index=pd.Index([], name="actor"), columns=pd.Index([], name="outlet"))
    counts = rows.groupby(["actor", "outlet", "label"]).size().rename("n").reset_index()
    counts["cell"] = counts["label"] + " (" + counts["n"].astype(str) + ")"
    table = counts.groupby(["actor", "outlet"])["cell"].agg("; ".join).unstack("outlet").fillna("")
    return table
