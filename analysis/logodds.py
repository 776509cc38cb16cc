"""Distinctive words: weighted log-odds ratios with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008, "Fightin' Words", Political Analysis 16(4), section 3.5).

For a group i (an outlet) against the rest j (all other outlets pooled), and a word w:

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

y are word counts, n total token counts, and the prior a_w = a_0 * (share of w in the whole
corpus). The prior shrinks rare words towards zero (a word used twice by one outlet and
never by the others is weak evidence) and the z-score accounts for the remaining
uncertainty, so a large |z| (say above 1.96) marks a word an outlet uses more (z > 0) or
less (z < 0) than the others beyond what sampling noise explains."""
from __future__ import annotations

import numpy as np
import pandas as pd

OUTPUT_COLUMNS = ["group", "word", "count", "count_rest", "total", "total_rest", "prior", "delta", "variance", "z"]


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


def top_distinctive(scores: pd.DataFrame, group: str = "group", *, n: int = 10, min_count: int = 2, z_min: float | None = None) -> pd.DataFrame:
    """The n words with the highest z per group that the group used at least min_count times
    (and with z >= z_min when given): the words that most set the group apart."""
    kept = scores[scores["count"] >= min_count]
    if z_min is not None:
        kept = kept[kept["z"] >= z_min]
    kept = kept.sort_values([group, "z", "word"], ascending=[True, False, True], kind="stable")
    return kept.groupby(group, sort=True).head(n).reset_index(drop=True)


def distinctive_words(frame: pd.DataFrame, group: str = "outlet", text: str = "text", *, prior_strength: float | None = None) -> pd.DataFrame:
    """Tokenise `text` (tokens.tokenize, small stopword list) and score every word for every
    `group` against the other groups pooled (log_odds_vs_rest)."""
    from .tokens import term_counts

    return log_odds_vs_rest(term_counts(frame, group, text), group, prior_strength=prior_strength)
