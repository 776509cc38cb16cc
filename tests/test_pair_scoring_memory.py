"""The compact token index (flat int32 codes gathered per block of pairs instead of padded
matrices, built a chunk of lists at a time) and find_reuse's memory work (stages let go
early, candidates oriented in place and held as int32, the table built once in sorted order)
against main at bf2d5f5, kept verbatim in tests/reference_pair_scoring_bf2d5f5.py and
tests/reference_reuse_bf2d5f5.py: the same scores to the last bit, the same words, the same
weights and the same tables, with the chunk sizes shrunk so that every chunk boundary is met."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis.pair_scoring as pair_scoring
import analysis.reuse as reuse
import reference_pair_scoring_bf2d5f5 as reference
import reference_quote_variants_00881f1 as reference_quote_variants
import reference_reuse_bf2d5f5 as reference_reuse
from analysis.pair_scoring import TokenIndex, token_idf_weights
from analysis.quote_variants import pair_quote_variants
from analysis.reuse import find_reuse
from analysis.textsim import load_paraphrases
from test_quote_variants_equivalence import PARAPHRASES as QUOTE_PARAPHRASES, quote_frames
from test_reuse_equivalence import csv, synthetic

PARAPHRASES = load_paraphrases()
# spelling variants (defence/defense, commit/committ), repeated terms, one term spelled
# several ways (the surfaces), phrases
TERMS = ["defence", "defense", "zelensky", "zelenski", "ministry", "minister", "tank", "tanks", "gas", "border",
         "neighbour", "neighbor", "commit", "committ", "take over", "a b c d e"]
SPELLINGS = {"tank": ["tank", "Tank", "TANK"], "gas": ["gas", "Gas"], "take over": ["took over", "takes over"]}
token_lists = st.lists(st.lists(st.sampled_from(TERMS), max_size=12), max_size=9)


def spelled(lists, data):
    return [[(term, data.draw(st.sampled_from(SPELLINGS.get(term, [term])))) for term in terms] for terms in lists]


@pytest.fixture(scope="module")
def patch():
    with pytest.MonkeyPatch.context() as patcher:
        yield patcher


def scores(scored):
    return (scored.index.tolist(), *[getattr(scored, name) for name in pair_scoring._SCORE_LISTS])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists=token_lists, data=st.data(),
       weighted=st.dictionaries(st.sampled_from(TERMS), st.sampled_from([0.0, 1.0, 1.5, 2.25, 3.1, 0.1, 0.7])),
       min_similarity=st.sampled_from([None, 0.0, 0.5, 0.3]), min_coverage=st.sampled_from([None, 0.85, 0.0]),
       terms_at_once=st.sampled_from([1, 3, 7, 1_000_000]), longest=st.sampled_from([64, 3]),
       cells=st.sampled_from([1 << 22, 5]), pairs_at_once=st.sampled_from([1_000_000, 2]))
def test_index_scores_as_bf2d5f5(lists, data, weighted, min_similarity, min_coverage, terms_at_once, longest, cells,
                                 pairs_at_once, patch):
    for module in (pair_scoring, reference):
        patch.setattr(module, "_LONGEST_BULK", longest)
        patch.setattr(module, "_CELLS_AT_ONCE", cells)
        patch.setattr(module, "_PAIRS_SCORED_AT_ONCE", pairs_at_once)
    patch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)
    toks = spelled(lists, data)
    default = max(weighted.values(), default=1.0)
    new, old = TokenIndex(toks, weighted, default), reference.TokenIndex(toks, weighted, default)
    assert new.vocabulary == old.vocabulary and new.codes.tolist() == old.codes.tolist()
    assert new.totals.tolist() == old.totals  # (an empty list: 0.0 here, Python's sum gave int 0: equal)
    assert new.idf_weights() == old.idf_weights() and list(new.idf_weights()) == list(old.idf_weights())
    assert token_idf_weights(toks) == reference.token_idf_weights(toks)
    assert list(token_idf_weights(toks)) == list(reference.token_idf_weights(toks))
    if not lists:
        return
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(lists) - 1), st.integers(0, len(lists) - 1)), max_size=25))
    first = np.array([i for i, _ in pairs], dtype=np.int64)
    second = np.array([j for _, j in pairs], dtype=np.int64)
    got = scores(new.score(first.astype(np.int32), second.astype(np.int32), min_similarity=min_similarity,
                           min_coverage=min_coverage))
    assert got == scores(old.score(first, second, min_similarity=min_similarity, min_coverage=min_coverage))
    for name in ("similarity", "coverage_a", "coverage_b"):  # Python floats, bit for bit
        assert all(type(value) is float for value in getattr(new.score(first, second), name))
    for threshold in (0.3, 0.5, 0.9):
        assert new.may_reach(first, second, threshold).tolist() == old.may_reach(first, second, threshold).tolist()
    patch.setattr(pair_scoring, "_PAIRS_BOUNDED_AT_ONCE", 2)  # (and a block at a time)
    for threshold in (0.3, 0.5, 0.9):
        assert new.may_reach(first, second, threshold).tolist() == old.may_reach(first, second, threshold).tolist()


@pytest.mark.parametrize("terms_at_once", [1, 2, 5, 1_000_000])
def test_factorized_chunks_keep_the_order_of_first_appearance(terms_at_once):
    toks = [[("b", "B"), ("a", "a")], [], [("c", "c"), ("b", "b")], [("a", "A"), ("d", "d"), ("b", "B")], [("e", "e")]]
    lengths = np.array([len(found) for found in toks])
    chunks = pair_scoring._list_chunks(lengths, terms_at_once)
    assert [start for start, _ in chunks][0] == 0 and chunks[-1][1] == len(toks)
    assert all(stop == start for (_, stop), (start, _) in zip(chunks, chunks[1:]))  # every list, in order, once
    for part in (0, 1):
        flat = [token[part] for found in toks for token in found]
        codes, distinct = pd.factorize(pd.Series(flat, dtype=object))
        got_codes, got_distinct = pair_scoring._factorized(toks, chunks, part)
        assert got_codes.dtype == np.int32 and got_codes.tolist() == codes.tolist() and got_distinct == list(distinct)


@settings(max_examples=200, deadline=None)
@given(weights=st.lists(st.floats(-1e6, 1e6, allow_nan=False) | st.sampled_from([0.1, 0.2, 0.3, 1e-17, 1e17]),
                        max_size=30),
       lengths=st.lists(st.integers(0, 9), max_size=12), data=st.data())
def test_list_totals_add_as_python_sum(weights, lengths, data):
    """Python's sum (3.11) of each list's weights, left to right: if the interpreter's sum ever
    compensates (3.12 does), this fails rather than the tables drift."""
    if not weights:
        weights = [1.0]
    codes = np.array(data.draw(st.lists(st.integers(0, len(weights) - 1), min_size=sum(lengths),
                                        max_size=sum(lengths))), dtype=np.int32)
    lengths = np.array(lengths, dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    term_weight = np.array(weights, dtype=np.float64)
    got = pair_scoring._sums_in_order(term_weight, codes, starts, lengths).tolist()
    assert got == [sum(weights[c] for c in codes[s:s + n].tolist()) for s, n in zip(starts.tolist(), lengths.tolist())]


def test_index_holds_no_padded_matrix():
    """The index's arrays grow with the terms, not with lists x the longest list."""
    toks = [[("word", "word")]] * 1000 + [[(f"t{k}", f"t{k}") for k in range(64)]]
    index = TokenIndex(toks, {})
    held = sum(value.nbytes for value in vars(index).values() if isinstance(value, np.ndarray))
    # (lengths, starts and totals: 8 bytes a list; codes, numbered and surfaces: 4 a term, and
    # room for one more such array; padded: 1001 x 64 cells in each of three matrices, 769 kB)
    assert held < 1001 * 8 * 3 + 1064 * 4 * 4


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 80),
       min_similarity=st.sampled_from([0.5, 0.3]), min_containment=st.sampled_from([0.85, 0.5]),
       pairs_at_once=st.sampled_from([250_000, 3]), terms_at_once=st.sampled_from([1_000_000, 4]),
       candidates_at_once=st.sampled_from([1_000_000, 1, 5]))
def test_find_reuse_as_bf2d5f5(seed, n_articles, n_sentences, min_similarity, min_containment, pairs_at_once,
                               terms_at_once, candidates_at_once, patch):
    patch.setattr(reuse, "_PAIRS_AT_ONCE", pairs_at_once)
    patch.setattr(reuse, "_CANDIDATES_AT_ONCE", candidates_at_once)
    patch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    options = dict(paraphrases=PARAPHRASES, min_similarity=min_similarity, min_containment=min_containment, min_terms=2)
    new, old = find_reuse(sentences, articles, **options), reference_reuse.find_reuse(sentences, articles, **options)
    pd.testing.assert_frame_equal(new, old)  # dtypes and index too
    assert csv(new) == csv(old)


def test_seed_reuse_as_bf2d5f5(sample_corpus):
    sentences, articles = sample_corpus.sentences, sample_corpus.articles
    new, old = find_reuse(sentences, articles), reference_reuse.find_reuse(sentences, articles)
    assert len(new)
    pd.testing.assert_frame_equal(new, old)


@pytest.mark.parametrize("candidates_at_once", [1, 3, 1_000_000])
@pytest.mark.parametrize("seed", [3, 4, 5])
def test_sentence_of_an_unknown_article_raises_as_bf2d5f5(seed, candidates_at_once, monkeypatch):
    """The error names the same article whether the candidates are cleared in one batch or
    pair by pair (the unranked pairs then turn up in several batches, in no useful order)."""
    monkeypatch.setattr(reuse, "_CANDIDATES_AT_ONCE", candidates_at_once)
    sentences, articles = synthetic(seed, 5, 80)
    articles = articles[~articles["article_id"].isin(articles["article_id"].iloc[[1, -1]])]  # two missing: which is named?
    with pytest.raises(KeyError) as old:
        reference_reuse.find_reuse(sentences, articles, paraphrases=PARAPHRASES, min_terms=2)
    with pytest.raises(KeyError) as new:
        find_reuse(sentences, articles, paraphrases=PARAPHRASES, min_terms=2)
    assert new.value.args == old.value.args


@pytest.mark.parametrize("pairs_at_once", [1, 7, 250_000])
def test_candidates_in_chunks_and_int32_are_bf2d5f5s(pairs_at_once, monkeypatch):
    monkeypatch.setattr(reuse, "_PAIRS_AT_ONCE", pairs_at_once)
    sentences, _ = synthetic(11, 6, 120)
    term_sets = [set(text.lower().split()) for text in sentences["text"]]
    groups = sentences["article_id"].tolist()
    expected = reference_reuse._candidate_array(term_sets, groups)
    assert len(expected) > 10
    got = reuse._candidate_array(term_sets, groups)
    assert got.dtype == np.int64 and got.tolist() == expected.tolist()
    members = [i for i, found in enumerate(term_sets) if found]
    narrow = reuse._banded_pairs(reuse.minhash_signatures([term_sets[i] for i in members]), members, groups,
                                 len(term_sets), threshold=reuse.LSH_THRESHOLD, num_perm=reuse.NUM_PERM,
                                 min_jaccard=reuse.MIN_ESTIMATED_JACCARD, dtype=np.int32)
    assert narrow.dtype == np.int32 and narrow.tolist() == expected.tolist()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=quote_frames(), min_similarity=st.sampled_from([0.0, 0.5, 0.7]),
       terms_at_once=st.sampled_from([1_000_000, 5]))
def test_quote_variants_as_with_bf2d5f5s_index(frame, min_similarity, terms_at_once, patch):
    """pair_quote_variants (through the compact index) against the 00881f1 reference run with
    bf2d5f5's index."""
    patch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)
    patch.setattr(reference_quote_variants, "TokenIndex", reference.TokenIndex)
    options = dict(paraphrases=QUOTE_PARAPHRASES, min_similarity=min_similarity)
    assert (pair_quote_variants(frame, **options).to_csv(index=False)
            == reference_quote_variants.pair_quote_variants(frame, **options).to_csv(index=False))


@pytest.mark.parametrize("pairs_at_once", [1, 3, 50_000])
def test_variant_links_met_in_chunks_as_all_at_once(pairs_at_once, monkeypatch):
    from analysis.textsim import sentence_tokens
    sentences, _ = synthetic(7, 6, 120)  # (some copies respell a word)
    index = TokenIndex(sentence_tokens(sentences["text"].tolist(), PARAPHRASES))
    rng = np.random.default_rng(pairs_at_once)
    first, second = rng.integers(0, len(sentences), 400), rng.integers(0, len(sentences), 400)
    monkeypatch.setattr(pair_scoring, "_PAIRS_MET_AT_ONCE", 10**9)
    expected = index.variant_links(first, second)
    assert len(expected[0])
    monkeypatch.setattr(pair_scoring, "_PAIRS_MET_AT_ONCE", pairs_at_once)
    got = index.variant_links(first, second)
    assert [part.tolist() for part in got] == [part.tolist() for part in expected]
