"""Aligning figures across outlets into claims, and whether the outlets' numbers can all hold.

A claim is one quantity several reports may state ("drones shot down over Kyiv"). Figures are
tied to claims two ways:

- the claim codebook (data/codebook/claims.csv): each row names the kind of figure and the
  patterns of its counted thing, predicate, place, unit, preposition and sentence context
  that identify it; the first row that matches takes the figure. Place is part of the claim:
  "23 over Kyiv" and "35 across the country" are two claims, not a disagreement.
- automatic proposals for what the codebook does not cover: figures of the same kind that
  share the counted thing's head noun, the predicate, the place and the unit, in at least two
  articles, form a claim ``auto:<head>|<predicate>|<place>`` (so a new event gets proposals
  before anyone writes a codebook).

Status of a claim (discrepancies.csv): ``single`` when only one article states it;
``consistent`` when one value lies in every interval the articles admit (the largest low is
at most the smallest high: "more than 20" [21, inf] and 23 agree); ``conflict`` otherwise
("about 15" [13.5, 16.5] against 18). Intervals follow the hedge rules in analysis.numbers.

Derived figures: "the first visit in three years" in an article published on a known date is
also the year of the previous visit, derived as a year figure with preposition "since"
(interval: the years that "N years" before publication covers when N is rounded, i.e.
N - 0.5 to N + 0.5 years earlier), so it can be checked against "first since 2018".
"""
from __future__ import annotations

import math
import re
from collections import namedtuple
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .codebook import Column, codebook_path, read_codebook
from .numbers import CLAIM_KINDS, FIGURE_COLUMNS, KINDS
from .table_parts import in_article_id_order

CLAIMS_FILE = "claims.csv"
CLAIM_COLUMNS = [
    Column("claim_id"),
    Column("description"),
    Column("kind", kind="choice", choices=KINDS),
    Column("counted", kind="regex_list", nonempty=False),
    Column("predicate", kind="list", nonempty=False),
    Column("place", kind="list", nonempty=False),
    Column("unit", nonempty=False, required=False),
    Column("preposition", kind="list", nonempty=False, required=False),
    Column("context", kind="regex", nonempty=False, required=False),
]
STATUSES = ("conflict", "consistent", "single")
DISCREPANCY_COLUMNS = [
    "claim_id", "description", "article_id", "outlet", "surface", "value", "low", "high", "hedge", "status",
    "sentence_id", "figure_id", "kind", "unit", "counted", "predicate", "place", "claim_source",
    "n_articles", "agrees_with", "consensus_low", "consensus_high", "sentence",
]
AUTO_PREFIX = "auto:"
_FIRST_IN = re.compile(r"(?i:\bfirst\b)")


def load_claims(codebook_dir=None) -> pd.DataFrame:
    """The claim codebook, validated (claim_id unique)."""
    return read_codebook(codebook_path(CLAIMS_FILE, codebook_dir), CLAIM_COLUMNS, unique="claim_id")


def derive_figures(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """figures plus a derived year for each "first ... in N years" in a dated article."""
    published = dict(zip(articles["article_id"], articles["published"]))
    derived = []
    candidates = figures[(figures["kind"] == "duration") & (figures["unit"] == "year") & (figures["preposition"] == "in")]
    for row in candidates.itertuples(index=False):
        day = _parse_date(published.get(row.article_id, ""))
        if day is None or math.isnan(row.value) or not _FIRST_IN.search(row.sentence[: row.char_start]):
            continue
        years = row.value
        earliest = day - timedelta(days=round(365.25 * (years + 0.5)))
        latest = day - timedelta(days=round(365.25 * (years - 0.5)))
        new = row._asdict()
        new.update(
            figure_id=f"{row.figure_id}:derived", surface=f"{row.surface} (before {day.isoformat()})",
            value=float(day.year - int(years)), low=float(earliest.year), high=float(latest.year),
            hedge="approx", kind="year", unit="", counted="", head="", predicate="", place="",
            preposition="since", derived_from=row.figure_id,
        )
        derived.append(new)
    if not derived:
        return figures
    out = pd.concat([figures, pd.DataFrame(derived, columns=figures.columns)], ignore_index=True)
    return out.sort_values(["article_id", "sentence_id", "char_start"], kind="stable").reset_index(drop=True)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _compiled(claim):
    """A codebook claim row with its counted and context patterns compiled (case-insensitive),
    as _matches_shape, _matches_counted and _matches_context read them."""
    return claim._replace(counted=tuple(re.compile(p, re.IGNORECASE) for p in claim.counted),
                          context=re.compile(claim.context, re.IGNORECASE) if claim.context else claim.context)


def _matches_shape(claim, fig) -> bool:
    """Whether a figure's kind, predicate, place, unit and preposition match a claim row."""
    if fig.kind != claim.kind:
        return False
    if claim.predicate and fig.predicate not in claim.predicate:
        return False
    if claim.place and fig.place not in claim.place:
        return False
    if claim.unit and fig.unit != claim.unit:
        return False
    return not claim.preposition or fig.preposition in claim.preposition


def _matches_counted(claim, counted: str) -> bool:
    """Whether the counted thing matches one of a claim row's patterns (the costly test)."""
    return not claim.counted or any(p.search(counted) for p in claim.counted)


def _matches_context(claim, sentence: str) -> bool:
    return not claim.context or claim.context.search(sentence) is not None


_FIELDS = ("kind", "counted", "predicate", "place", "unit", "preposition")
_Fields = namedtuple("_Fields", _FIELDS)  # what the claim tests read of a figure


def assign_claims(figures: pd.DataFrame, claims: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """figures with claim_id filled: the first codebook claim that matches, else an automatic
    proposal shared by at least `min_articles` articles, else empty."""
    out = figures.copy()
    compiled = [_compiled(claim) for claim in claims.itertuples(index=False)]
    # Work once per distinct value: the claims a figure's shape (all fields but the counted
    # thing and the sentence) admits, once per shape (few); the counted patterns, once per
    # shape and counted thing (distinct counted things grow with the corpus); only a claim's
    # context reads the sentence.
    shape_matches: dict[tuple, list] = {}
    field_matches: dict[tuple, list] = {}  # keyed by the plain tuple of _FIELDS
    ids = []
    columns = [out[c].tolist() for c in _FIELDS]
    for conversion_of, sentence, fields in zip(out["conversion_of"].tolist(), out["sentence"].tolist(), zip(*columns)):
        if conversion_of:  # "($190)" restates "180 euros": not a second statement
            ids.append("")
            continue
        candidates = field_matches.get(fields)
        if candidates is None:
            fig = _Fields._make(fields)
            shape = fig._replace(counted="")
            admitted = shape_matches.get(shape)
            if admitted is None:
                admitted = shape_matches[shape] = [c for c in compiled if _matches_shape(c, fig)]
            candidates = field_matches[fields] = [c for c in admitted if _matches_counted(c, fig.counted)]
        ids.append(next((c.claim_id for c in candidates if _matches_context(c, sentence)), "") if candidates else "")
    out["claim_id"] = ids
    open_ = (out["claim_id"] == "") & out["kind"].isin(CLAIM_KINDS) & (out["head"] != "") & (out["conversion_of"] == "")
    keys = out.loc[open_, "kind"] + "|" + out.loc[open_, "head"] + "|" + out.loc[open_, "predicate"] + "|" \
        + out.loc[open_, "place"] + "|" + out.loc[open_, "unit"]
    spread = out.loc[open_, "article_id"].groupby(keys).nunique()
    auto_ids = {key: _auto_claim_id(key) for key in spread[spread >= min_articles].index}
    for position, key in zip(np.flatnonzero(open_.to_numpy()), keys.tolist()):
        if key in auto_ids:
            ids[position] = auto_ids[key]
    out["claim_id"] = ids
    return out


def _auto_claim_id(key: str) -> str:
    """auto:<head>|<predicate>|<place> from an assign_claims key kind|head|predicate|place|unit."""
    kind, head, predicate, place, _ = key.split("|")
    return f"{AUTO_PREFIX}{head}|{predicate or 'any'}|{place or 'anywhere'}"


def claim_status(intervals: list[tuple[str, float, float]]) -> str:
    """conflict / consistent / single for (article_id, low, high) intervals of one claim."""
    articles = {a for a, _, _ in intervals}
    if len(articles) < 2:
        return "single"
    known = [(lo, hi) for _, lo, hi in intervals if not (math.isnan(lo) or math.isnan(hi))]
    if not known:
        return "single"
    return "consistent" if max(lo for lo, _ in known) <= min(hi for _, hi in known) else "conflict"


def _overlapping_articles(intervals: list[tuple[str, float, float]]):
    """A function (low, high) -> the articles with an interval overlapping [low, high].
    Figures of one claim share few distinct intervals, so articles are gathered per distinct
    interval and each distinct query is answered once, instead of every figure against every
    figure."""
    by_interval: dict[tuple[float, float], set[str]] = {}
    for article, lo, hi in intervals:
        by_interval.setdefault((lo, hi), set()).add(article)
    answers: dict[tuple[float, float], set[str]] = {}

    def overlapping(low: float, high: float) -> set[str]:
        if (low, high) not in answers:
            answers[(low, high)] = {a for (lo, hi), articles in by_interval.items() if lo <= high and low <= hi for a in articles}
        return answers[(low, high)]

    return overlapping


# what find_discrepancies reads of each figure, and the columns it adds per claim
_FIGURE_FIELDS_KEPT = (
    "claim_id", "article_id", "surface", "value", "low", "high", "hedge", "sentence_id", "figure_id", "kind", "unit",
    "counted", "head", "predicate", "place", "sentence",
)
_CLAIM_FIELDS = ("description", "status", "claim_source", "n_articles", "agrees_with", "consensus_low", "consensus_high")


def find_discrepancies(figures: pd.DataFrame, articles: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """discrepancies.csv: one row per figure tied to a claim, with the claim's status.

    agrees_with counts the other articles stating the claim whose interval overlaps this
    figure's (in a conflict, the outlier is the row that agrees with fewest); consensus_low
    and consensus_high bound the values every article admits (empty on conflict)."""
    claimed = figures[figures["claim_id"] != ""]
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    descriptions = dict(zip(claims["claim_id"], claims["description"]))
    # plain lists built column by column, not a pandas group or a dict per figure: this runs
    # once per figure
    column = {name: claimed[name].tolist() for name in _FIGURE_FIELDS_KEPT}
    article_ids, lows, highs = column["article_id"], column["low"], column["high"]
    members: dict[str, list[int]] = {}  # claim_id -> its figures, in figure order
    for position, claim_id in enumerate(column["claim_id"]):
        members.setdefault(claim_id, []).append(position)
    if not members:  # the dtypes a frame of no rows had
        return pd.DataFrame([], columns=DISCREPANCY_COLUMNS).reset_index(drop=True)
    order = {cid: i for i, cid in enumerate(claims["claim_id"])}
    # rows: codebook claims in codebook order, then the others by id; within a claim by
    # article and sentence, ties in figure order
    rows: list[int] = []
    per_claim = {name: [] for name in _CLAIM_FIELDS}
    for claim_id in sorted(members, key=lambda c: (order.get(c, len(order)), c)):
        positions = members[claim_id]
        intervals = [(article_ids[k], lows[k], highs[k]) for k in positions]
        status = claim_status(intervals)
        consensus = (max(lows[k] for k in positions), min(highs[k] for k in positions))
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
        positions = sorted(positions, key=lambda k: (article_ids[k], column["sentence_id"][k]))
        rows.extend(positions)
        for k in positions:
            agreeing = overlapping(lows[k], highs[k])  # shared by the figures of one interval: count, never copy
            per_claim["agrees_with"].append(len(agreeing) - (article_ids[k] in agreeing))
        claim_values = {"description": description, "status": status, "claim_source": source,
                        "n_articles": len(set(article_ids[k] for k in positions)),
                        "consensus_low": consensus[0], "consensus_high": consensus[1]}
        for name, value in claim_values.items():
            per_claim[name].extend([value] * len(positions))
    data = {name: list(map(values.__getitem__, rows)) for name, values in column.items()}
    data["outlet"] = [outlets.get(article, "") for article in data["article_id"]]
    data.update(per_claim)
    return pd.DataFrame(data, columns=DISCREPANCY_COLUMNS)


def build_figures(corpus, codebook_dir=None) -> pd.DataFrame:
    """figures.csv for a corpus in memory: extraction, derived figures, claim assignment."""
    return figures_of_mentions([figure_mentions(corpus.sentences, codebook_dir)], corpus.articles, codebook_dir)


def figure_mentions(sentences: pd.DataFrame, codebook_dir=None) -> pd.DataFrame:
    """Every figure the sentences state, articles by article_id, before derived figures and
    claim ids: the costly part of figures.csv. Each article's rows depend on that article
    alone (a proportion's whole is sought within its article; the extraction memo only saves
    re-reading a repeated text), so it may be built on any partition of the articles."""
    from .numbers import extract_figures, load_lexicon

    return extract_figures(sentences, load_lexicon(codebook_dir))


def figures_of_mentions(slices, articles: pd.DataFrame, codebook_dir=None) -> pd.DataFrame:
    """figures.csv from figure_mentions given in slices of whole articles, the articles in any
    order (a parallel export gives them in corpus order): the articles are put in article_id
    order, as extraction over the whole corpus puts them, then derived figures and claim ids
    (which group figures across articles) are added."""
    from .numbers import figure_frame

    frames = [frame for frame in slices if len(frame)]  # (a frame of no row has no dtypes to give)
    # no figure or no article: the empty frame extraction gives
    figures = pd.concat(frames, ignore_index=True) if frames else figure_frame([])
    del frames  # the slices, now copied
    figures = in_article_id_order(figures)  # (as a table ordered by article_id is gathered)
    figures = derive_figures(figures, articles)
    return assign_claims(figures, load_claims(codebook_dir))[FIGURE_COLUMNS]


def claims_by_outlet(discrepancies: pd.DataFrame) -> pd.DataFrame:
    """Claims as rows, outlets as columns, each cell the surfaces the outlet used ('' = not stated);
    plus the claim's status. For display."""
    if discrepancies.empty:
        return pd.DataFrame(columns=["claim_id", "description", "status"])
    cells = discrepancies.groupby(["claim_id", "outlet"], sort=False)["surface"].agg(" / ".join).unstack(fill_value="")
    meta = discrepancies.drop_duplicates("claim_id").set_index("claim_id")[["description", "status"]]
    table = meta.join(cells).fillna("")
    table.columns.name = None
    return table.reset_index()
