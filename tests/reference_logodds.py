"""The weighted log-odds as first written (a full vocabulary x group grid through
pivot_table), and log_odds_vs_rest_00881f1 as it was before it sorted integer codes instead
of strings (00881f1), kept verbatim as the oracles for analysis.logodds.log_odds_vs_rest."""
import numpy as np
import pandas as pd

from analysis.logodds import ABSENCE_Z, OUTPUT_COLUMNS, _absent_words, _scores  # unchanged


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


def log_odds_vs_rest_00881f1(counts: pd.DataFrame, group: str = "group", *, prior_strength: float | None = None,
                     absent_z: float | None = ABSENCE_Z) -> pd.DataFrame:
    """Weighted log-odds of words for every group against all other groups pooled.

    counts: one row per (group, word) with `count` (as from tokens.term_counts); repeated
    rows are summed, rows counting 0 ignored.
    prior_strength: a_0, the total pseudo-count of the prior. None uses the corpus token
    count itself (the prior is the pooled corpus counts), the usual choice when there is no
    separate background corpus; smaller values shrink less.
    absent_z: every word a group used gets a row; a word it never used gets one only when its
    z is at most absent_z (the group avoids a word the others use; such a z is always
    negative). None lists every word of the corpus for every group.

    Returns one row per (group, word) listed: count, count_rest, total, total_rest, prior
    (a_w), delta, variance, z; sorted by group then descending z. The group column keeps its
    name."""
    if counts.empty:
        return pd.DataFrame(columns=[group] + OUTPUT_COLUMNS[1:])
    if (counts["count"] < 0).any():
        raise ValueError("word counts must be non-negative")
    if prior_strength is not None and prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    used = counts[counts["count"] > 0].groupby([group, "word"], sort=True)["count"].sum()
    if used.empty:
        return pd.DataFrame(columns=[group] + OUTPUT_COLUMNS[1:])
    group_of, group_names = pd.factorize(used.index.get_level_values(0), sort=True)
    word_of, vocabulary = pd.factorize(used.index.get_level_values(1), sort=True)
    uses = used.to_numpy(dtype=np.float64)
    corpus_counts = np.bincount(word_of, weights=uses, minlength=len(vocabulary))
    corpus_total = float(corpus_counts.sum())
    a0 = corpus_total if prior_strength is None else float(prior_strength)
    prior = a0 * corpus_counts / corpus_total
    group_totals = np.bincount(group_of, weights=uses, minlength=len(group_names))

    absent_group, absent_word = _absent_words(group_of, word_of, corpus_counts, prior, group_totals, a0, absent_z)
    g = np.concatenate([group_of, absent_group])
    w = np.concatenate([word_of, absent_word])
    y_i = np.concatenate([uses, np.zeros(len(absent_word))])
    y_j = corpus_counts[w] - y_i
    n_i = group_totals[g]
    n_j = corpus_total - n_i
    delta, variance, z = _scores(y_i, y_j, n_i, n_j, prior[w], a0)
    result = pd.DataFrame({
        group: group_names.take(g),
        "word": vocabulary.take(w),
        "count": y_i.astype(np.int64),
        "count_rest": y_j.astype(np.int64),
        "total": n_i.astype(np.int64),
        "total_rest": n_j.astype(np.int64),
        "prior": prior[w],
        "delta": delta,
        "variance": variance,
        "z": z,
    })
    return result.sort_values([group, "z", "word"], ascending=[True, False, True], kind="stable").reset_index(drop=True)
