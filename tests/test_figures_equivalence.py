"""The faster figures and discrepancies code gives exactly what the 00881f1 code
(tests/reference_figures_00881f1.py) gave: the sentence pre-check, word splitting and the
locative test on synthetic traps and random text (hypothesis); figures.csv, claim ids and
discrepancies.csv on the seeds, the second-event fixture, random mixes of figure sentences and
large synthetic claims (many articles, repeated and unknown intervals, an empty table)."""
from __future__ import annotations

import math
import random
import re
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

import reference_figures_00881f1 as reference
from analysis import load_corpus
from analysis import numbers
from analysis.claims import DISCREPANCY_COLUMNS, assign_claims, build_figures, find_discrepancies, load_claims
from analysis.config import RAW_DIR, ROOT
from analysis.numbers import FIGURE_COLUMNS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# characters that decide digits, words and their edges, with look-alikes that must not
TRAP_CHARS = list("aeinotu9٣²_ -'’.,\n\t") + ["\u00a0", "é", "İ", "ß", "\u212a", "ſ", "\ud800", "Ⅻ", "ｏ"]
TRIGGER_WORDS = ["one", "One", "ONE", "someone", "tens", "may", "dec", "twenty-three", "éone", "one’s", "ten_", "9th", "first"]
LOCATIVE_PIECES = ["over", "In", "ON", "toward", "towards", "struc\u212a", "acroſs", "the", "THE", "city", "of", "hit",
                   "shelled", "at", "into", " ", "  ", "\n", "\u00a0", "\t", "x", "_", "9", "é", "-"]

text_with_traps = st.lists(st.one_of(st.sampled_from(TRAP_CHARS), st.sampled_from(TRIGGER_WORDS)), max_size=30).map("".join)


def old_skips(lower: str) -> bool:
    """The 00881f1 test for a sentence without figures."""
    return numbers.TRIGGERS.isdisjoint(reference.words_of(lower)) and not numbers._DIGIT.search(lower)


@SETTINGS
@given(text_with_traps)
@example("éone")
@example("one’s")
@example("\ud800one")
@example("٣")
@example("twenty\u00a0three")
def test_pre_check_never_skips_a_sentence_the_old_test_kept(text):
    lower = numbers._lower(text)
    if not numbers._may_hold_figure(lower):
        assert old_skips(lower)


@SETTINGS
@given(text_with_traps)
@example("a\x1cb\x1fc")  # ASCII separators str.split() also splits at
@example("éone two")
def test_words_of_equals_the_letter_runs(text):
    assert numbers.words_of(text) == reference.words_of(text)
    lower = numbers._lower(text)
    assert numbers.words_of(lower) == reference.words_of(lower)


@SETTINGS
@given(st.lists(st.sampled_from(LOCATIVE_PIECES), max_size=10).map("".join))
@example("shelled the city of ")
@example("over the\n")
@example("xover ")
@example("in the city of\n")
def test_reversed_locative_test_equals_the_pattern(window):
    assert (numbers._LOCATIVE_BEFORE_REVERSED.match(window[::-1]) is not None) == \
        (reference._LOCATIVE_BEFORE.search(window) is not None)


def test_places_equal_on_trap_sentences():
    new, old = numbers.load_lexicon(), reference.load_lexicon()
    for text in ["Drones flew over Kyiv.", "It hit\nKyiv", "Struc\u212a Kyiv and Russia said", "Kyiv alone was attacked",
                 "across the city of Kyiv", "the south of Ukraine", "intoKyiv", "Ukraine"]:
        assert new.places(text) == old.places(text)


# ---------------------------------------------------------------------------------------
CLAIMS = load_claims()


def _both_ways(corpus) -> pd.DataFrame:
    new, old = build_figures(corpus), reference.build_figures(corpus)
    assert_frame_equal(new, old)
    assert_frame_equal(find_discrepancies(new, corpus.articles, CLAIMS),
                       reference.find_discrepancies(old, corpus.articles, CLAIMS))
    return new


@pytest.mark.parametrize("folder", [RAW_DIR, ROOT / "tests" / "fixtures" / "other_event"], ids=["seeds", "other_event"])
def test_figures_and_discrepancies_on_bundled_corpora(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    figures = _both_ways(corpus)
    assert len(figures) > 0 and (figures["claim_id"] != "").any()


FIGURE_SENTENCES = [
    "Russia launched 23 drones over Kyiv, and air defences shot down 18 of them.",
    "About 15 of them were destroyed; more than 20 drones hit the south of Ukraine.",
    "Kiev alone was attacked by more than 20 drones.", "No figure here at all.", "Someone’s phone rang once.",
    "The price cap was set at 180 euros ($190) per megawatt hour.", "It was the first visit in three years.",
    "Some 9 million of Ukraine's 40 million people lost power.", "Floods killed 12 sheep in Odesa.",
    "Several hundred troops, two or three battalions, arrived on Dec. 13.", "Éone said the city of Kyiv was shelled.",
    "Russia fires 70 missiles a month, hundreds of drones and dozens of shells.", "Number one S-400 MiG-31K.",
]


class _Corpus:
    def __init__(self, sentences, articles):
        self.sentences, self.articles = sentences, articles


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(FIGURE_SENTENCES)), min_size=1, max_size=14))
def test_figures_and_discrepancies_on_random_mixes(rows):
    sentences = pd.DataFrame({
        "article_id": [a for a, _ in rows], "sentence_id": list(range(1, len(rows) + 1)), "text": [t for _, t in rows],
    })
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "A"],
                             "published": ["2022-12-19", "", "2023-01-02"]})
    _both_ways(_Corpus(sentences, articles))


def _synthetic_figures(n_articles: int, seed: int) -> pd.DataFrame:
    """Figures of many articles over a few claims: repeated intervals, unknown and open bounds,
    codebook and automatic claims, unclaimed figures, a shuffled non-default index."""
    rng = random.Random(seed)
    claim_ids = ["", "drones_launched_kyiv", "drones_downed_kyiv", "auto:drone|any|anywhere", "auto:leader|met|Minsk"]
    rows = []
    for a in range(n_articles):
        for s in range(rng.randint(1, 4)):
            low = float(rng.choice([10, 12, 15, 18, 20, 23]))
            high = rng.choice([low, low + 3, math.inf, math.nan])
            low = math.nan if rng.random() < 0.05 else low
            row = dict.fromkeys(FIGURE_COLUMNS, "")
            row.update(article_id=f"art{a % (n_articles // 2 + 1):04d}-{a}", sentence_id=rng.randint(1, 9), surface=str(low),
                       value=low, low=low, high=high, kind="count", counted=rng.choice(["drones", "", "leaders"]),
                       claim_id=rng.choice(claim_ids), head=rng.choice(["drone", "leader"]), char_start=0, char_end=2,
                       figure_id=f"{a}:{s}", sentence=f"sentence {s}")
            rows.append(row)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame.index = list(range(len(frame) * 3, 0, -3))
    return frame


@pytest.mark.parametrize("n_articles, seed", [(3, 0), (40, 1), (400, 2)])
def test_discrepancies_of_large_synthetic_claims(n_articles, seed):
    figures = _synthetic_figures(n_articles, seed)
    articles = pd.DataFrame({"article_id": sorted(set(figures["article_id"])), "outlet": "x"})
    table = find_discrepancies(figures, articles, CLAIMS)
    assert_frame_equal(table, reference.find_discrepancies(figures, articles, CLAIMS))
    assert len(table) == (figures["claim_id"] != "").sum() > 0


def test_discrepancies_of_no_claimed_figure():
    figures = _synthetic_figures(5, 3).assign(claim_id="")
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["x"]})
    table = find_discrepancies(figures, articles, CLAIMS)
    assert_frame_equal(table, reference.find_discrepancies(figures, articles, CLAIMS))
    assert table.empty and list(table.columns) == DISCREPANCY_COLUMNS


@pytest.mark.parametrize("seed", [4, 5])
def test_claim_assignment_of_synthetic_figures(seed):
    figures = _synthetic_figures(60, seed).assign(claim_id="")
    rng = random.Random(seed)
    figures["predicate"] = [rng.choice(["", "shot down", "launched", "met"]) for _ in range(len(figures))]
    figures["place"] = [rng.choice(["", "Kyiv", "country-wide", "Minsk"]) for _ in range(len(figures))]
    figures["sentence"] = [rng.choice(["Drones over Kyiv.", "Leaders met.", "x"]) for _ in range(len(figures))]
    figures.loc[figures.index[::11], "conversion_of"] = "1:1:1"
    assert_frame_equal(assign_claims(figures, CLAIMS), reference.assign_claims(figures, CLAIMS))


def test_the_oracle_is_the_old_code_not_the_new():
    """The equivalence tests above compare two implementations, not one with itself."""
    assert reference.extract_sentence is not numbers.extract_sentence
    assert reference.find_discrepancies is not find_discrepancies
    assert type(reference.load_lexicon()) is not type(numbers.load_lexicon())
    assert not re.search(r"_may_hold_figure", open(reference.__file__, encoding="utf-8").read())
