"""Frames of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik & Smith 2014) as a
transparent dictionary (data/codebook/frames.csv): a sentence evokes every frame one of whose
terms it contains, and each assignment keeps the matched terms as evidence.

Terms follow the dictionary syntax of analysis.terms, shared with the topic codebook: '*' and
'?' wildcards (sanction*, defen?e), lower case matches any case and a capital only its case
("EU" is not found in "neutral"), several words match across any white space.

An article's score for a frame is the share of its body sentences that evoke it; "other"
counts the sentences that evoke none. A dictionary finds vocabulary, not argument: read the
evidence sentences before reading meaning into a score."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .codebook import Column, codebook_path, read_codebook
from .errors import CodebookError
from .terms import TermDictionary, by_frequency, evidence_summary, term_problem

FRAMES_FILE = "frames.csv"
OTHER = "other"
FRAME_CODEBOOK_COLUMNS = [
    Column("frame"),
    Column("name"),
    Column("terms", kind="list"),
    Column("description", nonempty=False),
]
FRAME_COLUMNS = [
    "article_id", "frame", "score", "n_sentences",
    "outlet", "evidence", "in_headline", "in_lede", "n_matches", "n_body_sentences", "sentence_ids",
]
SENTENCE_FRAME_COLUMNS = ["article_id", "sentence_id", "frame", "terms", "n_matches"]


def load_frames(codebook_dir=None) -> pd.DataFrame:
    """frame, name, terms (tuple), description, codebook_row; 'other' is implicit."""
    path = codebook_path(FRAMES_FILE, codebook_dir)
    frame = read_codebook(path, FRAME_CODEBOOK_COLUMNS, unique="frame")
    for row, terms in zip(frame["codebook_row"], frame["terms"]):
        for term in terms:
            if problem := term_problem(term):
                raise CodebookError(path, f"{problem}: {term!r}", row=int(row), column="terms")
    if (frame["frame"] == OTHER).any():
        row = frame.loc[frame["frame"] == OTHER, "codebook_row"].iloc[0]
        raise CodebookError(codebook_path(FRAMES_FILE, codebook_dir), f"'{OTHER}' is reserved for sentences no frame matches", row=int(row), column="frame")
    return frame


class FrameDictionary:
    """Compiled frame terms (analysis.terms syntax): `match(text)` -> {frame: [matched surface forms]}."""

    def __init__(self, frames: pd.DataFrame):
        self.frames = list(frames["frame"])
        self.names = dict(zip(frames["frame"], frames["name"]))
        self._dictionary = TermDictionary.shared(dict(zip(frames["frame"], frames["terms"])))

    def term_matches(self, text: str) -> list[tuple[str, str, str, int, int]]:
        """(frame, term, surface, start, end) of every match, by frame (in codebook order)
        then position: TermDictionary.matches."""
        return self._dictionary.matches(text)

    def match(self, text: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for frame, _term, surface, _start, _end in self._dictionary.matches(text):
            found.setdefault(frame, []).append(surface.lower())
        return found


def frame_sentences(sentences: pd.DataFrame, frames: pd.DataFrame | None = None, codebook_dir=None) -> pd.DataFrame:
    """One row per (sentence, frame evoked): the evidence table. Sentences evoking no frame
    get one row with frame 'other' and no terms."""
    dictionary = FrameDictionary(load_frames(codebook_dir) if frames is None else frames)
    rows = [(article_id, sentence_id, frame, "; ".join(terms), n_matches)
            for article_id, sentence_id, frame, terms, n_matches in _evidence_rows(sentences, dictionary)]
    return pd.DataFrame(rows, columns=SENTENCE_FRAME_COLUMNS)


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
    sentences each term appears in (the evidence column; a plain dict, as a Counter costs
    several times more to make and to update), the matches."""

    __slots__ = ("sentence_ids", "term_counts", "n_matches")

    def __init__(self):
        self.sentence_ids: set = set()
        self.term_counts: dict[str, int] = {}
        self.n_matches = 0

    def count_term(self, term: str) -> None:
        self.term_counts[term] = self.term_counts.get(term, 0) + 1

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
        for term in terms:
            cell.count_term(term)
        cell.n_matches += n_matches
    return hits


def _hits_while_matching(sentences: pd.DataFrame, dictionary: FrameDictionary) -> dict[tuple, _FrameHits]:
    """_hits_by_article_frame(_evidence_rows(sentences, dictionary)), counted straight from
    each sentence's matches: no evidence row, term list or sort per sentence and frame."""
    hits: dict[tuple, _FrameHits] = {}
    matches = dictionary.term_matches
    for article_id, sentence_id, text in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_id", "text"))):
        found = matches(str(text))
        if not found:
            found = ((OTHER, None, None, None, None),)  # one 'other' row: the sentence, no term, no match
        frame = cell = seen = None
        for group, _term, surface, _start, _end in found:  # by frame, then position
            if group != frame:
                frame, seen = group, set()
                cell = hits.get((article_id, frame))
                if cell is None:
                    cell = hits[(article_id, frame)] = _FrameHits()
                cell.sentence_ids.add(sentence_id)
            if surface is None:
                continue
            cell.n_matches += 1
            term = surface.lower()
            if term not in seen:  # the evidence counts sentences, not matches
                seen.add(term)
                cell.count_term(term)
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
    hits_of = _hits_while_matching(sentences, dictionary) if evidence is None else _hits_by_article_frame(_table_rows(evidence))
    frame_ids = list(frames["frame"]) + [OTHER]
    # per-article facts as plain dicts: a pandas look-up per article cost more than the rest
    # of its row (article ids are unique in Corpus.articles; the last row would win here,
    # where a pandas look-up would give a Series)
    ids = articles["article_id"].tolist()
    outlets = dict(zip(ids, articles["outlet"].tolist()))
    headlines = dict(zip(ids, articles["headline"].fillna("").tolist()))
    lede_paragraph = sentences.groupby("article_id")["paragraph"].min()
    ledes = sentences[sentences["paragraph"] == sentences["article_id"].map(lede_paragraph)]
    lede_text = ledes.groupby("article_id")["text"].agg(" ".join)
    lede_text = dict(zip(lede_text.index.tolist(), lede_text.tolist()))
    totals = sentences.groupby("article_id").size()
    totals = dict(zip(totals.index.tolist(), totals.tolist()))
    none = _FrameHits()
    rows = []
    for article_id in ids:
        total = int(totals.get(article_id, 0))
        outlet = outlets.get(article_id, "")
        headline = headlines.get(article_id, "")
        head = dictionary.match(str(headline))
        lede = dictionary.match(str(lede_text.get(article_id, "")))
        has_lede = article_id in lede_text
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


def frame_profile(scores: pd.DataFrame) -> pd.DataFrame:
    """Outlet x frame: mean score over the outlet's articles (columns in codebook order)."""
    order = list(dict.fromkeys(scores["frame"]))
    table = scores.pivot_table(index="outlet", columns="frame", values="score", aggfunc="mean")
    return table.reindex(columns=order)


def top_evidence(evidence: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, per_cell: int = 1) -> pd.DataFrame:
    """For each outlet x frame, the sentence(s) with the most matched terms (ties: earliest),
    with their text: the quotes behind a heatmap cell."""
    rows = evidence[evidence["frame"] != OTHER].merge(sentences[["article_id", "sentence_id", "text"]], on=["article_id", "sentence_id"])
    rows = rows.merge(articles[["article_id", "outlet"]], on="article_id")
    rows = rows.sort_values(["outlet", "frame", "n_matches", "article_id", "sentence_id"], ascending=[True, True, False, True, True])
    top = rows.groupby(["outlet", "frame"], sort=False).head(per_cell)
    order = {frame: i for i, frame in enumerate(dict.fromkeys(evidence["frame"]))}
    top = top.assign(_order=top["frame"].map(order)).sort_values(["_order", "outlet", "n_matches"], ascending=[True, True, False])
    return top[["frame", "outlet", "article_id", "sentence_id", "terms", "text"]].reset_index(drop=True)


def opening_frames(scores: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: the frames its headline evokes and those its lede (first body paragraph)
    evokes, comma-separated in codebook order ('' when none or no headline)."""
    named = scores[scores["frame"] != OTHER]
    outlets = sorted(scores["outlet"].unique())
    table = pd.DataFrame(index=pd.Index(outlets, name="outlet"))
    for column in ("in_headline", "in_lede"):
        hits = named[named[column]].groupby("outlet", sort=False)["frame"].agg(", ".join)
        table[column.removeprefix("in_")] = hits.reindex(outlets).fillna("")
    return table
