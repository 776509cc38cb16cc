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

from typing import Iterable

import numpy as np
import pandas as pd

OUTPUT_COLUMNS = ["group", "word", "count", "count_rest", "total", "total_rest", "prior", "delta", "variance", "z"]


# A word a group never used is listed only when its absence is this significant (z <= -1.96,
# two-sided 5 %): the full grid of vocabulary x groups is mostly words one outlet never used
# that score near 0, and it grows with both (69 MB for 1,000 articles from 50 outlets).
ABSENCE_Z = -1.96


def log_odds_vs_rest(counts: pd.DataFrame, group: str = "group", *, prior_strength: float | None = None,
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
    return _coded_log_odds(group_names, vocabulary, group_of, word_of, used.to_numpy(dtype=np.float64),
                           group, prior_strength, absent_z)


def _coded_log_odds(group_names: pd.Index, vocabulary: pd.Index, group_of: np.ndarray, word_of: np.ndarray,
                    uses: np.ndarray, group: str, prior_strength: float | None,
                    absent_z: float | None) -> pd.DataFrame:
    """log_odds_vs_rest on integer codes: group_names and vocabulary sorted, a row per (group,
    word) used (uses > 0), sorted by group_of then word_of."""
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
    # by group, descending z, word: the codes sort as the names they stand for (both sorted),
    # and sorting integers costs far less than sorting strings
    order = pd.DataFrame({"g": g, "z": z, "w": w}, copy=False).sort_values(
        ["g", "z", "w"], ascending=[True, False, True], kind="stable").index.to_numpy()
    # columns put in order one at a time and not copied again: the table is large (a row per
    # word each group used), and every extra copy of it shows in the peak memory
    columns = {group: g, "word": w, "count": y_i, "count_rest": y_j, "total": n_i, "total_rest": n_j,
               "prior": w, "delta": delta, "variance": variance, "z": z}
    del g, w, y_i, y_j, n_i, n_j, delta, variance, z
    for name, values in columns.items():
        columns[name] = values[order]
    columns[group] = group_names.take(columns[group])
    columns["word"] = vocabulary.take(columns["word"])
    columns["prior"] = prior[columns["prior"]]
    for name in ("count", "count_rest", "total", "total_rest"):
        columns[name] = columns[name].astype(np.int64)
    return pd.DataFrame(columns, copy=False)


def _scores(y_i, y_j, n_i, n_j, prior, a0: float):
    """delta, variance and z (arrays) of counts y_i of n_i tokens against y_j of n_j. With one
    group (nothing to compare with) or a prior_strength smaller than a count they are NaN, as
    pandas arithmetic gives them, without numpy's warnings."""
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log((y_j + prior) / (n_j + a0 - y_j - prior))
        variance = 1.0 / (y_i + prior) + 1.0 / (y_j + prior)
        return delta, variance, delta / np.sqrt(variance)


def _absent_words(group_of: np.ndarray, word_of: np.ndarray, corpus_counts: np.ndarray, prior: np.ndarray,
                  group_totals: np.ndarray, a0: float, absent_z: float | None) -> tuple[np.ndarray, np.ndarray]:
    """(group, word) codes of the words each group never used that get a row. An unused word's
    z depends only on its corpus count, so it is scored once per distinct count and group,
    not once per word and group."""
    by_count = np.argsort(corpus_counts, kind="stable")
    distinct, starts = np.unique(corpus_counts[by_count], return_index=True)
    ends = np.append(starts[1:], len(by_count))
    first_prior = prior[by_count[starts]]
    corpus_total = float(corpus_counts.sum())
    group_starts = np.searchsorted(group_of, np.arange(len(group_totals) + 1))  # group_of is sorted
    groups, words = [], []
    for code, n_i in enumerate(group_totals):
        if absent_z is None:
            hits = np.arange(len(distinct))
        else:
            z = _scores(np.zeros(len(distinct)), distinct, n_i, corpus_total - n_i, first_prior, a0)[2]
            hits = np.flatnonzero(z <= absent_z)
        if not len(hits):
            continue
        candidates = np.concatenate([by_count[starts[h]:ends[h]] for h in hits])
        unused = np.setdiff1d(candidates, word_of[group_starts[code]:group_starts[code + 1]], assume_unique=True)
        groups.append(np.full(len(unused), code, dtype=np.int64))
        words.append(unused)
    if not groups:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(groups), np.concatenate(words)


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
    `group` against the other groups pooled (log_odds_vs_rest of tokens.term_counts), on
    integer codes from counting to scoring: no (group, word) frame of strings to build,
    group and sort."""
    return distinctive_words_of_slices([frame], group, text, prior_strength=prior_strength)


def distinctive_words_of_slices(slices: Iterable[pd.DataFrame], group: str = "outlet", text: str = "text", *,
                                prior_strength: float | None = None) -> pd.DataFrame:
    """distinctive_words of the frame the slices make (in any slicing, the same table): each
    slice's words are counted and dropped (tokens.TermCounter), so only the counts per
    (group, word) are held, never the frame."""
    from .tokens import TermCounter

    if prior_strength is not None and prior_strength <= 0:
        raise ValueError("prior_strength must be positive")
    counter = TermCounter()
    for frame in slices:
        counter.add(frame, group, text)
    coded = counter.counts()
    del counter  # its caches (every distinct chunk of the corpus) are no longer needed
    # groups as a groupby sorts them; rows without a group are left out, as it leaves them
    named, group_names = pd.factorize(pd.Series(coded.groups, dtype=object).infer_objects(), sort=True)
    group_of = named[coded.group_of]
    kept = np.flatnonzero(group_of >= 0)
    order = kept[np.lexsort((coded.word_of[kept], group_of[kept]))]
    used_words, word_of = np.unique(coded.word_of[order], return_inverse=True)
    if not len(word_of):
        return pd.DataFrame(columns=[group] + OUTPUT_COLUMNS[1:])
    uses = coded.count[order].astype(np.float64)
    vocabulary = coded.vocabulary.take(used_words)
    del coded  # the counts are large: hold them once
    return _coded_log_odds(group_names, vocabulary, group_of[order], word_of, uses, group, prior_strength, ABSENCE_Z)
