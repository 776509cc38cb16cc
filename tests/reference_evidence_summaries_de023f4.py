"""emphasis._evidence_summaries as it was at de023f4 (a Counter built for every distinct
cell by setdefault), kept verbatim as the oracle of the one that builds one per key."""
from collections import Counter

import pandas as pd

from analysis.terms import evidence_summary


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
        counted = counts.setdefault(key, Counter())
        for term, times in terms.items():
            counted[term] += times * n
    summaries = [evidence_summary(c) for c in counts.values()]
    index = pd.MultiIndex.from_tuples(list(counts), names=["article_id", "topic"]) if counts else None
    return pd.Series(summaries, index=index, dtype=object)

