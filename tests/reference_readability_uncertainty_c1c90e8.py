"""readability_outlets.csv's bootstrap as it was at c1c90e8, kept verbatim (only the imports
made absolute) as the oracle of the bootstrap that folds sentence_counts a slice of articles
at a time into compact arrays (`readability_uncertainty.ArticleCounts`;
tests/test_readability_slices_c1c90e8.py) and the baseline of benchmarks/bench_readability.py:
it read sentence_counts whole, as one frame, and grouped every sentence's counts into one
matrix. Only the functions that changed are here; what they call that did not change is
imported."""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from analysis.readability import METRICS
from analysis.readability_uncertainty import (
    BOOTSTRAPPED, COUNT_COLUMNS, DIFFERENCE_COLUMNS, LEVEL, N_BOOT, NOT_BOOTSTRAPPED, OUTLET_INTERVAL_COLUMNS, SEED,
    _drawn_sums, _grouped_rows, _outlet_positions, _packed_articles, _quantiles, _replicates_by_article, _Scorer,
    _series_mean, formulas,
)


# analysis/tables.py
def readability_outlets_csv(ctx):
    return outlet_intervals(ctx.table("readability.csv"), ctx.table("sentence_counts"))


# analysis/readability_uncertainty.py
def _sentence_rows(counts: pd.DataFrame) -> tuple[np.ndarray, dict[str, slice]]:
    """Every sentence's COUNT_COLUMNS as one integer matrix, grouped by article (sentences
    in table order), and each article's rows in it."""
    values = counts[COUNT_COLUMNS].to_numpy(np.float64)
    rows = values.astype(np.int64)
    if not np.array_equal(rows, values):
        raise ValueError("sentence counts must be whole numbers (see sentence_counts)")
    articles, order, ends = _grouped_rows(counts["article_id"])
    spans = {a: slice(end - n, end) for a, end, n in zip(articles, ends, np.diff(ends, prepend=0))}
    return rows[order], spans


def _outlet_replicates(counts: pd.DataFrame, outlets: pd.Series, n_boot: int,
                       seed: int) -> Iterator[tuple[str, np.ndarray]]:
    """(outlet, its replicate means: a row per BOOTSTRAPPED metric, a column per replicate)
    for every outlet with body sentences, in sorted order: the two-stage bootstrap of
    bootstrap_replicates."""
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, not {n_boot}")
    rng = np.random.default_rng(seed)
    sentences, spans = _sentence_rows(counts)
    index = {article: i for i, article in enumerate(spans)}
    packing = _packed_articles(sentences, np.array([span.start for span in spans.values()], np.int64))
    members = outlets.groupby(outlets, sort=False).groups
    scorer = _Scorer()
    unscored: list[tuple[str, np.ndarray, int, int]] = []  # outlet, totals, k, pieces added
    for outlet in sorted(outlets.unique()):
        articles = sorted(a for a in members.get(outlet, ()) if a in spans)
        if not articles:
            continue
        k = len(articles)
        chosen = rng.integers(0, k, size=(n_boot, k)) if k > 1 else np.zeros((n_boot, 1), int)
        replicate_of = _replicates_by_article(chosen, k)
        ends = np.cumsum(np.bincount(chosen.ravel(), minlength=k))
        totals = np.zeros((len(BOOTSTRAPPED), n_boot))
        for article, end, draws in zip(articles, ends, np.diff(ends, prepend=0)):
            if draws:
                span = spans[article]
                picks = rng.integers(0, span.stop - span.start, size=(int(draws), span.stop - span.start))
                sums = _drawn_sums(picks, sentences[span], packing._replace(packed=packing.packed[:, span]),
                                   index[article])
                scorer.add(totals, replicate_of[end - draws:end], sums)
        unscored.append((outlet, totals, k, scorer.added))
        # outlets whose every piece has been scored are final: hand them on, hold no more
        while unscored and unscored[0][3] <= scorer.scored:
            outlet, totals, k, _ = unscored.pop(0)
            yield outlet, totals / k
    scorer.flush()
    for outlet, totals, k, _ in unscored:
        yield outlet, totals / k


def bootstrap_replicates(counts: pd.DataFrame, outlets: pd.Series, n_boot: int = N_BOOT,
                         seed: int = SEED) -> pd.DataFrame:
    """Bootstrap replicates of each outlet's mean article score (one row per outlet and
    replicate, a column per metric), resampling in two stages: the outlet's articles with
    replacement, then each drawn article's sentences with replacement. With one article
    per outlet this is a plain sentence bootstrap. Seeded: the same input gives the same
    replicates."""
    outlet_names, means = [], []
    for outlet, replicates in _outlet_replicates(counts, outlets, n_boot, seed):
        outlet_names.append(outlet)
        means.append(replicates)
    metrics = np.concatenate(means, axis=1) if means else np.zeros((len(BOOTSTRAPPED), 0))
    return pd.DataFrame({
        "outlet": pd.Series(np.repeat(np.array(outlet_names, dtype=object), n_boot), dtype=str),
        "replicate": np.tile(np.arange(n_boot), len(means)),
    } | dict(zip(BOOTSTRAPPED, metrics)))


def article_reconstruction(counts: pd.DataFrame) -> pd.DataFrame:
    """Each article's metrics recomputed from its summed sentence counts (no resampling)."""
    sums = counts.groupby("article_id", sort=True)[COUNT_COLUMNS].sum()
    return pd.DataFrame(formulas(sums), index=sums.index)


def anchored_replicates(readability: pd.DataFrame, counts: pd.DataFrame, *, n_boot: int = N_BOOT,
                        seed: int = SEED) -> pd.DataFrame:
    """bootstrap_replicates shifted, per outlet and metric, by the reconstruction gap
    (textstat's mean article score minus the same mean rebuilt from sentence counts), so
    they spread around textstat's own value. Columns: outlet, replicate, metrics."""
    outlets = readability.set_index("article_id")["outlet"]
    replicates = bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=seed)
    gaps = reconstruction_gaps(readability, counts)
    shift = gaps.reindex(replicates["outlet"]).to_numpy()
    return replicates.assign(**{m: replicates[m] + shift[:, i] for i, m in enumerate(BOOTSTRAPPED)})


def reconstruction_gaps(readability: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Per outlet (rows) and bootstrapped metric (columns): textstat's mean article score
    minus its reconstruction from sentence counts. Large gaps mean textstat split the text
    into sentences very differently from the suite (see readability.csv warnings)."""
    outlets = readability.set_index("article_id")["outlet"]
    rebuilt = article_reconstruction(counts).join(outlets).groupby("outlet")[BOOTSTRAPPED].mean()
    scored = readability.groupby("outlet")[BOOTSTRAPPED].mean()
    return scored - rebuilt.reindex(scored.index)


def outlet_intervals(readability: pd.DataFrame, counts: pd.DataFrame, *, n_boot: int = N_BOOT,
                     seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """One row per outlet and metric: the mean article score (textstat's values from
    readability.csv), a bootstrap interval around it, and the context needed to trust it.

    The interval is the percentile interval of the resampled scores shifted by
    `reconstruction_gap`, so it brackets textstat's own value."""
    tail = (1 - level) / 2
    gaps = reconstruction_gaps(readability, counts)
    gap_of = dict(zip(gaps.index, gaps[BOOTSTRAPPED].to_numpy(float)))
    outlets = readability.set_index("article_id")["outlet"]
    bounds = {outlet: _quantiles(means + gap_of[outlet][:, None], (tail, 1 - tail))
              for outlet, means in _outlet_replicates(counts, outlets, n_boot, seed)}
    values = {column: readability[column].to_numpy(float) for column in METRICS}
    words, sentences = readability["n_words"].to_numpy(), readability["n_sentences"].to_numpy()
    rows = []
    for outlet, at in _outlet_positions(readability["outlet"]):
        how = f"{level:.0%} bootstrap, {n_boot} resamples of sentences"
        if len(at) > 1:
            how += " within resampled articles"
        for column, metric in METRICS.items():
            have = words[at] if metric.min_unit == "words" else sentences[at]
            row = [outlet, column, metric.label, metric.harder_when, _series_mean(values[column][at]),
                   np.nan, np.nan, np.nan, len(at), int(sentences[at].sum()), int(words[at].sum()),
                   int((have < metric.min_count).sum()), "none: " + NOT_BOOTSTRAPPED.get(column, "")]
            if column in BOOTSTRAPPED and outlet not in bounds:
                row[-1] = "none: no body sentences to resample"
            elif column in BOOTSTRAPPED:
                i = BOOTSTRAPPED.index(column)
                row[5:8] = [*bounds[outlet][i], gap_of[outlet][i]]
                row[-1] = how
            rows.append(row)
    return pd.DataFrame(rows, columns=OUTLET_INTERVAL_COLUMNS)


def outlet_differences(readability: pd.DataFrame, counts: pd.DataFrame, *, n_boot: int = N_BOOT,
                       seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """Every pair of outlets and bootstrapped metric: the difference of their mean article
    scores (textstat's values) with a bootstrap interval, and whether it excludes zero.
    Many pairs are compared at once, so expect about 1 in 20 pairs to exclude zero by chance
    even where the outlets do not differ."""
    replicates = anchored_replicates(readability, counts, n_boot=n_boot, seed=seed).set_index(
        ["outlet", "replicate"])
    estimates = readability.groupby("outlet")[BOOTSTRAPPED].mean()
    names = sorted(replicates.index.get_level_values("outlet").unique())
    tail = (1 - level) / 2
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            spread = replicates.loc[a] - replicates.loc[b]
            for metric in BOOTSTRAPPED:
                low, high = spread[metric].quantile([tail, 1 - tail])
                rows.append({"metric": metric, "outlet_a": a, "outlet_b": b,
                             "difference": estimates.loc[a, metric] - estimates.loc[b, metric],
                             "low": low, "high": high, "excludes_zero": bool(low > 0 or high < 0)})
    return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)
