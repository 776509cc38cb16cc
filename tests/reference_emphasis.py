"""emphasis._evidence_summaries as it was before it counted distinct (article, topic,
terms) rows first (c412d6b), kept verbatim as the oracle the fast code must equal."""
from collections import Counter

import pandas as pd

from analysis.terms import evidence_summary


def _evidence_summaries(evidence: pd.DataFrame) -> pd.Series:
    """(article_id, topic) -> 'drone (5); shot down (2)': every matched codebook term with its
    number of units, most frequent first. Counted in plain dicts: a pandas aggregation per
    group cost more than the rest of the table together."""
    counts: dict[tuple[str, str], Counter] = {}
    for key, cell in zip(zip(evidence["article_id"].tolist(), evidence["topic"].tolist()), evidence["terms"].tolist()):
        counts.setdefault(key, Counter()).update(t for t in str(cell).split(";") if t)
    summaries = [evidence_summary(c) for c in counts.values()]
    index = pd.MultiIndex.from_tuples(list(counts), names=["article_id", "topic"]) if counts else None
    return pd.Series(summaries, index=index, dtype=object)
