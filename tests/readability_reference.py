"""The readability uncertainty code as it was before it was made fast (commit ff45c93),
kept only as the oracle the fast code must equal exactly: per-sentence textstat calls
without the word memo, and the bootstrap one outlet, one article, one metric at a time.
Below, the pieces of the fast code replaced at 00881f1 (columns packed and unpacked one by
one, one np.add.at per article and metric), verbatim."""
import numpy as np
import pandas as pd
import textstat

from analysis.readability import LONG_SENTENCE_WORDS, METRICS
from analysis.readability_uncertainty import (
    BOOTSTRAPPED, COUNT_COLUMNS, LEVEL, N_BOOT, NOT_BOOTSTRAPPED, OUTLET_INTERVAL_COLUMNS, SEED,
    _Scorer, formulas, reconstruction_gaps,
)


def sentence_counts(sentences: pd.DataFrame) -> pd.DataFrame:
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


def ratio(numerator, denominator):
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), 0.0)


def _resampled_article_scores(counts, draws, rng):
    n = len(counts)
    picks = rng.integers(0, n, size=(draws, n))
    sums = counts[picks].sum(axis=1)
    return formulas(dict(zip(COUNT_COLUMNS, sums.T)))


def bootstrap_replicates(counts, outlets, n_boot=N_BOOT, seed=SEED):
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
            slots = np.nonzero(chosen == j)
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


def anchored_replicates(readability, counts, *, n_boot=N_BOOT, seed=SEED):
    outlets = readability.set_index("article_id")["outlet"]
    replicates = bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=seed)
    gaps = reconstruction_gaps(readability, counts)
    shift = gaps.reindex(replicates["outlet"]).to_numpy()
    return replicates.assign(**{m: replicates[m] + shift[:, i] for i, m in enumerate(BOOTSTRAPPED)})


def outlet_intervals(readability, counts, *, n_boot=N_BOOT, seed=SEED, level=LEVEL):
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


def resampled_sums(sentences: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """readability_uncertainty._resampled_sums before its columns were packed (c412d6b)."""
    n = len(sentences)
    picks = rng.integers(0, n, size=(draws, n))
    times_drawn = np.bincount((picks + n * np.arange(draws)[:, None]).ravel(),
                              minlength=draws * n).reshape(draws, n)
    return times_drawn @ sentences


def resampled_sums_00881f1(sentences: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """`draws` resamples (with replacement) of one article's sentences -> their summed counts
    (draws x COUNT_COLUMNS). The draws are those of rng.integers(0, n, size=(draws, n)).
    The count columns are packed into the bits of a few integers (_packed_columns), so a
    resample's sums are a few sums of drawn integers, unpacked; where packing does not
    apply, how often each sentence was drawn times its counts (whole numbers, so exactly
    the sum of the drawn rows)."""
    n = len(sentences)
    picks = rng.integers(0, n, size=(draws, n))
    packing = _packed_columns_00881f1(sentences)
    if packing is None:
        times_drawn = np.bincount((picks + n * np.arange(draws)[:, None]).ravel(),
                                  minlength=draws * n).reshape(draws, n)
        return times_drawn @ sentences
    packed, fields = packing
    summed = np.take(packed, picks, axis=1).sum(axis=2)  # a row per packed integer
    sums = np.empty((draws, sentences.shape[1]), np.int64)
    for column, (word, shift, bits) in enumerate(fields):
        sums[:, column] = (summed[word] >> shift) & ((1 << bits) - 1)
    return sums


def _packed_columns_00881f1(sentences: np.ndarray) -> tuple[np.ndarray, list[tuple[int, int, int]]] | None:
    """The sentences' columns side by side in the bits of as few int64s as hold them (a
    row per int64, a column per sentence), and where each column is: (packed row, shift,
    bits). A resample of n sentences sums to at most n times a column's largest value, so a
    field as wide as that bound never carries into the next: summing the packed integers
    sums every column at once, exactly. None where packing does not apply: no sentences, a
    negative count, or a sum that needs more than 62 bits on its own."""
    n = len(sentences)
    if n == 0 or sentences.min() < 0:
        return None
    widths = [int(n * top).bit_length() for top in sentences.max(axis=0).tolist()]
    if max(widths) > 62:
        return None
    fields, word, shift = [], 0, 0
    for bits in widths:
        if shift + bits > 63:  # the sign bit stays clear
            word, shift = word + 1, 0
        fields.append((word, shift, bits))
        shift += bits
    packed = np.zeros((word + 1, n), np.int64)
    for column, (word, shift, _) in enumerate(fields):
        packed[word] += sentences[:, column] << shift
    return packed, fields


class Scorer00881f1(_Scorer):
    """_Scorer with its flush as at 00881f1."""

    def flush(self) -> None:
        if not self.pending:
            return
        sums = np.concatenate([piece for _, _, piece in self.pending]).T.astype(float)  # a row per column
        scores = formulas(dict(zip(COUNT_COLUMNS, sums)))
        start = 0
        for totals, replicates, piece in self.pending:
            end = start + len(piece)
            for i, metric in enumerate(BOOTSTRAPPED):
                # one score after another, in draw order: the same float additions, in the
                # same order, as adding each article's scores in turn
                np.add.at(totals[i], replicates, scores[metric][start:end])
            start = end
        self.scored = self.added
        self.pending, self.rows = [], 0
