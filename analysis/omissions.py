"""Omissions: what most other outlets carry and an outlet does not.

An outlet carries an item when any of its articles does:
  topic  at least `min_sentences` body sentences carry it, or its headline or dek does
         (emphasis.csv);
  actor  the actor is mentioned or quoted at least once (actors.csv);
  claim  a figure of the outlet was aligned to the claim (discrepancies.csv, one row per
         figure aligned to a claim; optional, as the claim table may not exist).

An item is an omission for outlet O when more than `majority` of the other outlets carry it
and O does not. Comparing with the *other* outlets (not all) keeps an outlet's own absence
from lowering the bar it is judged by. Absence is only evidence of omission when the texts
are complete: a fragment (an aggregator copy that starts mid-article) omits by truncation."""
from __future__ import annotations

import pandas as pd

PRESENCE_COLUMNS = ["outlet", "kind", "item", "carried", "description"]
OMISSION_COLUMNS = ["outlet", "kind", "item", "carried_by", "n_other_outlets", "share_of_others", "description"]


def outlet_presence(emphasis: pd.DataFrame, actors: pd.DataFrame | None = None,
                    discrepancies: pd.DataFrame | None = None, *, min_sentences: int = 1) -> pd.DataFrame:
    """One row per outlet x item (topics, actors, claims) with `carried` (bool).

    emphasis: article x topic rows with outlet, n_sentences, in_headline, in_dek (and label);
    its outlets define the outlets compared. actors: article x actor rows with outlet,
    mentions, quotes. discrepancies: rows with claim_id, outlet and description."""
    outlets = sorted(emphasis["outlet"].unique())
    parts = []

    carries_topic = (emphasis["n_sentences"] >= min_sentences) | emphasis["in_headline"] | emphasis["in_dek"]
    labels = dict(zip(emphasis["topic"], emphasis["label"])) if "label" in emphasis.columns else {}
    topic = emphasis.assign(_c=carries_topic).groupby(["outlet", "topic"])["_c"].any()
    parts.append(_complete(topic, outlets, list(dict.fromkeys(emphasis["topic"])), "topic", labels))

    if actors is not None and len(actors):
        present = actors[(actors["mentions"] > 0) | (actors["quotes"] > 0)]
        carried = present.groupby(["outlet", "actor"]).size() > 0
        camps = dict(zip(actors["actor"], actors["camp"])) if "camp" in actors.columns else {}
        parts.append(_complete(carried, outlets, sorted(actors["actor"].unique()), "actor", camps))

    if discrepancies is not None and len(discrepancies):
        carried = discrepancies.groupby(["outlet", "claim_id"]).size() > 0
        descriptions = discrepancies.drop_duplicates("claim_id").set_index("claim_id")["description"].astype(str).to_dict() if "description" in discrepancies.columns else {}
        parts.append(_complete(carried, outlets, sorted(discrepancies["claim_id"].astype(str).unique()), "claim", descriptions, key_type=str))

    return pd.concat(parts, ignore_index=True)[PRESENCE_COLUMNS]


def _complete(carried: pd.Series, outlets, items, kind: str, descriptions: dict, key_type=None) -> pd.DataFrame:
    """Every outlet x item, carried or not (absence is the point of this analysis)."""
    if key_type is not None:
        carried.index = pd.MultiIndex.from_arrays([carried.index.get_level_values(0), carried.index.get_level_values(1).astype(key_type)])
    grid = pd.MultiIndex.from_product([outlets, items], names=["outlet", "item"])
    values = carried.reindex(grid, fill_value=False).fillna(False).astype(bool)
    frame = values.rename("carried").reset_index()
    return frame.assign(kind=kind, description=frame["item"].map(descriptions).fillna(""))


def find_omissions(presence: pd.DataFrame, *, majority: float = 0.5) -> pd.DataFrame:
    """Rows of OMISSION_COLUMNS: items more than `majority` of the other outlets carry and
    the outlet does not, most widely carried first. Needs at least two outlets."""
    if not 0 <= majority < 1:
        raise ValueError("majority must lie in [0, 1)")
    outlets = presence["outlet"].unique()
    if len(outlets) < 2:
        return pd.DataFrame(columns=OMISSION_COLUMNS)
    total = presence.groupby(["kind", "item"])["carried"].transform("sum")
    others = len(outlets) - 1
    carried_by = total - presence["carried"].astype(int)
    frame = presence.assign(carried_by=carried_by.astype(int), n_other_outlets=others, share_of_others=carried_by / others)
    omitted = frame[~frame["carried"] & (frame["share_of_others"] > majority)]
    kind_order = {"topic": 0, "actor": 1, "claim": 2}
    omitted = omitted.assign(_k=omitted["kind"].map(kind_order).fillna(3))
    omitted = omitted.sort_values(["outlet", "_k", "share_of_others", "item"], ascending=[True, True, False, True], kind="stable")
    return omitted[OMISSION_COLUMNS].reset_index(drop=True)


def omission_matrix(presence: pd.DataFrame, *, majority: float = 0.5) -> pd.DataFrame:
    """For the chart: every outlet x item for the items at least one outlet omits, with
    status carried | omitted | absent (not carried, but too few other outlets carry it for
    the absence to count as an omission)."""
    omissions = find_omissions(presence, majority=majority)
    items = set(zip(omissions["kind"], omissions["item"]))
    omitted = set(zip(omissions["outlet"], omissions["kind"], omissions["item"]))
    keep = [(k, i) in items for k, i in zip(presence["kind"], presence["item"])]
    frame = presence[keep]
    status = [
        "carried" if carried else ("omitted" if (o, k, i) in omitted else "absent")
        for o, k, i, carried in zip(frame["outlet"], frame["kind"], frame["item"], frame["carried"])
    ]
    return frame.assign(status=status)[["outlet", "kind", "item", "status", "description"]].reset_index(drop=True)
