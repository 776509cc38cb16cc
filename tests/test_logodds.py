"""Weighted log-odds with an informative Dirichlet prior, checked against hand arithmetic."""
import math

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis.logodds import ABSENCE_Z, distinctive_words, log_odds_vs_rest, top_distinctive
from analysis.tokens import STOPWORDS, term_counts, tokenize
from reference_logodds import log_odds_vs_rest as reference_log_odds


def counts(**groups):
    return pd.DataFrame([(g, w, n) for g, words in groups.items() for w, n in words.items()], columns=["group", "word", "count"])


def score(frame, group, word):
    return frame[(frame["group"] == group) & (frame["word"] == word)].iloc[0]


def test_two_groups_default_prior_by_hand():
    # A: x3 y1, B: x1 y3. Corpus x4 y4 (8 tokens); default a0 = 8, so a_x = a_y = 4.
    result = log_odds_vs_rest(counts(A={"x": 3, "y": 1}, B={"x": 1, "y": 3}))
    row = score(result, "A", "x")
    delta = math.log((3 + 4) / (4 + 8 - 3 - 4)) - math.log((1 + 4) / (4 + 8 - 1 - 4))  # log(7/5) - log(5/7)
    variance = 1 / (3 + 4) + 1 / (1 + 4)
    assert row["prior"] == pytest.approx(4.0)
    assert row["delta"] == pytest.approx(delta) and row["delta"] == pytest.approx(2 * math.log(1.4))
    assert row["variance"] == pytest.approx(12 / 35)
    assert row["z"] == pytest.approx(delta / math.sqrt(variance))
    assert row["z"] == pytest.approx(1.149, abs=1e-3)
    assert score(result, "B", "x")["z"] == pytest.approx(-row["z"])  # two groups: mirror images


def test_three_groups_with_explicit_prior_strength_by_hand():
    # A: x2; B: x1 y5; C: y2 z2. Corpus x3 y7 z2 = 12 tokens. a0 = 6 -> a_x = 1.5, a_y = 3.5, a_z = 1.
    result = log_odds_vs_rest(counts(A={"x": 2}, B={"x": 1, "y": 5}, C={"y": 2, "z": 2}), prior_strength=6, absent_z=None)
    a_x = 6 * 3 / 12
    # A against B+C for x: y_i = 2, n_i = 2; y_j = 1, n_j = 10
    delta = math.log((2 + a_x) / (2 + 6 - 2 - a_x)) - math.log((1 + a_x) / (10 + 6 - 1 - a_x))
    row = score(result, "A", "x")
    assert delta == pytest.approx(math.log(3.5 / 4.5) - math.log(2.5 / 13.5))
    assert row["delta"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / math.sqrt(1 / 3.5 + 1 / 2.5))
    # A never uses y: y_i = 0, y_j = 7, a_y = 3.5
    delta_y = math.log((0 + 3.5) / (2 + 6 - 0 - 3.5)) - math.log((7 + 3.5) / (10 + 6 - 7 - 3.5))
    assert score(result, "A", "y")["delta"] == pytest.approx(delta_y)
    assert score(result, "A", "y")["count"] == 0 and score(result, "A", "y")["count_rest"] == 7
    assert {"total", "total_rest"} <= set(result.columns) and score(result, "C", "z")["total"] == 4


def test_unused_words_are_listed_only_when_their_absence_is_significant():
    # A: 900 tokens, never "war"; B uses it 300 times. Corpus: 1,200 + ... tokens.
    data = counts(A={"peace": 900}, B={"war": 300, "talks": 10}, C={"war": 300, "peace": 5})
    full = log_odds_vs_rest(data, absent_z=None)
    listed = log_odds_vs_rest(data)
    avoided = score(full, "A", "war")
    assert avoided["count"] == 0 and avoided["z"] <= ABSENCE_Z  # A avoids a word both others use
    assert score(listed, "A", "war")["z"] == avoided["z"]
    unlisted = full[(full["count"] == 0) & (full["z"] > ABSENCE_Z)]
    assert len(unlisted) and (unlisted["z"] < 0).all()  # e.g. A never says "talks": too rare to mean much
    assert set(zip(listed["group"], listed["word"])) == set(zip(full["group"], full["word"])) - set(zip(unlisted["group"], unlisted["word"]))
    assert (log_odds_vs_rest(data, absent_z=-1e9)["count"] > 0).all()


count_tables = st.dictionaries(
    st.sampled_from(["A", "B", "C", "D"]),
    st.dictionaries(st.sampled_from(["w%d" % k for k in range(12)]), st.integers(1, 400), min_size=1, max_size=12),
    min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(count_tables, st.sampled_from([None, 3.0, 50.0, 5000.0]), st.sampled_from([None, ABSENCE_Z, -1.0, 0.0]))
def test_equals_the_full_grid_reference_filtered(groups, prior_strength, absent_z):
    data = counts(**groups)
    expected = reference_log_odds(data, prior_strength=prior_strength)
    if absent_z is not None:
        expected = expected[(expected["count"] > 0) | (expected["z"] <= absent_z)].reset_index(drop=True)
    result = log_odds_vs_rest(data, prior_strength=prior_strength, absent_z=absent_z)
    pd.testing.assert_frame_equal(result, expected, check_exact=True)  # bit for bit: the CSV is unchanged


def test_repeated_rows_are_summed_and_zero_counts_ignored():
    data = pd.concat([counts(A={"x": 2, "y": 1}, B={"x": 1}), counts(A={"x": 3}, B={"y": 0})], ignore_index=True)
    result = log_odds_vs_rest(data, absent_z=None)
    assert score(result, "A", "x")["count"] == 5 and score(result, "B", "y")["count"] == 0
    assert log_odds_vs_rest(counts(A={"x": 0})).empty


def test_stronger_prior_shrinks_towards_zero():
    data = counts(A={"x": 5, "y": 1}, B={"x": 1, "y": 5})
    weak = score(log_odds_vs_rest(data, prior_strength=1), "A", "x")["delta"]
    strong = score(log_odds_vs_rest(data, prior_strength=1000), "A", "x")["delta"]
    assert weak > strong > 0


def test_rejects_bad_input():
    with pytest.raises(ValueError):
        log_odds_vs_rest(counts(A={"x": 1}, B={"x": 1}), prior_strength=0)
    with pytest.raises(ValueError):
        log_odds_vs_rest(counts(A={"x": -1}, B={"x": 1}))
    assert log_odds_vs_rest(counts()).empty


def test_top_distinctive_filters_and_orders():
    result = log_odds_vs_rest(counts(A={"x": 9, "y": 1, "z": 3}, B={"x": 1, "y": 9, "z": 3}))
    top = top_distinctive(result, n=1, min_count=2)
    assert list(top["word"]) == ["x", "y"]
    assert top_distinctive(result, n=5, min_count=10).empty


@pytest.mark.parametrize("text, expected", [
    ("The Kremlin's spokesman said", ["kremlin", "spokesman", "said"]),
    ("Kremlin’s chief", ["kremlin", "chief"]),  # curly possessive
    ("S-400 and Iskander missiles", ["s-400", "iskander", "missiles"]),
    ("about 9,000 troops in 2022", ["troops"]),  # numbers dropped
    ("a 68-year-old resident", ["68-year-old", "resident"]),
    ("It is what it is", []),
    ("Belarus—Russia", ["belarus", "russia"]),
])
def test_tokenize(text, expected):
    assert tokenize(text) == expected


def test_tokenize_without_stopwords_keeps_function_words():
    assert tokenize("It is what it is", stopwords=None) == ["it", "is", "what", "it", "is"]
    assert "said" not in STOPWORDS and "the" in STOPWORDS


def test_term_counts_and_distinctive_words_on_seeds(sample_corpus):
    sentences = sample_corpus.with_outlet(sample_corpus.sentences)
    tallies = term_counts(sentences, "outlet")
    assert set(tallies["outlet"]) == set(sample_corpus.outlets)
    result = distinctive_words(sentences, "outlet")
    assert set(result.columns) >= {"outlet", "word", "count", "count_rest", "delta", "variance", "z"}
    # every outlet's counts add up to its token total, and the two sides to the corpus
    assert (result.groupby("outlet")["count"].sum() == result.groupby("outlet")["total"].first()).all()
    corpus_total = tallies["count"].sum()
    assert ((result["total"] + result["total_rest"]) == corpus_total).all()
    # only the Limited Times (El País) text mentions Bakhmut: it must lean that way
    # the full grid would be every outlet x every word
    assert len(result) < len(sample_corpus.outlets) * tallies["word"].nunique()
    assert ((result["count"] > 0) | (result["z"] <= ABSENCE_Z)).all()
    bakhmut = result[result["word"] == "bakhmut"].set_index("outlet")["z"]
    assert bakhmut.idxmax() == "The Limited Times" and bakhmut["The Limited Times"] > 0


def _tokenize_by_regex(text, stopwords=STOPWORDS):
    """The tokenizer as first written (a regex per token for the possessive): the reference."""
    import re

    out = []
    for match in re.finditer(r"[^\W\d_]+(?:['’\-][^\W_]+)*|\d+(?:-[^\W\d_]+)+", str(text)):
        token = re.sub(r"['’]s$", "", match.group().lower()).replace("’", "'")
        if len(token) >= 2 and token not in frozenset(stopwords or ()):
            out.append(token)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAsSİıß’'- \n.9_ÉéKremlin")), max_size=60))
def test_tokenize_equals_the_regex_reference(text):
    assert tokenize(text) == _tokenize_by_regex(text)
    assert tokenize(text, stopwords=None) == _tokenize_by_regex(text, stopwords=None)


def test_tokenize_equals_the_regex_reference_on_the_seeds(sample_corpus):
    for text in sample_corpus.sentences["text"]:
        assert tokenize(text) == _tokenize_by_regex(text)
