"""readability.csv's and the sentence counts' one-pass code as it was at de023f4, before
texts were counted in token batches (textstat_onepass._token_batch), kept verbatim as the
oracle the batch code must equal exactly: text by text, token rows summed as packed
Python integers, the article table's warnings by DataFrame.apply. Only the functions that
changed are here; what they call that did not change is imported."""
import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.readability import (
    READABILITY_COLUMNS, _SCORE_COLUMNS, _no_text_scores, check_offline_textstat, length_warnings,
    lexical_diversity, sentence_length_stats, textstat_version,
)
from analysis.textstat_onepass import (
    FIELD_BYTES, IS_WORD, LINSEAR_EASY, LINSEAR_WORDS, PACKED_BYTES, POLYSYLLABIC, SENTENCE_PIECE, SUMMED,
    Counts, _hard_word, _lower_word, _packed_counts, _text_standard, _unpack, rows_of,
)
from analysis.textstat_onepass import FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES  # noqa: F401 (text_scores)


def count_sentences(text: str) -> int:
    """textstat's count_sentences: its regex pieces, less those of two words or fewer."""
    if len(text) == 0:
        return 0
    pieces = SENTENCE_PIECE.findall(text)
    short = 0
    for piece in pieces:
        head = piece.split(None, 3)  # three words are enough to keep a piece
        words = sum(row[IS_WORD] for row in map(rows_of, head[:3]))
        if words < 3 and len(head) > 3:
            words += sum(row[IS_WORD] for row in map(rows_of, head[3].split()))
        short += words <= 2
    return max(1, len(pieces) - short)


def _one_pass(text: str) -> tuple[list[str], list[tuple], Counts]:
    """The text's tokens, their rows and the text's counts."""
    tokens = text.split()
    rows = list(map(rows_of, tokens))
    sums = dict(zip(SUMMED, _unpack(sum(map(_packed_counts, rows)))))
    return tokens, rows, Counts(words_with_punct=len(tokens),
                                textstat_sentences=count_sentences(text), **sums)


COUNTS_MATRIX_COLUMNS = Counts._fields[:9]  # every count but hard_words


def counts_matrix(texts) -> np.ndarray:
    """[text_counts(text)[:9] for text in texts] as an int64 matrix (a row per text), with
    fewer Python steps per text: each text's packed sum is unpacked with the others at
    once, from its bytes (a field of COUNT_BITS bits is a whole number of bytes)."""
    packed, tokens_per_text, sentences = [], [], []
    for text in texts:
        tokens = text.split()
        packed.append(sum(map(_packed_counts, map(rows_of, tokens))).to_bytes(PACKED_BYTES, "little"))
        tokens_per_text.append(len(tokens))
        sentences.append(count_sentences(text))
    fields = np.zeros((len(packed), len(SUMMED), 8), np.uint8)
    fields[:, :, :FIELD_BYTES] = np.frombuffer(b"".join(packed), np.uint8).reshape(
        len(packed), len(SUMMED), FIELD_BYTES)
    summed = dict(zip(SUMMED, fields.view("<u8")[:, :, 0].astype(np.int64).T))
    summed |= {"words_with_punct": tokens_per_text, "textstat_sentences": sentences}
    return np.column_stack([np.asarray(summed[name], np.int64).reshape(len(packed))
                            for name in COUNTS_MATRIX_COLUMNS]).reshape(len(packed), 9)


def _linsear_write(rows: list[tuple], tokens: list[str], n_sentences: int) -> float:
    """linsear_write_formula(text, strict_lower=False, strict_upper=True)."""
    end = len(tokens)  # textstat's i_text: tokens read to find the first 100 words
    if len(tokens) > LINSEAR_WORDS:
        seen = 0
        for i, row in enumerate(rows):
            seen += row[IS_WORD]
            if seen == LINSEAR_WORDS:
                end = i + 1
                break
    read = [row for row in rows[:end] if row[IS_WORD]][:LINSEAR_WORDS]
    difficult = sum(row[POLYSYLLABIC] for row in read)
    easy = sum(row[LINSEAR_EASY] for row in read)
    # textstat counts the sentences of the tokens it read, joined by single spaces; the
    # count ignores whitespace, so when it read them all that is the text's own count
    if end < len(tokens):
        n_sentences = count_sentences(" ".join(tokens[:end]))
    try:
        number = float((easy * 1 + difficult * 3) / n_sentences)
    except ZeroDivisionError:
        return 0.0
    if number <= 20:
        number -= 2
    return number / 2


def text_scores(text: str) -> tuple[dict, list[str]] | None:
    """The values of readability.textstat_scores(text) but lexical diversity, and the text's
    lower-cased words (list_words(text, lowercase=True), what lexical diversity reads);
    None for a text without words."""
    tokens, rows, c = _one_pass(text)
    if c.words == 0:
        return None
    # textstat's metrics, each as its backend/metrics module computes it
    per_sentence = c.words / c.textstat_sentences
    per_word = c.syllables / c.words
    flesch = per_sentence != 0 and per_word != 0
    fog_pct = 100 * c.fog_hard_words / c.words
    letters_100 = c.letters / c.words * 100
    sentences_100 = c.textstat_sentences / c.words * 100
    chars_per_word = c.chars / c.words_with_punct
    dale_chall_pct = 100 * c.dale_chall_hard_words / c.words
    dale_chall = 0.1579 * dale_chall_pct + 0.0496 * per_sentence
    if dale_chall_pct > 5:
        dale_chall += 3.6365
    scores = {
        "flesch_reading_ease": (FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence
                                - FRE_SYLLABLES * per_word) if flesch else 0.0,
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59 if flesch else 0.0,
        "gunning_fog": 0.4 * (per_sentence + fog_pct),
        "smog_index": 1.043 * (30 * (c.polysyllables / c.textstat_sentences)) ** 0.5 + 3.1291,
        "coleman_liau_index": (0.058 * letters_100 - 0.296 * sentences_100 - 15.8
                               if letters_100 != 0 and sentences_100 != 0 else 0.0),
        "automated_readability_index": (4.71 * chars_per_word + 0.5 * per_sentence - 21.43
                                        if chars_per_word != 0 and per_sentence != 0 else 0.0),
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": _linsear_write(rows, tokens, c.textstat_sentences),
    }
    scores["consensus_grade"] = _text_standard(scores)
    hard_words = set(map(_hard_word, rows))
    hard_words.discard("")
    scores |= {
        "syllables_per_word": per_word,
        "difficult_words": len(hard_words),
        "difficult_word_pct": 100 * c.hard_words / c.words,
        "n_words": c.words,
        "n_sentences_textstat": c.textstat_sentences,
    }
    return scores, list(filter(None, map(_lower_word, rows)))


def onepass_scores(text: str) -> dict[str, float]:
    """textstat_scores(text), identical, from one pass over the text's words
    (textstat_onepass)."""
    scored = text_scores(text)
    if scored is None:
        return _no_text_scores()
    scores, lowercase_words = scored
    lexical = lexical_diversity(lowercase_words)
    return {column: lexical if column == "lexical_diversity" else scores[column]
            for column in _SCORE_COLUMNS}


def readability_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article (readability.csv): textstat's metrics on the cleaned body text
    (corpus.body_text(): body blocks only), sentence-length statistics on the suite's own
    sentence split, counts, translation/channel context, the textstat version and warnings."""
    check_offline_textstat()
    body = corpus.body_text()
    scores = pd.DataFrame([onepass_scores(text) for text in body], index=body.index)
    lengths = sentence_length_stats(corpus.sentences).reindex(body.index)
    lengths["n_sentences"] = lengths["n_sentences"].fillna(0).astype(int)
    context = corpus.articles.set_index("article_id")[["outlet", "translated", "channel"]]
    table = scores.join(lengths).join(context).rename_axis("article_id").reset_index()
    table["textstat_version"] = textstat_version()
    table["warnings"] = table.apply(length_warnings, axis=1)
    return table[READABILITY_COLUMNS]
