"""The figures and discrepancies code as it was at 00881f1, kept verbatim as the oracle (and the
benchmark baseline) for the faster versions: only the functions that changed are copied, the
helpers they call that did not change are imported from analysis.numbers and analysis.claims.
In each copy the names resolve to this module first, so an old function calls the old
versions of the others (build_figures -> extract_figures -> extract_sentence, load_lexicon ->
build_lexicon -> Lexicon, copied for that though unchanged); the one edit:
build_figures' import of extract_figures and load_lexicon from .numbers is dropped, as here
they are this module's."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.claims import (  # noqa: F401  (unchanged helpers the copies call)
    AUTO_PREFIX, DISCREPANCY_COLUMNS, _Fields, _FIELDS, _auto_claim_id, _compiled, _matches_context,
    _overlapping_articles, claim_status, derive_figures, load_claims,
)
from analysis.numbers import (  # noqa: F401
    CLAIM_KINDS, FIGURE_COLUMNS, ORDINAL_WORDS, TRIGGERS, Figure, _attach_units, _candidates,
    _date_figure, _DIGIT, _hedge, _is_designator, _link_money_conversions, _lower, _merge_ranges, _numeric,
    PLACE_COLUMNS, PREDICATE_COLUMNS, _PREPOSITION_BEFORE, _read_counted, _read_places, _read_predicates,
    _LETTERS, _LOCATIVE_AFTER, PhraseIndex, _recent_wholes, _resolve_whole, _row, codebook_path, read_codebook,
)


_LOCATIVE_BEFORE = re.compile(
    r"(?i:\b(?:over|in|near|across|above|around|at|on|outside|throughout|into|to|from|towards?|targeted|attacked|struck|hit|shelled)\s+(?:the\s+)?(?:city\s+of\s+)?$)"
)


def words_of(lower: str) -> list[str]:
    """The words of lower-cased text (punctuation, digits and hyphens split words)."""
    return _LETTERS.findall(lower)


@dataclass(frozen=True)
class Lexicon:
    """Predicate and place phrases from the codebooks, indexed once."""

    predicate_index: PhraseIndex
    place_index: PhraseIndex

    def predicates(self, text: str, lower: str | None = None, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        return self.predicate_index.find(lower if lower is not None else _lower(text), words)

    def places(self, text: str, lower: str | None = None, words: set[str] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, place) for each place the text ties to a location."""
        found = []
        for start, end, place in self.place_index.find(lower if lower is not None else _lower(text), words):
            locative = text[start].islower() or _LOCATIVE_BEFORE.search(text[max(0, start - 40):start]) is not None \
                or _LOCATIVE_AFTER.match(text[end:end + 40]) is not None
            if locative:
                found.append((start, end, place))
        return found


def load_lexicon(codebook_dir=None) -> Lexicon:
    """Predicates (predicates.csv) and places (places.csv) as one compiled lexicon."""
    predicates = read_codebook(codebook_path("predicates.csv", codebook_dir), PREDICATE_COLUMNS, unique="predicate")
    places = read_codebook(codebook_path("places.csv", codebook_dir), PLACE_COLUMNS, unique="place")
    return build_lexicon(dict(zip(predicates["predicate"], predicates["patterns"])),
                         {p: (p, *a) for p, a in zip(places["place"], places["aliases"])})


def build_lexicon(predicates: dict[str, tuple[str, ...]], places: dict[str, tuple[str, ...]]) -> Lexicon:
    """A lexicon from {predicate: phrases} and {place: aliases}; first listed wins a phrase."""
    predicate_of: dict[str, str] = {}
    for name, phrases in predicates.items():
        for phrase in phrases:
            predicate_of.setdefault(" ".join(phrase.lower().split()), name)
    place_of: dict[str, str] = {}
    for name, aliases in places.items():
        for alias in aliases:
            place_of.setdefault(" ".join(alias.lower().split()), name)
    return Lexicon(PhraseIndex(predicate_of), PhraseIndex(place_of))


def extract_sentence(text: str, lexicon: Lexicon | None = None) -> list[Figure]:
    """Every figure in one sentence, left to right (see the module doc for the rules)."""
    lower = _lower(text)
    word_list = words_of(lower)
    if TRIGGERS.isdisjoint(word_list) and not _DIGIT.search(lower):
        return []  # most sentences: no digit, no number word
    words = set(word_list)
    figs: list[Figure] = []
    for m in _candidates(text, lower, words):
        group = m.lastgroup
        if group in ("iso", "dmy", "md", "dm"):
            fig = _date_figure(m, group)
        elif group == "clock":  # a time of day: noted, never counted
            fig = Figure(m.start(), m.end(), m.group(), math.nan, math.nan, math.nan, kind="other", unit="time of day",
                         normalized=m.group())
        elif group in ("digord", "wordord"):
            core = m.group()
            if group == "digord" and _is_designator(text, m.start(), m.start(), core):
                continue
            value = float(re.match(r"\d+", core).group()) if group == "digord" else float(ORDINAL_WORDS[core.lower()])
            fig = Figure(m.start(), m.end(), core, value, value, value, kind="ordinal")
        else:
            fig = _numeric(m, text)
            if fig is not None:
                _attach_units(fig, text)
        if fig is not None:
            figs.append(fig)
    figs = _merge_ranges(figs, text)
    previous_end = 0
    for fig in figs:
        _hedge(fig, text, previous_end)
        previous_end = fig.end
        fig.surface = text[fig.extra.get("hedge_start", fig.start):fig.end]
        pm = _PREPOSITION_BEFORE.search(text, max(0, fig.start - 16), fig.extra.get("hedge_start", fig.start))
        if pm and pm.end() == fig.extra.get("hedge_start", fig.start):
            fig.preposition = pm.group(1).lower()
    _link_money_conversions(figs, text)
    _read_counted(figs, text)
    if lexicon is not None and any(f.kind in CLAIM_KINDS for f in figs):
        _read_predicates(figs, text, lexicon, lower, words)
        _read_places(figs, text, lexicon, lower, words)
    return figs


def extract_figures(sentences: pd.DataFrame, lexicon: Lexicon | None = None, codebook_dir=None) -> pd.DataFrame:
    """figures.csv: one row per figure in the body sentences (article_id, sentence_id, text).

    Proportions whose whole is in an earlier sentence ("About 15 of them were shot down")
    are resolved within each article, in sentence order. claim_id is left empty here and
    filled by analysis.claims.assign_claims."""
    lexicon = lexicon or load_lexicon(codebook_dir)
    rows: list[dict] = []
    ordered = sentences.sort_values(["article_id", "sentence_id"], kind="stable")
    recent: list[tuple[int, dict]] = []  # (sentence_id, row) of counts usable as a whole
    current_article = None
    extracted: dict[str, list[Figure]] = {}  # figures depend on the sentence text alone: extract each text once
    for article_id, sentence_id, text in zip(ordered["article_id"].tolist(), ordered["sentence_id"].tolist(), ordered["text"].tolist()):
        if article_id != current_article:
            current_article, recent = article_id, []
        if text not in extracted:
            extracted[text] = extract_sentence(text, lexicon)
        figs = extracted[text]  # read, never modified, below
        if not figs:  # most sentences: only the window of recent wholes moves on
            recent = _recent_wholes(recent, int(sentence_id))
            continue
        ids = [f"{article_id}:{int(sentence_id)}:{k + 1}" for k in range(len(figs))]
        sentence_rows = []
        for k, fig in enumerate(figs):
            row = _row(fig, article_id, int(sentence_id), ids[k], text)
            if fig.whole is not None:
                row["part_of"] = ids[fig.whole]
            if fig.conversion_of is not None:
                row["conversion_of"] = ids[fig.conversion_of]
            if fig.partitive in ("pronoun", "noun"):
                _resolve_whole(row, fig, recent + [(int(sentence_id), r) for r in sentence_rows])
            sentence_rows.append(row)
        rows.extend(sentence_rows)
        recent = _recent_wholes(recent, int(sentence_id), sentence_rows)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"sentence_id": "int64", "char_start": "int64", "char_end": "int64"})


def _matches_fields(claim, fig) -> bool:
    """Whether a figure's fields match a claim row (all but the sentence context); the
    counted patterns, the only costly test, come last."""
    if fig.kind != claim.kind:
        return False
    if claim.predicate and fig.predicate not in claim.predicate:
        return False
    if claim.place and fig.place not in claim.place:
        return False
    if claim.unit and fig.unit != claim.unit:
        return False
    if claim.preposition and fig.preposition not in claim.preposition:
        return False
    return not claim.counted or any(p.search(fig.counted) for p in claim.counted)


def assign_claims(figures: pd.DataFrame, claims: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """figures with claim_id filled: the first codebook claim that matches, else an automatic
    proposal shared by at least `min_articles` articles, else empty."""
    out = figures.copy()
    # A claim only ever matches figures of its kind; figures alike in every field but the
    # sentence share the claims their fields match (only a claim's context reads the sentence).
    claims_of_kind: dict[str, list] = {}
    for claim in claims.itertuples(index=False):
        claims_of_kind.setdefault(claim.kind, []).append(_compiled(claim))
    field_matches: dict[_Fields, list] = {}
    ids = []
    columns = [out[c].tolist() for c in _FIELDS]
    for conversion_of, sentence, *fields in zip(out["conversion_of"].tolist(), out["sentence"].tolist(), *columns):
        if conversion_of:  # "($190)" restates "180 euros": not a second statement
            ids.append("")
            continue
        fig = _Fields(*fields)
        candidates = field_matches.get(fig)
        if candidates is None:
            candidates = field_matches[fig] = [c for c in claims_of_kind.get(fig.kind, ()) if _matches_fields(c, fig)]
        ids.append(next((c.claim_id for c in candidates if _matches_context(c, sentence)), ""))
    out["claim_id"] = ids
    open_ = (out["claim_id"] == "") & out["kind"].isin(CLAIM_KINDS) & (out["head"] != "") & (out["conversion_of"] == "")
    keys = out.loc[open_, "kind"] + "|" + out.loc[open_, "head"] + "|" + out.loc[open_, "predicate"] + "|" \
        + out.loc[open_, "place"] + "|" + out.loc[open_, "unit"]
    spread = out.loc[open_, "article_id"].groupby(keys).nunique()
    shared = set(spread[spread >= min_articles].index)
    for position, key in zip(np.flatnonzero(open_.to_numpy()), keys.tolist()):
        if key in shared:
            ids[position] = _auto_claim_id(key)
    out["claim_id"] = ids
    return out


def find_discrepancies(figures: pd.DataFrame, articles: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """discrepancies.csv: one row per figure tied to a claim, with the claim's status.

    agrees_with counts the other articles stating the claim whose interval overlaps this
    figure's (in a conflict, the outlier is the row that agrees with fewest); consensus_low
    and consensus_high bound the values every article admits (empty on conflict)."""
    claimed = figures[figures["claim_id"] != ""]
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    descriptions = dict(zip(claims["claim_id"], claims["description"]))
    # plain lists, not a pandas group and row per figure: this runs once per figure
    column = {name: claimed[name].tolist() for name in claimed.columns}
    members: dict[str, list[int]] = {}  # claim_id -> its figures, claims in order of first figure
    for position, claim_id in enumerate(column["claim_id"]):
        members.setdefault(claim_id, []).append(position)
    rows = []
    for claim_id, positions in members.items():
        intervals = [(column["article_id"][k], column["low"][k], column["high"][k]) for k in positions]
        status = claim_status(intervals)
        n_articles = len({article for article, _, _ in intervals})
        consensus = (max(lo for _, lo, _ in intervals), min(hi for _, _, hi in intervals))
        if status == "conflict":
            consensus = (math.nan, math.nan)
        if claim_id in descriptions:
            description, source = descriptions[claim_id], "codebook"
        else:
            _, predicate, place = claim_id[len(AUTO_PREFIX):].split("|")
            first = positions[0]
            description = f"{column['counted'][first] or column['head'][first]} ({predicate}, {place}); automatic proposal"
            source = "auto"
        overlapping = _overlapping_articles(intervals)
        for k in positions:
            fig = {name: values[k] for name, values in column.items()}
            agrees = overlapping(fig["low"], fig["high"]) - {fig["article_id"]}
            rows.append({
                "claim_id": claim_id, "description": description, "article_id": fig["article_id"],
                "outlet": outlets.get(fig["article_id"], ""), "surface": fig["surface"], "value": fig["value"],
                "low": fig["low"], "high": fig["high"], "hedge": fig["hedge"], "status": status,
                "sentence_id": fig["sentence_id"], "figure_id": fig["figure_id"], "kind": fig["kind"], "unit": fig["unit"],
                "counted": fig["counted"], "predicate": fig["predicate"], "place": fig["place"], "claim_source": source,
                "n_articles": n_articles, "agrees_with": len(agrees), "consensus_low": consensus[0],
                "consensus_high": consensus[1], "sentence": fig["sentence"],
            })
    frame = pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)
    order = {cid: i for i, cid in enumerate(claims["claim_id"])}
    frame["_order"] = frame["claim_id"].map(lambda c: order.get(c, len(order)))
    frame = frame.sort_values(["_order", "claim_id", "article_id", "sentence_id"], kind="stable").drop(columns="_order")
    return frame.reset_index(drop=True)


def build_figures(corpus, codebook_dir=None) -> pd.DataFrame:
    """figures.csv for a corpus: extraction, derived figures, claim assignment."""
    figures = extract_figures(corpus.sentences, load_lexicon(codebook_dir))
    figures = derive_figures(figures, corpus.articles)
    return assign_claims(figures, load_claims(codebook_dir))[FIGURE_COLUMNS]
