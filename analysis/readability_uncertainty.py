"""How much a readability score moves: per-outlet bootstrap intervals and paragraph-level
scores.

Calling textstat on every resampled text would cost thousands of full textstat passes.
Instead each body sentence is counted once with textstat (words, syllables, letters,
polysyllables, difficult words, textstat's own sentence count); the formulas below are
textstat 0.7.8's, applied to sums of those counts. Summed over an article's sentences they
give textstat's score of the article whenever textstat splits sentences where the suite
does (tests check this); elsewhere the small gap is reported as `reconstruction_gap` and
intervals are anchored on textstat's own score.

Linsear Write (first 100 words only) and the consensus grade (a vote over rounded grades)
are not sums of sentence counts: they get no interval, and say so.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import textstat

from .readability import LONG_SENTENCE_WORDS, METRICS

# Sums over sentences that the formulas need (names as in textstat's formulas).
COUNT_COLUMNS = [
    "words", "words_with_punct", "syllables", "letters", "chars", "polysyllables",
    "fog_hard_words", "dale_chall_hard_words", "textstat_sentences",
    "suite_words", "suite_sentences", "long_sentences",
]
BOOTSTRAPPED = [
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "words_per_sentence_mean", "long_sentence_share", "syllables_per_word",
]
NOT_BOOTSTRAPPED = {
    "linsear_write_formula": "scores the first 100 words only, not a sum over sentences",
    "consensus_grade": "a vote over rounded grades, not a sum over sentences",
    "words_per_sentence_median": "a quantile: see the sentence-length distribution",
    "words_per_sentence_p90": "a quantile: see the sentence-length distribution",
    "difficult_words": "a count of distinct words, not a sum over sentences",
    "difficult_word_pct": "not resampled: Dale-Chall's interval covers the same word list",
    "lexical_diversity": "a moving window over running text, not a sum over sentences",
}
N_BOOT = 2000
SEED = 20221219
LEVEL = 0.95


def sentence_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per body sentence: its provenance and the textstat counts the formulas sum."""
    rows = []
    for text in sentences["text"]:
        rows.append((
            textstat.lexicon_count(text),
            textstat.lexicon_count(text, removepunct=False),
            textstat.syllable_count(text),
            textstat.letter_count(text),
            textstat.char_count(text),
            textstat.polysyllabcount(text),
            textstat.difficult_words(text, syllable_threshold=3, unique=False),
            textstat.difficult_words(text, syllable_threshold=0, unique=False),
            textstat.sentence_count(text),
        ))
    counts = pd.DataFrame(rows, columns=COUNT_COLUMNS[:9], index=sentences.index).astype(int)
    counts["suite_words"] = sentences["n_words"]
    counts["suite_sentences"] = 1
    counts["long_sentences"] = (sentences["n_words"] > LONG_SENTENCE_WORDS).astype(int)
    provenance = sentences[["article_id", "sentence_id", "block_id", "paragraph"]]
    return pd.concat([provenance, counts], axis=1)


def _ratio(numerator, denominator):
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), 0.0)


def formulas(sums) -> dict[str, np.ndarray]:
    """textstat 0.7.8's formulas (English) on summed counts: a mapping with COUNT_COLUMNS
    as keys and arrays (or a DataFrame) as values. Same zero guards as textstat."""
    c = {name: np.asarray(sums[name], float) for name in COUNT_COLUMNS}
    words_per_sentence = _ratio(c["words"], c["textstat_sentences"])
    syllables_per_word = _ratio(c["syllables"], c["words"])
    flesch_defined = (words_per_sentence != 0) & (syllables_per_word != 0)
    letters_100 = 100 * _ratio(c["letters"], c["words"])
    sentences_100 = 100 * _ratio(c["textstat_sentences"], c["words"])
    chars_per_word = _ratio(c["chars"], c["words_with_punct"])
    dale_chall_pct = 100 * _ratio(c["dale_chall_hard_words"], c["words"])
    has_words = c["words"] > 0
    return {
        "flesch_reading_ease": np.where(
            flesch_defined, 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, 0.0),
        "flesch_kincaid_grade": np.where(
            flesch_defined, 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, 0.0),
        "gunning_fog": np.where(
            has_words, 0.4 * (words_per_sentence + 100 * _ratio(c["fog_hard_words"], c["words"])),
            0.0),
        "smog_index": np.where(
            c["textstat_sentences"] > 0,
            1.043 * np.sqrt(30 * _ratio(c["polysyllables"], c["textstat_sentences"])) + 3.1291, 0.0),
        "coleman_liau_index": np.where(
            (letters_100 != 0) & (sentences_100 != 0),
            0.058 * letters_100 - 0.296 * sentences_100 - 15.8, 0.0),
        "automated_readability_index": np.where(
            (chars_per_word != 0) & (words_per_sentence != 0),
            4.71 * chars_per_word + 0.5 * words_per_sentence - 21.43, 0.0),
        "dale_chall_readability_score": np.where(
            has_words,
            0.1579 * dale_chall_pct + 0.0496 * words_per_sentence + np.where(dale_chall_pct > 5, 3.6365, 0.0),
            0.0),
        "words_per_sentence_mean": _ratio(c["suite_words"], c["suite_sentences"]),
        "long_sentence_share": _ratio(c["long_sentences"], c["suite_sentences"]),
        "syllables_per_word": syllables_per_word,
    }


def paragraph_scores(counts: pd.DataFrame) -> pd.DataFrame:
    """Every bootstrapped metric per body paragraph (long format: article_id, paragraph,
    block_id, n_sentences, n_words, metric, value). Paragraphs are short: read the spread
    of these values, not any single one."""
    sums = counts.groupby(["article_id", "paragraph"], sort=False).agg(
        block_id=("block_id", "first"), **{name: (name, "sum") for name in COUNT_COLUMNS})
    wide = pd.DataFrame(formulas(sums), index=sums.index)
    wide["n_sentences"] = sums["suite_sentences"]
    wide["n_words"] = sums["words"]
    wide["block_id"] = sums["block_id"]
    long = wide.reset_index().melt(
        id_vars=["article_id", "paragraph", "block_id", "n_sentences", "n_words"],
        var_name="metric", value_name="value")
    return long


def _resampled_article_scores(counts: np.ndarray, draws: int, rng: np.random.Generator):
    """`draws` resamples (with replacement) of one article's sentences -> metric arrays."""
    n = len(counts)
    picks = rng.integers(0, n, size=(draws, n))
    sums = counts[picks].sum(axis=1)
    return formulas(dict(zip(COUNT_COLUMNS, sums.T)))


def bootstrap_replicates(counts: pd.DataFrame, outlets: pd.Series, n_boot: int = N_BOOT,
                         seed: int = SEED) -> pd.DataFrame:
    """Bootstrap replicates of each outlet's mean article score (one row per outlet and
    replicate, a column per metric), resampling in two stages: the outlet's articles with
    replacement, then each drawn article's sentences with replacement. With one article
    per outlet this is a plain sentence bootstrap. Seeded: the same input gives the same
    replicates."""
    rng = np.random.default_rng(seed)
    frames = []
    by_article = {a: g[COUNT_COLUMNS].to_numpy(float) for a, g in counts.groupby("article_id", sort=True)}
    for outlet in sorted(outlets.unique()):
        articles = sorted(a for a in outlets.index[outlets == outlet] if a in by_article)
        if not articles:
            continue
        k = len(articles)
        chosen = rng.integers(0, k, size=(n_boot, k)) if k > 1 else np.zeros((n_boot, 1), int)
        totals = {m: np.zeros(n_boot) for m in BOOTSTRAPPED}
        for j, article in enumerate(articles):
            slots = np.nonzero(chosen == j)  # (replicate, slot) pairs that drew this article
            if not len(slots[0]):
                continue
            scores = _resampled_article_scores(by_article[article], len(slots[0]), rng)
            for m in BOOTSTRAPPED:
                np.add.at(totals[m], slots[0], scores[m])
        frame = pd.DataFrame({m: totals[m] / k for m in BOOTSTRAPPED})
        frame.insert(0, "replicate", np.arange(n_boot))
        frame.insert(0, "outlet", outlet)
        frames.append(frame)
    if not frames:
        return pd.DataFrame({"outlet": pd.Series(dtype=str), "replicate": pd.Series(dtype=int)}
                            | {m: pd.Series(dtype=float) for m in BOOTSTRAPPED})
    return pd.concat(frames, ignore_index=True)


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
    replicates = anchored_replicates(readability, counts, n_boot=n_boot, seed=seed)
    gaps = reconstruction_gaps(readability, counts)
    tail = (1 - level) / 2
    low = replicates.groupby("outlet")[BOOTSTRAPPED].quantile(tail)
    high = replicates.groupby("outlet")[BOOTSTRAPPED].quantile(1 - tail)
    rows = []
    for outlet, articles in readability.groupby("outlet", sort=True):
        for column, metric in METRICS.items():
            have = articles["n_words"] if metric.min_unit == "words" else articles["n_sentences"]
            row = {
                "outlet": outlet, "metric": column, "label": metric.label,
                "harder_when": metric.harder_when, "estimate": articles[column].mean(),
                "low": np.nan, "high": np.nan, "reconstruction_gap": np.nan,
                "n_articles": len(articles), "n_sentences": int(articles["n_sentences"].sum()),
                "n_words": int(articles["n_words"].sum()),
                "short_articles": int((have < metric.min_count).sum()),
                "interval": "none: " + NOT_BOOTSTRAPPED.get(column, ""),
            }
            if column in BOOTSTRAPPED and outlet not in low.index:
                row["interval"] = "none: no body sentences to resample"
            elif column in BOOTSTRAPPED:
                how = f"{level:.0%} bootstrap, {n_boot} resamples of sentences"
                if len(articles) > 1:
                    how += " within resampled articles"
                row.update(low=low.loc[outlet, column], high=high.loc[outlet, column],
                           reconstruction_gap=gaps.loc[outlet, column], interval=how)
            rows.append(row)
    return pd.DataFrame(rows, columns=OUTLET_INTERVAL_COLUMNS)


OUTLET_INTERVAL_COLUMNS = [
    "outlet", "metric", "label", "harder_when", "estimate", "low", "high",
    "reconstruction_gap", "n_articles", "n_sentences", "n_words", "short_articles", "interval",
]


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


DIFFERENCE_COLUMNS = ["metric", "outlet_a", "outlet_b", "difference", "low", "high", "excludes_zero"]
