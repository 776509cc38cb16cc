"""Emphasis per article and topic: how much of the body a topic takes (share of body words),
how prominently it is placed (prominence) and how early it first appears.

Pipeline: prominence.text_units -> topics.sentence_topics (evidence per unit) ->
topic_emphasis (this module), one row per article x topic, zeros included, so that a topic
an article never mentions is a visible 0 rather than a missing row."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .prominence import ProminenceWeights, unit_weights
from .terms import evidence_summary

EMPHASIS_COLUMNS = [
    "article_id", "topic", "share", "prominence", "first_position",
    "n_sentences", "words", "body_words", "in_headline", "in_dek", "in_lede",
    "has_headline", "has_dek", "evidence", "label",
]


def _evidence_summaries(evidence: pd.DataFrame) -> pd.Series:
    """(article_id, topic) -> 'drone (5); shot down (2)': every matched codebook term with its
    number of units, most frequent first. Counted in plain dicts (a pandas aggregation per
    group cost more than the rest of the table together): the rows' (article, topic, terms)
    first, in C, then each distinct terms cell split once."""
    cells = Counter(zip(zip(evidence["article_id"].tolist(), evidence["topic"].tolist()),
                        map(str, evidence["terms"].tolist())))
    terms_in: dict[str, Counter] = {}
    counts: dict[tuple[str, str], Counter] = {}
    for (key, cell), n in cells.items():
        terms = terms_in.get(cell)
        if terms is None:
            terms = terms_in[cell] = Counter(t for t in cell.split(";") if t)
        counted = counts.get(key)
        if counted is None:  # not setdefault(key, Counter()): a Counter built per cell
            counted = counts[key] = Counter()
        for term, times in terms.items():
            counted[term] += times * n
    summaries = [evidence_summary(c) for c in counts.values()]
    index = pd.MultiIndex.from_tuples(list(counts), names=["article_id", "topic"]) if counts else None
    return pd.Series(summaries, index=index, dtype=object)


def topic_emphasis(units: pd.DataFrame, evidence: pd.DataFrame, topics: pd.DataFrame, *,
                   article_ids=None, weights: ProminenceWeights = ProminenceWeights()) -> pd.DataFrame:
    """One row per article x topic.

    share: the topic's body words / all body words, where a body sentence with k topics
        gives each 1/k of its words (so shares lie in [0, 1] and sum to at most 1 per
        article; the rest is body text no topic claims).
    prominence: sum over units (headline, dek, body sentences) of unit weight / k for the
        units that carry the topic (see prominence.py); also in [0, 1], summing to at most 1.
    first_position: position (0 = top, 1 = end of body) of the first body sentence carrying
        the topic; empty when no body sentence does.
    n_sentences, words: body sentences carrying the topic and the words they give it.
    in_headline, in_dek, in_lede: whether those sections carry the topic; has_headline and
        has_dek: whether the article has them at all (missing ones are reported, not invented).
    evidence: the matched codebook terms with the number of units each matched in.

    units: from prominence.text_units; evidence: topics.sentence_topics(units, topics)."""
    weighted = unit_weights(units, weights)
    ids = list(dict.fromkeys(article_ids if article_ids is not None else units["article_id"]))
    topic_ids = list(topics["topic"])
    grid = pd.MultiIndex.from_product([ids, topic_ids], names=["article_id", "topic"])

    key = ["article_id", "unit", "sentence_id", "block_id"]
    unit_info = weighted[key + ["weight", "section"]]
    ev = evidence.merge(unit_info, on=key, how="left", validate="many_to_one")
    ev = ev.assign(prominence=ev["weight"] / ev["n_topics"])
    body = ev[ev["unit"] == "body"]

    grouped_body = body.groupby(["article_id", "topic"])
    result = pd.DataFrame(index=grid)
    result["words"] = grouped_body["words"].sum()
    result["n_sentences"] = grouped_body.size()
    # as float before grouping: an object column makes pandas take the minimum group by group in Python
    result["first_position"] = body["position"].astype(float).groupby([body["article_id"], body["topic"]]).min()
    result["prominence"] = ev.groupby(["article_id", "topic"])["prominence"].sum()
    for section in ("headline", "dek", "lede"):
        carried = ev[ev["section"] == section].groupby(["article_id", "topic"]).size()
        result[f"in_{section}"] = carried.reindex(grid).notna()
    result["evidence"] = _evidence_summaries(ev)
    result = result.reset_index()

    body_words = weighted[weighted["unit"] == "body"].groupby("article_id")["n_words"].sum()
    result["body_words"] = result["article_id"].map(body_words).fillna(0).astype(int)
    result["words"] = result["words"].fillna(0.0).astype(float)  # object dtype when no article has a topic
    result["n_sentences"] = result["n_sentences"].fillna(0).astype(int)
    result["prominence"] = result["prominence"].fillna(0.0)
    result["evidence"] = result["evidence"].fillna("")
    result["share"] = (result["words"] / result["body_words"]).where(result["body_words"] > 0, 0.0)
    for section in ("headline", "dek"):
        result[f"has_{section}"] = result["article_id"].isin(set(weighted.loc[weighted["unit"] == section, "article_id"]))
    result["label"] = result["topic"].map(dict(zip(topics["topic"], topics["label"])))
    return result[EMPHASIS_COLUMNS]



def topic_grid(emphasis: pd.DataFrame, value: str, topics: pd.DataFrame) -> pd.DataFrame:
    """(outlet, article_id) x topic table of one emphasis column, every codebook topic a
    column in codebook order, even a topic no article carries (blank, not dropped)."""
    grid = emphasis.pivot_table(index=["outlet", "article_id"], columns="topic", values=value, sort=False, dropna=False)
    return grid.reindex(columns=list(topics["topic"]))
