"""The weighted log-odds as first written (a full vocabulary x group grid through
pivot_table), kept verbatim as the oracle for analysis.logodds.log_odds_vs_rest."""
import numpy as np
import pandas as pd

from analysis.logodds import OUTPUT_COLUMNS


def log_odds_vs_rest(counts: pd.DataFrame, group: str = "group", *, prior_strength: float | None = None) -> pd.DataFrame:
    """Weighted log-odds of every word for every group against all other groups pooled.

    counts: one row per (group, word) with `count` (as from tokens.term_counts).
    prior_strength: a_0, the total pseudo-count of the prior. None uses the corpus token
    count itself (the prior is the pooled corpus counts), the usual choice when there is no
    separate background corpus; smaller values shrink less.

    Returns one row per (group, word): count, count_rest, total, total_rest, prior (a_w),
    delta, variance, z; sorted by group then descending z. The group column keeps its name."""
    if counts.empty:
        return pd.DataFrame(columns=[group] + OUTPUT_COLUMNS[1:])
    if (counts["count"] < 0).any():
        raise ValueError("word counts must be non-negative")
    table = counts.pivot_table(index="word", columns=group, values="count", aggfunc="sum", fill_value=0)
    corpus_counts = table.sum(axis=1)
    corpus_total = float(corpus_counts.sum())
    a0 = corpus_total if prior_strength is None else float(prior_strength)
    if a0 <= 0:
        raise ValueError("prior_strength must be positive")
    prior = a0 * corpus_counts / corpus_total

    parts = []
    for name in table.columns:
        y_i = table[name].astype(float)
        y_j = corpus_counts - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log((y_j + prior) / (n_j + a0 - y_j - prior))
        variance = 1.0 / (y_i + prior) + 1.0 / (y_j + prior)
        parts.append(pd.DataFrame({
            group: name,
            "word": table.index,
            "count": y_i.astype(int).to_numpy(),
            "count_rest": y_j.astype(int).to_numpy(),
            "total": int(n_i),
            "total_rest": int(n_j),
            "prior": prior.to_numpy(),
            "delta": delta.to_numpy(),
            "variance": variance.to_numpy(),
            "z": (delta / np.sqrt(variance)).to_numpy(),
        }))
    result = pd.concat(parts, ignore_index=True)
    return result.sort_values([group, "z", "word"], ascending=[True, False, True], kind="stable").reset_index(drop=True)
