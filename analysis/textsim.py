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
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

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
_SUFFIXES = ("ings", "ing", "edly", "ed", "ies", "sses", "shes", "ches", "xes", "ly", "s")


def normalize(text: str) -> str:
    """Lower case, compatibility-folded, curly apostrophes made straight, accents removed
    (Volodímir -> volodimir), "n't" split off as " not"."""
    folded = str(text).translate(_APOSTROPHES)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.lower()
    folded = re.sub(r"\b(can|won|don|isn|aren|wasn|weren|doesn|didn|hasn|haven|hadn|couldn|wouldn|shouldn|mustn)'t\b",
                    lambda m: {"can": "can", "won": "will"}.get(m.group(1), m.group(1)[:-1]) + " not", folded)
    return folded.replace("n't", " not")


def words(text: str) -> list[str]:
    """The words of `text` after `normalize`, possessive 's dropped, in order."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(normalize(text))]


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
    stems = [stem(w) for w in surface]
    table = paraphrases.variants if paraphrases else {}
    longest = paraphrases.longest if paraphrases else 0
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            term = table.get(tuple(stems[i:i + size]))
            if term is not None:
                out.append((term, " ".join(surface[i:i + size])))
                i += size
                break
        else:
            word = surface[i]
            if word in NEGATIONS:
                out.append(("not", word))
            elif word not in STOPWORDS:
                out.append((stems[i], word))
            i += 1
    return out


def terms(text: str, paraphrases: Paraphrases | None = None) -> list[str]:
    return [term for term, _ in tokens(text, paraphrases)]


def idf_weights(term_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over the given texts (one list each)."""
    df: Counter[str] = Counter()
    n = 0
    for found in term_lists:
        df.update(set(found))
        n += 1
    return {term: math.log((n + 1) / (count + 1)) + 1.0 for term, count in df.items()}


def sentence_weights(sentences, paraphrases: Paraphrases | None = None) -> dict[str, float]:
    """Term IDF over the body sentences of a corpus (one sentence = one document)."""
    return idf_weights(terms(text, paraphrases) for text in sentences["text"])


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
    unseen term is the rarest)."""
    weights = weights or {}
    if default_weight is None:
        default_weight = max(weights.values(), default=1.0)
    wa = [weights.get(t, default_weight) for t in terms_a]
    wb = [weights.get(t, default_weight) for t in terms_b]
    total = sum(wa) + sum(wb)
    if not terms_a or not terms_b or total == 0:
        return Alignment(0.0, 0.0, 0.0, (), tuple(range(len(terms_a))), tuple(range(len(terms_b))))
    scores = process.cdist(terms_a, terms_b, scorer=fuzz.ratio, score_cutoff=FUZZY_TERM_RATIO)
    candidates = []
    for i, a in enumerate(terms_a):
        for j, b in enumerate(terms_b):
            if a == b:
                candidates.append((100.0, i, j))
            elif scores[i, j] and min(len(a), len(b)) >= FUZZY_MIN_LENGTH and " " not in a + b:
                candidates.append((float(scores[i, j]), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
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
        coverage_a=got_a / sum(wa) if sum(wa) else 0.0,
        coverage_b=got_b / sum(wb) if sum(wb) else 0.0,
        pairs=tuple(pairs),
        only_a=tuple(i for i in range(len(terms_a)) if i not in used_a),
        only_b=tuple(j for j in range(len(terms_b)) if j not in used_b),
    )


def differing_words(tokens_a: Sequence[tuple[str, str]], tokens_b: Sequence[tuple[str, str]],
                    alignment: Alignment) -> tuple[str, str, str]:
    """(words only in a, words only in b, swapped words "a~b") from an alignment, each as
    '; '-separated surfaces in text order; swapped words are aligned but spelled differently."""
    only_a = "; ".join(tokens_a[i][1] for i in alignment.only_a)
    only_b = "; ".join(tokens_b[j][1] for j in alignment.only_b)
    swapped = "; ".join(f"{tokens_a[i][1]}~{tokens_b[j][1]}" for i, j, _ in alignment.pairs
                        if tokens_a[i][1] != tokens_b[j][1])
    return only_a, only_b, swapped
