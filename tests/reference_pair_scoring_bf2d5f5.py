# analysis/pair_scoring.py as it was on main at bf2d5f5, kept verbatim (only the imports made absolute)
# as the oracle of TokenIndex's compact layout (tests/test_pair_scoring_memory.py) and the baseline of
# the memory benchmark (benchmarks/bench_reuse.py).
"""Many pairs of token lists (textsim.tokens) aligned at once, with the result textsim.align
and textsim.differing_words give for each pair: `TokenIndex.score`. find_reuse and the quote
variants score hundreds of thousands of candidate pairs; aligning them one at a time in Python
was most of their cost. Equal terms are matched for blocks of pairs with numpy, each side's
weight is summed in list order (the same floats as align), and spelling variants are found
through sparse products of the pairs' terms, with length and letter bounds before rapidfuzz."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from analysis.textsim import FUZZY_TERM_RATIO, _SLACK, _Prepared, _align_prepared, _fuzzable, differing_words, idf

_LONGEST_BULK = 64  # lists with more terms (rare) are aligned one pair at a time
_CELLS_AT_ONCE = 1 << 22  # term comparisons per block of pairs (bounds the memory of the bulk matching)
_PAIRS_SCORED_AT_ONCE = 1_000_000  # pairs whose per-pair arrays are held at once
_PAIRS_MET_AT_ONCE = 250_000  # pairs whose terms are met in one sparse product (bounds its memory)


@dataclass(frozen=True)
class PairScores:
    """The pairs (positions in the pairs scored) whose alignment clears the thresholds, in
    order, with what `align` and `differing_words` give for each."""

    index: np.ndarray
    similarity: list[float]
    coverage_a: list[float]
    coverage_b: list[float]
    words_only_a: list[str]
    words_only_b: list[str]
    swapped_words: list[str]


_SCORE_LISTS = ("similarity", "coverage_a", "coverage_b", "words_only_a", "words_only_b", "swapped_words")


class TokenIndex:
    """Token lists (from `tokens`) as integer arrays, to align many pairs of them at once
    (`score`) with the result of `align` and `differing_words` for each.

    A pair without spelling variants of each other's terms aligns by equal terms alone: the
    k-th copy of a term in one list with its k-th copy in the other. Numbering each term's
    copies within its list makes those pairs the equal codes of the two lists, found for a
    block of pairs at once with numpy; each side's aligned weight is then summed term after
    term, in list order, as `align` sums it, so the floats are the same to the last bit. Pairs
    with a spelling variant (few) and very long lists are aligned one by one."""

    def __init__(self, token_lists: Sequence[Sequence[tuple[str, str]]], weights: Mapping[str, float] | None = None,
                 default_weight: float | None = None):
        """weights, default_weight: as `align` takes them (also settable later with `weigh`)."""
        import pandas as pd

        self.token_lists = token_lists
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
        flat_terms = [term for found in token_lists for term, _ in found]
        flat_surfaces = [surface for found in token_lists for _, surface in found]
        codes, vocabulary = pd.factorize(pd.Series(flat_terms, dtype=object)) if flat_terms else (np.empty(0, np.int64), [])
        codes = np.asarray(codes, dtype=np.int64)
        self.vocabulary: list[str] = list(vocabulary)
        self.lengths = lengths
        self.codes = codes  # of each term, list after list
        owner = np.repeat(np.arange(len(lengths)), lengths)
        # copy number of each term within its list (0 for the first copy)
        order = np.lexsort((codes, owner))
        runs = np.flatnonzero(np.r_[True, (owner[order][1:] != owner[order][:-1]) | (codes[order][1:] != codes[order][:-1])])
        copy = np.empty(len(codes), dtype=np.int64)
        copy[order] = np.arange(len(codes)) - np.repeat(runs, np.diff(np.r_[runs, len(codes)]))
        width = int(min(lengths.max(initial=0), _LONGEST_BULK))
        self._short = lengths[owner] <= width
        self._cells = owner[self._short], (np.arange(len(codes)) - np.repeat(np.cumsum(lengths) - lengths, lengths))[self._short]
        # row per list, a column per term: its code (term, copy) and spelling, -1 past the end
        numbered = codes + copy * max(len(self.vocabulary), 1)
        self._codes = np.full((len(lengths), width), -1, dtype=np.int32 if numbered.max(initial=0) < 2**31 - 1 else np.int64)
        self._codes[self._cells] = numbered[self._short]
        surfaces = pd.factorize(pd.Series(flat_surfaces, dtype=object))[0] if flat_surfaces else np.empty(0, np.int64)
        self._surfaces = np.full((len(lengths), width), -1, dtype=np.int32 if len(surfaces) < 2**31 else np.int64)
        self._surfaces[self._cells] = surfaces[self._short]
        self._words = np.asarray(flat_surfaces, dtype=object)  # each token's surface, list after list
        self._starts = np.cumsum(lengths) - lengths
        fuzzable = np.fromiter(map(_fuzzable, self.vocabulary), dtype=bool, count=len(self.vocabulary))
        self._fuzzable = _distinct_terms(owner[fuzzable[codes]], codes[fuzzable[codes]], len(lengths), len(self.vocabulary))
        self._owner = owner
        if weights is not None or default_weight is not None:
            self.weigh(weights, default_weight)

    def _terms(self, i: int) -> list[str]:
        return [term for term, _ in self.token_lists[i]]

    def idf_weights(self) -> dict[str, float]:
        """`idf_weights` of the lists' terms (one list = one document)."""
        return _idf_of_codes(self._owner, self.codes, self.vocabulary, len(self.lengths))

    def weigh(self, weights: Mapping[str, float] | None, default_weight: float | None = None) -> "TokenIndex":
        """Set the term weights (as `align` takes them) that `score` uses."""
        weights = weights or {}
        if default_weight is None:
            default_weight = max(weights.values(), default=1.0)
        self.weights, self.default_weight = weights, default_weight
        term_weight = np.array([weights.get(term, default_weight) for term in self.vocabulary], dtype=np.float64)
        # each list's total weight, summed as `_Prepared` sums it (left to right)
        flat_weights = term_weight[self.codes].tolist()
        ends = np.cumsum(self.lengths).tolist()
        self.totals = [sum(flat_weights[end - n:end]) for end, n in zip(ends, self.lengths.tolist())]
        self._term_weight = term_weight
        self._weights = np.zeros(self._codes.shape, dtype=np.float64)
        self._weights[self._cells] = term_weight[self.codes[self._short]]
        return self

    def score(self, first: np.ndarray, second: np.ndarray, *, min_similarity: float | None = None,
              min_coverage: float | None = None) -> PairScores:
        """The pairs (first[k], second[k]) (list positions, a then b) whose alignment has
        similarity >= min_similarity or a coverage >= min_coverage (every pair when both are
        None), as `align_pairs` and `differing_words` give them.

        _PAIRS_SCORED_AT_ONCE pairs at a time, which bounds the memory of the per-pair arrays
        (millions of candidates on 10,000 articles): a pair's scores depend on its own two
        lists only, and so do its spelling variants (found among the terms the pair joins)."""
        first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        parts = [self._score_block(first[start:start + _PAIRS_SCORED_AT_ONCE], second[start:start + _PAIRS_SCORED_AT_ONCE],
                                   min_similarity, min_coverage)
                 for start in range(0, max(len(first), 1), _PAIRS_SCORED_AT_ONCE)]
        if len(parts) == 1:
            return parts[0]
        starts = range(0, len(first), _PAIRS_SCORED_AT_ONCE)
        return PairScores(np.concatenate([part.index + start for part, start in zip(parts, starts)]),
                          *([value for part in parts for value in getattr(part, name)] for name in _SCORE_LISTS))

    def _score_block(self, first: np.ndarray, second: np.ndarray, min_similarity: float | None,
                     min_coverage: float | None) -> PairScores:
        """`score` of one block of pairs."""
        totals = np.asarray(self.totals, dtype=np.float64)
        links = _variant_links(self._fuzzable, self.vocabulary, first, second)
        one_by_one = _has_link(self._fuzzable, links, first, second)
        linked = one_by_one.copy()
        long = (self.lengths[first] > self._codes.shape[1]) | (self.lengths[second] > self._codes.shape[1])
        one_by_one |= long
        got = self._equal_term_weights(first, second)
        total_a, total_b = totals[first], totals[second]
        total = total_a + total_b
        with np.errstate(divide="ignore", invalid="ignore"):
            similarity = (got + got) / total
            coverage_a = np.where(total_a != 0, got / total_a, 0.0)
            coverage_b = np.where(total_b != 0, got / total_b, 0.0)
        empty = (self.lengths[first] == 0) | (self.lengths[second] == 0) | (total == 0)
        one_by_one |= empty  # `align` scores them 0 with every term left over
        keep = _clears(similarity, coverage_a, coverage_b, min_similarity, min_coverage) & ~one_by_one
        # the pairs aligned one by one
        variants = _links_by_term(links, self.vocabulary)
        prepared: dict[int, _Prepared] = {}
        special = {}
        weight_of = dict(zip(self.vocabulary, self._term_weight.tolist()))
        for k in np.flatnonzero(one_by_one).tolist():
            i, j = int(first[k]), int(second[k])
            if linked[k] and not long[k] and not empty[k] and not _may_clear_with_variants(
                    got[k], self._terms(i), self._terms(j), self.totals[i], self.totals[j], variants, weight_of,
                    min_similarity, min_coverage):
                continue
            for key in (i, j):
                if key not in prepared:
                    prepared[key] = _Prepared(self._terms(key), self.weights, self.default_weight)
            alignment = _align_prepared(prepared[i], prepared[j], variants)
            if _clears(alignment.similarity, alignment.coverage_a, alignment.coverage_b, min_similarity, min_coverage):
                special[k] = (alignment.similarity, alignment.coverage_a, alignment.coverage_b,
                              differing_words(self.token_lists[i], self.token_lists[j], alignment))
        bulk = np.flatnonzero(keep)
        differences = dict(zip(bulk.tolist(), self._equal_term_differences(first[bulk], second[bulk])))
        index = np.sort(np.r_[bulk, np.fromiter(special, dtype=np.int64, count=len(special))])
        # Python floats for the kept pairs only (for every candidate: three floats each, 600 MB on 10,000 articles)
        kept = zip(index.tolist(), similarity[index].tolist(), coverage_a[index].tolist(), coverage_b[index].tolist())
        rows = [special[k] if k in special else (sim, cov_a, cov_b, differences[k]) for k, sim, cov_a, cov_b in kept]
        return PairScores(index, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                          [r[3][0] for r in rows], [r[3][1] for r in rows], [r[3][2] for r in rows])

    def may_reach(self, first: np.ndarray, second: np.ndarray, min_similarity: float) -> np.ndarray:
        """Whether each pair (first[k], second[k]) may clear min_similarity in `score`: False
        only for pairs proven short of it, so that scoring the others alone keeps the same pairs
        (each pair's alignment depends on its own two lists only) at a fraction of the cost.

        Proof. `_align_prepared` first pairs equal terms, the k-th copy of a term in a with its
        k-th copy in b: each side gets equal = sum over terms of weight x min(count in a, count
        in b) (`got` of `_equal_term_weights` when no list is longer than the bulk width). Only
        spelling variants pair after that, one to one, among the copies left: a copy of t that a
        has more of than b with a copy of u that b has more of than a, u a variant of t (a link
        `_variant_links` finds among the pair's own terms), weighed by its ratio / 100 <= 1. So
        side a gains at most the weight of its left-over copies whose term has a variant among
        b's left-over terms (gain_a), b likewise, and similarity = (got_a + got_b) / (total_a +
        total_b) <= (2 equal + gain_a + gain_b) / (total_a + total_b). The bound adds in another
        order than `_align_prepared`: _SLACK. Pairs with an empty list are kept."""
        first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        links = _variant_links(self._fuzzable, self.vocabulary, first, second)
        width = self._codes.shape[1]
        # bounded with term counts (sparse): pairs with a variant, and lists the bulk matching cuts
        special = (_has_link(self._fuzzable, links, first, second) | (self.lengths[first] > width)
                   | (self.lengths[second] > width))
        got = self._equal_term_weights(first, second)
        at = np.flatnonzero(special)
        equal, gain = self._equal_and_variant_gain(first[at], second[at], links)
        totals = np.asarray(self.totals, dtype=np.float64)
        total = totals[first] + totals[second]
        aligned = got + got
        aligned[at] = equal + equal + gain
        with np.errstate(divide="ignore", invalid="ignore"):
            bound = aligned / total
        empty = (self.lengths[first] == 0) | (self.lengths[second] == 0) | (total == 0)
        return (bound >= min_similarity - _SLACK) | empty

    def _equal_and_variant_gain(self, first: np.ndarray, second: np.ndarray, links) -> tuple[np.ndarray, np.ndarray]:
        """For each pair: the weight of its equal terms paired (on each side: sum of weight x
        min(count in a, count in b)) and the most spelling variants add after them (both
        sides): the weight of each side's left-over copies (beyond the other side's count of
        the term) whose term has a variant among the other side's left-over terms."""
        from scipy import sparse

        if not len(first):
            return np.zeros(0), np.zeros(0)
        counts = self._term_counts
        n_terms = counts.shape[1]
        low, high, _ = links
        variant_of = sparse.csr_matrix((np.ones(2 * len(low)), (np.r_[low, high], np.r_[high, low])),
                                       shape=(n_terms, n_terms))
        in_a, in_b = counts[first], counts[second]
        left_a, left_b = (in_a - in_b).maximum(0), (in_b - in_a).maximum(0)
        gain = (left_a.multiply((left_b @ variant_of) > 0) + left_b.multiply((left_a @ variant_of) > 0)) @ self._term_weight
        return in_a.minimum(in_b) @ self._term_weight, np.asarray(gain, dtype=np.float64).ravel()

    @cached_property
    def _term_counts(self):
        """Sparse lists x terms: how many times each list has each term."""
        from scipy import sparse

        counts = sparse.csr_matrix((np.ones(len(self.codes)), (self._owner, self.codes)),
                                   shape=(len(self.lengths), len(self.vocabulary)))
        counts.sum_duplicates()
        return counts

    def _blocks(self, first: np.ndarray, second: np.ndarray):
        """Blocks of pair positions, pairs of similar list lengths together, with the number
        of terms of a and of b the block needs."""
        width = self._codes.shape[1]
        la, lb = np.minimum(self.lengths[first], width), np.minimum(self.lengths[second], width)
        order = np.lexsort((lb, (la + 3) // 4))
        start = 0
        while start < len(order):
            size = max(1, _CELLS_AT_ONCE // max(1, (int(la[order[start]]) + 4) * width))
            block = order[start:start + size]
            start += len(block)
            yield block, int(la[block].max()), int(lb[block].max())

    def _matches(self, first: np.ndarray, second: np.ndarray, width_a: int, width_b: int) -> np.ndarray:
        """(pairs, width_a, width_b) booleans: term x of a and term y of b are aligned (equal
        codes: the same term and copy number; the ends never match)."""
        a = self._codes[first, :width_a]
        b = self._codes[second, :width_b]
        return a[:, :, None] == np.where(b < 0, -2, b)[:, None, :]

    def _equal_term_weights(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Each pair's weight of equal terms aligned (each side gets the same: equal terms
        weigh the same), summed in a's order as `_align_prepared` sums it."""
        got = np.zeros(len(first), dtype=np.float64)
        for block, width_a, width_b in self._blocks(first, second):
            matched = self._matches(first[block], second[block], width_a, width_b).any(axis=2)
            aligned = self._weights[first[block], :width_a] * matched
            total = np.zeros(len(block), dtype=np.float64)
            for column in range(width_a):  # term after term: the order of Python's sum
                total += aligned[:, column]
            got[block] = total
        return got

    def _equal_term_differences(self, first: np.ndarray, second: np.ndarray) -> list[tuple[str, str, str]]:
        """`differing_words` of each pair aligned by equal terms alone."""
        out: list = [None] * len(first)
        for block, width_a, width_b in self._blocks(first, second):
            same = self._matches(first[block], second[block], width_a, width_b)
            paired = same.any(axis=2)
            partner = np.where(paired, same.argmax(axis=2), -1)  # b's index of each term of a
            surface_a = self._surfaces[first[block], :width_a]
            surface_b = np.take_along_axis(self._surfaces[second[block], :width_b], np.maximum(partner, 0), axis=1)
            # every term aligned, each with the same spelling: nothing differs
            alike = ((paired & (surface_a == surface_b)) | (surface_a < 0)).all(axis=1)
            alike &= (same.any(axis=1) | (self._codes[second[block], :width_b] < 0)).all(axis=1)
            for k in block[alike].tolist():
                out[k] = ("", "", "")
            rest, partner, same, surface_a, surface_b = (block[~alike], partner[~alike], same[~alike],
                                                         surface_a[~alike], surface_b[~alike])
            start_a, start_b = self._starts[first[rest]], self._starts[second[rest]]
            # the words of each pair, in text order (np.nonzero goes row by row, column by column)
            rows, columns = np.nonzero((partner < 0) & (surface_a >= 0))
            only_a = self._words[start_a[rows] + columns].tolist(), rows
            rows, columns = np.nonzero(~same.any(axis=1) & (self._codes[second[rest], :width_b] >= 0))
            only_b = self._words[start_b[rows] + columns].tolist(), rows
            rows, columns = np.nonzero((partner >= 0) & (surface_a != surface_b))
            swapped = ([f"{x}~{y}" for x, y in zip(self._words[start_a[rows] + columns].tolist(),
                                                      self._words[start_b[rows] + partner[rows, columns]].tolist())], rows)
            joined = [_joined_by_row(found, at, len(rest)) for found, at in (only_a, only_b, swapped)]
            for k, differences in zip(rest.tolist(), zip(*joined)):
                out[k] = differences
        return out


def token_idf_weights(token_lists: Sequence[Sequence[tuple[str, str]]]) -> dict[str, float]:
    """`textsim.idf_weights` of the terms of token lists (`tokens`; one list = one document),
    the same floats, counted with numpy: the quote variants weigh terms over every sentence of
    the corpus, where a Counter of each sentence's set of terms was most of the cost."""
    import pandas as pd

    terms = list(map(itemgetter(0), chain.from_iterable(token_lists)))
    if not terms:
        return {}
    codes, vocabulary = pd.factorize(pd.Series(terms, dtype=object))
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    owner = np.repeat(np.arange(len(token_lists)), lengths)
    return _idf_of_codes(owner, np.asarray(codes, dtype=np.int64), list(vocabulary), len(token_lists))


def _idf_of_codes(owner: np.ndarray, codes: np.ndarray, vocabulary: Sequence[str], n_documents: int) -> dict[str, float]:
    """term -> `idf` over n_documents, given each occurrence's document (owner) and term code."""
    size = max(len(vocabulary), 1)
    found = _distinct(owner * size + codes) % size
    documents = np.bincount(found, minlength=len(vocabulary)).tolist()
    return {term: idf(n_documents, count) for term, count in zip(vocabulary, documents)}


def _joined_by_row(words: list[str], rows: np.ndarray, n_rows: int) -> list[str]:
    """The words of each of n_rows rows (rows: the row of each word, increasing) joined by "; "."""
    ends = np.cumsum(np.bincount(rows, minlength=n_rows)).tolist()
    return ["; ".join(words[start:end]) for start, end in zip([0] + ends[:-1], ends)]


def _may_clear_with_variants(got: float, terms_a: Sequence[str], terms_b: Sequence[str], total_a: float,
                             total_b: float, variants: dict[str, dict[str, float]], weight_of: Mapping[str, float],
                             min_similarity: float | None, min_coverage: float | None) -> bool:
    """Whether a pair with spelling variants may clear the thresholds: each side gains at most
    the weight of its terms with a variant in the other list (got: the weight of equal terms
    aligned, on each side). The bound adds in another order than `_align_prepared`: _SLACK."""
    if min_similarity is None and min_coverage is None:
        return True
    in_a, in_b = set(terms_a), set(terms_b)
    gain_a = sum(weight_of[t] for t in terms_a if t in variants and not in_b.isdisjoint(variants[t]))
    gain_b = sum(weight_of[t] for t in terms_b if t in variants and not in_a.isdisjoint(variants[t]))
    if min_similarity is not None and (2 * got + gain_a + gain_b) / (total_a + total_b) >= min_similarity - _SLACK:
        return True
    return min_coverage is not None and max((got + gain_a) / total_a if total_a else 0.0,
                                            (got + gain_b) / total_b if total_b else 0.0) >= min_coverage - _SLACK


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique hashes integers: several times slower)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _clears(similarity, coverage_a, coverage_b, min_similarity, min_coverage):
    """Whether a pair's alignment clears min_similarity or min_coverage (always, if both are None)."""
    if min_similarity is None and min_coverage is None:
        return np.ones(np.shape(similarity), dtype=bool) if np.ndim(similarity) else True
    clear = np.zeros(np.shape(similarity), dtype=bool) if np.ndim(similarity) else False
    if min_similarity is not None:
        clear = clear | (similarity >= min_similarity)
    if min_coverage is not None:
        clear = clear | (np.maximum(coverage_a, coverage_b) >= min_coverage)
    return clear


def _distinct_terms(owner: np.ndarray, codes: np.ndarray, n_lists: int, n_terms: int):
    """Sparse 0/1 matrix, a row per list, a column per term it has."""
    from scipy import sparse

    keys = _distinct(owner * max(n_terms, 1) + codes)
    rows, columns = np.divmod(keys, max(n_terms, 1))
    indptr = np.searchsorted(rows, np.arange(n_lists + 1))
    return sparse.csr_matrix((np.ones(len(keys), dtype=np.float32), columns, indptr), shape=(n_lists, n_terms))


def _variant_links(fuzzable, vocabulary: Sequence[str], first: np.ndarray, second: np.ndarray):
    """(u, v, score) arrays, u < v: the spelling variants (rapidfuzz ratio >= FUZZY_TERM_RATIO,
    float32 as rapidfuzz's cdist gives it) among the pairs of different fuzzable terms found
    in two lists paired by (first, second). fuzzable: sparse lists x terms (`_distinct_terms`)
    of each list's fuzzable terms.

    Which terms meet in some pair comes from sparse products (a block of pairs at a time); a
    pair of terms is scored only if its lengths and letters allow the ratio: the Indel
    distance rapidfuzz's ratio is made of is at least the difference of the letter counts
    (which is at least the number of letter classes only one of them has)."""
    from scipy import sparse

    nothing = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32))
    if not len(first) or fuzzable.nnz == 0:
        return nothing
    length = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary))
    sizes = np.arange(length.max() + 1)
    reachable = _may_reach(np.abs(sizes[:, None] - sizes[None, :]), sizes[:, None] + sizes[None, :])
    letters = _letter_counts(vocabulary)
    # the classes of letters a term has: terms differ in at least as many letters as these bits
    present = np.packbits(letters > 0, axis=1, bitorder="little").view(np.uint32).ravel()
    lows, highs = [], []
    order = np.argsort(first, kind="stable")
    for start in range(0, len(order), _PAIRS_MET_AT_ONCE):  # (bounds the memory of the product)
        chunk = order[start:start + _PAIRS_MET_AT_ONCE]
        top, bottom = int(first[chunk].min()), int(first[chunk].max()) + 1
        paired = sparse.csr_matrix((np.ones(len(chunk), dtype=np.float32), (first[chunk] - top, second[chunk])),
                                   shape=(bottom - top, fuzzable.shape[0]))
        meet = (fuzzable[top:bottom].T.tocsr() @ (paired @ fuzzable)).tocoo()
        u, v = meet.row.astype(np.int64), meet.col.astype(np.int64)
        keep = reachable[length[u], length[v]] & (u != v)
        u, v = u[keep], v[keep]
        keep = _may_reach(np.bitwise_count(present[u] ^ present[v]).astype(np.int64), length[u] + length[v])
        u, v = u[keep], v[keep]
        keep = _may_reach(np.abs(letters[u] - letters[v]).sum(axis=1, dtype=np.int64), length[u] + length[v])
        lows.append(np.minimum(u[keep], v[keep]))
        highs.append(np.maximum(u[keep], v[keep]))
    u, v = np.concatenate(lows), np.concatenate(highs)
    found = _distinct(u * max(len(vocabulary), 1) + v)
    low, high = np.divmod(found, max(len(vocabulary), 1))
    if not len(low):
        return nothing
    terms = np.asarray(vocabulary, dtype=object)
    scores = process.cpdist(terms[low].tolist(), terms[high].tolist(), scorer=fuzz.ratio, score_cutoff=FUZZY_TERM_RATIO,
                            dtype=np.float32)
    hit = scores != 0  # (below the cutoff: 0)
    return low[hit], high[hit], scores[hit]


def _may_reach(distance: np.ndarray, length_sum: np.ndarray) -> np.ndarray:
    """Whether two terms at least `distance` Indel edits apart may still have a rapidfuzz ratio
    of FUZZY_TERM_RATIO (ratio = 100 (1 - distance / length_sum); one edit of slack for rounding)."""
    return 100.0 * (length_sum - np.maximum(distance - 1, 0)) >= FUZZY_TERM_RATIO * length_sum


def _letter_counts(vocabulary: Sequence[str]) -> np.ndarray:
    """Per term, how many of its characters fall in each of 32 classes (code point mod 32),
    capped at 127: the difference of two terms' counts is at most their Indel distance."""
    counts = np.zeros((len(vocabulary), 32), dtype=np.int32)
    if len(vocabulary):
        points = np.frombuffer("".join(vocabulary).encode("utf-32-le"), dtype=np.uint32)
        owner = np.repeat(np.arange(len(vocabulary)), [len(t) for t in vocabulary])
        np.add.at(counts, (owner, (points & 31).astype(np.int64)), 1)
    return np.minimum(counts, 127).astype(np.int8)  # (capped counts differ no more than the counts)


def _has_link(fuzzable, links, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Whether a term of list first[k] is a spelling variant of a term of list second[k]."""
    from scipy import sparse

    low, high, _ = links
    if not len(low):
        return np.zeros(len(first), dtype=bool)
    linked = _distinct(np.r_[low, high])
    column = {term: k for k, term in enumerate(linked.tolist())}
    size = len(linked)
    rows = [column[t] for t in low.tolist()] + [column[t] for t in high.tolist()]
    cols = [column[t] for t in high.tolist()] + [column[t] for t in low.tolist()]
    relation = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(size, size))
    having = fuzzable[:, linked].tocsr()
    reach = having[first] @ relation
    return np.asarray(reach.multiply(having[second]).sum(axis=1)).ravel() > 0


def _links_by_term(links, vocabulary: Sequence[str]) -> dict[str, dict[str, float]]:
    """term -> {variant: score}, both ways, as `_align_prepared` reads them."""
    found: dict[str, dict[str, float]] = {}
    for x, y, score in zip(*[part.tolist() for part in links]):
        a, b = vocabulary[x], vocabulary[y]
        found.setdefault(a, {})[b] = score
        found.setdefault(b, {})[a] = score
    return found
