"""The bulk implementations of reuse.csv, reuse_pairs.csv and quote_variants.csv (numpy MinHash
and LSH bands, `align_pairs` with its sparse screening, joined pair shares) against the code
they replaced, kept verbatim in tests/reference_reuse.py: the same tables, to the byte, on
synthetic corpora built to hit the edge cases (spelling variants that alone lift a pair over a
threshold, similarities exactly at a threshold, repeated terms, copies within one article,
paraphrase phrases, empty and one-term sentences) and on the seed articles."""
import random

import numpy as np
import pandas as pd
import pytest
import os
import subprocess
import sys
from pathlib import Path

from datasketch import MinHash, MinHashLSH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_reuse as reference
from analysis.quote_variants import pair_quote_variants, quote_variants_of
from analysis.reuse import (
    _LSH_BANDS, _sha1_hash32, candidate_pairs, find_reuse, lsh_bands, minhash_permutations, minhash_signatures,
    reuse_pairs,
)
from datasketch.hashfunc import sha1_hash32
from analysis.textsim import (
    Paraphrases, align, align_pairs, load_paraphrases, normalize, sentence_weights, tokens, words,
)
from seed_quotes import seed_quotes

PARAPHRASES = load_paraphrases()
NONE = Paraphrases.empty()
# spelling variants (rapidfuzz ratio >= 85), near misses, short words that must match exactly,
# paraphrase variants ("merger", "take over", "absorb"), negations and function words
WORDS = [
    "defence", "defense", "zelensky", "zelenski", "organisation", "organization", "ministry", "ministers",
    "minister", "border", "borders", "soldiers", "soldier", "form", "from", "tank", "tanks", "kyiv", "kiev",
    "merger", "absorb", "absorbing", "take over", "not", "never", "the", "of", "and", "was", "convoy",
    "winter", "bridge", "repaired", "announced", "talks", "pipeline", "gas", "prices", "minsk", "moscow",
]
# contractions, accents (precomposed and combining), ligatures, curly apostrophes
ACCENTED = ["won't", "isn\u2019t", "Volod\u00edmir", "it's", "interested", "Zelensk\u0131\u0301", "e\u0301lan", "\ufb01nance",
            "na\u00efve", "\u00c9lys\u00e9e", "\u00bd", "\u2013", "\u0928\u092e\u0938\u094d\u0924\u0947"]
settings.register_profile("equivalence", deadline=None, suppress_health_check=[HealthCheck.too_slow])


def csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def synthetic(seed: int, n_articles: int, n_sentences: int):
    """sentences and articles frames: random sentences over WORDS, many copied across (and
    within) articles verbatim or with one word swapped, dropped or respelled."""
    rng = random.Random(seed)
    pool = []
    for _ in range(n_sentences):
        if pool and rng.random() < 0.5:
            words = rng.choice(pool).split()
            k = rng.randrange(len(words))
            change = rng.random()
            if change < 0.3:
                words[k] = rng.choice(WORDS)
            elif change < 0.5 and len(words) > 1:
                del words[k]
            elif change < 0.7:
                words.insert(k, rng.choice(WORDS))
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
        pool.append(" ".join(words))
    rows = []
    for k, text in enumerate(pool):
        rows.append({"article_id": f"a{rng.randrange(n_articles)}", "text": text.capitalize() + "."})
    sentences = pd.DataFrame(rows, columns=["article_id", "text"])
    sentences["sentence_id"] = sentences.groupby("article_id").cumcount() + 1
    sentences["n_words"] = sentences["text"].str.split().str.len()
    sentences = sentences.sort_values(["article_id", "sentence_id"], ignore_index=True)
    ids = sorted(set(sentences["article_id"]))
    articles = pd.DataFrame({
        "article_id": ids,
        "outlet": [f"Outlet {rng.randrange(4)}" for _ in ids],
        "agency": [rng.choice(["", "AP", "ap", "Reuters", None]) for _ in ids],
        "channel": [rng.choice(["", "wire", "original", "rewrite", "aggregator_copy", None]) for _ in ids],
        "published": [rng.choice(["", "2022-12-19", "2022-12-20", None]) for _ in ids],
    })
    return sentences, articles


@settings(settings.get_profile("equivalence"), max_examples=40)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 60),
       paraphrases=st.sampled_from([PARAPHRASES, NONE]), min_similarity=st.sampled_from([0.5, 0.3, 0.8]))
def test_reuse_tables_match_the_previous_implementation(seed, n_articles, n_sentences, paraphrases, min_similarity):
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    new = find_reuse(sentences, articles, paraphrases=paraphrases, min_similarity=min_similarity)
    old = reference.find_reuse(sentences, articles, paraphrases=paraphrases, min_similarity=min_similarity)
    assert csv(new) == csv(old)
    assert csv(reuse_pairs(new, sentences, articles)) == csv(reference.reuse_pairs(old, sentences, articles))


@settings(settings.get_profile("equivalence"), max_examples=40)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 6), n_sentences=st.integers(0, 50),
       paraphrases=st.sampled_from([PARAPHRASES, NONE]), corpus_weights=st.booleans(),
       min_similarity=st.sampled_from([0.5, 0.0, 0.7]))
def test_quote_variants_match_the_previous_implementation(seed, n_articles, n_sentences, paraphrases, corpus_weights,
                                                          min_similarity):
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    rng = random.Random(seed)
    quotes = sentences.assign(speaker=[rng.choice(["Mayor", "Governor", "", None]) for _ in range(len(sentences))])
    quotes = quotes.rename(columns={"text": "quote"})[["article_id", "sentence_id", "speaker", "quote"]]
    weights = sentence_weights(sentences, paraphrases) if corpus_weights else None
    new = pair_quote_variants(quotes, articles=articles, paraphrases=paraphrases, weights=weights,
                              min_similarity=min_similarity)
    old = reference.pair_quote_variants(quotes, articles=articles, paraphrases=paraphrases, weights=weights,
                                        min_similarity=min_similarity)
    assert csv(new) == csv(old)


def test_spelling_variants_lift_a_pair_the_equal_terms_alone_would_drop():
    # equal terms alone: 2 of 4 on each side (similarity 0.5 exactly at min 0.6: dropped);
    # with the two respellings paired the copy clears the threshold
    text_a, text_b = "Defence ministry organisation soldiers.", "Defense ministry organization soldiers."
    sentences = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [1, 1], "text": [text_a, text_b], "n_words": [4, 4]})
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "agency": ["", ""],
                             "channel": ["", ""], "published": ["", ""]})
    new = find_reuse(sentences, articles, paraphrases=NONE, min_similarity=0.6, min_terms=1, lsh_threshold=0.1)
    old = reference.find_reuse(sentences, articles, paraphrases=NONE, min_similarity=0.6, min_terms=1, lsh_threshold=0.1)
    assert len(new) == 1 and csv(new) == csv(old)
    assert new.at[0, "swapped_words"] == "defence~defense; organisation~organization"


def test_a_similarity_exactly_at_the_threshold_is_kept():
    # equal weights, 2 of 4 terms shared on each side: weighted Dice exactly 0.5
    pairs = list(align_pairs([["alpha", "beta", "gamma", "delta"], ["alpha", "beta", "kappa", "lambda"]], [(0, 1)],
                             {}, 1.0, min_similarity=0.5))
    assert pairs[0] is not None and pairs[0].similarity == 0.5
    assert list(align_pairs([["alpha", "beta", "gamma", "delta"], ["alpha", "kappa", "lambda", "mu"]], [(0, 1)],
                            {}, 1.0, min_similarity=0.5, min_coverage=0.85)) == [None]


@settings(settings.get_profile("equivalence"), max_examples=300)
@given(a=st.lists(st.sampled_from(WORDS), max_size=10), b=st.lists(st.sampled_from(WORDS), max_size=10),
       weighted=st.dictionaries(st.sampled_from(WORDS), st.sampled_from([0.0, 1.0, 1.5, 2.25, 3.1])))
def test_align_matches_the_previous_implementation(a, b, weighted):
    assert align(a, b, weighted) == reference.align(a, b, weighted)
    assert align(b, a, weighted) == reference.align(b, a, weighted)
    assert align(a, list(a), weighted) == reference.align(a, list(a), weighted)  # a verbatim copy


@settings(settings.get_profile("equivalence"), max_examples=200)
@given(text=st.lists(st.sampled_from(WORDS + ACCENTED), max_size=15).map(" ".join))
def test_tokens_match_the_previous_implementation(text):
    for paraphrases in (PARAPHRASES, NONE, None):
        assert tokens(text, paraphrases) == reference.tokens(text, paraphrases)


# ASCII next to curly and grave apostrophes, precomposed and combining accents (several in a
# row, out of canonical order), ligatures, fractions, dotless i, final sigma, other scripts
FOLDING = ("aeiouAEIOU ntsx'-`\u00b4\u2019\u2018\u02bc\u00e9\u00ed\u00c9\u0301\u0300\u0327\u031b\u0323\ufb01\u00bd"
           "\u0131\u03a3\u03c3\u0130\u00df\u2013\u0928\u092e\u094d\u00a0\u2126\u212b\u1e9b")


@settings(settings.get_profile("equivalence"), max_examples=400)
@given(text=st.text(alphabet=FOLDING, max_size=30) | st.text(max_size=30))
def test_normalize_and_words_match_the_previous_implementation(text):
    assert normalize(text) == reference.normalize(text)
    assert words(text) == reference.words(text)


@pytest.mark.parametrize("text", ["Don\u2019t go", "it\u00b4s Zelensk\u0131\u0301\u2019s", "\u0130stanbul \u039f\u0394\u039f\u03a3",
                                  "e\u0323\u0301\u031b", "\ufb01nal `can't`", "\u2126 \u212b \u1e9b\u0323"])
def test_normalize_traps(text):
    assert normalize(text) == reference.normalize(text) and words(text) == reference.words(text)


@settings(settings.get_profile("equivalence"), max_examples=30)
@given(seed=st.integers(0, 10**6), n=st.integers(0, 300), vocabulary=st.integers(5, 80))
def test_candidate_pairs_match_datasketch_lsh(seed, n, vocabulary):
    rng = random.Random(seed)
    terms = [f"t{k}" for k in range(vocabulary)]
    sets = [set(rng.sample(terms, rng.randint(0, min(12, vocabulary)))) for _ in range(n)]
    groups = [rng.randrange(20) for _ in sets]
    assert candidate_pairs(sets, groups) == reference.candidate_pairs(sets, groups)
    assert candidate_pairs(sets, groups, threshold=0.6, num_perm=32) == reference.candidate_pairs(
        sets, groups, threshold=0.6, num_perm=32)


def test_signatures_are_datasketch_minhash_values():
    rng = random.Random(3)
    sets = [{f"w{rng.randrange(500)}" for _ in range(rng.randint(1, 30))} for _ in range(50)] + [{"Zelenskí", "naïve"}]
    for num_perm in (64, 128):
        signatures = minhash_signatures(sets, num_perm)
        for found, row in zip(sets, signatures):
            minhash = MinHash(num_perm=num_perm)
            minhash.update_batch([t.encode("utf-8") for t in found])
            assert row.dtype == minhash.hashvalues.dtype and np.array_equal(row, minhash.hashvalues)


@pytest.mark.parametrize("num_perm, seed", [(64, 1), (128, 1), (32, 7), (1, 1)])
def test_permutations_are_datasketch_minhash_permutations(num_perm, seed):
    a, b = minhash_permutations(num_perm, seed)
    expected_a, expected_b = MinHash(num_perm=num_perm, seed=seed).permutations
    assert a.dtype == expected_a.dtype == np.uint32 and np.array_equal(a, expected_a) and np.array_equal(b, expected_b)


@pytest.mark.parametrize("data", [b"", b"kyiv", "Zelensk\u00ed".encode("utf-8"), bytes(range(256))])
def test_sha1_hash32_is_datasketch_hash(data):
    assert _sha1_hash32(data) == sha1_hash32(data)


@pytest.mark.parametrize("threshold, num_perm", [*_LSH_BANDS, (0.6, 32), (0.1, 64)])
def test_lsh_bands_are_datasketch_lsh_bands(threshold, num_perm):
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    bands, rows = lsh_bands(threshold, num_perm)
    assert (bands, rows) == (lsh.b, lsh.r)
    assert [(k * rows, (k + 1) * rows) for k in range(bands)] == lsh.hashranges


def test_reuse_does_not_import_datasketch(sample_corpus):
    """datasketch (and the scipy.integrate it loads) costs more to import than the MinHash
    work on a thousand articles: the default settings must not need it."""
    code = ("import sys, warnings; warnings.simplefilter('ignore'); from analysis import load_corpus; "
            "from analysis.reuse import find_reuse; c = load_corpus(None); "
            "assert len(find_reuse(c.sentences, c.articles)); print('datasketch' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)})
    assert done.stdout.strip() == "False"


# --- the five seed articles ---

def test_seed_tables_match_the_previous_implementation(sample_corpus):
    sentences, articles = sample_corpus.sentences, sample_corpus.articles
    new, old = find_reuse(sentences, articles), reference.find_reuse(sentences, articles)
    assert len(new) and csv(new) == csv(old)
    assert csv(reuse_pairs(new, sentences, articles)) == csv(reference.reuse_pairs(old, sentences, articles))
    quotes = seed_quotes(sample_corpus)
    assert csv(quote_variants_of(sample_corpus, quotes)) == csv(reference.quote_variants_of(sample_corpus, quotes))


@pytest.mark.parametrize("seed", [1, 2])
def test_find_reuse_matches_its_previous_path(sample_corpus, seed):
    """The benchmark's baseline (main at 8b0e26c) gives today's table: on the seeds and on a
    synthetic corpus with copies, respellings and accents."""
    frames = [(sample_corpus.sentences, sample_corpus.articles), synthetic(seed, 12, 90)]
    for sentences, articles in frames:
        new = find_reuse(sentences, articles)
        assert len(new) and csv(new) == csv(reference.find_reuse_8b0e26c(sentences, articles))


@pytest.mark.parametrize("min_similarity", [0.0, 0.3])
def test_seed_quote_variants_at_other_thresholds(sample_corpus, min_similarity):
    quotes = seed_quotes(sample_corpus)
    weights = sentence_weights(sample_corpus.sentences, PARAPHRASES)
    new = pair_quote_variants(quotes, articles=sample_corpus.articles, weights=weights, min_similarity=min_similarity)
    old = reference.pair_quote_variants(quotes, articles=sample_corpus.articles, weights=weights,
                                        min_similarity=min_similarity)
    assert csv(new) == csv(old)


@pytest.mark.parametrize("seed", [3, 4])
def test_work_done_in_blocks_gives_the_same_table(monkeypatch, seed):
    """The signatures are gathered a block of sets at a time, the candidate pairs matched and
    scored a block at a time (to bound memory on large corpora), long lists aligned one pair at
    a time: block sizes and that length must not change a byte."""
    import analysis.reuse as reuse
    import analysis.pair_scoring as pair_scoring

    sentences, articles = synthetic(seed, 10, 120)
    whole = find_reuse(sentences, articles)
    sets = [set(t.split()) for t in sentences["text"]]
    signatures = minhash_signatures(sets)
    monkeypatch.setattr(reuse, "_SETS_AT_ONCE", 7)
    assert np.array_equal(minhash_signatures(sets), signatures)
    monkeypatch.setattr(pair_scoring, "_CELLS_AT_ONCE", 5)  # blocks of the fewest pairs
    assert len(whole) > 5 and csv(find_reuse(sentences, articles)) == csv(whole)
    monkeypatch.setattr(pair_scoring, "_LONGEST_BULK", 3)  # most lists aligned one pair at a time
    assert csv(find_reuse(sentences, articles)) == csv(whole)
    monkeypatch.setattr(pair_scoring, "_LONGEST_BULK", 64)
    for pairs_at_once in (1, 7, 250):  # candidates scored a block at a time
        monkeypatch.setattr(pair_scoring, "_PAIRS_SCORED_AT_ONCE", pairs_at_once)
        assert csv(find_reuse(sentences, articles)) == csv(whole)


def _sets_with_copies(seed: int, n: int, vocabulary: int, copies: int) -> tuple[list[set[str]], list[int]]:
    """Random term sets, one of them repeated `copies` times (a sentence every article
    carries: one huge bucket in every band), with empty sets and groups of several sets."""
    rng = random.Random(seed)
    terms = [f"t{k}" for k in range(vocabulary)]
    sets = [set(rng.sample(terms, rng.randint(0, min(12, vocabulary)))) for _ in range(n)]
    sets += [set(terms[:6])] * copies
    rng.shuffle(sets)
    return sets, [rng.randrange(max(2, n // 3)) for _ in sets]


@settings(settings.get_profile("equivalence"), max_examples=25)
@given(seed=st.integers(0, 10**6), n=st.integers(0, 200), vocabulary=st.integers(5, 60), copies=st.integers(0, 40),
       pairs_at_once=st.sampled_from([1, 3, 50, 10**6]),
       setting=st.sampled_from([(0.3, 64, 0.2), (0.6, 32, 0.2), (0.3, 30, 0.0), (0.5, 20, 0.35), (0.3, 64, 1.5)]))
def test_candidates_match_the_previous_banding(seed, n, vocabulary, copies, pairs_at_once, setting):
    """Band by band, in chunks of any size (1: every pair its own chunk; a run larger than a
    chunk: its triangle row by row), with signature lengths that are not a multiple of 8: the
    same pairs, in the same order, as the whole-corpus banding of c412d6b."""
    import analysis.reuse as reuse
    import reference_reuse_c412d6b as previous

    threshold, num_perm, min_jaccard = setting
    sets, groups = _sets_with_copies(seed, n, vocabulary, copies)
    before = reuse._PAIRS_AT_ONCE
    reuse._PAIRS_AT_ONCE = pairs_at_once  # (not monkeypatch: hypothesis runs many examples per test)
    try:
        new = reuse._candidate_array(sets, groups, threshold=threshold, num_perm=num_perm, min_jaccard=min_jaccard)
    finally:
        reuse._PAIRS_AT_ONCE = before
    old = previous._candidate_array(sets, groups, threshold=threshold, num_perm=num_perm, min_jaccard=min_jaccard)
    assert new.dtype == old.dtype and np.array_equal(new, old)


@pytest.mark.parametrize("num_values", [1, 7, 8, 30, 64])
def test_low_byte_counts_are_exact_and_never_below_the_value_counts(num_values):
    from analysis.reuse import _equal_bytes, _packed_low_bytes

    rng = np.random.default_rng(num_values)
    signatures = rng.integers(0, 2**32, size=(400, num_values), dtype=np.uint64).astype(np.uint32)
    signatures[1::2, : num_values // 2] = signatures[::2, : num_values // 2]  # equal values
    signatures[2::4] = (signatures[2::4] & 0xFFFFFF00) | (signatures[3::4] & 0xFF)  # equal low bytes only
    x, y = rng.integers(0, 400, 5000), rng.integers(0, 400, 5000)
    x[:400], y[:400] = np.arange(0, 400, 2).repeat(2), np.arange(1, 400, 2).repeat(2)
    low = signatures & 0xFF
    counted = _equal_bytes(_packed_low_bytes(signatures), x, y, num_values)
    assert np.array_equal(counted, np.count_nonzero(low[x] == low[y], axis=1))
    assert (counted >= np.count_nonzero(signatures[x] == signatures[y], axis=1)).all()


@pytest.mark.parametrize("min_jaccard, num_perm", [(0.2, 64), (0.0, 64), (1.0, 64), (1.01, 64), (0.3, 10), (-1, 5)])
def test_least_equal_values_is_the_first_count_whose_estimate_clears(min_jaccard, num_perm):
    from analysis.reuse import _least_equal_values

    need = _least_equal_values(min_jaccard, num_perm)
    assert all((count / float(num_perm) >= min_jaccard) == (count >= need) for count in range(num_perm + 1))
