"""textstat_onepass gives exactly what textstat 0.7.8 gives: every score of readability.csv
(readability.textstat_scores calls textstat itself), every sentence count
(readability_uncertainty.textstat_counts) and textstat's sentence count, on the seeds, on
hand-made traps and on generated texts; MATTR equals the window-by-window count it
replaced; the token memo stays bounded."""
from collections import Counter

import numpy as np
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import textstat_onepass
from analysis.readability import lexical_diversity, onepass_scores, textstat_scores
from analysis.readability_uncertainty import textstat_counts
from analysis.textstat_onepass import count_sentences, text_counts
from readability_fixtures import DENSE, NEWS, PLAIN


def assert_same_as_textstat(text: str):
    # repr: NaN equals NaN, and 1 == 1.0 == True would hide a type change
    assert repr(onepass_scores(text)) == repr(textstat_scores(text)), text
    assert text_counts(text)[:9] == textstat_counts(text), text
    assert text_counts(text).hard_words == textstat.difficult_words(text, unique=False)
    assert count_sentences(text) == textstat.sentence_count(text)


def test_seed_articles_and_sentences(sample_corpus):
    texts = list(sample_corpus.body_text()) + list(sample_corpus.sentences["text"])
    assert len(texts) > 5
    for text in texts + [PLAIN, NEWS, DENSE]:
        assert_same_as_textstat(text)


LONG = " ".join(f"word{i}, and (more) text." for i in range(60))  # > 100 tokens: Linsear reads a prefix
TRAPS = [
    "", " ", "\n\n", "one", "One.", "...", "!!! ?? .", "- — –", "9,000 40 3.5 2022",
    "no terminal punctuation at all here", "ALL CAPS SHOUTING ABOUT INFRASTRUCTURE. REALLY.",
    "rock 'n' roll, dogs' tails, 'quoted' words and don't it's we've they'll you're I'd",
    "Kyiv’s anti-aircraft e-mail well-known co-operation --dash-- x-ray.",
    "U.S. officials met in Washington D.C. on Dec. 13. Mr. Smith said so.",
    "ΟΔΟΣ ΟΔΟΣ ΣΟΦΟΣ. İstanbul İSTANBUL ǅemal ﬁnancial Straße STRASSE naïve Київ.",
    "Unicode\xa0spaces\u2003and\u2009thin\x1cfile\x1dseparators\u3000too. Tabs\tand\r\nlines.",
    "x" * 300 + " " + "antidisestablishmentarianism " * 3 + "supercalifragilistic.",
    "A b. C d. E f g. H i j k. L m n o p q r s t u v w x y z.",
    LONG, LONG.replace(",", " ,").replace("(", "( "), " ".join(["...", "word"] * 80),
    "word " * 99 + "end.", "word " * 101 + "end.", "- " * 150 + "finally some words here.",
    "_under_score_ __init__ snake_case 42nd 1st",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps(text):
    assert_same_as_textstat(text)


TOKENS = st.sampled_from([
    "the", "The", "THE", "dog's", "don't", "Kyiv’s", "it's", "'tis", "'n'", "dogs'", "anti-aircraft",
    "well-known", "—", "-", "--", "9,000", "2022", "3.5", "(dpa)", "“very", "high”", "'quoted'",
    "naïve", "Straße", "Київ", "ΟΔΟΣ", "İstanbul", "infrastructure", "Mr.", "U.S.", "e-mail", "...",
    "?!", "a", "I", "x" * 70, "", "_", "a_b", "reconstruction", "is", "cat.", "Yes!", "why?",
])
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2003", "\x1c", ". ", "! ",
                              "? ", ", ", "...", ""])
TEXTS = st.one_of(
    st.lists(st.tuples(TOKENS, SEPARATORS), max_size=160).map(lambda parts: "".join(t + s for t, s in parts)),
    st.text(max_size=300),  # anything at all, unicode included
)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_generated_texts(text):
    assert_same_as_textstat(text)


def lexical_diversity_by_window(words: list[str], window: int) -> float:
    """MATTR as readability.lexical_diversity computed it before: window by window."""
    if not words:
        return float("nan")
    if len(words) <= window:
        return len(set(words)) / len(words)
    counts = Counter(words[:window])
    distinct_total = len(counts)
    for leaving, entering in zip(words, words[window:]):
        counts[leaving] -= 1
        if counts[leaving] == 0:
            del counts[leaving]
        counts[entering] += 1
        distinct_total += len(counts)
    return distinct_total / (len(words) - window + 1) / window


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from("abcdefg") | st.text(max_size=3), max_size=200),
       st.integers(min_value=1, max_value=60))
def test_mattr_equals_the_window_by_window_count(words, window):
    assert repr(lexical_diversity(words, window)) == repr(lexical_diversity_by_window(words, window))


@pytest.mark.parametrize("words, window, expected", [
    (["a", "b", "a", "b"], 2, 1.0), (["a", "a", "a"], 2, 0.5), (["a", "b", "c", "a"], 3, 1.0),
    (["a", "b", "a", "c"], 3, (2 + 3) / 2 / 3), (["a", "A"], 50, 1.0), ([], 50, float("nan")),
])
def test_mattr_small_cases(words, window, expected):
    assert repr(lexical_diversity(words, window)) == repr(expected)


def test_token_memo_is_bounded_and_results_do_not_depend_on_it(monkeypatch):
    monkeypatch.setattr(textstat_onepass, "MAX_TOKENS", 5)
    fresh = textstat_onepass._TokenRows()
    monkeypatch.setattr(textstat_onepass, "rows_of", fresh.__getitem__)
    for text in (NEWS, DENSE, PLAIN):
        assert_same_as_textstat(text)
    assert len(fresh) == 5


def test_token_rows_are_textstats_per_word_answers():
    word, lower, hard, syllables, is_word, poly, easy, packed = textstat_onepass.token_row("“Infrastructure,”")
    assert (word, lower, hard, syllables, is_word, poly, easy) == (
        "Infrastructure", "infrastructure", "Infrastructure", 4, 1, 1, 0)
    assert textstat_onepass.token_row("—")[:7] == ("", "", "", 0, 0, 0, 0)
    assert textstat_onepass._unpack(textstat_onepass.token_row("it's.")[-1]) == [1, 1, 3, 5, 0, 0, 0, 0]


VOTED = ["flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "coleman_liau_index",
         "automated_readability_index", "dale_chall_readability_score", "linsear_write_formula",
         "gunning_fog"]
GRADE_SCORES = st.one_of(st.integers(-5, 120).map(float), st.floats(-5, 120), st.sampled_from(
    [89.99999999999999, 90.0, 59.5, 60.0, 8.5, 9.5, 100.0, float("nan")]))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({name: GRADE_SCORES for name in VOTED}))
def test_consensus_vote_equals_text_standard(scores):
    """The vote on given scores, against textstat's text_standard fed the same scores
    (its metric functions replaced): ties, Flesch bands and NaN included."""
    from textstat.backend.metrics import _text_standard as module

    def fixed(name):
        return lambda *args, **kwargs: scores[name]

    originals = {name: getattr(module, name) for name in VOTED}
    try:
        for name in VOTED:
            setattr(module, name, fixed(name))
        try:
            expected = module.text_standard.__wrapped__("any text", "en_US")
        except ValueError as error:  # NaN: math.floor refuses it, in both
            expected = type(error)
    finally:
        for name, function in originals.items():
            setattr(module, name, function)
    try:
        got = textstat_onepass._text_standard(scores)
    except ValueError as error:
        got = type(error)
    assert repr(got) == repr(expected)


def assert_matrix_equals_text_counts(texts):
    matrix = textstat_onepass.counts_matrix(texts)
    assert matrix.dtype == np.int64 and matrix.shape == (len(texts), 9)
    assert matrix.tolist() == [list(text_counts(text)[:9]) for text in texts]


def test_counts_matrix_traps_and_seeds(sample_corpus):
    assert_matrix_equals_text_counts(TRAPS + list(sample_corpus.sentences["text"]))
    assert_matrix_equals_text_counts([])
    assert_matrix_equals_text_counts(["x" * 70_000 + " word"] * 3)  # fields beyond 16 bits


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, max_size=8))
def test_counts_matrix_equals_text_counts(texts):
    assert_matrix_equals_text_counts(texts)
