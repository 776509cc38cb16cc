"""Similarity of two short texts (sentences, quotes) that survives light rewording.

A text becomes a list of *terms*: content words, lower-cased, lightly stemmed, with negations
folded into one term "not" and paraphrase variants from data/codebook/paraphrases.csv folded
into their group's term ("merger", "absorb", "take over" -> "absorb"). Two term lists are
aligned one to one (equal terms, or spelling variants whose rapidfuzz ratio is at least
FUZZY_TERM_RATIO, such as defence/defense); the similarity is the weighted Dice coefficient of
the alignment, with rarer terms (higher IDF) weighing more. Each side's *coverage* is the
share of its own weight that found a partner, so a fragment quoted inside a longer sentence
has high coverage on its own side and low on the other.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import cached_property, lru_cache
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from .codebook import Column, codebook_path, read_codebook

PARAPHRASES_FILE = "paraphrases.csv"
PARAPHRASE_COLUMNS = [
    Column("term"),
    Column("variants", kind="list"),
    Column("note", nonempty=False),
]
# Two different words count as the same term from this rapidfuzz ratio (0-100) on: catches
# British/American spelling and transliterations (defence/defense, Zelensky/Zelenski) but not
# different words of similar shape (form/from scores 75).
FUZZY_TERM_RATIO = 85.0
FUZZY_MIN_LENGTH = 5  # shorter words must match exactly: short words differ by one letter too easily

NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "cannot", "without"})
# Function words carry no evidence of shared wording. Negations are kept (as "not"), since
# "is" and "is not" make different statements.
STOPWORDS = frozenset("""
a about above after again against all also am an and any anyone anything are as at be because been
before being below between both but by can could did do does doing down during each even ever every
few for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just let may me might more most must my myself of off on once only or other our ours
ourselves out over own same shall she should so some such than that the their theirs them themselves
then there these they this those through to too under until up upon very was we were what when where
which while who whom whose why will with would you your yours yourself yourselves one ones kind
simply really already still yet s t d ll m re ve
""".split())

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# the same words in lower-case ASCII text (letters and digits are all its word characters
# but "_"), matched faster than through the Unicode categories
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_SUFFIXES = ("ings", "ing", "edly", "ed", "ies", "sses", "shes", "ches", "xes", "ly", "s")


class _CombiningMarks(dict):
    """str.translate table deleting combining characters (accents after NFKD) and keeping
    every other character; filled as characters are met, so the scan runs in C."""

    def __missing__(self, code: int):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_DROP_COMBINING = _CombiningMarks()
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=20_000)
def _fold_run(run: str) -> str:
    """A run of non-ASCII characters with apostrophes made straight, compatibility-decomposed
    and accents dropped."""
    return unicodedata.normalize("NFKD", run.translate(_APOSTROPHES)).translate(_DROP_COMBINING)


def _fold_match(match: re.Match) -> str:
    return _fold_run(match.group())


def normalize(text: str) -> str:
    """Lower case, compatibility-folded, curly apostrophes made straight, accents removed
    (Volodímir -> volodimir), "n't" split off as " not"."""
    folded = str(text)
    if not folded.isascii():
        # only the non-ASCII runs change (ASCII characters are NFKD starters that decompose
        # to themselves, so the runs fold apart), and the same few runs recur: fold each once
        folded = _NON_ASCII_RUN.sub(_fold_match, folded)
    if "`" in folded:
        folded = folded.replace("`", "'")
    folded = folded.lower()
    if "'t" not in folded:  # no contraction to split (the common case: skip the scan)
        return folded
    folded = re.sub(r"\b(can|won|don|isn|aren|wasn|weren|doesn|didn|hasn|haven|hadn|couldn|wouldn|shouldn|mustn)'t\b",
                    lambda m: {"can": "can", "won": "will"}.get(m.group(1), m.group(1)[:-1]) + " not", folded)
    return folded.replace("n't", " not")


def words(text: str) -> list[str]:
    """The words of `text` after `normalize`, possessive 's dropped, in order."""
    folded = normalize(text)
    found = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
    if "'s" not in folded:
        return found
    return [w[:-2] if w.endswith("'s") else w for w in found]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Strip one common inflectional suffix from words of five letters or more, so
    interested/interest and absorbing/absorb meet; spelling variants the stripping misses
    are caught by the fuzzy term match."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix) and not word.endswith(("ss", "us", "is")):
            keep = {"ies": "y", "sses": "ss", "shes": "sh", "ches": "ch", "xes": "x"}.get(suffix, "")
            return word[: -len(suffix)] + keep
    return word


@dataclass(frozen=True)
class Paraphrases:
    """Variant word sequences (tuples of stemmed words) mapped to their group's term."""

    variants: Mapping[tuple[str, ...], str]
    longest: int

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first stem of every variant: only there can a variant start."""
        return frozenset(key[0] for key in self.variants)

    @cached_property
    def sizes_by_first_word(self) -> dict[str, tuple[int, ...]]:
        """first stem -> the lengths of the variants starting with it, longest first."""
        sizes: dict[str, set[int]] = {}
        for key in self.variants:
            sizes.setdefault(key[0], set()).add(len(key))
        return {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}

    @cached_property
    def word_tokens(self) -> "_WordTokens":
        """word -> its token outside longer variants (see `_WordTokens`), filled as words are met."""
        return _WordTokens(self)

    @classmethod
    def empty(cls) -> "Paraphrases":
        return cls({}, 0)

    @classmethod
    def from_frame(cls, frame) -> "Paraphrases":
        variants: dict[tuple[str, ...], str] = {}
        for term, group in zip(frame["term"], frame["variants"]):
            canonical = " ".join(stem(w) for w in words(term))
            for variant in (term, *group):
                key = tuple(stem(w) for w in words(variant))
                if key:
                    variants.setdefault(key, canonical)
        return cls(variants, max((len(k) for k in variants), default=0))


def load_paraphrases(codebook_dir=None) -> Paraphrases:
    """The paraphrase groups of data/codebook/paraphrases.csv (term, variants, note)."""
    frame = read_codebook(codebook_path(PARAPHRASES_FILE, codebook_dir), PARAPHRASE_COLUMNS, unique="term")
    return Paraphrases.from_frame(frame)


def tokens(text: str, paraphrases: Paraphrases | None = None) -> list[tuple[str, str]]:
    """(term, surface) for every content word of `text` in order; a multi-word paraphrase
    variant becomes one token whose surface is the whole phrase."""
    surface = words(text)
    if paraphrases is None:
        return [token for _, token in map(_word_token, surface) if token is not None]
    table = paraphrases.word_tokens
    found = list(filter(None, map(table.__getitem__, surface)))  # (tokens are non-empty tuples)
    if table.phrase_starts.isdisjoint(surface):  # most sentences: no variant of several words can start
        return found
    return _phrase_tokens(surface, paraphrases)


class _WordTokens(dict):
    """word -> its token when no variant of several words covers it: the one-word paraphrase
    variants folded into their group's term, negations into "not", function words None.
    Words whose stem may start a variant of several words are collected in phrase_starts:
    a sentence with one of them is tokenized the long way (`_phrase_tokens`)."""

    def __init__(self, paraphrases: Paraphrases):
        super().__init__()
        self.paraphrases = paraphrases
        self.phrase_starts: set[str] = set()

    def __missing__(self, word: str):
        stemmed, token = _word_token(word)
        sizes = self.paraphrases.sizes_by_first_word.get(stemmed, ())
        if any(size > 1 for size in sizes):
            self.phrase_starts.add(word)
        if 1 in sizes:  # the word alone is a variant (and no longer one starts here, or it is in phrase_starts)
            token = (self.paraphrases.variants[(stemmed,)], word)
        self[word] = token
        return token


def _phrase_tokens(surface: list[str], paraphrases: Paraphrases) -> list[tuple[str, str]]:
    """`tokens` of the words `surface`, trying the paraphrase variants at every word where one
    can start, longest first."""
    found = list(map(_word_token, surface))  # (stem, token or None) per word
    first_words = paraphrases.first_words
    starts = [i for i, (s, _) in enumerate(found) if s in first_words]
    if not starts:
        return [token for _, token in found if token is not None]
    stems = [s for s, _ in found]
    out: list[tuple[str, str]] = []
    done = 0  # words before this one are tokenized
    for i in starts:
        size = _variant_size(stems, i, paraphrases) if i >= done else 0
        if size:
            out += [token for _, token in found[done:i] if token is not None]
            out.append((paraphrases.variants[tuple(stems[i:i + size])], " ".join(surface[i:i + size])))
            done = i + size
    out += [token for _, token in found[done:] if token is not None]
    return out


@lru_cache(maxsize=200_000)
def _word_token(word: str) -> tuple[str, tuple[str, str] | None]:
    """(stem, token) of one word outside paraphrase variants: negations become "not",
    function words have no token (None)."""
    stemmed = stem(word)
    if word in NEGATIONS:
        return stemmed, ("not", word)
    return stemmed, (None if word in STOPWORDS else (stemmed, word))


def _variant_size(stems: list[str], i: int, paraphrases: Paraphrases) -> int:
    """Length of the longest paraphrase variant starting at stems[i] (0: none)."""
    room = min(paraphrases.longest, len(stems) - i)
    for size in paraphrases.sizes_by_first_word.get(stems[i], ()):
        if size <= room and tuple(stems[i:i + size]) in paraphrases.variants:
            return size
    return 0


def sentence_tokens(texts: Iterable[str], paraphrases: Paraphrases | None = None) -> list[list[tuple[str, str]]]:
    """`tokens` of each text; a text repeated in the corpus (wire copy) is tokenized once and
    its copies share the (read-only) list."""
    done: dict[str, list[tuple[str, str]]] = {}
    out = []
    for text in texts:
        found = done.get(text)
        if found is None:
            found = done[text] = tokens(text, paraphrases)
        out.append(found)
    return out


TOKEN_TABLE_COLUMNS = ["article_id", "sentence_id", "tokens"]


def sentence_token_table(sentences, paraphrases: Paraphrases | None = None):
    """`tokens` of each sentence as a frame (columns TOKEN_TABLE_COLUMNS; tokens a tuple of
    (term, surface) tuples): each row depends on its sentence alone, so the export builds it
    per article, in parallel and cached, for the corpus-level analyses that compare terms
    (reuse, quote variants' weights)."""
    import pandas as pd

    found = sentence_tokens(sentences["text"].tolist(), paraphrases)
    return pd.DataFrame({"article_id": sentences["article_id"].to_numpy(), "sentence_id": sentences["sentence_id"].to_numpy(),
                         "tokens": [tuple(tokens_of_text) for tokens_of_text in found]}, columns=TOKEN_TABLE_COLUMNS)


def tokens_by_sentence(sentences, token_table) -> list[Sequence[tuple[str, str]]]:
    """The tokens of each row of `sentences`, in its order, looked up by (article_id,
    sentence_id) in a `sentence_token_table` of the same sentences (whatever its row order)."""
    by_key = dict(zip(zip(token_table["article_id"].tolist(), token_table["sentence_id"].tolist()),
                      token_table["tokens"].tolist()))
    keys = zip(sentences["article_id"].tolist(), sentences["sentence_id"].tolist())
    try:
        return [by_key[key] for key in keys]
    except KeyError as missing:
        raise ValueError(f"the token table has no row for sentence {missing.args[0]}") from None


def terms(text: str, paraphrases: Paraphrases | None = None) -> list[str]:
    return [term for term, _ in tokens(text, paraphrases)]


def idf_weights(term_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over the given texts (one list each)."""
    df: Counter[str] = Counter()
    n = 0
    for found in term_lists:
        df.update(set(found))
        n += 1
    return {term: idf(n, count) for term, count in df.items()}


def idf(n_documents: int, document_count: int) -> float:
    """Smoothed inverse document frequency of a term found in document_count of n_documents."""
    return math.log((n_documents + 1) / (document_count + 1)) + 1.0


def sentence_weights(sentences, paraphrases: Paraphrases | None = None) -> dict[str, float]:
    """Term IDF over the body sentences of a corpus (one sentence = one document)."""
    return text_weights(sentences["text"].tolist(), paraphrases)


def text_weights(texts: Sequence[str], paraphrases: Paraphrases | None = None, *,
                 term_lists: Sequence[Sequence[str]] | None = None) -> dict[str, float]:
    """`idf_weights` of the terms of `texts` (given as term_lists when the caller has them:
    the export builds every sentence's terms once, per article)."""
    if term_lists is None:
        term_lists = [[t for t, _ in found] for found in sentence_tokens(texts, paraphrases)]
    return idf_weights(term_lists)


@dataclass(frozen=True)
class Alignment:
    similarity: float  # weighted Dice of the aligned terms, 0..1
    coverage_a: float  # share of a's term weight aligned to b
    coverage_b: float
    pairs: tuple[tuple[int, int, float], ...]  # (index in a, index in b, term score 0..1)
    only_a: tuple[int, ...]  # indices of a's tokens without a partner
    only_b: tuple[int, ...]


def align(terms_a: Sequence[str], terms_b: Sequence[str], weights: Mapping[str, float] | None = None,
          default_weight: float | None = None) -> Alignment:
    """Align two term lists one to one, best matches first (greedy), and score the alignment.

    Terms missing from `weights` weigh `default_weight` (default: the largest weight, as an
    unseen term is the rarest; pass it when aligning many pairs: finding it is a pass over
    the weights). To align many pairs of one collection, `align_pairs` is much faster."""
    return next(align_pairs([terms_a, terms_b], [(0, 1)], weights, default_weight))


def align_pairs(term_lists: Sequence[Sequence[str]] | Mapping[Any, Sequence[str]], pairs: Sequence[tuple],
                weights: Mapping[str, float] | None = None, default_weight: float | None = None, *,
                min_similarity: float | None = None, min_coverage: float | None = None) -> Iterator[Alignment | None]:
    """`align(term_lists[i], term_lists[j], weights, default_weight)` for each (i, j) of `pairs`,
    in order. Each list's weights and term positions are worked out once, and the spelling
    variants (rapidfuzz) are scored in bulk: one call per list, against every term of its
    partners, instead of one per pair.

    With min_similarity and/or min_coverage, None instead of the alignment of a pair that
    reaches neither (similarity below min_similarity, both coverages below min_coverage):
    pairs without spelling variants (most: few pairs of terms are variants) align by equal
    terms alone, which is scored for all of them at once with sparse matrices."""
    weights = weights or {}
    if default_weight is None:
        default_weight = max(weights.values(), default=1.0)
    keys = {key for pair in pairs for key in pair}
    prepared = {key: _Prepared(term_lists[key], weights, default_weight) for key in keys}
    variants = _variant_scores(prepared, pairs)
    if min_similarity is None and min_coverage is None:
        keep = np.ones(len(pairs), dtype=bool)
    else:
        keep = _may_clear(prepared, pairs, variants, min_similarity, min_coverage)
    for (i, j), kept in zip(pairs, keep.tolist()):
        yield _align_prepared(prepared[i], prepared[j], variants) if kept else None


# The bulk scores of `_may_clear` add the same weights in another order than `_align_prepared`
# and may differ from them in the last bits: a pair is left out only when clearly short.
_SLACK = 1e-9
_CHUNK = 200_000  # pairs scored at once (bounds the memory of the sparse products)


def _may_clear(prepared: dict, pairs: Sequence[tuple], variants: dict, min_similarity: float | None,
               min_coverage: float | None) -> np.ndarray:
    """Whether each pair may reach min_similarity or min_coverage. A pair of lists without
    spelling variants of each other's terms aligns by equal terms only: each side then gets
    sum over terms of weight x min(count in a, count in b), computed for all pairs at once as
    sparse row minima. Pairs where a term of one list has a spelling variant in the other are
    kept (scored one by one)."""
    from scipy import sparse

    keys = list(prepared)
    row = {key: r for r, key in enumerate(keys)}
    column: dict[str, int] = {}
    weight: list[float] = []
    indptr, indices = [0], []
    for key in keys:
        found = prepared[key]
        for term, w in zip(found.terms, found.weights):
            if term not in column:
                column[term] = len(column)
                weight.append(w)
            indices.append(column[term])
        indptr.append(len(indices))
    counts = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(keys), len(column)))
    counts.sum_duplicates()
    w = np.asarray(weight, dtype=np.float64)
    totals = np.array([prepared[key].weight for key in keys], dtype=np.float64)
    links = [(column[t], column[u]) for t, others in variants.items() for u in others]
    variant_of = sparse.csr_matrix((np.ones(len(links)), ([x for x, _ in links], [y for _, y in links])),
                                   shape=(len(column), len(column)))
    first = np.array([row[i] for i, _ in pairs], dtype=np.int64)
    second = np.array([row[j] for _, j in pairs], dtype=np.int64)
    keep = np.empty(len(pairs), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for start in range(0, len(pairs), _CHUNK):
            a, b = first[start:start + _CHUNK], second[start:start + _CHUNK]
            shared = counts[a].minimum(counts[b]) @ w
            similarity = 2 * shared / (totals[a] + totals[b])
            coverage = np.maximum(shared / totals[a], shared / totals[b])
            # a term of a with a spelling variant in b
            has_variants = np.asarray((counts[a] @ variant_of).multiply(counts[b]).sum(axis=1)).ravel() > 0
            may = has_variants | np.isnan(similarity) | np.isnan(coverage)
            if min_similarity is not None:
                may |= similarity >= min_similarity - _SLACK
            if min_coverage is not None:
                may |= coverage >= min_coverage - _SLACK
            keep[start:start + _CHUNK] = may
    return keep


class _Prepared:
    """What aligning a term list needs, whatever it is paired with."""

    __slots__ = ("terms", "weights", "weight", "fuzzable", "_positions")

    def __init__(self, terms: Sequence[str], weights: Mapping[str, float], default_weight: float):
        self.terms = terms  # read only
        self.weights = [weights.get(t, default_weight) for t in terms]
        self.weight = sum(self.weights)
        self.fuzzable = list({t for t in terms if _fuzzable(t)})
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """term -> its indices, in order (made on first use: most lists are only screened)."""
        if self._positions is None:
            self._positions = {}
            for k, term in enumerate(self.terms):
                self._positions.setdefault(term, []).append(k)
        return self._positions


def _variant_scores(prepared: dict, pairs: Sequence[tuple]) -> dict[str, dict[str, float]]:
    """term -> {other term: rapidfuzz ratio} for the different one-word terms of at least
    FUZZY_MIN_LENGTH letters, of two lists paired in `pairs`, with a ratio of at least
    FUZZY_TERM_RATIO (the ratio is symmetric, so each list is scored against the terms of its
    partners once)."""
    partners: dict[Any, list] = {}
    for i, j in pairs:
        partners.setdefault(i, []).append(j)  # a partner listed twice adds no term: the union is a set
    found: dict[str, dict[str, float]] = {}
    for i, others in partners.items():
        mine = prepared[i].fuzzable
        if not mine:
            continue
        theirs = list(set().union(*[prepared[j].fuzzable for j in others]))  # any order: pairs are sorted later
        if not theirs:
            continue
        scores = process.cdist(mine, theirs, scorer=fuzz.ratio, score_cutoff=FUZZY_TERM_RATIO)
        for x, y in zip(*scores.nonzero()):
            a, b = mine[x], theirs[y]
            if a != b:
                score = float(scores[x, y])
                found.setdefault(a, {})[b] = score
                found.setdefault(b, {})[a] = score
    return found


def _align_prepared(a: _Prepared, b: _Prepared, variants: dict[str, dict[str, float]]) -> Alignment:
    terms_a, terms_b, wa, wb = a.terms, b.terms, a.weights, b.weights
    total = a.weight + b.weight
    if not terms_a or not terms_b or total == 0:
        return Alignment(0.0, 0.0, 0.0, (), tuple(range(len(terms_a))), tuple(range(len(terms_b))))
    if terms_a == terms_b:
        # a verbatim copy (most pairs of a wire story): the k-th copy of a term pairs with the
        # k-th, so term i with term i, and each side gets its whole weight summed in the same
        # order as its total: the general path below gives exactly this
        return _identical(len(terms_a))
    # Greedy one-to-one matching, best score first, ties by (index in a, index in b). Equal
    # terms score 100 and no two different terms do, so equal terms pair first: each term of
    # a, in order, with the first free equal term of b.
    pairs = []
    taken: dict[str, int] = {}
    positions = b.positions
    for i, term in enumerate(terms_a):
        same = positions.get(term)
        if same:
            k = taken.get(term, 0)
            if k < len(same):
                pairs.append((i, same[k], 1.0))
                taken[term] = k + 1
    used_a = {i for i, _, _ in pairs}
    used_b = {j for _, j, _ in pairs}
    # then spelling variants among the terms left (a term left in a has no equal term left in b)
    candidates = [(score, i, j) for i, term in enumerate(terms_a) if i not in used_a and term in variants
                  for other, score in variants[term].items() for j in positions.get(other, ()) if j not in used_b]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    for score, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score / 100.0))
    pairs.sort()
    got_a = sum(wa[i] * s for i, _, s in pairs)
    got_b = sum(wb[j] * s for _, j, s in pairs)
    return Alignment(
        similarity=(got_a + got_b) / total,
        coverage_a=got_a / a.weight if a.weight else 0.0,
        coverage_b=got_b / b.weight if b.weight else 0.0,
        pairs=tuple(pairs),
        only_a=tuple(i for i in range(len(terms_a)) if i not in used_a),
        only_b=tuple(j for j in range(len(terms_b)) if j not in used_b),
    )


@lru_cache(maxsize=1024)
def _identical(n: int) -> Alignment:
    """The alignment of a list of n terms with itself (shared: alignments are read-only)."""
    return Alignment(1.0, 1.0, 1.0, tuple((i, i, 1.0) for i in range(n)), (), ())


@lru_cache(maxsize=200_000)
def _fuzzable(term: str) -> bool:
    """Whether a term may pair with a different spelling (long enough, one word)."""
    return len(term) >= FUZZY_MIN_LENGTH and " " not in term


def differing_words(tokens_a: Sequence[tuple[str, str]], tokens_b: Sequence[tuple[str, str]],
                    alignment: Alignment) -> tuple[str, str, str]:
    """(words only in a, words only in b, swapped words "a~b") from an alignment, each as
    '; '-separated surfaces in text order; swapped words are aligned but spelled differently."""
    only_a = "; ".join(tokens_a[i][1] for i in alignment.only_a)
    only_b = "; ".join(tokens_b[j][1] for j in alignment.only_b)
    swapped = "; ".join(f"{tokens_a[i][1]}~{tokens_b[j][1]}" for i, j, _ in alignment.pairs
                        if tokens_a[i][1] != tokens_b[j][1])
    return only_a, only_b, swapped
