# analysis/reuse.py as it was on main at bf2d5f5, kept verbatim up to find_reuse (only the imports made
# absolute, its TokenIndex the one of tests/reference_pair_scoring_bf2d5f5.py) as the oracle of
# find_reuse's memory work (tests/test_pair_scoring_memory.py) and the baseline of
# benchmarks/bench_reuse.py. The functions after find_reuse (shared_share, reuse_pairs, netting)
# are left out: nothing here uses them, and they are unchanged in analysis/reuse.py.
"""Text reuse: which sentences two articles share (copied, lightly reworded or spun), how much
of each article is shared with each other one, and whether a common wire origin is probable.

Candidate sentence pairs come from MinHash LSH (datasketch's signatures and bands, computed in
bulk with numpy, without importing datasketch) over each sentence's set of content terms (see
analysis.textsim), so the cost grows with the number of sentences and of near-duplicates, not
with the square of the corpus. The candidates are then scored together by the term alignment
of analysis.textsim, many pairs at once (analysis.pair_scoring), and kept when they clear the
thresholds below.

Orientation: in every pair, article_a is the copy treated as the original (see
`original_order`), article_b the later copy; `exclude_shared` relies on it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from reference_pair_scoring_bf2d5f5 import TokenIndex
from analysis.textsim import Paraphrases, load_paraphrases, sentence_tokens, words

REUSE_COLUMNS = [
    "article_a", "article_b", "text_a", "text_b", "similarity",
    "sentence_id_a", "sentence_id_b", "outlet_a", "outlet_b", "method",
    "coverage_a", "coverage_b", "n_words_a", "n_words_b",
    "words_only_a", "words_only_b", "swapped_words",
]
# Most original first: an agency's own wire copy, an outlet's own reporting, a republished
# (often translated) copy, an aggregator's verbatim copy, an automated rewrite. Unknown last.
CHANNEL_ORDER = ("wire", "original", "republished", "aggregator_copy", "rewrite")

MIN_TERMS = 4  # sentences with fewer content terms ("Moscow", "Source link") prove nothing
MIN_SIMILARITY = 0.5  # weighted Dice of the term alignment for two sentences to count as shared
MIN_CONTAINMENT = 0.85  # ...or this share of one sentence's terms found in the other (a copied clause)
LSH_THRESHOLD = 0.3  # Jaccard of term sets at which the index starts to return a pair
# Candidates whose estimated Jaccard is below this are not scored: on a 2,000-article test
# folder they were 95% of candidates and none of the pairs that cleared the thresholds
# (whose estimates started at 0.31).
MIN_ESTIMATED_JACCARD = 0.2
NUM_PERM = 64
VERBATIM_RATIO = 90.0  # rapidfuzz ratio of the normalized texts from which a pair is a near-verbatim copy


def original_order(articles: pd.DataFrame) -> pd.Series:
    """Rank of each article_id as a source (0 = most original): by channel (CHANNEL_ORDER),
    then publication date (earlier first, undated last), then article_id."""
    channel = articles["channel"].fillna("").map({c: i for i, c in enumerate(CHANNEL_ORDER)}).fillna(len(CHANNEL_ORDER))
    published = articles["published"].fillna("").replace("", "9999")
    order = pd.DataFrame({"channel": channel.to_numpy(), "published": published.to_numpy(),
                          "article_id": articles["article_id"].to_numpy()})
    order = order.sort_values(["channel", "published", "article_id"], kind="stable")
    return pd.Series(np.arange(len(order)), index=order["article_id"].to_numpy(), name="rank")


def candidate_pairs(term_sets: list[set[str]], groups: list, *, threshold: float = LSH_THRESHOLD,
                    num_perm: int = NUM_PERM, min_jaccard: float = MIN_ESTIMATED_JACCARD) -> list[tuple[int, int]]:
    """Index pairs (i < j) of term sets likely to have Jaccard similarity >= threshold, from
    different groups (articles), found with MinHash LSH; pairs whose MinHash estimate of the
    Jaccard similarity is below min_jaccard are dropped (band collisions of unrelated
    sentences, which are most candidates). Empty sets are never paired.

    The signatures are datasketch's MinHash (default seed and scheme, sha1_hash32) and the bands
    those of its MinHashLSH(threshold, num_perm), so the pairs are the ones that querying a
    MinHashLSH with every signature returns; both are computed in bulk with numpy."""
    pairs = _candidate_array(term_sets, groups, threshold=threshold, num_perm=num_perm, min_jaccard=min_jaccard)
    return list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()))


def _candidate_array(term_sets: list[set[str]], groups: list, *, threshold: float = LSH_THRESHOLD,
                     num_perm: int = NUM_PERM, min_jaccard: float = MIN_ESTIMATED_JACCARD) -> np.ndarray:
    """`candidate_pairs` as an (n, 2) int64 array, sorted by i then j."""
    members = [i for i, found in enumerate(term_sets) if found]
    if len(members) < 2:
        return np.empty((0, 2), dtype=np.int64)
    signatures = minhash_signatures([term_sets[i] for i in members], num_perm)
    return _banded_pairs(signatures, members, groups, len(term_sets), threshold=threshold, num_perm=num_perm,
                         min_jaccard=min_jaccard)


def _banded_pairs(signatures: np.ndarray, members: Sequence[int], groups: list, n: int, *, threshold: float,
                  num_perm: int, min_jaccard: float) -> np.ndarray:
    """`_candidate_array` from the signatures of its non-empty sets (members: their positions
    among the n sets, increasing).

    Band after band and in chunks, so that memory follows the kept candidates, not the band
    collisions (mostly unrelated sentences: 43 million on 10,000 news articles, for 6 million
    kept). A colliding pair is kept in the first band where it collides, when its sets are of
    different groups and its MinHash estimate clears min_jaccard."""
    m = len(members)
    if m < 2:
        return np.empty((0, 2), dtype=np.int64)
    bands, rows_per_band = lsh_bands(threshold, num_perm)
    index = np.asarray(members, dtype=np.int64)
    group = pd.factorize(pd.Series(groups, dtype=object))[0][index]
    need = _least_equal_values(min_jaccard, num_perm)
    low_bytes = _packed_low_bytes(signatures)
    buckets = np.empty((m, bands), dtype=np.int32)  # each row's bucket in each band
    kept = [np.empty(0, dtype=np.int64)]
    for k in range(bands):
        buckets[:, k] = _band_codes(signatures[:, k * rows_per_band:(k + 1) * rows_per_band])
        for x, y in _bucket_pairs(buckets[:, k]):
            x, y = _where(group[x] != group[y], x, y)
            # equal values have equal low bytes: this count is never below the exact one
            x, y = _where(_equal_bytes(low_bytes, x, y, num_perm) >= need, x, y)
            x, y = _where((buckets[x, :k] != buckets[y, :k]).all(axis=1), x, y)  # not found in an earlier band
            # MinHash.jaccard: the share of equal signature values, float(count) / float(num_perm)
            x, y = _where(np.count_nonzero(signatures[x] == signatures[y], axis=1) >= need, x, y)
            kept.append(x * m + y)
    first, second = np.divmod(np.sort(np.concatenate(kept)), m)
    return np.stack([index[first], index[second]], axis=1)


_PAIRS_AT_ONCE = 1_000_000  # colliding pairs checked at once (bounds the memory of a band)


def _where(keep: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return x[keep], y[keep]


def _least_equal_values(min_jaccard: float, num_perm: int) -> int:
    """The fewest equal signature values whose MinHash estimate (count / num_perm, as a float)
    is >= min_jaccard; num_perm + 1 when no count's is."""
    clears = np.flatnonzero(np.arange(num_perm + 1) / float(num_perm) >= min_jaccard)
    return int(clears[0]) if len(clears) else num_perm + 1


def _packed_low_bytes(signatures: np.ndarray) -> np.ndarray:
    """The low byte of each signature value, eight to a uint64 (zero-padded): a quarter of the
    memory to read per pair for a first count of equal values."""
    padded = np.zeros((len(signatures), -(-signatures.shape[1] // 8) * 8), dtype=np.uint8)
    padded[:, :signatures.shape[1]] = signatures & 0xFF
    return padded.view(np.uint64)


_LOW_SEVEN = np.uint64(0x7F7F7F7F7F7F7F7F)
_BYTE_ONES = np.uint64(0x0101010101010101)


def _equal_bytes(packed: np.ndarray, x: np.ndarray, y: np.ndarray, num_values: int) -> np.ndarray:
    """For each pair (x[k], y[k]) of rows of `_packed_low_bytes`, how many of its first
    num_values bytes are equal."""
    equal = packed[x]
    equal ^= packed[y]  # zero bytes where equal
    differ = equal.copy()
    # a byte is zero iff neither it nor its low seven bits plus 0x7F set its top bit
    equal &= _LOW_SEVEN
    equal += _LOW_SEVEN
    equal |= differ
    equal |= _LOW_SEVEN
    np.invert(equal, out=equal)
    equal >>= np.uint64(7)  # 1 in each equal byte, 0 elsewhere
    per_byte = equal[:, 0].copy()
    for column in range(1, equal.shape[1]):  # at most 8 a byte: no carry between bytes
        per_byte += equal[:, column]
    padding = packed.shape[1] * 8 - num_values  # zero in both rows, so counted as equal
    return ((per_byte * _BYTE_ONES) >> np.uint64(56)).astype(np.int64) - padding


def _band_codes(band: np.ndarray) -> np.ndarray:
    """A code per row of `band` (uint32 columns), equal for equal rows: each column folded in
    by factorizing (codes so far, column) as one int64."""
    code = np.zeros(len(band), dtype=np.int64)
    for column in band.T:
        code = pd.factorize((code << 32) | column.astype(np.int64))[0]
    return code


def _bucket_pairs(codes: np.ndarray):
    """Every pair (x < y) of rows with equal codes, in chunks of about _PAIRS_AT_ONCE pairs:
    arrays x, y."""
    order = np.argsort(codes, kind="stable")  # stable: each run of equal codes in increasing row order
    ordered = codes[order]
    boundary = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
    sizes = np.diff(boundary)
    starts = boundary[:-1]
    for size in np.unique(sizes[sizes > 1]).tolist():
        at = starts[sizes == size]
        per_run = size * (size - 1) // 2
        if per_run <= _PAIRS_AT_ONCE:
            x, y = np.triu_indices(size, 1)
            step = max(1, _PAIRS_AT_ONCE // per_run)
            for s in range(0, len(at), step):
                block = at[s:s + step, None]
                yield order[block + x].ravel(), order[block + y].ravel()
            continue
        for start in at.tolist():  # a huge run (a sentence repeated everywhere): its triangle row by row
            run = order[start:start + size]
            step = max(1, _PAIRS_AT_ONCE // size)
            for top in range(0, size - 1, step):
                firsts = np.arange(top, min(top + step, size - 1))
                counts = size - 1 - firsts
                x = np.repeat(firsts, counts)
                y = x + 1 + np.arange(len(x)) - np.repeat(np.cumsum(counts) - counts, counts)
                yield run[x], run[y]


def minhash_signatures(term_sets: list[set[str]], num_perm: int = NUM_PERM) -> np.ndarray:
    """The hashvalues of datasketch's MinHash(num_perm) (seed 1, scheme affine32, sha1_hash32)
    of each non-empty set of terms, one row per set, computed in bulk (_code_signatures)."""
    if not all(term_sets):
        raise ValueError("MinHash signatures of empty sets are not computed (they match nothing)")
    vocabulary = sorted(set().union(*term_sets))
    code = {term: k for k, term in enumerate(vocabulary)}
    codes = np.fromiter((code[t] for found in term_sets for t in found), dtype=np.int64)
    return _code_signatures(vocabulary, codes, np.array([len(found) for found in term_sets], dtype=np.int64), num_perm)


_SETS_AT_ONCE = 5_000  # sets whose terms' permuted hashes are gathered at once (~ 20 MB)


def _code_signatures(vocabulary: Sequence[str], codes: np.ndarray, lengths: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signatures of term lists given as vocabulary codes (codes: list after list,
    lengths: terms per list, none empty): each distinct term is hashed and permuted once, and
    a list's signature is the minimum over its terms' rows (a term repeated in a list changes
    no minimum, so no set need be made)."""
    a, b = minhash_permutations(num_perm)  # uint32; products wrap modulo 2**32 as in MinHash.update_batch
    hashed = np.array([_sha1_hash32(term.encode("utf-8")) for term in vocabulary], dtype=np.uint32)
    permuted = _fmix32(hashed)[:, None] * a[None, :] + b[None, :]
    ends = np.cumsum(lengths)
    signatures = np.empty((len(lengths), num_perm), dtype=np.uint32)
    for start in range(0, len(lengths), _SETS_AT_ONCE):
        stop = min(start + _SETS_AT_ONCE, len(lengths))
        first, last = int(ends[start] - lengths[start]), int(ends[stop - 1])
        signatures[start:stop] = np.minimum.reduceat(permuted[codes[first:last]], ends[start:stop] - lengths[start:stop] - first,
                                                     axis=0)
    return signatures


# datasketch is not imported to run: importing it loads scipy.integrate (half a second of CPU,
# as much as the MinHash work on a thousand articles). tests/test_reuse_equivalence.py checks
# that the functions below give datasketch's numbers.

def _sha1_hash32(data: bytes) -> int:
    """datasketch.hashfunc.sha1_hash32: the first four bytes of the SHA-1 digest, little-endian."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


@lru_cache(maxsize=16)
def minhash_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) uint32 parameters of the affine32 permutations of datasketch's
    MinHash(num_perm, seed) (MinHash._init_permutations): odd multipliers a, offsets b, drawn
    from numpy's legacy RandomState(seed). Read-only arrays (shared through the cache)."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.flags.writeable = b.flags.writeable = False
    return a, b


# (bands, rows per band) that MinHashLSH(threshold, num_perm) chooses (datasketch.lsh._optimal_param,
# equal weights of false positives and negatives) for the settings used here.
_LSH_BANDS = {(LSH_THRESHOLD, NUM_PERM): (21, 3)}


def lsh_bands(threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The (bands, rows per band) of datasketch's MinHashLSH(threshold, num_perm): band k
    covers signature columns k * rows .. (k + 1) * rows. Known settings are looked up; others
    are asked of datasketch (its search integrates the error probabilities numerically)."""
    known = _LSH_BANDS.get((threshold, num_perm))
    if known is not None:
        return known
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer that datasketch's affine32 scheme applies to each
    term hash before the permutations (datasketch.minhash._fmix)."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint32(16))
        values = values * np.uint32(0x85EBCA6B)
        values = values ^ (values >> np.uint32(13))
        values = values * np.uint32(0xC2B2AE35)
        return values ^ (values >> np.uint32(16))


def _method_of_words(a: str, b: str) -> str:
    """verbatim, near_verbatim or reworded, from the normalized words of two texts."""
    if a == b:
        return "verbatim"
    if fuzz.ratio(a, b) >= VERBATIM_RATIO:
        return "near_verbatim"
    return "reworded"


def find_reuse(sentences: pd.DataFrame, articles: pd.DataFrame, *, paraphrases: Paraphrases | None = None,
               codebook_dir=None, min_similarity: float = MIN_SIMILARITY, min_containment: float = MIN_CONTAINMENT,
               min_terms: int = MIN_TERMS, lsh_threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM,
               tokens: Sequence[Sequence[tuple[str, str]]] | None = None) -> pd.DataFrame:
    """Shared passages: one row per pair of sentences from two articles that say the same
    thing in (nearly) the same words. Columns REUSE_COLUMNS; article_a is the more original
    copy (`original_order`). similarity is the weighted Dice of the term alignment (0..1);
    coverage_a/_b the share of each sentence's term weight found in the other; method is
    verbatim, near_verbatim or reworded; words_only_a/_b and swapped_words show the edits.

    tokens: each sentence's `analysis.textsim.tokens` with these paraphrases, in row order,
    when already at hand (the export builds them per article: see `tokens_by_sentence`)."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    texts = sentences["text"].tolist()
    if tokens is None:
        toks = sentence_tokens(texts, paraphrases)
    elif len(tokens) != len(texts):
        raise ValueError(f"{len(tokens)} token lists for {len(texts)} sentences")
    else:
        toks = tokens
    index = TokenIndex(toks)
    weights = index.idf_weights()  # (text_weights of the texts)
    index.weigh(weights, max(weights.values(), default=1.0))
    article_ids = sentences["article_id"].tolist()
    sentence_ids = [int(k) for k in sentences["sentence_id"].tolist()]
    n_words = [int(k) for k in sentences["n_words"].tolist()]
    outlet = articles.set_index("article_id")["outlet"].to_dict()
    # the sentences with min_terms terms or more (and at least one), and their MinHash signatures
    members = np.flatnonzero((index.lengths >= min_terms) & (index.lengths > 0))
    listed = np.repeat(np.isin(np.arange(len(texts)), members), index.lengths)
    signatures = _code_signatures(index.vocabulary, index.codes[listed], index.lengths[members], num_perm)
    candidates = _banded_pairs(signatures, members.tolist(), article_ids, len(texts), threshold=lsh_threshold,
                               num_perm=num_perm, min_jaccard=MIN_ESTIMATED_JACCARD)
    rank = original_order(articles).reindex(article_ids).to_numpy()  # of each sentence's article
    unranked = candidates[np.isnan(rank[candidates]).any(axis=1)]
    if len(unranked):  # a sentence of an article missing from `articles` cannot be oriented
        raise KeyError(article_ids[unranked[0, 1] if np.isnan(rank[unranked[0, 1]]) else unranked[0, 0]])
    later_first = rank[candidates[:, 1]] < rank[candidates[:, 0]]  # oriented: the more original sentence first
    oriented = np.where(later_first[:, None], candidates[:, ::-1], candidates)
    scored = index.score(
        oriented[:, 0], oriented[:, 1], min_similarity=min_similarity, min_coverage=min_containment)
    if not len(scored.index):
        return pd.DataFrame([], columns=REUSE_COLUMNS)
    first, second = oriented[scored.index, 0].tolist(), oriented[scored.index, 1].tolist()
    similarity, coverage_a, coverage_b = scored.similarity, scored.coverage_a, scored.coverage_b
    # for `_method_of_words`: once per distinct text (the kept pairs share few texts: wire copies)
    normalized = {texts[k]: " ".join(words(texts[k])) for k in set(first) | set(second)}
    frame = pd.DataFrame({
        "article_a": [article_ids[i] for i in first], "article_b": [article_ids[j] for j in second],
        "text_a": [texts[i] for i in first], "text_b": [texts[j] for j in second],
        "similarity": [round(value, 4) for value in similarity],
        "sentence_id_a": [sentence_ids[i] for i in first], "sentence_id_b": [sentence_ids[j] for j in second],
        "outlet_a": [outlet.get(article_ids[i], "") for i in first],
        "outlet_b": [outlet.get(article_ids[j], "") for j in second],
        "method": [_method_of_words(normalized[texts[i]], normalized[texts[j]]) for i, j in zip(first, second)],
        "coverage_a": [round(value, 4) for value in coverage_a],
        "coverage_b": [round(value, 4) for value in coverage_b],
        "n_words_a": [n_words[i] for i in first], "n_words_b": [n_words[j] for j in second],
        "words_only_a": scored.words_only_a, "words_only_b": scored.words_only_b,
        "swapped_words": scored.swapped_words,
    }, columns=REUSE_COLUMNS)
    return frame.sort_values(["article_a", "article_b", "sentence_id_a", "sentence_id_b"], ignore_index=True)

