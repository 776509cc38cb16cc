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

At scale: each distinct sentence is counted once, in one pass over its words
(textstat_onepass gives exactly textstat_counts' values), and the resampled sums of many
articles are scored together; the random draws, and the order in which each replicate's
float scores are added, are those of the plain outlet-by-outlet, article-by-article loop
(tests/readability_reference.py), so the results are identical.
"""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple, Union

import numpy as np
import pandas as pd
import textstat

from .readability import LONG_SENTENCE_WORDS, METRICS
from .textstat_onepass import counts_matrix

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
BATCH_ROWS = 1 << 14  # resampled sums scored per formulas() call: small arrays stay in cache
SEED = 20221219
LEVEL = 0.95


def textstat_counts(text: str) -> tuple[int, ...]:
    """textstat's counts of one sentence, in the order of COUNT_COLUMNS[:9], by calling
    textstat: the definition sentence_counts reproduces faster (textstat_onepass)."""
    return (
        textstat.lexicon_count(text),
        textstat.lexicon_count(text, removepunct=False),
        textstat.syllable_count(text),
        textstat.letter_count(text),
        textstat.char_count(text),
        textstat.polysyllabcount(text),
        textstat.difficult_words(text, syllable_threshold=3, unique=False),
        textstat.difficult_words(text, syllable_threshold=0, unique=False),
        textstat.sentence_count(text),
    )


def sentence_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per body sentence: its provenance and the textstat counts the formulas sum.
    Each distinct sentence text is counted once: copy shared between articles (agency
    copy, rewrites) repeats whole sentences."""
    position, distinct = pd.factorize(sentences["text"], use_na_sentinel=False)
    counted = counts_matrix(distinct)
    counts = pd.DataFrame(counted[position], columns=COUNT_COLUMNS[:9], index=sentences.index)
    counts["suite_words"] = sentences["n_words"]
    counts["suite_sentences"] = 1
    counts["long_sentences"] = (sentences["n_words"] > LONG_SENTENCE_WORDS).astype(int)
    provenance = sentences[["article_id", "sentence_id", "block_id", "paragraph"]]
    return pd.concat([provenance, counts], axis=1)


def _ratio(numerator, denominator):
    """numerator / denominator where the denominator is positive, else 0.0."""
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    out = np.zeros(np.broadcast_shapes(numerator.shape, denominator.shape))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.divide(numerator, denominator, out=out, where=denominator > 0)


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


def _sentence_rows(counts: pd.DataFrame) -> tuple[np.ndarray, pd.Index, np.ndarray]:
    """Every sentence's COUNT_COLUMNS as one integer matrix, grouped by article (sentences
    in table order); the articles (in order of first appearance) and where each one's rows
    start in it."""
    values = counts[COUNT_COLUMNS].to_numpy(np.float64)
    rows = values.astype(np.int64)
    if not np.array_equal(rows, values):
        raise ValueError("sentence counts must be whole numbers (see sentence_counts)")
    articles, order, ends = _grouped_rows(counts["article_id"])
    return rows[order], articles, ends - np.diff(ends, prepend=0)


def _grouped_rows(values: pd.Series, sort: bool = False) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """(the distinct values, in order of first appearance or sorted; the row positions
    grouped by value, each group in table order; where each group ends in them). Rows
    without a value are left out, as a pandas groupby leaves them out."""
    codes, names = pd.factorize(values, sort=sort)
    order = np.argsort(codes, kind="stable")
    order = order[codes[order] >= 0]
    ends = np.cumsum(np.bincount(codes[codes >= 0], minlength=len(names)))
    return names, order, ends


class _Packing(NamedTuple):
    """Every article's count columns side by side in the bits of as few int64s as hold them
    (_packed_articles), and where each of its columns is."""
    packed: np.ndarray  # a row per int64, a column per sentence
    rows: np.ndarray  # per article: the rows of packed it uses; 0 where packing does not apply
    word: np.ndarray  # per article and count column: its row in packed,
    shift: np.ndarray  # where its field starts,
    mask: np.ndarray  # and the field's bits


def _drawn_sums(picks: np.ndarray, sentences: np.ndarray, packing: _Packing, article: int) -> np.ndarray:
    """The summed counts of the sentences that each row of `picks` drew (positions among
    `sentences`, the rows of `article`): a few sums of drawn packed integers, unpacked;
    where packing does not apply, how often each sentence was drawn times its counts (whole
    numbers, so exactly the sum of the drawn rows)."""
    used = packing.rows[article]
    if not used:
        draws, n = picks.shape
        times_drawn = np.bincount((picks + n * np.arange(draws)[:, None]).ravel(),
                                  minlength=draws * n).reshape(draws, n)
        return times_drawn @ sentences
    summed = np.take(packing.packed[:used], picks, axis=1).sum(axis=2)  # a row per packed integer
    word, shift, mask = packing.word[article], packing.shift[article], packing.mask[article]
    return ((summed[word] >> shift[:, None]) & mask[:, None]).T  # every column unpacked at once


def _packed_articles(sentences: np.ndarray, starts: np.ndarray) -> _Packing:
    """The packing of every article (the rows of `sentences` from each of `starts`, in
    order, none empty) at once, in whole-array operations. A resample of an article's n
    sentences sums to at most n times a column's largest value, so a field as wide as that
    bound never carries into the next: summing packed integers sums every column at once,
    exactly. Packing does not apply to an article with a negative count or a sum that needs
    more than 62 bits on its own."""
    n = np.diff(np.append(starts, len(sentences)))[:, None]
    tops = np.maximum.reduceat(sentences, starts, axis=0)
    lowest = np.minimum.reduceat(sentences, starts, axis=0).min(axis=1)
    packable = (lowest >= 0) & (tops <= ((1 << 62) - 1) // n).all(axis=1)  # sums below 2**62
    bound = np.where(packable[:, None], tops, 0) * n
    widths = np.zeros(bound.shape, np.int64)  # bit lengths of the bounds
    while bound.any():
        widths += bound > 0
        bound >>= 1
    word, shift = np.zeros(widths.shape, np.int64), np.zeros(widths.shape, np.int64)
    at_word, at_shift = np.zeros(len(n), np.int64), np.zeros(len(n), np.int64)
    for column in range(widths.shape[1]):  # the columns of an article in turn, all articles at once
        full = at_shift + widths[:, column] > 63  # the sign bit stays clear
        at_word, at_shift = at_word + full, np.where(full, 0, at_shift)
        word[:, column], shift[:, column] = at_word, at_shift
        at_shift = at_shift + widths[:, column]
    rows = np.where(packable, word[:, -1] + 1, 0)
    article = np.repeat(np.arange(len(n)), n[:, 0])
    on = packable[article]
    packed = np.zeros((max(int(rows.max(initial=0)), 1), len(sentences)), np.int64)
    every = np.arange(len(sentences))
    for column in range(widths.shape[1]):
        # the fields of one packed row never overlap, so adding them packs them
        packed[word[article, column], every] += np.where(on, sentences[:, column] << shift[article, column], 0)
    return _Packing(packed, rows, word, shift, (np.int64(1) << widths) - 1)


class ArticleCounts:
    """The bootstrap's input, compact: for each article with body sentences, its sentences'
    summed counts (for the reconstruction) and its packing (`_packed_articles`: the resampled
    sums need nothing else), the count rows themselves kept only for a slice holding an
    article that packing does not apply to. Folded from sentence_counts in slices of whole
    articles, so that table is never held whole (the export reads it back from disk a slice
    at a time); the same arrays, article by article, as the whole table gives."""

    def __init__(self, slices: Iterable[pd.DataFrame]):
        self._pieces: list[tuple[_Packing, np.ndarray | None]] = []  # a slice's packing (and rows)
        self._where: dict = {}  # article -> (its piece, its place in the packing, its rows there)
        articles, sums = [], []
        for part in slices:
            sentences, names, starts = _sentence_rows(part)
            if not len(names):
                continue
            packing = _packed_articles(sentences, starts)
            ends = np.append(starts[1:], len(sentences)).tolist()
            for at, (article, start, end) in enumerate(zip(names, starts.tolist(), ends)):
                if article in self._where:
                    raise ValueError(f"article {article!r} is in two slices of the sentence counts: "
                                     "slices must hold whole articles")
                self._where[article] = (len(self._pieces), at, slice(start, end))
            self._pieces.append((packing, None if packing.rows.all() else sentences))
            articles.append(names)
            sums.append(np.add.reduceat(sentences, starts, axis=0))
        index = articles[0].append(articles[1:]) if articles else pd.Index([])
        summed = np.concatenate(sums) if sums else np.zeros((0, len(COUNT_COLUMNS)), np.int64)
        # as counts.groupby("article_id", sort=True)[COUNT_COLUMNS].sum() gives them
        self.sums = pd.DataFrame(summed, columns=COUNT_COLUMNS, index=index.rename("article_id")).sort_index()

    @classmethod
    def of(cls, counts: "Counts") -> "ArticleCounts":
        """The counts folded, unless they already are."""
        if isinstance(counts, ArticleCounts):
            return counts
        return cls([counts] if isinstance(counts, pd.DataFrame) else counts)

    def __contains__(self, article) -> bool:
        return article in self._where

    def n_sentences(self, article) -> int:
        span = self._where[article][2]
        return span.stop - span.start

    def drawn_sums(self, picks: np.ndarray, article) -> np.ndarray:
        """`_drawn_sums` of the article's sentences drawn by picks."""
        piece, at, span = self._where[article]
        packing, sentences = self._pieces[piece]
        return _drawn_sums(picks, None if sentences is None else sentences[span],
                           packing._replace(packed=packing.packed[:, span]), at)


# What the bootstrap takes as sentence counts: the sentence_counts frame, the same in slices
# of whole articles (in any order of articles), or already folded.
Counts = Union[pd.DataFrame, Iterable[pd.DataFrame], ArticleCounts]


class _Scorer:
    """Turns resampled count sums into replicate totals, scoring many articles' sums per
    formulas() call (few numpy calls for many small articles) while holding at most about
    BATCH_ROWS sums at once."""

    def __init__(self):
        self.pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.rows = 0
        self.added = self.scored = 0  # pieces so far

    def add(self, totals: np.ndarray, replicates: np.ndarray, sums: np.ndarray) -> None:
        """Add the scores of `sums` to rows `replicates` of `totals` (now or at a flush)."""
        self.pending.append((totals, replicates, sums))
        self.rows += len(sums)
        self.added += 1
        if self.rows >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        sums = np.concatenate([piece for _, _, piece in self.pending]).T.astype(float)  # a row per column
        scores = formulas(dict(zip(COUNT_COLUMNS, sums)))
        # consecutive pieces of one outlet in one np.add.at per metric, not one per article
        runs: list[tuple[np.ndarray, list[np.ndarray], int]] = []  # totals, replicates, end
        end = 0
        for totals, replicates, piece in self.pending:
            end += len(piece)
            if runs and runs[-1][0] is totals:
                runs[-1][1].append(replicates)
                runs[-1] = (totals, runs[-1][1], end)
            else:
                runs.append((totals, [replicates], end))
        start = 0
        for totals, replicates, end in runs:
            replicates = np.concatenate(replicates)
            for i, metric in enumerate(BOOTSTRAPPED):
                # one score after another, in draw order: the same float additions, in the
                # same order, as adding each article's scores in turn
                np.add.at(totals[i], replicates, scores[metric][start:end])
            start = end
        self.scored = self.added
        self.pending, self.rows = [], 0


def _replicates_by_article(chosen: np.ndarray, k: int) -> np.ndarray:
    """The replicate of every (replicate, slot) of `chosen` (articles 0..k-1 drawn, a row per
    replicate) that drew article 0, then article 1, ..., each in row order. A stable sort
    has one result: numpy radix-sorts 16-bit numbers, ~9x quicker than int64 ones."""
    sortable = chosen.astype(np.uint16) if k <= 1 << 16 else chosen
    return np.argsort(sortable, axis=None, kind="stable") // k


def _outlet_replicates(counts: "Counts", outlets: pd.Series, n_boot: int,
                       seed: int) -> Iterator[tuple[str, np.ndarray]]:
    """(outlet, its replicate means: a row per BOOTSTRAPPED metric, a column per replicate)
    for every outlet with body sentences, in sorted order: the two-stage bootstrap of
    bootstrap_replicates."""
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, not {n_boot}")
    rng = np.random.default_rng(seed)
    counts = ArticleCounts.of(counts)
    members = outlets.groupby(outlets, sort=False).groups
    scorer = _Scorer()
    unscored: list[tuple[str, np.ndarray, int, int]] = []  # outlet, totals, k, pieces added
    for outlet in sorted(outlets.unique()):
        articles = sorted(a for a in members.get(outlet, ()) if a in counts)
        if not articles:
            continue
        k = len(articles)
        chosen = rng.integers(0, k, size=(n_boot, k)) if k > 1 else np.zeros((n_boot, 1), int)
        replicate_of = _replicates_by_article(chosen, k)
        ends = np.cumsum(np.bincount(chosen.ravel(), minlength=k))
        totals = np.zeros((len(BOOTSTRAPPED), n_boot))
        for article, end, draws in zip(articles, ends, np.diff(ends, prepend=0)):
            if draws:
                n = counts.n_sentences(article)
                picks = rng.integers(0, n, size=(int(draws), n))
                scorer.add(totals, replicate_of[end - draws:end], counts.drawn_sums(picks, article))
        unscored.append((outlet, totals, k, scorer.added))
        # outlets whose every piece has been scored are final: hand them on, hold no more
        while unscored and unscored[0][3] <= scorer.scored:
            outlet, totals, k, _ = unscored.pop(0)
            yield outlet, totals / k
    scorer.flush()
    for outlet, totals, k, _ in unscored:
        yield outlet, totals / k


def bootstrap_replicates(counts: "Counts", outlets: pd.Series, n_boot: int = N_BOOT,
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


def article_reconstruction(counts: "Counts") -> pd.DataFrame:
    """Each article's metrics recomputed from its summed sentence counts (no resampling)."""
    sums = ArticleCounts.of(counts).sums
    return pd.DataFrame(formulas(sums), index=sums.index)


def anchored_replicates(readability: pd.DataFrame, counts: "Counts", *, n_boot: int = N_BOOT,
                        seed: int = SEED) -> pd.DataFrame:
    """bootstrap_replicates shifted, per outlet and metric, by the reconstruction gap
    (textstat's mean article score minus the same mean rebuilt from sentence counts), so
    they spread around textstat's own value. Columns: outlet, replicate, metrics."""
    counts = ArticleCounts.of(counts)  # (read once, used twice)
    outlets = readability.set_index("article_id")["outlet"]
    replicates = bootstrap_replicates(counts, outlets, n_boot=n_boot, seed=seed)
    gaps = reconstruction_gaps(readability, counts)
    shift = gaps.reindex(replicates["outlet"]).to_numpy()
    return replicates.assign(**{m: replicates[m] + shift[:, i] for i, m in enumerate(BOOTSTRAPPED)})


def reconstruction_gaps(readability: pd.DataFrame, counts: "Counts") -> pd.DataFrame:
    """Per outlet (rows) and bootstrapped metric (columns): textstat's mean article score
    minus its reconstruction from sentence counts. Large gaps mean textstat split the text
    into sentences very differently from the suite (see readability.csv warnings)."""
    outlets = readability.set_index("article_id")["outlet"]
    rebuilt = article_reconstruction(counts).join(outlets).groupby("outlet")[BOOTSTRAPPED].mean()
    scored = readability.groupby("outlet")[BOOTSTRAPPED].mean()
    return scored - rebuilt.reindex(scored.index)


def _quantiles(values: np.ndarray, qs: tuple[float, ...]) -> np.ndarray:
    """Quantiles of each row of `values` (rows x len(qs)), exactly as pandas' groupby
    quantile computes them (linear interpolation between the sorted values, NaN skipped)."""
    ordered = np.sort(values, axis=1)  # NaN last
    valid = (~np.isnan(values)).sum(axis=1)
    last = values.shape[1] - 1
    rows = np.arange(len(values))
    out = np.full((len(values), len(qs)), np.nan)
    for i, q in enumerate(qs):
        position = q * (valid - 1)
        below = position.astype(np.int64)
        fraction = np.fmod(position, 1)
        low = ordered[rows, np.clip(below, 0, last)]
        high = ordered[rows, np.clip(below + 1, 0, last)]
        with np.errstate(invalid="ignore"):
            interpolated = np.where(fraction == 0, low, low + (high - low) * fraction)
        out[:, i] = np.where(valid > 0, interpolated, np.nan)
    return out


def _series_mean(values: np.ndarray) -> float:
    """pandas' Series.mean of these values: NaN skipped, the rest summed by numpy in one
    1-D call (pairwise), so the mean is the same to the last bit (a groupby mean, or a sum
    over an axis of a 2-D array, adds in another order)."""
    missing = np.isnan(values)
    count = len(values) - missing.sum()
    return np.where(missing, 0.0, values).sum() / count if count else np.nan


def _outlet_positions(outlet: pd.Series) -> Iterator[tuple[str, np.ndarray]]:
    """(outlet, positions of its rows in table order) in sorted outlet order, as
    groupby("outlet", sort=True) iterates them (rows without an outlet left out)."""
    names, order, ends = _grouped_rows(outlet, sort=True)
    return zip(names, np.split(order, ends[:-1]))


def outlet_intervals(readability: pd.DataFrame, counts: "Counts", *, n_boot: int = N_BOOT,
                     seed: int = SEED, level: float = LEVEL) -> pd.DataFrame:
    """One row per outlet and metric: the mean article score (textstat's values from
    readability.csv), a bootstrap interval around it, and the context needed to trust it.
    counts: the sentence_counts table, whole or in slices of whole articles (`Counts`).

    The interval is the percentile interval of the resampled scores shifted by
    `reconstruction_gap`, so it brackets textstat's own value."""
    tail = (1 - level) / 2
    counts = ArticleCounts.of(counts)  # (read once, used twice)
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


OUTLET_INTERVAL_COLUMNS = [
    "outlet", "metric", "label", "harder_when", "estimate", "low", "high",
    "reconstruction_gap", "n_articles", "n_sentences", "n_words", "short_articles", "interval",
]


def outlet_differences(readability: pd.DataFrame, counts: "Counts", *, n_boot: int = N_BOOT,
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
