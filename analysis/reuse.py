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
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from .export import TableSlices
from .pair_scoring import PairScores, TokenIndex, _distinct
from .textsim import Paraphrases, load_paraphrases, sentence_tokens, words

REUSE_COLUMNS = [
    "article_a", "article_b", "text_a", "text_b", "similarity",
    "sentence_id_a", "sentence_id_b", "outlet_a", "outlet_b", "method",
    "coverage_a", "coverage_b", "n_words_a", "n_words_b",
    "words_only_a", "words_only_b", "swapped_words",
]
PAIR_COLUMNS = [
    "article_a", "article_b", "outlet_a", "outlet_b", "shared_sentences",
    "shared_words_a", "shared_words_b", "share_a", "share_b",
    "agency_a", "agency_b", "channel_a", "channel_b", "origin", "origin_agency", "basis",
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
# A pair of articles "shares text" when at least this many sentences and this share of the
# shorter side's body words are shared; below that, shared sentences are usually the same
# remark quoted by two reporters, not copy.
ORIGIN_MIN_SENTENCES = 2
ORIGIN_MIN_SHARE = 0.1


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
                  num_perm: int, min_jaccard: float, dtype=np.int64) -> np.ndarray:
    """`_candidate_array` from the signatures of its non-empty sets (members: their positions
    among the n sets, increasing); the positions as `dtype`. The pairs of `_banded_row_pairs`,
    sorted."""
    m = len(members)
    if m < 2:
        return np.empty((0, 2), dtype=dtype)
    index = np.asarray(members, dtype=np.int64)
    group = pd.factorize(pd.Series(groups, dtype=object))[0][index]
    keys = np.concatenate([np.empty(0, dtype=np.int64)] + [
        x * m + y for x, y in _banded_row_pairs(signatures, group, threshold=threshold, num_perm=num_perm,
                                                min_jaccard=min_jaccard)])
    keys.sort()
    # filled a chunk at a time: whole-length (row, row) and (set, set) arrays were twice the pairs
    pairs = np.empty((len(keys), 2), dtype=dtype)
    for start in range(0, len(keys), _PAIRS_AT_ONCE):
        first, second = np.divmod(keys[start:start + _PAIRS_AT_ONCE], m)
        pairs[start:start + _PAIRS_AT_ONCE, 0] = index[first]
        pairs[start:start + _PAIRS_AT_ONCE, 1] = index[second]
    return pairs


def _banded_row_pairs(signatures: np.ndarray, group: np.ndarray, *, threshold: float, num_perm: int,
                      min_jaccard: float) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The candidate pairs of rows (x < y) of `signatures` (group: a code for each row's
    group), chunk after chunk, in no useful order: arrays x, y.

    Band after band and in chunks, so that memory follows the kept candidates, not the band
    collisions (mostly unrelated sentences: 43 million on 10,000 news articles, for 6 million
    kept). A colliding pair is kept in the first band where it collides, when its rows are of
    different groups and its MinHash estimate clears min_jaccard."""
    bands, rows_per_band = lsh_bands(threshold, num_perm)
    need = _least_equal_values(min_jaccard, num_perm)
    low_bytes = _packed_low_bytes(signatures)
    buckets = np.empty((len(signatures), bands), dtype=np.int32)  # each row's bucket in each band
    for k in range(bands):
        buckets[:, k] = _band_codes(signatures[:, k * rows_per_band:(k + 1) * rows_per_band])
        for x, y in _bucket_pairs(buckets[:, k]):
            x, y = _where(group[x] != group[y], x, y)
            # equal values have equal low bytes: this count is never below the exact one
            x, y = _where(_equal_bytes(low_bytes, x, y, num_perm) >= need, x, y)
            x, y = _where((buckets[x, :k] != buckets[y, :k]).all(axis=1), x, y)  # not found in an earlier band
            # MinHash.jaccard: the share of equal signature values, float(count) / float(num_perm)
            x, y = _where(_equal_values(signatures, x, y) >= need, x, y)
            if len(x):
                yield x, y


_PAIRS_AT_ONCE = 250_000  # colliding pairs checked at once (bounds the memory of a band: ~50 MB)


def _where(keep: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return x[keep], y[keep]


_ROWS_COMPARED_AT_ONCE = 25_000  # pairs whose two signatures are gathered at once (~13 MB at 64 values)


def _equal_values(signatures: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """For each pair (x[k], y[k]) of signature rows, how many values are equal, a bounded
    number of pairs at a time (a band's quarter of a million pairs gathered at once was the
    peak of finding the candidates: 128 MB)."""
    counts = np.empty(len(x), dtype=np.int64)
    for start in range(0, len(x), _ROWS_COMPARED_AT_ONCE):
        at = slice(start, start + _ROWS_COMPARED_AT_ONCE)
        counts[at] = np.count_nonzero(signatures[x[at]] == signatures[y[at]], axis=1)
    return counts


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
    """A code per row of `band` (uint32 columns), equal for equal rows, from 0: each column
    folded in by factorizing (codes so far, column) as one int64 (the first two columns
    together: a uint32 is a code already)."""
    if band.shape[1] < 2:
        return pd.factorize(band[:, 0].astype(np.int64))[0] if band.shape[1] else np.zeros(len(band), dtype=np.int64)
    code = band[:, 0].astype(np.int64)
    for column in band.T[1:]:
        code = pd.factorize((code << 32) | column.astype(np.int64))[0]  # (the first shift may wrap: the bits stay distinct)
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


class SentenceKeys(NamedTuple):
    """What the reuse tables need of each sentence besides its text and tokens, in the order of
    the sentences, as compact arrays (not the sentences frame: its texts are most of it)."""

    ids: np.ndarray  # object: the distinct article ids, in order of first appearance
    article: np.ndarray  # int64: each sentence's article, as its position in ids
    sentence_id: np.ndarray  # int64
    n_words: np.ndarray  # int64

    @classmethod
    def of_slices(cls, slices: Iterable[pd.DataFrame]) -> "SentenceKeys":
        """The keys of the sentences of every slice (frames with article_id, sentence_id and
        n_words), slice after slice."""
        codes, distinct, sentence_ids, n_words = [], [], [], []
        for part in slices:
            found, uniques = pd.factorize(part["article_id"], use_na_sentinel=False)
            codes.append(found)
            distinct.append(np.asarray(uniques, dtype=object))
            sentence_ids.append(_integers(part["sentence_id"]))
            n_words.append(_integers(part["n_words"]))
        if not codes:
            return cls(np.empty(0, dtype=object), *[np.empty(0, dtype=np.int64)] * 3)
        # (each slice's distinct ids, in their order, factorized again: their first appearance overall)
        overall, ids = pd.factorize(np.concatenate(distinct), use_na_sentinel=False)
        offsets = np.cumsum([0] + [len(found) for found in distinct]).tolist()
        article = np.concatenate([overall[offset + found] for found, offset in zip(codes, offsets)]).astype(np.int64)
        return cls(np.asarray(ids, dtype=object), article, np.concatenate(sentence_ids), np.concatenate(n_words))

    def __len__(self) -> int:
        return len(self.article)

    def article_ids(self, at: slice) -> list:
        return self.ids[self.article[at]].tolist()

    def frame(self) -> pd.DataFrame:
        """article_id, sentence_id and n_words of each sentence (what `reuse_pairs` reads)."""
        return pd.DataFrame({"article_id": self.ids[self.article], "sentence_id": self.sentence_id,
                             "n_words": self.n_words})

    def check(self, start: int, part: pd.DataFrame, what: str) -> None:
        """Raise ValueError unless `part`'s rows are the sentences from position `start` on (same
        article_id and sentence_id, in the same order)."""
        stop = start + len(part)
        if stop > len(self) or not (np.array_equal(_integers(part["sentence_id"]), self.sentence_id[start:stop])
                                    and part["article_id"].tolist() == self.article_ids(slice(start, stop))):
            raise ValueError(f"{what} does not follow the sentences in order (rows {start}-{stop - 1})")


def _integers(column: pd.Series) -> np.ndarray:
    """The column's values made Python ints (as the tables write them), as int64."""
    return np.fromiter((int(k) for k in column.tolist()), dtype=np.int64, count=len(column))


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
    when already at hand. For a corpus too large to hold whole, see `find_reuse_in_slices`.

    Memory: each stage's arrays are let go as soon as the next has what it needs (the
    signatures once the candidates are found, the token index once they are scored), as the
    candidates run to millions on 10,000 articles."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    if tokens is not None and len(tokens) != len(sentences):
        raise ValueError(f"{len(tokens)} token lists for {len(sentences)} sentences")
    return ReuseMatches.found(SentenceKeys.of_slices([sentences]),
                              [sentence_tokens(sentences["text"].tolist(), paraphrases) if tokens is None else tokens],
                              lambda at: _texts_at([sentences], at), articles, min_similarity=min_similarity,
                              min_containment=min_containment, min_terms=min_terms, lsh_threshold=lsh_threshold,
                              num_perm=num_perm).frame()


def find_reuse_in_slices(sentence_slices: Callable[[], Iterable[pd.DataFrame]], articles: pd.DataFrame,
                         **options) -> pd.DataFrame:
    """`find_reuse` of the sentences that sentence_slices() yields slice after slice (frames
    of sentences, e.g. `Corpus.slices("sentences")`), never holding them all: the frame of
    `reuse_matches_in_slices` (same options), which gives the table a slice at a time."""
    return reuse_matches_in_slices(sentence_slices, articles, **options).frame()


def reuse_matches_in_slices(sentence_slices: Callable[[], Iterable[pd.DataFrame]], articles: pd.DataFrame, *,
                            token_slices: Iterable[pd.DataFrame] | None = None, keys: SentenceKeys | None = None,
                            paraphrases: Paraphrases | None = None, codebook_dir=None,
                            min_similarity: float = MIN_SIMILARITY, min_containment: float = MIN_CONTAINMENT,
                            min_terms: int = MIN_TERMS, lsh_threshold: float = LSH_THRESHOLD,
                            num_perm: int = NUM_PERM) -> "ReuseMatches":
    """The `ReuseMatches` of the sentences that sentence_slices() yields slice after slice,
    never holding them all: what is kept of each sentence is its keys (`SentenceKeys`; given
    as `keys` when already at hand) and its terms in the token index, and of the texts, those
    of the shared sentences only (read from the slices again as the table is made).
    token_slices: the slices of a `textsim.sentence_token_table` of the same sentences in the
    same order (ValueError otherwise), when at hand (the export builds it per article); else
    each slice's sentences are tokenized as it comes."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    if keys is None:
        keys = SentenceKeys.of_slices(sentence_slices())
    if token_slices is None:
        pieces = (sentence_tokens(part["text"].tolist(), paraphrases) for part in sentence_slices())
    else:
        pieces = _checked_tokens(token_slices, keys)
    return ReuseMatches.found(keys, pieces, lambda at: _texts_at(sentence_slices(), at), articles,
                              min_similarity=min_similarity, min_containment=min_containment, min_terms=min_terms,
                              lsh_threshold=lsh_threshold, num_perm=num_perm)


def _checked_tokens(token_slices: Iterable[pd.DataFrame], keys: SentenceKeys) -> Iterator[list]:
    """The token lists of each slice of a sentence token table, checked to follow `keys`."""
    done = 0
    for part in token_slices:
        keys.check(done, part, "the token table")
        done += len(part)
        yield part["tokens"].tolist()
    if done != len(keys):
        raise ValueError(f"the token table has {done} rows for {len(keys)} sentences")


def _texts_at(slices: Iterable[pd.DataFrame], at: np.ndarray) -> list[str]:
    """The texts of the sentences at positions `at` (increasing) of the slices, in order."""
    texts: list[str] = []
    done = 0
    for part in slices:
        wanted = at[np.searchsorted(at, done):np.searchsorted(at, done + len(part))] - done
        texts.extend(part["text"].iloc[wanted].tolist())  # (only these: a forked child copies what it reads)
        done += len(part)
    if len(texts) != len(at):
        raise ValueError(f"the sentences run out at {done}, before position {int(at[-1])}")
    return texts


_CANDIDATES_AT_ONCE = 1_000_000  # candidate pairs gathered before they are cleared (the block `clearing` scores at once)
_ROWS_SORTED_AT_ONCE = 1_000_000  # kept pairs sorted, or summed into reuse_pairs' shares, at once (about)


def _sentence_candidates(index: TokenIndex, article: np.ndarray, *, min_terms: int, lsh_threshold: float,
                         num_perm: int, pairs_at_once: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The candidate pairs (`_banded_row_pairs`) of the sentences with min_terms terms or more
    (and at least one), as their positions (first < second), in batches of at least
    pairs_at_once pairs (but the last), in no useful order; article: each sentence's article
    (an integer code). Their MinHash signatures are let go after the last batch.

    In batches, so that the candidates are never held all at once: they grow faster than the
    corpus (6.4 million on 10,000 articles), and holding them was the reuse job's peak."""
    members = np.flatnonzero((index.lengths >= min_terms) & (index.lengths > 0))
    if len(members) < 2:
        return
    listed = np.repeat(np.isin(np.arange(len(index.lengths)), members), index.lengths)
    signatures = _code_signatures(index.vocabulary, index.codes[listed], index.lengths[members], num_perm)
    del listed
    dtype = np.int32 if len(index.lengths) < 2**31 else np.int64
    batch: list[tuple[np.ndarray, np.ndarray]] = []
    held = 0
    for x, y in _banded_row_pairs(signatures, article[members], threshold=lsh_threshold, num_perm=num_perm,
                                  min_jaccard=MIN_ESTIMATED_JACCARD):
        batch.append((x, y))
        held += len(x)
        if held >= pairs_at_once:
            yield _positions(batch, members, dtype)
            batch, held = [], 0
    if batch:
        yield _positions(batch, members, dtype)


def _positions(row_pairs: list[tuple[np.ndarray, np.ndarray]], members: np.ndarray, dtype
               ) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of rows, joined, as the positions of their sentences (members: of each row)."""
    return (members[np.concatenate([x for x, _ in row_pairs])].astype(dtype),
            members[np.concatenate([y for _, y in row_pairs])].astype(dtype))


def _oriented(first: np.ndarray, second: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (first[k], second[k]) with the sentence of the more original article first
    (rank: `original_order` of each sentence's article; ties keep their order)."""
    later_first = rank[second] < rank[first]
    return np.where(later_first, second, first), np.where(later_first, first, second)


def _kept_candidates(index: TokenIndex, keys: SentenceKeys, rank: np.ndarray, *, min_terms: int,
                     lsh_threshold: float, num_perm: int, **thresholds) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (`_sentence_candidates`) that clear the thresholds (of `clearing`),
    oriented (`_oriented`), in no useful order: their first and second sentence positions. A
    batch of candidates is cleared as it comes, so that only the kept pairs are held.

    KeyError naming the article of a candidate's sentence that rank does not rank (an article
    missing from `articles`): of the first such pair in the order of (first, second) positions,
    its second sentence's article when unranked, else its first's."""
    kept_first, kept_second = [np.empty(0, dtype=np.int32)], [np.empty(0, dtype=np.int32)]
    first_unranked = None  # (first * n + second) of the first pair with a sentence not ranked
    n = len(keys)
    for first, second in _sentence_candidates(index, keys.article, min_terms=min_terms, lsh_threshold=lsh_threshold,
                                              num_perm=num_perm, pairs_at_once=_CANDIDATES_AT_ONCE):
        unranked = np.isnan(rank[first]) | np.isnan(rank[second])
        if unranked.any():
            at = int((first[unranked].astype(np.int64) * n + second[unranked]).min())
            first_unranked = at if first_unranked is None else min(first_unranked, at)
        if first_unranked is not None:  # an error is coming: only which pair it names matters now
            continue
        first, second = _oriented(first, second, rank)
        cleared = index.clearing(first, second, **thresholds)
        kept_first.append(first[cleared])
        kept_second.append(second[cleared])
    if first_unranked is not None:
        i, j = divmod(first_unranked, n)
        raise KeyError(keys.ids[keys.article[j if np.isnan(rank[j]) else i]])
    return np.concatenate(kept_first), np.concatenate(kept_second)


class ReuseMatches:
    """The sentence pairs kept as shared, in the reuse table's order, and what makes their
    rows: the table is made a slice of rows at a time (`slices`), so that it is never held
    whole (at 10,000 articles it has 660,000 rows, most of them texts and word lists).

    Finding the pairs scores every candidate (millions) but keeps only which ones clear the
    thresholds; a slice's rows then score their own pairs again for their numbers and edits
    (a pair's scores depend on its two sentences alone), and take the texts of their
    sentences from those of every shared sentence, read once per pass."""

    def __init__(self, first: np.ndarray, second: np.ndarray, index: TokenIndex, keys: SentenceKeys,
                 articles: pd.DataFrame, texts_at: Callable[[np.ndarray], list[str]], *, min_similarity: float,
                 min_containment: float):
        """first, second: the sentence positions (a, b) of the kept pairs, in any order."""
        code, names = pd.factorize(keys.ids, sort=True)  # the articles' codes in the sorted order of their ids
        self._names = np.asarray(names, dtype=object)
        self._code = code.astype(np.int64)[keys.article]  # of each sentence's article
        self.first, self.second = first, second  # in no useful order: sorted a run at a time (`_sorted_runs`)
        # the article codes of each pair, narrow: held beside the pairs, which grow faster than the corpus
        self._code_a, self._code_b = (self._code[first].astype(np.int32), self._code[second].astype(np.int32))
        self.index, self.keys, self.texts_at = index, keys, texts_at
        outlet = articles.set_index("article_id")["outlet"].to_dict()
        self._outlets = np.asarray([outlet.get(aid, "") for aid in keys.ids.tolist()], dtype=object)  # by article
        self._thresholds = {"min_similarity": min_similarity, "min_coverage": min_containment}

    @classmethod
    def found(cls, keys: SentenceKeys, token_pieces: Iterable[Sequence[Sequence[tuple[str, str]]]],
              texts_at: Callable[[np.ndarray], list[str]], articles: pd.DataFrame, *, min_similarity: float,
              min_containment: float, min_terms: int, lsh_threshold: float, num_perm: int) -> "ReuseMatches":
        """The matches among the sentences of `keys`, their token lists given piece after
        piece, in order; texts_at(positions): the texts of the sentences at these (increasing)
        positions. The candidates are cleared a batch at a time (`_kept_candidates`): only the
        kept pairs are held."""
        index = TokenIndex.of_pieces(token_pieces)
        if len(index.lengths) != len(keys):
            raise ValueError(f"{len(index.lengths)} token lists for {len(keys)} sentences")
        weights = index.idf_weights()  # (text_weights of the texts)
        index.weigh(weights, max(weights.values(), default=1.0))
        rank = original_order(articles).reindex(keys.ids).to_numpy()[keys.article]
        first, second = _kept_candidates(index, keys, rank, min_terms=min_terms, lsh_threshold=lsh_threshold,
                                         num_perm=num_perm, min_similarity=min_similarity,
                                         min_coverage=min_containment)
        return cls(first, second, index, keys, articles, texts_at, min_similarity=min_similarity,
                   min_containment=min_containment)

    def __len__(self) -> int:
        return len(self.first)

    def slices(self, rows_at_once: int = 100_000) -> Iterator[pd.DataFrame]:
        """The reuse table (REUSE_COLUMNS), rows_at_once rows at a time; nothing when no
        sentence is shared."""
        if not len(self):
            return
        shared = np.zeros(len(self.keys), dtype=bool)  # the sentences of the kept pairs
        shared[self.first] = shared[self.second] = True
        shared = np.flatnonzero(shared)
        text = np.asarray(self.texts_at(shared), dtype=object)
        for run_first, run_second in self._sorted_runs():
            for start in range(0, len(run_first), rows_at_once):
                first, second = run_first[start:start + rows_at_once], run_second[start:start + rows_at_once]
                scored = self.index.score(first, second, **self._thresholds)
                if len(scored.index) != len(first):
                    raise RuntimeError("a kept pair of sentences no longer clears the thresholds when scored again")
                yield self._rows(first, second, scored, text[np.searchsorted(shared, first)],
                                 text[np.searchsorted(shared, second)])

    def _sorted_runs(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """The pairs (first, second) in the table's order: sorted by article_a, article_b,
        sentence_id_a, sentence_id_b (unique: a sentence pair is a candidate once), on the
        article codes, a run of article_a codes at a time (sorting them all at once took ~56
        bytes a pair)."""
        code, number = self._code, self.keys.sentence_id
        for low, high in _code_runs(np.bincount(self._code_a, minlength=len(self._names))):
            at = np.flatnonzero((self._code_a >= low) & (self._code_a < high))
            first, second = self.first[at], self.second[at]
            order = np.lexsort((number[second], number[first], code[second], code[first]))
            yield first[order], second[order]

    def frame(self) -> pd.DataFrame:
        return TableSlices(REUSE_COLUMNS, self.slices).frame()

    def pair_slices(self, articles: pd.DataFrame, *, min_sentences: int = ORIGIN_MIN_SENTENCES,
                    min_share: float = ORIGIN_MIN_SHARE, rows_at_once: int = 100_000) -> Iterator[pd.DataFrame]:
        """`reuse_pairs` of the table (same options), rows_at_once pairs at a time, from the
        matches' codes: neither the table nor a frame of its ids is made."""
        if not len(self):
            return
        keys, n = self.keys, len(self._names)
        words = _SentenceWords(n, self._code, keys.sentence_id, keys.n_words, _span(n, keys.sentence_id))

        def runs() -> Iterator[_PairShares]:
            # a run of article codes at a time: the pairs with their article_a there, from the
            # rows with either article there (a pair's shares sum the rows of both its orders)
            for low, high in _code_runs(np.bincount(self._code_a, minlength=n) + np.bincount(self._code_b, minlength=n)):
                at = np.flatnonzero(((self._code_a >= low) & (self._code_a < high))
                                    | ((self._code_b >= low) & (self._code_b < high)))
                if not len(at):
                    continue
                first, second = self.first[at], self.second[at]
                yield _pair_shares_of_rows(self._names, words, self._code[first], self._code[second],
                                           keys.sentence_id[first], keys.sentence_id[second], (low, high))

        yield from _pair_slices(runs(), articles, min_sentences=min_sentences, min_share=min_share,
                                rows_at_once=rows_at_once)

    def _rows(self, first: np.ndarray, second: np.ndarray, scored: PairScores, text_a: np.ndarray,
              text_b: np.ndarray) -> pd.DataFrame:
        """The rows of the pairs (first[k], second[k]), whose scores and texts these are.
        Each column is turned into a Series as it is made, so that its Python list is let go."""
        keys = self.keys

        def of_sentences(values: np.ndarray) -> pd.Series:
            return pd.Series(values.tolist())

        def rounded(values: list[float]) -> pd.Series:
            """round(value, 4) of each score: of each distinct float once (verbatim copies all score 1.0)."""
            bits, inverse = np.unique(np.asarray(values, dtype=np.float64).view(np.int64), return_inverse=True)  # (-0.0 stays apart from 0.0)
            return pd.Series(np.array([round(value, 4) for value in bits.view(np.float64).tolist()], dtype=np.float64)[inverse])

        article_a, article_b = keys.article[first], keys.article[second]
        columns = {"article_a": of_sentences(keys.ids[article_a]), "article_b": of_sentences(keys.ids[article_b]),
                   "text_a": of_sentences(text_a), "text_b": of_sentences(text_b),
                   "similarity": rounded(scored.similarity),
                   "sentence_id_a": of_sentences(keys.sentence_id[first]), "sentence_id_b": of_sentences(keys.sentence_id[second]),
                   "outlet_a": of_sentences(self._outlets[article_a]), "outlet_b": of_sentences(self._outlets[article_b]),
                   "method": pd.Series(_methods(text_a.tolist(), text_b.tolist())),
                   "coverage_a": rounded(scored.coverage_a), "coverage_b": rounded(scored.coverage_b),
                   "n_words_a": of_sentences(keys.n_words[first]), "n_words_b": of_sentences(keys.n_words[second]),
                   "words_only_a": pd.Series(scored.words_only_a), "words_only_b": pd.Series(scored.words_only_b),
                   "swapped_words": pd.Series(scored.swapped_words)}
        return pd.DataFrame(columns, columns=REUSE_COLUMNS, copy=False)


def _code_runs(counts: np.ndarray) -> list[tuple[int, int]]:
    """Ranges [low, high) of article codes, in order, covering every code, whose rows past the
    first code's are at most _ROWS_SORTED_AT_ONCE (counts: the rows of each code); one run when
    the rows are that few."""
    ends = np.searchsorted(np.cumsum(counts), np.arange(1, -(-int(counts.sum()) // _ROWS_SORTED_AT_ONCE))
                           * _ROWS_SORTED_AT_ONCE, side="right")
    bounds = _distinct(np.r_[0, ends, len(counts)]).tolist()
    return list(zip(bounds, bounds[1:]))


def _methods(texts_a: list[str], texts_b: list[str]) -> list[str]:
    """`_method_of_words` of each pair of texts (texts_a[k], texts_b[k]), normalizing each
    distinct text once (the kept pairs share few texts: wire copies)."""
    normalized = {text: " ".join(words(text)) for text in {*texts_a, *texts_b}}
    return [_method_of_words(normalized[a], normalized[b]) for a, b in zip(texts_a, texts_b)]


def shared_share(reuse: pd.DataFrame, sentences: pd.DataFrame, *, complete: bool = True) -> pd.DataFrame:
    """For every ordered pair of different articles in `sentences` (complete=True; else only
    pairs sharing text, both ways): the share of the first article's body words (article_id)
    in sentences shared with the second (other_article_id). Columns article_id,
    other_article_id, shared_sentences, shared_words, body_words, share. Each sentence counts
    once however many copies it has in the other article."""
    body = sentences.groupby("article_id")["n_words"].sum()
    sides = pd.concat([
        reuse[["article_a", "sentence_id_a", "article_b"]].set_axis(["article_id", "sentence_id", "other_article_id"], axis=1),
        reuse[["article_b", "sentence_id_b", "article_a"]].set_axis(["article_id", "sentence_id", "other_article_id"], axis=1),
    ]).drop_duplicates()
    sides = sides.merge(sentences[["article_id", "sentence_id", "n_words"]], on=["article_id", "sentence_id"])
    shared = sides.groupby(["article_id", "other_article_id"]).agg(
        shared_sentences=("sentence_id", "size"), shared_words=("n_words", "sum"))
    if complete:
        ids = sorted(body.index)
        grid = pd.MultiIndex.from_tuples([(a, b) for a in ids for b in ids if a != b], names=["article_id", "other_article_id"])
        shared = shared.reindex(grid, fill_value=0)
    out = shared.reset_index()
    out["body_words"] = out["article_id"].map(body).astype(int)
    out["share"] = (out["shared_words"] / out["body_words"].where(out["body_words"] > 0)).fillna(0.0).round(4)
    return out


def reuse_pairs(reuse: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                min_sentences: int = ORIGIN_MIN_SENTENCES, min_share: float = ORIGIN_MIN_SHARE) -> pd.DataFrame:
    """One row per pair of articles with at least one shared passage (columns PAIR_COLUMNS):
    how much each side shares, and a judgement of common origin (origin) with its basis.

    origin is one of: common_wire (same agency known for both), probable_wire (agency known
    for one side only; origin_agency names it), shared_text_other_agencies (different agencies:
    pooled copy or the same statement quoted; check), shared_text_unknown_origin (no agency
    known), incidental (too little shared to be copy: usually the same remark quoted by both).
    For reuse.csv's matches, in slices of pairs: `ReuseMatches.pair_slices`."""
    if reuse.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    return TableSlices(PAIR_COLUMNS, lambda: _pair_slices([_pair_shares(reuse, sentences)], articles,
                                                          min_sentences=min_sentences, min_share=min_share)).frame()


class _Shared(NamedTuple):
    """What one article of each pair shares with the other (`shared_share` of the pair)."""
    sentences: np.ndarray  # int64: its sentences shared with the other article, each counted once
    words: np.ndarray  # int64: their words
    share: np.ndarray  # float64: their share of its body words, rounded to 4 places


class _PairShares(NamedTuple):
    """The pairs of articles sharing text (each once, sorted by ids) and what each side shares."""
    names: np.ndarray  # object: the article ids, sorted (a pair's articles are codes into it)
    a: np.ndarray  # int64 codes of each pair's article_a
    b: np.ndarray
    ab: _Shared  # what a shares with b
    ba: _Shared


def _pair_slices(runs: Iterable[_PairShares], articles: pd.DataFrame, *, min_sentences: int, min_share: float,
                 rows_at_once: int = 100_000) -> Iterator[pd.DataFrame]:
    """The rows of `reuse_pairs` of each run of pairs, in order, rows_at_once pairs at a time
    (at 10,000 articles there are 630,000 pairs, most sharing one remark: their text columns
    were most of the reuse job's memory)."""
    # per article, as the per-pair lookups did: the outlet as is, agency and channel as text
    outlet = dict(zip(articles["article_id"], articles["outlet"]))
    agency = {aid: str(value or "") for aid, value in zip(articles["article_id"], articles["agency"])}
    channel = {aid: str(value or "") for aid, value in zip(articles["article_id"], articles["channel"])}
    judged: dict[tuple, tuple[str, str, str]] = {}  # a judgement depends on four values that repeat
    for pairs, start in ((pairs, start) for pairs in runs for start in range(0, len(pairs.a), rows_at_once)):
        at = slice(start, start + rows_at_once)
        first, second = pairs.names[pairs.a[at]].tolist(), pairs.names[pairs.b[at]].tolist()
        share_a, share_b = pairs.ab.share[at].tolist(), pairs.ba.share[at].tolist()
        n_shared = np.minimum(pairs.ab.sentences[at], pairs.ba.sentences[at]).tolist()
        judgements = []
        for key in zip(n_shared, map(max, share_a, share_b), map(agency.__getitem__, first),
                       map(agency.__getitem__, second)):
            found = judged.get(key)
            if found is None:
                found = judged[key] = _judge_origin(*key, min_sentences, min_share)
            judgements.append(found)
        # column by column, each a Series as soon as it is made (a row's values appended to
        # sixteen lists was most of the cost)
        columns = {"article_a": pd.Series(first), "article_b": pd.Series(second),
                   "outlet_a": pd.Series([outlet[a] for a in first]), "outlet_b": pd.Series([outlet[b] for b in second]),
                   "shared_sentences": pd.Series(n_shared),
                   "shared_words_a": pd.Series(pairs.ab.words[at].tolist()),
                   "shared_words_b": pd.Series(pairs.ba.words[at].tolist()),
                   "share_a": pd.Series(share_a), "share_b": pd.Series(share_b),
                   "agency_a": pd.Series([agency[a] for a in first]), "agency_b": pd.Series([agency[b] for b in second]),
                   "channel_a": pd.Series([channel[a] for a in first]),
                   "channel_b": pd.Series([channel[b] for b in second]),
                   "origin": pd.Series([origin for origin, _, _ in judgements]),
                   "origin_agency": pd.Series([known for _, known, _ in judgements]),
                   "basis": pd.Series([f"{basis}; channels {channel[a] or 'unknown'} / {channel[b] or 'unknown'}"
                                       for (_, _, basis), a, b in zip(judgements, first, second)])}
        yield pd.DataFrame(columns, columns=PAIR_COLUMNS, copy=False)


def _pair_shares(reuse: pd.DataFrame, sentences: pd.DataFrame) -> _PairShares:
    """The pairs (article_a, article_b) of `reuse` (each once, sorted) and, for each, what a
    shares with b and b with a: the rows `shared_share(reuse, sentences, complete=False)` has
    for (a, b) and (b, a), computed on integer codes (its merges and group-bys of article ids
    were most of reuse_pairs' cost once its loop was gone). Every sentence of `reuse` must be
    in `sentences`."""
    # article codes in sorted order of the ids: sorting the codes sorts the ids
    ids = [reuse["article_a"].to_numpy(dtype=object), reuse["article_b"].to_numpy(dtype=object),
           sentences["article_id"].to_numpy(dtype=object)]
    codes, names = pd.factorize(np.concatenate(ids), sort=True)
    code_a, code_b, code_s = np.split(codes.astype(np.int64), np.cumsum([len(part) for part in ids[:2]]))
    return _pair_shares_of_codes(np.asarray(names, dtype=object), code_a, code_b,
                                 reuse["sentence_id_a"].to_numpy(dtype=np.int64),
                                 reuse["sentence_id_b"].to_numpy(dtype=np.int64), code_s,
                                 sentences["sentence_id"].to_numpy(dtype=np.int64),
                                 sentences["n_words"].to_numpy(dtype=np.int64))


def _pair_shares_of_codes(names: np.ndarray, code_a: np.ndarray, code_b: np.ndarray, sentence_a: np.ndarray,
                          sentence_b: np.ndarray, code_s: np.ndarray, sentence_id: np.ndarray,
                          n_words: np.ndarray) -> _PairShares:
    """`_pair_shares` of reuse rows given as article codes into `names` (sorted ids) and
    sentence ids (at least one row), and of sentences given the same way with their words."""
    n = len(names)
    words = _SentenceWords(n, code_s, sentence_id, n_words, _span(n, sentence_id, sentence_a, sentence_b))
    return _pair_shares_of_rows(names, words, code_a, code_b, sentence_a, sentence_b, (0, n))


def _span(n_articles: int, *sentence_ids: np.ndarray) -> int:
    """One more than the largest sentence id: the base in which `_pair_shares_of_rows` codes a
    shared sentence of a pair of articles, checked to fit in 64 bits."""
    span = int(max(ids.max(initial=0) for ids in sentence_ids)) + 1
    if max(n_articles, 1) ** 2 * span >= 2**63:
        raise OverflowError(f"{n_articles:,} articles of up to {span:,} sentences: too many to code a shared "
                            "sentence of an article pair as one 64-bit integer")
    return span


class _SentenceWords:
    """The words of each sentence, found by article code and sentence id, and each article's
    body words: what every run of `_pair_shares_of_rows` looks up, built once."""

    def __init__(self, n_articles: int, code_s: np.ndarray, sentence_id: np.ndarray, n_words: np.ndarray, span: int):
        self.n, self.span = max(n_articles, 1), span
        self.body = np.bincount(code_s, weights=n_words, minlength=self.n).astype(np.int64)  # (whole numbers: exact sums)
        known = code_s * span + sentence_id
        self._sorter = np.argsort(known, kind="stable")
        self._known = known[self._sorter]
        self._n_words = n_words

    def of(self, coded: np.ndarray) -> np.ndarray:
        """The words of the sentences coded article * span + sentence id."""
        at = np.minimum(np.searchsorted(self._known, coded), max(len(self._known) - 1, 0))
        if not len(self._known) or (self._known[at] != coded).any():
            raise ValueError("reuse cites sentences that are not in `sentences`")
        return self._n_words[self._sorter[at]]


def _pair_shares_of_rows(names: np.ndarray, words: _SentenceWords, code_a: np.ndarray, code_b: np.ndarray,
                         sentence_a: np.ndarray, sentence_b: np.ndarray, codes: tuple[int, int]) -> _PairShares:
    """The `_PairShares` of the pairs of rows whose article_a code is in range(*codes), from
    rows that hold every row of those pairs, in both orders (rows of other pairs are ignored)."""
    n, span = words.n, words.span
    # each (article, other article, shared sentence) once, coded as one integer and sorted in
    # place (three arrays sorted together, copied and compacted were ~280 bytes a reuse row)
    rows = len(code_a)
    triple = np.empty(2 * rows, dtype=np.int64)
    for side, article, other, shared in ((slice(0, rows), code_a, code_b, sentence_a),
                                         (slice(rows, None), code_b, code_a, sentence_b)):
        np.multiply(article, n, out=triple[side], dtype=np.int64)
        triple[side] += other
        triple[side] *= span
        triple[side] += shared
    triple.sort()
    triple = triple[np.r_[True, triple[1:] != triple[:-1]]]
    group, shared = np.divmod(triple, span)  # group: article * n + other article
    del triple
    # their words, from the sentences
    wanted = group // n
    wanted *= span
    wanted += shared
    del shared
    words_of = words.of(wanted)
    del wanted
    # per (article, other article): a run of the sorted rows
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    group_key = group[starts]
    counts = np.diff(np.r_[starts, len(group)])
    del group
    summed = np.add.reduceat(words_of, starts) if len(starts) else np.zeros(0, np.int64)
    del words_of, starts
    body_of = words.body[group_key // n]
    empty = body_of <= 0
    body_of[empty] = 1
    share = summed / body_of
    del body_of
    share[empty] = 0.0
    np.round(share, 4, out=share)
    inside = (code_a >= codes[0]) & (code_a < codes[1])
    pairs = _distinct(code_a[inside] * n + code_b[inside])
    a, b = np.divmod(pairs, n)

    def of(keys: np.ndarray) -> _Shared:
        at = np.searchsorted(group_key, keys)  # every pair shares both ways: each key is there
        return _Shared(counts[at], summed[at], share[at])

    return _PairShares(names, a, b, of(pairs), of(b * n + a))


def _judge_origin(n_shared: int, top_share: float, agency_a: str, agency_b: str,
                  min_sentences: int, min_share: float) -> tuple[str, str, str]:
    amount = f"{n_shared} shared sentence(s), up to {top_share:.0%} of one article"
    if n_shared < min_sentences or top_share < min_share:
        return "incidental", "", f"{amount}: too little for copy (often one remark quoted by both)"
    if agency_a and agency_b:
        if agency_a.casefold() == agency_b.casefold():
            return "common_wire", agency_a, f"{amount}; both from {agency_a}"
        return "shared_text_other_agencies", "", f"{amount}; agencies differ ({agency_a} / {agency_b})"
    if agency_a or agency_b:
        known = agency_a or agency_b
        return "probable_wire", known, f"{amount}; agency {known} known for one side only"
    return "shared_text_unknown_origin", "", f"{amount}; no agency known"


def exclude_shared(sentences: pd.DataFrame, reuse: pd.DataFrame, *, keep: str = "original") -> pd.DataFrame:
    """`sentences` without shared passages, so any analysis taking a sentences frame can be
    rerun on each outlet's own contribution.

    keep="original" (default): a shared sentence stays in the copy treated as the original
    (article_a of each reuse row) and is dropped from the later copies (article_b), so the
    shared text is counted once. keep="none": dropped from every copy, leaving only text no
    other article carries. The input is not modified; row order and index are kept."""
    if keep not in ("original", "none"):
        raise ValueError(f"keep must be 'original' or 'none', got {keep!r}")
    drop = [reuse[["article_b", "sentence_id_b"]].set_axis(["article_id", "sentence_id"], axis=1)]
    if keep == "none":
        drop.append(reuse[["article_a", "sentence_id_a"]].set_axis(["article_id", "sentence_id"], axis=1))
    dropped = pd.concat(drop)
    keys = pd.MultiIndex.from_frame(sentences[["article_id", "sentence_id"]])
    shared = keys.isin(pd.MultiIndex.from_frame(dropped)) if len(dropped) else np.zeros(len(sentences), bool)
    return sentences[~shared]


def netting_summary(sentences: pd.DataFrame, netted: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: body words and sentences before and after `exclude_shared`, and the share
    of its words that are its own contribution."""
    outlet = articles.set_index("article_id")["outlet"]

    def count(frame):
        return frame.assign(outlet=frame["article_id"].map(outlet)).groupby("outlet").agg(
            sentences=("sentence_id", "size"), words=("n_words", "sum"))

    before, after = count(sentences), count(netted)
    out = before.add_suffix("_before").join(after.add_suffix("_after")).fillna(0).astype(int)
    out["own_share"] = (out["words_after"] / out["words_before"].where(out["words_before"] > 0)).fillna(0.0).round(4)
    return out.reset_index()[["outlet", "sentences_before", "sentences_after", "words_before", "words_after", "own_share"]]


def netted_corpus(corpus, reuse: pd.DataFrame, *, keep: str = "original"):
    """The corpus with shared passages taken out of its sentences (see exclude_shared), so any
    sentence-based analysis (topics and actors, figures, frames, labels, quotes, tone) can be
    rerun on each outlet's own contribution through the same tables. Block text, and so
    readability (textstat on block text), is left whole: cutting sentences out of a block would
    rewrite the text that the blocks cite."""
    from dataclasses import replace

    return replace(corpus, sentences=exclude_shared(corpus.sentences, reuse, keep=keep))


def netting_effect(before: pd.DataFrame, after: pd.DataFrame, value: str, by: list[str]) -> pd.DataFrame:
    """`value` summed by `by` in a table computed on the full corpus and on the netted one,
    with the change; rows where netting changed nothing are dropped."""
    full = before.groupby(by)[value].sum().rename("before")
    own = after.groupby(by)[value].sum().rename("after")
    table = pd.concat([full, own], axis=1).fillna(0.0)
    table["change"] = table["after"] - table["before"]
    return table[table["change"].abs() > 1e-9].reset_index()
