"""The faster corpus stage and figures extraction give exactly what the c412d6b versions
(tests/corpus_reference) gave: word counts, sentence spans, line patterns, line labels and
blocks, whole per-article rows, figures and claim ids; on synthetic traps, random texts
(hypothesis) and the bundled corpora."""
from __future__ import annotations

import dataclasses
import random
import re
import warnings

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from analysis import text as text_module
from analysis.boilerplate import load_patterns
from analysis.claims import assign_claims, derive_figures, load_claims
from analysis.cleaning import group_blocks, label_lines
from analysis.config import RAW_DIR, ROOT
from analysis.loading import ArticleTask, read_corpus
from analysis.numbers import extract_figures, load_lexicon
from analysis.reading import RawArticle
from analysis.sentences import split_sentences
from analysis.text import count_token_words, count_words
from corpus_reference import boilerplate as ref_boilerplate
from corpus_reference import claims as ref_claims
from corpus_reference import cleaning as ref_cleaning
from corpus_reference import loading as ref_loading
from corpus_reference import numbers as ref_numbers
from corpus_reference import sentences as ref_sentences
from corpus_reference import text as ref_text

FIXTURE = ROOT / "tests" / "fixtures" / "other_event"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that decide word, sentence and line boundaries, with look-alikes that must not.
TRAP_CHARS = list("aZé9٣_ .,;:!?'’-–—\"“”»)]([…\n\t") + ["\u00a0", "\u2028", "\u3000", "K", "İ", "ß", "²", "Ⅻ"]
WORDS = ["Dec.", "U.S.", "St.", "J.", "K.", "N.A.T.O.", "3.5", "9,000", "isn't", "well-known", "who", "and",
         "Kyiv.", "he", "said", "\"Why?\"", "asked.", "“We", "won.”", "...", "…", "—", "-", "a.m.", "e.g.", "x"]

def plain(value):
    """Dataclass instances as tuples: the reference modules define their own (equal) classes."""
    if isinstance(value, list):
        return [plain(item) for item in value]
    return dataclasses.astuple(value) if dataclasses.is_dataclass(value) else value


trap_text = st.text(alphabet=st.sampled_from(TRAP_CHARS), max_size=60)
word_text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", "\n\n", " \n "])),
                     max_size=25).map(lambda pairs: "".join(w + s for w, s in pairs))


@pytest.mark.parametrize("text", [
    "", " ", "a", "isn't well-known 9.5", "a..b a.b.c a'-b a_b _ __a", "K-9 İstanbul ß²", "word,word (1) —",
    "Dec.\u00a013\u3000U.S.", "x\u2028y", "٣٤ ١٢", "--", "a-", "-a", "the the the",
])
def test_count_words_traps(text):
    assert count_words(text) == ref_text.count_words(text)


@SETTINGS
@given(st.one_of(trap_text, word_text, st.text(max_size=80)))
def test_count_words_random(text):
    assert count_words(text) == ref_text.count_words(text)
    assert count_words(text) == ref_text.count_words(text)  # the memo answers the second time
    assert count_token_words(text.split()) == ref_text.count_words(text)


def test_count_words_memo_starts_over_when_full(monkeypatch):
    monkeypatch.setattr(text_module, "_TOKEN_WORDS_LIMIT", 3)
    texts = ["one two three", "four five-six", "seven. eight", "one two three"]
    assert [count_words(t) for t in texts] == [ref_text.count_words(t) for t in texts]
    assert len(text_module._TOKEN_WORDS) <= 3 + 3


@SETTINGS
@given(st.one_of(trap_text, word_text))
@example("He said so.\n\nwho had known him for years.")
@example("  Leading space. Trailing space.  ")
@example("J. K. Rowling wrote it. N.A.T.O. met. Then the U.S. left.")
@example('"Why?" he asked. Nobody answered! x. y')
@example("A.  \n B")
def test_split_sentences_random(text):
    assert split_sentences(text) == ref_sentences.split_sentences(text)


def _debris_lines() -> list[str]:
    """Lines that touch every rule of the cleaner: debris, credits, dates, short lines, prose."""
    return [
        "Share this article", "Facebook Twitter Email", "A+ A-", "Advertisement", "Photo: Reuters",
        "Sign up for our newsletter", "Read more:", "You May Also Like", "Leave a comment", "(AP)", "By Jane Doe",
        "December 19, 2022", "19/12/2022 10:45", "05/06/2022", "Daily Beacon", "Daily Beacon – Breaking news",
        "MINSK", "World", "Putin arrives in Minsk for talks with Lukashenko",
        "The Russian president flew to Minsk on Monday for talks with his Belarusian ally.",
        "Officials said the talks, which lasted three hours, covered energy and security,",
        "and the two leaders signed no new agreements.", "Subhead without stop",
        "MINSK (Reuters) — Vladimir Putin arrived in Belarus on Monday.", "The teaser goes on...",
        "Kremlin spokesman Dmitry Peskov said the visit had been planned for months.",
        "© 2022 Daily Beacon. All rights reserved.", "Cookies help us deliver our services.", "Related",
    ]


def _patterns():
    return load_patterns(), ref_boilerplate.load_patterns()


@SETTINGS
@given(st.sampled_from(_debris_lines()), st.sampled_from(["", " ", "  "]), st.one_of(st.none(), st.integers(-2, 120)))
def test_line_patterns_match_random(line, pad, n_words):
    new, old = PATTERNS
    assert plain(new.match(pad + line + pad, n_words)) == plain(old.match(pad + line + pad, n_words))
    assert plain(new.match(pad + line + pad, n_words)) == plain(old.match(pad + line + pad, n_words))  # memo


PATTERNS = _patterns()


def test_line_patterns_survive_pickling():
    import pickle

    new, _ = PATTERNS
    new.match("Share this article")
    copy = pickle.loads(pickle.dumps(new))
    assert copy._memo == {} and copy.patterns == new.patterns
    assert [copy.match(line) for line in _debris_lines()] == [new.match(line) for line in _debris_lines()]


article_lines = st.lists(st.one_of(st.sampled_from(_debris_lines()), st.just(""), word_text.map(lambda t: t.replace("\n", " "))),
                         min_size=1, max_size=30)


@SETTINGS
@given(article_lines, st.sampled_from([None, "Daily Beacon", "The Daily Beacon"]), st.booleans())
def test_label_lines_and_blocks_random(lines, outlet, with_templates):
    new, old = PATTERNS
    templates = frozenset({"world", "related", "subhead without stop"}) if with_templates else frozenset()
    labels = label_lines(lines, new, templates, outlet)
    assert plain(labels) == plain(ref_cleaning.label_lines(lines, old, templates, outlet))
    assert plain(group_blocks(lines, labels)) == plain(ref_cleaning.group_blocks(lines, labels))


def _hard_wrapped(seed: int) -> list[str]:
    """A plain-text dump wrapped at 60 columns: the cleaner's hard-wrap path."""
    rng = random.Random(seed)
    prose = [line for line in _debris_lines() if len(line.split()) >= 6]
    lines = ["Putin arrives in Minsk for talks with Lukashenko", ""]
    for _ in range(6):
        words = " ".join(rng.choice(prose) for _ in range(4)).split()
        line = ""
        for word in words:
            if len(line) + 1 + len(word) > 60:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.extend([line, ""])
    return lines + ["Share this article", "You May Also Like", "Related"]


@pytest.mark.parametrize("seed", range(5))
def test_label_lines_hard_wrapped(seed):
    new, old = PATTERNS
    lines = _hard_wrapped(seed)
    labels = label_lines(lines, new)
    assert any(label.wrapped for label in labels)  # the trap is the hard-wrap path
    assert plain(labels) == plain(ref_cleaning.label_lines(lines, old))
    assert plain(group_blocks(lines, labels)) == plain(ref_cleaning.group_blocks(lines, labels))


def _rows_both_ways(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        new = read_corpus(folder)
        old = ref_loading.read_corpus(folder)
        new_rows = [task.rows() for task in new.tasks]
        old_rows = [task.rows() for task in old.tasks]
    assert new.audit.rows == old.audit.rows
    assert [t.templates for t in new.tasks] == [t.templates for t in old.tasks]
    return new_rows, old_rows


@pytest.mark.parametrize("folder", [RAW_DIR, FIXTURE], ids=["seeds", "other_event"])
def test_article_rows_on_bundled_corpora(folder):
    new_rows, old_rows = _rows_both_ways(folder)
    assert len(new_rows) == len(old_rows) > 0
    for new, old in zip(new_rows, old_rows):
        assert (new.article, new.blocks, new.sentences, new.lines) == (old.article, old.blocks, old.sentences, old.lines)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_lines, min_size=1, max_size=4))
def test_article_rows_random(articles):
    new_patterns, old_patterns = PATTERNS
    for k, lines in enumerate(articles):
        raw = RawArticle.of_text(path=RAW_DIR / f"synthetic_{k}.txt", sha256=str(k), text="\n".join(lines), encoding="utf-8",
                         extracted_from="", metadata={})
        assert raw.lines == lines
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            new_rows = ArticleTask(raw, f"a{k}", None, False, new_patterns, frozenset({"world"})).rows()
            old_rows = ref_loading.ArticleTask(raw, f"a{k}", None, False, old_patterns, frozenset({"world"})).rows()
        assert (new_rows.article, new_rows.blocks, new_rows.sentences, new_rows.lines) == \
            (old_rows.article, old_rows.blocks, old_rows.sentences, old_rows.lines)


LEXICONS = load_lexicon(), ref_numbers.load_lexicon()
CLAIMS = load_claims()


def _figures_both_ways(sentences, articles):
    new = extract_figures(sentences, LEXICONS[0])
    old = ref_numbers.extract_figures(sentences, LEXICONS[1])
    assert_frame_equal(new, old)
    derived = derive_figures(new, articles)
    assert_frame_equal(assign_claims(derived, CLAIMS), ref_claims.assign_claims(derived, CLAIMS))
    return new


@pytest.mark.parametrize("folder", [RAW_DIR, FIXTURE], ids=["seeds", "other_event"])
def test_figures_on_bundled_corpora(folder):
    from analysis import load_corpus

    corpus = load_corpus(folder)
    assert len(_figures_both_ways(corpus.sentences, corpus.articles)) > 0


FIGURE_SENTENCES = [
    "Russia launched 23 drones over Kyiv, and air defences shot down 18 of them.",
    "About 15 of them were destroyed; more than 20 drones hit the south of Ukraine.",
    "Kiev alone was attacked by more than 20 drones.", "No figure here at all.",
    "The price cap was set at 180 euros ($190) per megawatt hour.",
    "It was the first visit in three years.", "Some 9 million of Ukraine's 40 million people lost power.",
    "Several hundred troops, two or three battalions, arrived on Dec. 13.", "Someone often said one of them left.",
    "Russia fires 70 missiles a month, hundreds of drones and dozens of shells.", "Number one S-400 MiG-31K.",
]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(FIGURE_SENTENCES)), min_size=1, max_size=12))
def test_figures_random(rows):
    import pandas as pd

    sentences = pd.DataFrame({
        "article_id": [a for a, _ in rows], "sentence_id": list(range(1, len(rows) + 1)), "text": [t for _, t in rows],
    })
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "published": ["2022-12-19", "", "2023-01-02"]})
    _figures_both_ways(sentences, articles)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("aab-_ .'é9") + ["ａ"]), max_size=40),
       st.sampled_from(["a", "aa", "aba", "a-a", "a.a", "b", "é", "a'"]), st.sampled_from(["", "-", "-'"]))
@example("aaa", "aa", "")
@example("a.a.a", "a.a", "")
@example("-a a_a a9 a", "a", "-")
def test_word_starts_equal_the_look_behind_pattern(text, word, joiners):
    from analysis.numbers import _word_starts

    edge = "\\w" + re.escape(joiners) if joiners else "\\w"
    pattern = re.compile(rf"(?<![{edge}]){re.escape(word)}(?![{edge}])")
    assert _word_starts(text, word, joiners) == [m.start() for m in pattern.finditer(text)]
