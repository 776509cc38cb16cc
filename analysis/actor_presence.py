"""Who appears in each article: actor mentions, direct quotations attributed to them and how
early they first appear (actors.csv), from the actor codebook (analysis.actors).

Quotations come from the quote table (quotes.csv: one row per quotation with a `speaker`
column); each speaker is resolved to a codebook actor with ActorMatcher.resolve, falling back
to `speaker_surface`. Without a quote table the quotes column is 0 and `quotes_source` says
that quotations were not counted, so a 0 is never mistaken for "never quoted"."""
from __future__ import annotations

import re

import pandas as pd

from .actors import ActorMatcher, find_mentions

ACTOR_TABLE_COLUMNS = [
    "article_id", "actor", "mentions", "quotes", "first_position",
    "camp", "first_sentence_id", "surfaces", "quotes_source",
]
QUOTES_COUNTED = "quotes.csv"
QUOTES_NOT_COUNTED = "not counted: no quote table available"


def quotes_per_actor(quotes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """article_id, actor, quotes: direct quotations per article and codebook actor. Speakers
    that resolve to no codebook actor are left out (they are not in the codebook)."""
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=["article_id", "actor", "quotes"])
    matcher = ActorMatcher(actors)
    surfaces = quotes["speaker_surface"] if "speaker_surface" in quotes.columns else pd.Series("", index=quotes.index)
    resolved = [
        matcher.resolve(speaker) if str(speaker).strip() and pd.notna(speaker) else None
        for speaker in quotes["speaker"]
    ]
    resolved = [r if r is not None else (matcher.resolve(s) if pd.notna(s) and str(s).strip() else None)
                for r, s in zip(resolved, surfaces)]
    frame = pd.DataFrame({"article_id": quotes["article_id"].to_numpy(), "actor": resolved}).dropna(subset=["actor"])
    return frame.groupby(["article_id", "actor"], sort=True).size().rename("quotes").reset_index()


_APPOSITION_GAP = re.compile(r"^[\s,\-–—]*$")


def merge_appositions(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Mentions with a title and a name of the same actor written side by side ("Kremlin
    spokesman Dmitry Peskov", "Lukashenko, the Belarusian leader" is not: words intervene)
    merged into one mention, so a name with its title is not counted twice."""
    if mentions.empty:
        return mentions
    text = dict(zip(zip(sentences["article_id"].tolist(), sentences["sentence_id"].tolist()), sentences["text"].tolist()))
    ordered = mentions.sort_values(["article_id", "sentence_id", "char_start"], kind="stable")
    keep = []
    previous = None
    columns = [ordered[c].tolist() for c in ("article_id", "sentence_id", "actor", "char_start", "char_end")]
    for index, article_id, sentence_id, actor, char_start, char_end in zip(ordered.index, *columns):
        key = (article_id, sentence_id)
        if previous is not None and previous[0] == key and previous[1] == actor and \
                _APPOSITION_GAP.match(text[key][previous[2]:char_start]):
            previous = (key, actor, char_end)
            continue
        keep.append(index)
        previous = (key, actor, char_end)
    return mentions.loc[keep]


def _surfaces_in_order(mentions: pd.DataFrame) -> pd.Series:
    """The distinct surfaces of each (article_id, actor), ';'-joined in order of first use:
    one pass over plain lists instead of a Python function called per pandas group."""
    used: dict[tuple, dict[str, None]] = {}
    for key, surface in zip(zip(mentions["article_id"].tolist(), mentions["actor"].tolist()), mentions["surface"].tolist()):
        used.setdefault(key, {})[surface] = None
    index = pd.MultiIndex.from_tuples(list(used), names=["article_id", "actor"]) if used else None
    return pd.Series([";".join(s) for s in used.values()], index=index)


def actor_presence(sentences: pd.DataFrame, actors: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article x actor that is mentioned or quoted in the article's body.

    mentions: alias matches in body sentences; quotes: direct quotations attributed to the
    actor (0 when `quotes` is None; see quotes_source); first_position: position (0 = top,
    1 = end of body) of the first sentence mentioning the actor; first_sentence_id: that
    sentence; surfaces: the distinct aliases used, in order of first use."""
    mentions = merge_appositions(find_mentions(sentences, actors), sentences)
    grouped = mentions.groupby(["article_id", "actor"], sort=True)
    table = pd.DataFrame({
        "mentions": grouped.size(),
        "first_position": grouped["position"].min().astype(float),
        "first_sentence_id": grouped["sentence_id"].min(),
    })
    table["surfaces"] = _surfaces_in_order(mentions).reindex(table.index)
    quoted = quotes_per_actor(quotes, actors).set_index(["article_id", "actor"])["quotes"] if quotes is not None else None
    if quoted is not None and len(quoted):
        table = table.join(quoted, how="outer")
    else:
        table["quotes"] = 0
    table = table.reset_index()
    table["mentions"] = table["mentions"].fillna(0).astype(int)
    table["quotes"] = table["quotes"].fillna(0).astype(int)
    table["first_sentence_id"] = table["first_sentence_id"].astype("Int64")
    table["surfaces"] = table["surfaces"].fillna("")
    table["camp"] = table["actor"].map(dict(zip(actors["actor"], actors["camp"])))
    table["quotes_source"] = QUOTES_COUNTED if quotes is not None else QUOTES_NOT_COUNTED
    return table[ACTOR_TABLE_COLUMNS].sort_values(["article_id", "first_position", "actor"], na_position="last", kind="stable").reset_index(drop=True)
