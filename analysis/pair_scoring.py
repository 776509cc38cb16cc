"""Many pairs of token lists (textsim.tokens) aligned at once, with the result textsim.align
and textsim.differing_words give for each pair: `TokenIndex.score`. find_reuse and the quote
variants score hundreds of thousands of candidate pairs; aligning them one at a time in Python
was most of their cost. Equal terms are matched for blocks of pairs with numpy, each side's
weight is summed in list order (the same floats as align), and spelling variants are found
through sparse products of the pairs' terms, with length and letter bounds before rapidfuzz."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .textsim import FUZZY_TERM_RATIO, _SLACK, _Prepared, _align_prepared, _fuzzable, differing_words, idf

_LONGEST_BULK = 64  # lists with more terms (rare) are aligned one pair at a time
_CELLS_AT_ONCE = 1 << 22  # term comparisons per block of pairs (bounds the memory of the bulk matching)
_PAIRS_SCORED_AT_ONCE = 1_000_000  # pairs whose per-pair arrays are held at once
_PAIRS_BOUNDED_AT_ONCE = 200_000  # pairs bounded at once by `may_reach`
_PAIRS_MET_AT_ONCE = 50_000  # pairs whose terms are met in one sparse product (bounds its memory: 12 million
# term pairs, 300 MB at the peak, for 250,000 quote pairs on 10,000 articles; as fast)
_TERMS_AT_ONCE = 1_000_000  # terms whose per-term temporaries are held at once while indexing


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


# (u, v, score) arrays of spelling variants, u < v term codes (`_variant_links`)
VariantLinks = tuple[np.ndarray, np.ndarray, np.ndarray]

_SCORE_LISTS = ("similarity", "coverage_a", "coverage_b", "words_only_a", "words_only_b", "swapped_words")


class TokenIndex:
    """Token lists (from `tokens`) as integer arrays, to align many pairs of them at once
    (`score`) with the result of `align` and `differing_words` for each.

    A pair without spelling variants of each other's terms aligns by equal terms alone: the
    k-th copy of a term in one list with its k-th copy in the other. Numbering each term's
    copies within its list makes those pairs the equal codes of the two lists, found for a
    block of pairs at once with numpy; each side's aligned weight is then summed term after
    term, in list order, as `align` sums it, so the floats are the same to the last bit. Pairs
    with a spelling variant (few) and very long lists are aligned one by one.

    Memory: the index holds flat arrays, a value per term (its code, its code numbered by
    copy, its spelling's code: int32), and gathers the rows of a block of pairs as it matches
    them (`_cells`); it is built a chunk of about _TERMS_AT_ONCE terms at a time. (Matrices
    of every list padded to 64 terms, with a flat list of every token, were 0.5 GB for the
    313,000 sentences of 10,000 articles, and 1 GB at the peak of the build.) It keeps no
    reference to the token lists it was given: the few pairs aligned one by one rebuild theirs
    from the flat arrays (`_tokens`), so an index built from pieces (`of_pieces`) is all that
    stays of them."""

    def __init__(self, token_lists: Sequence[Sequence[tuple[str, str]]], weights: Mapping[str, float] | None = None,
                 default_weight: float | None = None):
        """weights, default_weight: as `align` takes them (also settable later with `weigh`)."""
        self._index([token_lists])
        if weights is not None or default_weight is not None:
            self.weigh(weights, default_weight)

    @classmethod
    def of_pieces(cls, pieces: Iterable[Sequence[Sequence[tuple[str, str]]]]) -> "TokenIndex":
        """The index of the token lists of every piece, piece after piece (the lists of a slice
        of articles, say): each piece is let go once its terms are coded, so no list of every
        token is ever held (at 10,000 articles, read back from disk, 4.7 million tuples of two
        strings: most of find_reuse's memory)."""
        index = cls.__new__(cls)
        index._index(pieces)
        return index

    def _index(self, pieces: Iterable[Sequence[Sequence[tuple[str, str]]]]) -> None:
        lengths, (codes, vocabulary), (surfaces, spellings) = _factorized_pieces(pieces, (0, 1))
        self.lengths = lengths
        self._starts = np.cumsum(lengths) - lengths  # of each list's terms in the flat arrays
        self.vocabulary: list[str] = vocabulary
        self._terms_of_codes = np.asarray(vocabulary, dtype=object)
        self.codes = codes  # of each term, list after list
        self._surfaces = surfaces  # code of each term's spelling (equal codes, equal spellings)
        self._spellings = np.asarray(spellings, dtype=object)  # spelling of each surface code
        self._width = int(min(lengths.max(initial=0), _LONGEST_BULK))  # lists longer are aligned one pair at a time
        fuzzable = np.fromiter(map(_fuzzable, self.vocabulary), dtype=bool, count=len(self.vocabulary))
        size = max(len(self.vocabulary), 1)
        numbered, fuzzable_terms = [], []
        fuzzable_per_list = np.zeros(len(lengths), dtype=np.int64)
        # lists of about _TERMS_AT_ONCE terms: the per-term temporaries of the build stay that small
        for owner, at in _chunk_terms(lengths, _list_chunks(lengths, _TERMS_AT_ONCE)):
            chunk = codes[at].astype(np.int64)
            # the term and its copy number within its list (0 for the first copy): the k-th copy
            # of a term in one list aligns with its k-th copy in the other
            number = chunk + _copy_numbers(owner, chunk) * size
            numbered.append(number.astype(np.int32) if number.max(initial=0) < 2**31 - 1 else number)
            found = fuzzable[chunk]
            lists, terms = np.divmod(_distinct(owner[found] * size + chunk[found]), size)  # each list's, in order
            fuzzable_terms.append(terms.astype(codes.dtype))
            fuzzable_per_list += np.bincount(lists, minlength=len(lengths))
        self._numbered = np.concatenate(numbered) if numbered else np.empty(0, np.int32)
        self._fuzzable = _distinct_terms(np.concatenate(fuzzable_terms) if fuzzable_terms else np.empty(0, np.int32),
                                         fuzzable_per_list, len(self.vocabulary))

    def _terms(self, i: int) -> list[str]:
        start = int(self._starts[i])
        return self._terms_of_codes[self.codes[start:start + int(self.lengths[i])]].tolist()

    def _tokens(self, i: int) -> list[tuple[str, str]]:
        """List i as it was given, (term, surface) tuples, rebuilt from the flat arrays."""
        start = int(self._starts[i])
        return list(zip(self._terms(i), self._words(np.arange(start, start + int(self.lengths[i])))))

    def idf_weights(self) -> dict[str, float]:
        """`idf_weights` of the lists' terms (one list = one document)."""
        return _idf_of_codes(self.codes, self.lengths, self.vocabulary)

    def weigh(self, weights: Mapping[str, float] | None, default_weight: float | None = None) -> "TokenIndex":
        """Set the term weights (as `align` takes them) that `score` uses."""
        weights = weights or {}
        if default_weight is None:
            default_weight = max(weights.values(), default=1.0)
        self.weights, self.default_weight = weights, default_weight
        term_weight = np.array([weights.get(term, default_weight) for term in self.vocabulary], dtype=np.float64)
        # each list's total weight, summed as `_Prepared` sums it (left to right)
        self.totals = _sums_in_order(term_weight, self.codes, self._starts, self.lengths)  # (an array: as a list, 4x the memory)
        self._term_weight = term_weight
        return self

    def score(self, first: np.ndarray, second: np.ndarray, *, min_similarity: float | None = None,
              min_coverage: float | None = None, links: VariantLinks | None = None) -> PairScores:
        """The pairs (first[k], second[k]) (list positions, a then b) whose alignment has
        similarity >= min_similarity or a coverage >= min_coverage (every pair when both are
        None), as `align_pairs` and `differing_words` give them.

        _PAIRS_SCORED_AT_ONCE pairs at a time, which bounds the memory of the per-pair arrays
        (millions of candidates on 10,000 articles): a pair's scores depend on its own two
        lists only, and so do its spelling variants (found among the terms the pair joins).
        first, second: any integer type (made int64 a block at a time). links: `variant_links`
        of these pairs or of more (found per block when not given)."""
        first, second = np.asarray(first), np.asarray(second)
        found: list[np.ndarray] = []
        lists: dict[str, list] = {name: [] for name in _SCORE_LISTS}
        for start in range(0, max(len(first), 1), _PAIRS_SCORED_AT_ONCE):
            part = self._score_block(first[start:start + _PAIRS_SCORED_AT_ONCE].astype(np.int64),
                                     second[start:start + _PAIRS_SCORED_AT_ONCE].astype(np.int64), min_similarity,
                                     min_coverage, links)
            found.append(part.index + start)
            for name in _SCORE_LISTS:  # (each block's lists let go once copied: not every block's and the whole)
                lists[name].extend(getattr(part, name))
        return PairScores(np.concatenate(found), *lists.values())

    def clearing(self, first: np.ndarray, second: np.ndarray, *, min_similarity: float | None = None,
                 min_coverage: float | None = None) -> np.ndarray:
        """The positions k of the pairs (first[k], second[k]) that `score` keeps, in order,
        without the word differences it gives each (find_reuse finds which of millions of
        candidates are kept first, then scores those a slice of its table at a time)."""
        first, second = np.asarray(first), np.asarray(second)
        found = [self._cleared(first[start:start + _PAIRS_SCORED_AT_ONCE].astype(np.int64),
                               second[start:start + _PAIRS_SCORED_AT_ONCE].astype(np.int64), min_similarity,
                               min_coverage, None)[0] + start
                 for start in range(0, max(len(first), 1), _PAIRS_SCORED_AT_ONCE)]
        return np.concatenate(found)

    def _score_block(self, first: np.ndarray, second: np.ndarray, min_similarity: float | None,
                     min_coverage: float | None, links: VariantLinks | None = None) -> PairScores:
        """`score` of one block of pairs."""
        index, scores, special = self._cleared(first, second, min_similarity, min_coverage, links)
        bulk = np.setdiff1d(index, np.fromiter(special, dtype=np.int64, count=len(special)), assume_unique=True)
        differences = dict(zip(bulk.tolist(), self._equal_term_differences(first[bulk], second[bulk])))
        for k, alignment in special.items():
            i, j = int(first[k]), int(second[k])
            differences[k] = differing_words(self._tokens(i), self._tokens(j), alignment)
        # Python floats for the kept pairs only (for every candidate: three floats each, 600 MB on 10,000 articles)
        similarity, coverage_a, coverage_b = (values[index].tolist() for values in scores)
        words = [differences[k] for k in index.tolist()]
        return PairScores(index, similarity, coverage_a, coverage_b,
                          [w[0] for w in words], [w[1] for w in words], [w[2] for w in words])

    def _cleared(self, first: np.ndarray, second: np.ndarray, min_similarity: float | None,
                 min_coverage: float | None, links: VariantLinks | None) -> tuple[np.ndarray, tuple, dict]:
        """The pairs of a block that clear the thresholds: their positions (sorted), the
        block's (similarity, coverage_a, coverage_b) arrays (right at those positions), and
        the `align` result of those among them aligned one by one, by position."""
        totals = self.totals
        if links is None:
            links = _variant_links(self._fuzzable, self.vocabulary, first, second)
        one_by_one = _has_link(self._fuzzable, links, first, second)
        linked = one_by_one.copy()
        long = (self.lengths[first] > self._width) | (self.lengths[second] > self._width)
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
                    got[k], self._terms(i), self._terms(j), float(totals[i]), float(totals[j]), variants, weight_of,
                    min_similarity, min_coverage):
                continue
            for key in (i, j):
                if key not in prepared:
                    prepared[key] = _Prepared(self._terms(key), self.weights, self.default_weight)
            alignment = _align_prepared(prepared[i], prepared[j], variants)
            if _clears(alignment.similarity, alignment.coverage_a, alignment.coverage_b, min_similarity, min_coverage):
                special[k] = alignment
                similarity[k], coverage_a[k], coverage_b[k] = alignment.similarity, alignment.coverage_a, alignment.coverage_b
        index = np.sort(np.r_[np.flatnonzero(keep), np.fromiter(special, dtype=np.int64, count=len(special))])
        return index, (similarity, coverage_a, coverage_b), special

    def variant_links(self, first: np.ndarray, second: np.ndarray) -> VariantLinks:
        """The spelling variants among the terms of the pairs (first[k], second[k]), for `may_reach`
        and `score` of these pairs or of any of them, either way round: a link is a property of
        its two terms, and each pair's results depend only on the links between its own terms,
        so a search made once serves each of them (the quote variants bound, then score, then
        score flipped the same pairs)."""
        return _variant_links(self._fuzzable, self.vocabulary, np.asarray(first, dtype=np.int64),
                              np.asarray(second, dtype=np.int64))

    def may_reach(self, first: np.ndarray, second: np.ndarray, min_similarity: float, *,
                  links: VariantLinks | None = None) -> np.ndarray:
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
        order than `_align_prepared`: _SLACK. Pairs with an empty list are kept. links:
        `variant_links` of these pairs or of more (found here when not given).

        _PAIRS_BOUNDED_AT_ONCE pairs at a time: the term-count rows of the pairs bounded with
        variants were this job's peak (2.5 million candidates: +587 MB on 30,000 articles)."""
        first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        if links is None:
            links = _variant_links(self._fuzzable, self.vocabulary, first, second)
        reach = np.empty(len(first), dtype=bool)
        for start in range(0, len(first), _PAIRS_BOUNDED_AT_ONCE):
            at = slice(start, start + _PAIRS_BOUNDED_AT_ONCE)
            reach[at] = self._may_reach_block(first[at], second[at], min_similarity, links)
        return reach

    def _may_reach_block(self, first: np.ndarray, second: np.ndarray, min_similarity: float,
                         links: VariantLinks) -> np.ndarray:
        """`may_reach` of one block of pairs."""
        width = self._width
        # bounded with term counts (sparse): pairs with a variant, and lists the bulk matching cuts
        special = (_has_link(self._fuzzable, links, first, second) | (self.lengths[first] > width)
                   | (self.lengths[second] > width))
        got = self._equal_term_weights(first, second)
        at = np.flatnonzero(special)
        equal, gain = self._equal_and_variant_gain(first[at], second[at], links)
        total = self.totals[first] + self.totals[second]
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

        owner = np.repeat(np.arange(len(self.lengths)), self.lengths)
        counts = sparse.csr_matrix((np.ones(len(self.codes)), (owner, self.codes)),
                                   shape=(len(self.lengths), len(self.vocabulary)))
        counts.sum_duplicates()
        return counts

    def _blocks(self, first: np.ndarray, second: np.ndarray):
        """Blocks of pair positions, pairs of similar list lengths together, with the number
        of terms of a and of b the block needs."""
        width = self._width
        la, lb = np.minimum(self.lengths[first], width), np.minimum(self.lengths[second], width)
        order = np.lexsort((lb, (la + 3) // 4))
        start = 0
        while start < len(order):
            size = max(1, _CELLS_AT_ONCE // max(1, (int(la[order[start]]) + 4) * width))
            block = order[start:start + size]
            start += len(block)
            yield block, int(la[block].max()), int(lb[block].max())

    def _cells(self, lists: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
        """A row per list, a column for each of its first `width` terms: where the term is in the
        flat arrays (codes, _numbered, _surfaces), and whether there is one (none past a list's
        end, nor in a list longer than the bulk width: those are aligned one pair at a time).

        The rows are gathered for the pairs at hand only: a matrix for every list, padded to
        the longest, held four times the terms (15 a sentence on average, 64 columns)."""
        lengths = self.lengths[lists]
        columns = np.arange(width)
        inside = columns < np.where(lengths > self._width, 0, lengths)[:, None]
        return np.where(inside, self._starts[lists][:, None] + columns, 0), inside

    def _matches(self, at_a: np.ndarray, inside_a: np.ndarray, at_b: np.ndarray, inside_b: np.ndarray) -> np.ndarray:
        """(pairs, width_a, width_b) booleans: term x of a and term y of b are aligned (equal
        codes: the same term and copy number; the ends never match). at_*, inside_*: `_cells`."""
        a = np.where(inside_a, self._numbered[at_a], -1)
        b = np.where(inside_b, self._numbered[at_b], -2)
        return a[:, :, None] == b[:, None, :]

    def _equal_term_weights(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Each pair's weight of equal terms aligned (each side gets the same: equal terms
        weigh the same), summed in a's order as `_align_prepared` sums it."""
        got = np.zeros(len(first), dtype=np.float64)
        for block, width_a, width_b in self._blocks(first, second):
            at_a, inside_a = self._cells(first[block], width_a)
            matched = self._matches(at_a, inside_a, *self._cells(second[block], width_b)).any(axis=2)
            aligned = np.where(inside_a, self._term_weight[self.codes[at_a]], 0.0) * matched
            total = np.zeros(len(block), dtype=np.float64)
            for column in range(width_a):  # term after term: the order of Python's sum
                total += aligned[:, column]
            got[block] = total
        return got

    def _equal_term_differences(self, first: np.ndarray, second: np.ndarray) -> list[tuple[str, str, str]]:
        """`differing_words` of each pair aligned by equal terms alone."""
        out: list = [None] * len(first)
        for block, width_a, width_b in self._blocks(first, second):
            at_a, inside_a = self._cells(first[block], width_a)
            at_b, inside_b = self._cells(second[block], width_b)
            same = self._matches(at_a, inside_a, at_b, inside_b)
            paired = same.any(axis=2)
            partner = np.where(paired, same.argmax(axis=2), -1)  # b's index of each term of a
            surface_a = np.where(inside_a, self._surfaces[at_a], -1)
            surface_b = np.take_along_axis(np.where(inside_b, self._surfaces[at_b], -1), np.maximum(partner, 0), axis=1)
            # every term aligned, each with the same spelling: nothing differs
            alike = ((paired & (surface_a == surface_b)) | ~inside_a).all(axis=1)
            alike &= (same.any(axis=1) | ~inside_b).all(axis=1)
            for k in block[alike].tolist():
                out[k] = ("", "", "")
            rest, partner, same, surface_a, surface_b, inside_a, inside_b = (
                block[~alike], partner[~alike], same[~alike], surface_a[~alike], surface_b[~alike], inside_a[~alike],
                inside_b[~alike])
            start_a, start_b = self._starts[first[rest]], self._starts[second[rest]]
            # the words of each pair, in text order (np.nonzero goes row by row, column by column)
            rows, columns = np.nonzero((partner < 0) & inside_a)
            only_a = self._words(start_a[rows] + columns), rows
            rows, columns = np.nonzero(~same.any(axis=1) & inside_b)
            only_b = self._words(start_b[rows] + columns), rows
            rows, columns = np.nonzero((partner >= 0) & (surface_a != surface_b))
            swapped = ([f"{x}~{y}" for x, y in zip(self._words(start_a[rows] + columns),
                                                      self._words(start_b[rows] + partner[rows, columns]))], rows)
            joined = [_joined_by_row(found, at, len(rest)) for found, at in (only_a, only_b, swapped)]
            for k, differences in zip(rest.tolist(), zip(*joined)):
                out[k] = differences
        return out

    def _words(self, at: np.ndarray) -> list[str]:
        """The spelling of the terms at these places of the flat arrays."""
        return self._spellings[self._surfaces[at]].tolist()


def token_idf_weights(token_lists: Sequence[Sequence[tuple[str, str]]]) -> dict[str, float]:
    """`textsim.idf_weights` of the terms of token lists (`tokens`; one list = one document),
    the same floats, counted with numpy: the quote variants weigh terms over every sentence of
    the corpus, where a Counter of each sentence's set of terms was most of the cost."""
    return DocumentFrequencies().add(token_lists).idf_weights()


class DocumentFrequencies:
    """`token_idf_weights` folded over token lists handed over a batch at a time (one list =
    one document, batches in order): the same floats, keyed in the same order (first
    appearance), as over every list at once, holding only the vocabulary and its counts
    between batches, so a corpus's sentences need not all be tokenized, or held, at once."""

    def __init__(self):
        self._code: dict[str, int] = {}  # term -> its place in _documents, by first appearance
        self._documents = np.zeros(0, dtype=np.int64)  # lists holding each term
        self.n_lists = 0

    def add(self, token_lists: Sequence[Sequence[tuple[str, str]]]) -> "DocumentFrequencies":
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
        codes, vocabulary = _factorized(token_lists, _list_chunks(lengths, _TERMS_AT_ONCE), 0)
        for term in vocabulary:  # (the batch's new terms, in the order they first appear)
            self._code.setdefault(term, len(self._code))
        documents = np.zeros(len(self._code), dtype=np.int64)
        documents[:len(self._documents)] = self._documents
        at = np.fromiter((self._code[term] for term in vocabulary), dtype=np.int64, count=len(vocabulary))
        documents[at] += _document_counts(codes, lengths, len(vocabulary))  # (distinct places)
        self._documents = documents
        self.n_lists += len(lengths)
        return self

    def idf_weights(self) -> dict[str, float]:
        """term -> `idf` over every list added so far."""
        return {term: idf(self.n_lists, count) for term, count in zip(self._code, self._documents.tolist())}


def _idf_of_codes(codes: np.ndarray, lengths: np.ndarray, vocabulary: Sequence[str]) -> dict[str, float]:
    """term -> `idf` over the lists (one list = one document), given each term's code, list
    after list, and the number of terms of each list."""
    documents = _document_counts(codes, lengths, len(vocabulary))
    return {term: idf(len(lengths), count) for term, count in zip(vocabulary, documents.tolist())}


def _document_counts(codes: np.ndarray, lengths: np.ndarray, n_terms: int) -> np.ndarray:
    """How many of the lists hold each term (by code), given each term's code, list after
    list, and the number of terms of each list."""
    size = max(n_terms, 1)
    documents = np.zeros(n_terms, dtype=np.int64)
    for owner, at in _chunk_terms(lengths, _list_chunks(lengths, _TERMS_AT_ONCE)):
        documents += np.bincount(_distinct(owner * size + codes[at]) % size, minlength=n_terms)
    return documents


def _list_chunks(lengths: np.ndarray, terms_at_once: int) -> list[tuple[int, int]]:
    """(start, stop) ranges of consecutive lists, in order, covering every list, each of about
    terms_at_once terms (at least one list)."""
    if not len(lengths):
        return []
    ends = np.cumsum(lengths)
    cuts = np.searchsorted(ends, np.arange(terms_at_once, int(ends[-1]), terms_at_once), side="left") + 1
    bounds = np.unique(np.r_[0, cuts, len(lengths)])
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist()))


def _chunk_terms(lengths: np.ndarray, chunks: list[tuple[int, int]]):
    """For each chunk of lists (`_list_chunks`): the list of each of its terms, and the slice of
    its terms in the flat arrays (list after list)."""
    ends = np.cumsum(lengths)
    for start, stop in chunks:
        yield (np.repeat(np.arange(start, stop), lengths[start:stop]),
               slice(int(ends[start] - lengths[start]), int(ends[stop - 1])))


def _factorized(token_lists: Sequence[Sequence[tuple[str, str]]], chunks: list[tuple[int, int]], part: int
                ) -> tuple[np.ndarray, list[str]]:
    """pd.factorize of part `part` (0: the term, 1: the spelling) of every token, list after
    list: the codes (int32) and the distinct values in order of first appearance. A chunk of
    lists at a time (`_list_chunks`), so that no list or object array holds every token."""
    vocabulary = _Vocabulary()
    _code_chunks(token_lists, chunks, part, vocabulary)
    return vocabulary.coded()


def _factorized_pieces(pieces: Iterable[Sequence[Sequence[tuple[str, str]]]], parts: tuple[int, ...]
                       ) -> tuple[np.ndarray, ...]:
    """The number of tokens of every list, then `_factorized` of each part in `parts`, of the
    token lists of every piece, piece after piece (`_factorized` of them all together: its
    chunks are only ever cut at list boundaries); a piece is let go once coded."""
    lengths: list[np.ndarray] = []
    vocabularies = [_Vocabulary() for _ in parts]
    for piece in pieces:
        piece_lengths = np.fromiter(map(len, piece), dtype=np.int64, count=len(piece))
        chunks = _list_chunks(piece_lengths, _TERMS_AT_ONCE)
        lengths.append(piece_lengths)
        for vocabulary, part in zip(vocabularies, parts):
            _code_chunks(piece, chunks, part, vocabulary)
    return (np.concatenate(lengths) if lengths else np.empty(0, np.int64),
            *[vocabulary.coded() for vocabulary in vocabularies])


def _code_chunks(token_lists: Sequence[Sequence[tuple[str, str]]], chunks: list[tuple[int, int]], part: int,
                 vocabulary: "_Vocabulary") -> None:
    """Code part `part` of the tokens of each chunk of lists, in order, into `vocabulary`."""
    import pandas as pd

    for start, stop in chunks:
        values = [token[part] for found in token_lists[start:stop] for token in found]
        if values:
            vocabulary.add(*pd.factorize(pd.Series(values, dtype=object)))


class _Vocabulary:
    """The distinct values of chunk after chunk, in order of first appearance, and each
    chunk's codes into them.

    Each chunk's new values join as it is added, so that what stays of a chunk is its codes
    and one object per value never seen before, not its distinct values until the end (a copy
    of each common word per piece of 500 articles)."""

    def __init__(self):
        self._code_of: dict = {}
        self._codes: list[np.ndarray] = []

    def add(self, found: np.ndarray, uniques) -> None:
        """A chunk's pd.factorize: its codes and its distinct values in order."""
        code_of = self._code_of
        overall = np.fromiter((code_of.setdefault(value, len(code_of)) for value in uniques), dtype=np.int64,
                              count=len(uniques))
        codes = overall[found]
        self._codes.append(codes.astype(np.int32) if len(code_of) < 2**31 else codes)

    def coded(self) -> tuple[np.ndarray, list]:
        """The codes of every value added, in order (int32 while fewer than 2**31 values are
        distinct), and the distinct values."""
        if not self._codes:
            return np.empty(0, dtype=np.int32), []
        return np.concatenate(self._codes), list(self._code_of)


def _copy_numbers(owner: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """The copy number of each term within its list (0 for its first copy, 1 for the next...);
    owner: the list of each term, increasing."""
    order = np.lexsort((codes, owner))
    runs = np.flatnonzero(np.r_[True, (owner[order][1:] != owner[order][:-1]) | (codes[order][1:] != codes[order][:-1])])
    copy = np.empty(len(codes), dtype=np.int64)
    copy[order] = np.arange(len(codes)) - np.repeat(runs, np.diff(np.r_[runs, len(codes)]))
    return copy


def _sums_in_order(term_weight: np.ndarray, codes: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each list's sum of its terms' weights, added term after term from the first, as Python
    3.11's sum() adds floats (no compensation): column after column, over the lists that reach
    the column (longest first, so a prefix). No flat array of every term's weight is made."""
    order = np.argsort(-lengths, kind="stable")
    longest_first, starts_in_order = lengths[order], starts[order]
    sums = np.zeros(len(lengths), dtype=np.float64)
    for column in range(int(longest_first[0]) if len(lengths) else 0):
        reaching = int(np.searchsorted(-longest_first, -column, side="left"))  # lists with more than `column` terms
        sums[:reaching] += term_weight[codes[starts_in_order[:reaching] + column]]
    totals = np.empty_like(sums)
    totals[order] = sums
    return totals


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


def _distinct_terms(terms: np.ndarray, per_list: np.ndarray, n_terms: int):
    """Sparse 0/1 matrix, a row per list, a column per term it has; terms: the distinct terms
    of each list, increasing, list after list; per_list: how many each list has."""
    from scipy import sparse

    indptr = np.r_[0, np.cumsum(per_list)]
    return sparse.csr_matrix((np.ones(len(terms), dtype=np.float32), terms, indptr), shape=(len(per_list), n_terms))


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
    length = np.fromiter(map(len, vocabulary), dtype=np.int32, count=len(vocabulary))
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
        meet = fuzzable[top:bottom].T.tocsr() @ (paired @ fuzzable)
        # the terms of each entry as the product's int32 indices, without its values or a COO
        # copy: the entries run to millions (most of this function's memory)
        v = meet.indices
        u = np.repeat(np.arange(meet.shape[0], dtype=v.dtype), np.diff(meet.indptr))
        del meet, paired
        keep = reachable[length[u], length[v]] & (u != v)
        u, v = u[keep], v[keep]
        keep = _may_reach(np.bitwise_count(present[u] ^ present[v]).astype(np.int32), length[u] + length[v])
        u, v = u[keep], v[keep]
        keep = _may_reach(np.abs(letters[u] - letters[v]).sum(axis=1, dtype=np.int64), length[u] + length[v])
        lows.append(np.minimum(u[keep], v[keep]))
        highs.append(np.maximum(u[keep], v[keep]))
    u, v = np.concatenate(lows).astype(np.int64), np.concatenate(highs)
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
