"""analysis/frames.py's score_frames as it was at de023f4 (each sentence's matches turned into
evidence rows, then counted per article x frame through Counters, and each article's outlet,
headline, lede and sentence count read from pandas Series one article at a time), kept
verbatim as the reference for tests/test_frames_equivalence.py. Not used by the package."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.frames import FRAME_COLUMNS, OTHER, FrameDictionary, load_frames
from analysis.terms import by_frequency, evidence_summary


def _evidence_rows(sentences: pd.DataFrame, dictionary: FrameDictionary):
    """(article_id, sentence_id, frame, distinct terms by_frequency, n_matches) per sentence and
    frame it evokes, or with frame 'other', no terms and 0 when it evokes none."""
    for article_id, sentence_id, text in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "text"))):
        found = dictionary.match(str(text))
        if not found:
            yield article_id, sentence_id, OTHER, (), 0
        for frame, hits in found.items():
            yield article_id, sentence_id, frame, _by_frequency(hits), len(hits)


def _by_frequency(hits: list[str]) -> list[str]:
    """The distinct terms, most frequent first (ties alphabetical)."""
    if len(hits) == 1:  # most sentences: no counting needed
        return hits
    return by_frequency(Counter(hits))


class _FrameHits:
    """The evidence rows of one article x frame, gathered in one pass (filtering the evidence
    table once per article and frame made scoring quadratic): the sentences, the number of
    sentences each term appears in (the evidence column), the matches."""

    __slots__ = ("sentence_ids", "term_counts", "n_matches")

    def __init__(self):
        self.sentence_ids: set = set()
        self.term_counts: Counter = Counter()
        self.n_matches = 0

    def evidence(self, limit: int = 5) -> str:
        return evidence_summary(self.term_counts, limit) if self.term_counts else ""


def _hits_by_article_frame(rows) -> dict[tuple, _FrameHits]:
    """rows: (article_id, sentence_id, frame, distinct terms, n_matches), as _evidence_rows."""
    hits: dict[tuple, _FrameHits] = {}
    for article_id, sentence_id, frame, terms, n_matches in rows:
        cell = hits.get((article_id, frame))
        if cell is None:
            cell = hits[(article_id, frame)] = _FrameHits()
        cell.sentence_ids.add(sentence_id)
        cell.term_counts.update(terms)
        cell.n_matches += n_matches
    return hits


def _table_rows(evidence: pd.DataFrame):
    """_evidence_rows read back from an evidence table (frame_sentences)."""
    columns = ("article_id", "sentence_id", "frame", "terms", "n_matches")
    for article_id, sentence_id, frame, terms, n_matches in zip(*(evidence[c].tolist() for c in columns)):  # far faster than itertuples on string columns
        yield article_id, sentence_id, frame, [t for t in terms.split("; ") if t], n_matches


def score_frames(sentences: pd.DataFrame, articles: pd.DataFrame, frames: pd.DataFrame | None = None,
                 codebook_dir=None, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article x frame (every frame of the codebook plus 'other', zeros included).

    score: share of the article's body sentences evoking the frame; n_sentences: how many;
    evidence: the most frequent matched terms; in_headline / in_lede: whether the headline /
    the first body paragraph evokes it; sentence_ids: the evoking sentences (';'-separated)."""
    frames = load_frames(codebook_dir) if frames is None else frames
    dictionary = FrameDictionary(frames)
    hits_of = _hits_by_article_frame(_evidence_rows(sentences, dictionary) if evidence is None else _table_rows(evidence))
    frame_ids = list(frames["frame"]) + [OTHER]
    outlets = articles.set_index("article_id")["outlet"]
    headlines = articles.set_index("article_id")["headline"].fillna("")
    lede_paragraph = sentences.groupby("article_id")["paragraph"].min()
    ledes = sentences[sentences["paragraph"] == sentences["article_id"].map(lede_paragraph)]
    lede_text = ledes.groupby("article_id")["text"].agg(" ".join)
    totals = sentences.groupby("article_id").size()
    none = _FrameHits()
    rows = []
    for article_id in articles["article_id"]:
        total = int(totals.get(article_id, 0))
        outlet = outlets.get(article_id, "")
        headline = headlines.get(article_id, "")
        head = dictionary.match(str(headline))
        lede = dictionary.match(str(lede_text.get(article_id, "")))
        has_lede = article_id in lede_text.index
        for frame in frame_ids:
            hits = hits_of.get((article_id, frame), none)
            n = len(hits.sentence_ids)
            rows.append((
                article_id, frame, n / total if total else 0.0, n, outlet, hits.evidence(),
                frame in head if frame != OTHER else bool(headline) and not head,
                frame in lede if frame != OTHER else has_lede and not lede,
                int(hits.n_matches), total, ";".join(str(int(s)) for s in sorted(hits.sentence_ids)),
            ))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)
