"""Where in an article something appears: the text units a reader meets in order (headline,
dek, body sentences) and the weight of each unit in a prominence score.

Why weight by position: news is written as an inverted pyramid. The headline and the dek
are all that many readers see, and the lede (the first body paragraph) carries what the
writer judged most important; later paragraphs hold background and reaction that fewer
readers reach. A topic in the headline is therefore more prominent than the same number of
words at the foot of the story, which a plain share of body words cannot show.

The score gives each section of the article a fixed budget (ProminenceWeights: by default
headline 0.30, dek 0.15, lede 0.25, rest of the body 0.30), shared within the lede by
words and within the rest of the body by words times a linear decay from 1 at the top to
`body_floor` at the end. The budget of a missing section (no headline or dek in the text)
is shared among the present ones in proportion to their budgets, so every article's unit
weights add up to 1, and the emphasis table says which sections were missing rather than
inventing them. Fixed budgets keep a long body from drowning the headline, and keep
articles of different lengths comparable."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

UNIT_COLUMNS = ["article_id", "unit", "block_id", "sentence_id", "paragraph", "position", "text", "n_words", "source"]


@dataclass(frozen=True)
class ProminenceWeights:
    headline: float = 0.30
    dek: float = 0.15
    lede: float = 0.25
    body: float = 0.30
    body_floor: float = 0.25  # weight per word of the last body sentence, relative to the first

    def __post_init__(self):
        budgets = (self.headline, self.dek, self.lede, self.body)
        if min(budgets) < 0 or sum(budgets) <= 0:
            raise ValueError("section budgets must be non-negative and not all zero")
        if not 0 <= self.body_floor <= 1:
            raise ValueError("body_floor must lie in [0, 1]")


def _display_units(corpus, role: str) -> pd.DataFrame:
    """Headline or dek per article: the cleaner's blocks of that role when there are any,
    else the article table's field; articles with neither get no unit."""
    blocks = corpus.blocks[corpus.blocks["role"] == role]
    # an article's texts gathered in a dict, not by a per-group Python aggregation in pandas
    texts: dict = {}
    for article_id, text in zip(blocks["article_id"].tolist(), blocks["text"].tolist()):
        texts.setdefault(article_id, []).append(text)
    first_block = blocks.groupby("article_id", sort=False)["block_id"].first()
    block_of = {article_id: (block_id, " ".join(" ".join(texts[article_id]).split()))
                for article_id, block_id in zip(first_block.index, first_block.tolist())}
    rows = []
    for article_id, field in zip(corpus.articles["article_id"], corpus.articles[role].fillna("")):
        if article_id in block_of:
            block_id, text = block_of[article_id]
            source = "blocks"
        elif str(field).strip():
            block_id, text, source = pd.NA, " ".join(str(field).split()), "articles"
        else:
            continue
        rows.append((article_id, role, block_id, pd.NA, pd.NA, pd.NA, text, len(text.split()), source))
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)


def text_units(corpus) -> pd.DataFrame:
    """Every unit a reader meets, in reading order: headline, dek, then the body sentences.

    One row per unit: article_id, unit (headline | dek | body), block_id, sentence_id (body
    only), paragraph (body only, 0 = lede), position (body only, 0..1), text, n_words,
    source (blocks | articles | sentences)."""
    body = corpus.sentences.assign(unit="body", source="sentences")[UNIT_COLUMNS]
    parts = [frame for frame in (_display_units(corpus, "headline"), _display_units(corpus, "dek"), body) if len(frame)]
    units = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=UNIT_COLUMNS)
    order = {"headline": 0, "dek": 1, "body": 2}
    article_order = {a: i for i, a in enumerate(corpus.articles["article_id"])}
    units = units.assign(_a=units["article_id"].map(article_order), _u=units["unit"].map(order))
    units = units.sort_values(["_a", "_u", "sentence_id"], kind="stable").drop(columns=["_a", "_u"])
    return units.astype({"block_id": "Int64", "sentence_id": "Int64", "paragraph": "Int64", "position": "Float64"}).reset_index(drop=True)


def section_of(units: pd.DataFrame) -> pd.Series:
    """headline | dek | lede | body for each unit; the lede is the article's first body paragraph."""
    is_body = units["unit"] == "body"
    first_paragraph = units[is_body].groupby("article_id")["paragraph"].min()
    lede = is_body & (units["paragraph"] == units["article_id"].map(first_paragraph)).fillna(False).astype(bool)
    section = units["unit"].where(~is_body, "body")
    return section.mask(lede, "lede")


def unit_weights(units: pd.DataFrame, weights: ProminenceWeights = ProminenceWeights()) -> pd.DataFrame:
    """units with `section` and `weight` added; within each article the weights sum to 1."""
    section = section_of(units)
    words = units["n_words"].astype(float).clip(lower=0)
    decay = 1 - (1 - weights.body_floor) * units["position"].astype(float).fillna(0).clip(0, 1)
    raw = words.where(section != "body", words * decay)
    frame = units.assign(section=section, _raw=raw)
    # within a section: by raw weight, or evenly when the section has no words at all
    totals = frame.groupby(["article_id", "section"])["_raw"].transform("sum")
    counts = frame.groupby(["article_id", "section"])["_raw"].transform("size")
    within = (frame["_raw"] / totals).where(totals > 0, 1 / counts)
    budget = section.map({"headline": weights.headline, "dek": weights.dek, "lede": weights.lede, "body": weights.body})
    present = frame.assign(_b=budget).drop_duplicates(["article_id", "section"]).groupby("article_id")["_b"].sum()
    scale = frame["article_id"].map(present)
    weight = (within * budget / scale).where(scale > 0, 0.0)
    return frame.drop(columns="_raw").assign(weight=weight.astype(float))


def headline_and_lede(corpus) -> pd.DataFrame:
    """What each outlet put first, side by side: outlet, article_id, headline, dek, lede
    (first body paragraph). A missing headline or dek is shown as a note, never invented."""
    units = text_units(corpus)
    units = units.assign(section=section_of(units))
    first = {}
    for section in ("headline", "dek", "lede"):
        chosen = units[units["section"] == section]
        first[section] = chosen.groupby("article_id", sort=False)["text"].agg(" ".join)
    table = corpus.articles[["article_id", "outlet"]].copy()
    for section, note in (("headline", "(no headline in the text)"), ("dek", "(no dek)"), ("lede", "(no body text)")):
        table[section] = table["article_id"].map(first[section]).astype(object).fillna(note)
    return table[["outlet", "article_id", "headline", "dek", "lede"]].sort_values(["outlet", "article_id"]).reset_index(drop=True)
