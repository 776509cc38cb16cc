"""score_frames and frame_sentences as they were before the evidence of each article x frame
was gathered while matching (analysis.frames now counts each sentence's distinct terms
directly instead of joining them into the evidence table's cells and splitting them again),
kept verbatim as the reference for tests/test_frames_equivalence.py. Not used by the package."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.frames import FRAME_COLUMNS, OTHER, SENTENCE_FRAME_COLUMNS, FrameDictionary, load_frames
from analysis.terms import by_frequency, evidence_summary


def frame_sentences(sentences: pd.DataFrame, frames: pd.DataFrame | None = None, codebook_dir=None) -> pd.DataFrame:
    """One row per (sentence, frame evoked): the evidence table. Sentences evoking no frame
    get one row with frame 'other' and no terms."""
    dictionary = FrameDictionary(load_frames(codebook_dir) if frames is None else frames)
    rows = []
    for article_id, sentence_id, text in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "text"))):
        found = dictionary.match(str(text))
        if not found:
            rows.append((article_id, sentence_id, OTHER, "", 0))
        for frame, hits in found.items():
            rows.append((article_id, sentence_id, frame, _by_frequency(hits), len(hits)))
    return pd.DataFrame(rows, columns=SENTENCE_FRAME_COLUMNS)


def _by_frequency(hits: list[str]) -> str:
    """The distinct terms, most frequent first (ties alphabetical), '; '-separated."""
    if len(hits) == 1:  # most sentences: no counting needed
        return hits[0]
    return "; ".join(by_frequency(Counter(hits)))


def _evidence(cells, limit: int = 5) -> str:
    if not cells:  # most article x frame cells
        return ""
    counts: Counter = Counter()
    for cell in cells:
        counts.update(t for t in cell.split("; ") if t)
    return evidence_summary(counts, limit)


class _FrameHits:
    """The evidence rows of one article x frame, gathered in one pass over the evidence table
    (filtering the table once per article and frame made scoring quadratic)."""

    __slots__ = ("sentence_ids", "terms", "n_matches")

    def __init__(self):
        self.sentence_ids: set = set()
        self.terms: list[str] = []
        self.n_matches = 0


def _hits_by_article_frame(evidence: pd.DataFrame) -> dict[tuple, _FrameHits]:
    hits: dict[tuple, _FrameHits] = {}
    columns = ("article_id", "frame", "sentence_id", "terms", "n_matches")
    for article_id, frame, sentence_id, terms, n_matches in zip(*(evidence[c].tolist() for c in columns)):  # far faster than itertuples on string columns
        cell = hits.get((article_id, frame))
        if cell is None:
            cell = hits[(article_id, frame)] = _FrameHits()
        cell.sentence_ids.add(sentence_id)
        cell.terms.append(terms)
        cell.n_matches += n_matches
    return hits


def score_frames(sentences: pd.DataFrame, articles: pd.DataFrame, frames: pd.DataFrame | None = None,
                 codebook_dir=None, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article x frame (every frame of the codebook plus 'other', zeros included).

    score: share of the article's body sentences evoking the frame; n_sentences: how many;
    evidence: the most frequent matched terms; in_headline / in_lede: whether the headline /
    the first body paragraph evokes it; sentence_ids: the evoking sentences (';'-separated)."""
    frames = load_frames(codebook_dir) if frames is None else frames
    dictionary = FrameDictionary(frames)
    evidence = frame_sentences(sentences, frames) if evidence is None else evidence
    frame_ids = list(frames["frame"]) + [OTHER]
    outlets = articles.set_index("article_id")["outlet"]
    headlines = articles.set_index("article_id")["headline"].fillna("")
    lede_paragraph = sentences.groupby("article_id")["paragraph"].min()
    ledes = sentences[sentences["paragraph"] == sentences["article_id"].map(lede_paragraph)]
    lede_text = ledes.groupby("article_id")["text"].agg(" ".join)
    totals = sentences.groupby("article_id").size()
    hits_of = _hits_by_article_frame(evidence)
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
                article_id, frame, n / total if total else 0.0, n, outlet, _evidence(hits.terms),
                frame in head if frame != OTHER else bool(headline) and not head,
                frame in lede if frame != OTHER else has_lede and not lede,
                int(hits.n_matches), total, ";".join(str(int(s)) for s in sorted(hits.sentence_ids)),
            ))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)
