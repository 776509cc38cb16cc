"""The bulk pair scoring of find_reuse (`TokenIndex.score`: equal terms matched for a block of
pairs at once, spelling variants found through one sparse product, those pairs aligned one by
one) and the per-word tokenizing against the code they replaced, kept verbatim in
tests/reference_textsim_c412d6b.py and tests/reference_reuse_c412d6b.py: the same alignments,
floats to the last bit, the same differing words and the same reuse table."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_reuse_c412d6b as reference_reuse
import reference_textsim_c412d6b as reference
from analysis.reuse import find_reuse
from analysis.pair_scoring import TokenIndex
from analysis.textsim import load_paraphrases, tokens
from test_reuse_equivalence import ACCENTED, WORDS, csv, synthetic

PARAPHRASES = load_paraphrases()
# spelling variants of one another (commit/committ: the same letters, one repeated), repeated
# terms, short words, phrases
TERMS = ["defence", "defense", "defensive", "zelensky", "zelenski", "ministry", "minister", "ministers", "tank",
         "tanks", "gas", "border", "borders", "neighbour", "neighbor", "commit", "committ", "take over", "a b c d e"]
token_lists = st.lists(st.lists(st.sampled_from(TERMS), max_size=9), min_size=1, max_size=7)


def surfaces(terms, seed):
    """tokens for a term list: some terms spelled as themselves, others in capitals."""
    return [(term, term.upper() if (k + seed) % 3 == 0 else term) for k, term in enumerate(terms)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists=token_lists, data=st.data(),
       weighted=st.dictionaries(st.sampled_from(TERMS), st.sampled_from([0.0, 1.0, 1.5, 2.25, 3.1, 0.1, 0.7])),
       min_similarity=st.sampled_from([None, 0.0, 0.5, 0.3]), min_coverage=st.sampled_from([None, 0.85, 0.0]),
       longest=st.sampled_from([64, 2]))
def test_score_matches_the_previous_alignment(lists, data, weighted, min_similarity, min_coverage, longest, monkeypatch_module):
    monkeypatch_module.setattr("analysis.pair_scoring._LONGEST_BULK", longest)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(lists) - 1), st.integers(0, len(lists) - 1)), max_size=20))
    toks = [surfaces(terms, k) for k, terms in enumerate(lists)]
    default = max(weighted.values(), default=1.0)
    first = np.array([i for i, _ in pairs], dtype=np.int64)
    second = np.array([j for _, j in pairs], dtype=np.int64)
    scored = TokenIndex(toks, weighted, default).score(first, second, min_similarity=min_similarity,
                                                       min_coverage=min_coverage)
    expected = []
    for k, (i, j) in enumerate(pairs):
        alignment = reference.align(lists[i], lists[j], weighted, default)
        clears = min_similarity is None and min_coverage is None
        clears |= min_similarity is not None and alignment.similarity >= min_similarity
        clears |= min_coverage is not None and max(alignment.coverage_a, alignment.coverage_b) >= min_coverage
        if clears:
            expected.append((k, alignment.similarity, alignment.coverage_a, alignment.coverage_b,
                             *reference.differing_words(toks[i], toks[j], alignment)))
    got = list(zip(scored.index.tolist(), scored.similarity, scored.coverage_a, scored.coverage_b,
                   scored.words_only_a, scored.words_only_b, scored.swapped_words))
    assert got == expected
    for row in got:  # the same floats, not merely equal ones: Python floats, not numpy's
        assert all(type(value) is float for value in row[1:4])


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 80),
       min_similarity=st.sampled_from([0.5, 0.3, 0.8]), min_containment=st.sampled_from([0.85, 0.5]))
def test_find_reuse_matches_c412d6b(seed, n_articles, n_sentences, min_similarity, min_containment):
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    new = find_reuse(sentences, articles, paraphrases=PARAPHRASES, min_similarity=min_similarity,
                     min_containment=min_containment, min_terms=2)
    old = reference_reuse.find_reuse(sentences, articles, paraphrases=PARAPHRASES, min_similarity=min_similarity,
                                     min_containment=min_containment, min_terms=2)
    assert csv(new) == csv(old)


def test_seed_reuse_matches_c412d6b(sample_corpus):
    sentences, articles = sample_corpus.sentences, sample_corpus.articles
    new, old = find_reuse(sentences, articles), reference_reuse.find_reuse(sentences, articles)
    assert len(new) and csv(new) == csv(old)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(WORDS + ACCENTED + ["take over", "made up", "Power outage", "without basis",
                                                         "Russian", "said", "SAYS", "call on", "military forces"]),
                     max_size=15).map(" ".join))
def test_tokens_match_c412d6b(text):
    for paraphrases in (PARAPHRASES, None):
        assert tokens(text, paraphrases) == reference.tokens(text, paraphrases)
