# analysis/quote_variants.py as it was on main at 00881f1, kept verbatim (only the imports made absolute)
# as the oracle of pair_quote_variants' pruned candidates (tests/test_quote_variants_equivalence.py).
"""Quote variants: one remark by one speaker as rendered by different outlets (translations,
paraphrases, trimmed or spun versions), paired with their similarity and the words that differ.

Works on any quotes-like frame with article_id, speaker and quote (sentence_id when present),
such as analysis.quotes' quotes.csv. Only quotes of the same speaker in different articles are
compared, and only when they share at least one content term (an inverted index over terms),
so the cost follows the number of plausible pairs, not the square of the quotes.

Within each pair of articles and speaker, pairing is one to one (best similarity first): a
remark is rarely quoted twice in one article, and this stops one long quote from claiming
every fragment of the other article.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.pair_scoring import TokenIndex
from analysis.textsim import Paraphrases, idf_weights, load_paraphrases, sentence_tokens, text_weights

VARIANT_COLUMNS = [
    "speaker", "article_a", "quote_a", "article_b", "quote_b", "similarity",
    "sentence_id_a", "sentence_id_b", "outlet_a", "outlet_b",
    "coverage_a", "coverage_b", "words_only_a", "words_only_b", "swapped_words",
]
# Same remark from this weighted Dice of the term alignment on. Renderings of one remark by
# different outlets (translation, spinner) score well above it once paraphrase groups are
# folded; different remarks of one speaker on one topic share names and places (rare in a
# speaker's own quotes, frequent in the corpus, hence weighed down by IDF) and stay below.
MIN_SIMILARITY = 0.5
MIN_TERMS = 2  # one-word fragments ("priority") match anything that contains the word
# A term in more than this share of one speaker's quotes is too common to propose candidates
# (it still counts in the similarity); applied only to speakers with many quotes.
MAX_TERM_SHARE = 0.2
MIN_QUOTES_FOR_PRUNING = 50


def pair_quote_variants(quotes: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                        weights: dict[str, float] | None = None, paraphrases: Paraphrases | None = None,
                        codebook_dir=None, min_similarity: float = MIN_SIMILARITY,
                        min_terms: int = MIN_TERMS) -> pd.DataFrame:
    """Pairs of renderings of the same remark (columns VARIANT_COLUMNS, article_a < article_b).

    quotes needs speaker, article_id and quote; rows without a speaker are skipped (an
    unattributed quote cannot be tied to a remark). weights: term IDF (default: computed over
    the quotes themselves; pass weights over the corpus sentences to weigh down names that
    every article repeats). articles, when given, supplies outlet_a/outlet_b."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    frame = quotes.reset_index(drop=True)
    frame = frame[frame["speaker"].fillna("").astype(str).str.strip() != ""]
    index = frame.index.tolist()
    toks = dict(zip(index, sentence_tokens(frame["quote"].tolist(), paraphrases)))
    term_lists = {i: [t for t, _ in found] for i, found in toks.items()}
    if weights is None:
        weights = idf_weights(term_lists.values())
    unseen_weight = max(weights.values(), default=1.0)  # align's default, found once
    outlet = articles.set_index("article_id")["outlet"] if articles is not None else pd.Series(dtype=str)
    has_sentence = "sentence_id" in frame.columns
    article_id = dict(zip(index, frame["article_id"].tolist()))
    quote = dict(zip(index, frame["quote"].tolist()))
    sentence_id = dict(zip(index, frame["sentence_id"].tolist())) if has_sentence else {}

    speakers, pairs = [], []
    for speaker, group in frame.groupby("speaker", sort=True):
        usable = [i for i in group.index if len(set(term_lists[i])) >= min_terms]
        for pair in _candidates(usable, term_lists, article_id):
            speakers.append(speaker)
            pairs.append(pair)
    # every quote's tokens indexed once; each kept pair aligned again with its articles in order
    position = {i: k for k, i in enumerate(index)}
    aligned = TokenIndex([toks[i] for i in index], weights, unseen_weight)
    first = np.fromiter((position[i] for i, _ in pairs), dtype=np.int64, count=len(pairs))
    second = np.fromiter((position[j] for _, j in pairs), dtype=np.int64, count=len(pairs))
    kept = aligned.score(first, second, min_similarity=min_similarity)
    scored = []  # (speaker, i, j, similarity, where its output row's numbers are)
    flips = []
    for row, (k, similarity) in enumerate(zip(kept.index.tolist(), kept.similarity)):
        i, j = pairs[k]
        if article_id[i] > article_id[j]:
            flips.append((j, i))
            scored.append((speakers[k], i, j, similarity, ("flipped", len(flips) - 1)))
        else:
            scored.append((speakers[k], i, j, similarity, ("kept", row)))
    flipped = aligned.score(np.fromiter((position[i] for i, _ in flips), dtype=np.int64, count=len(flips)),
                            np.fromiter((position[j] for _, j in flips), dtype=np.int64, count=len(flips)))
    found = {"kept": kept, "flipped": flipped}

    # one to one within (speaker, article pair), best first
    taken: dict[tuple, set] = defaultdict(set)
    rows = []
    for speaker, i, j, _, (which, at) in sorted(scored, key=lambda s: (-s[3], s[0], s[1], s[2])):
        if article_id[i] > article_id[j]:
            i, j = j, i
        a, b = article_id[i], article_id[j]
        key = (speaker, a, b)
        if ("a", i) in taken[key] or ("b", j) in taken[key]:
            continue
        taken[key].update({("a", i), ("b", j)})
        scores = found[which]
        rows.append({
            "speaker": speaker, "article_a": a, "quote_a": quote[i],
            "article_b": b, "quote_b": quote[j], "similarity": round(scores.similarity[at], 4),
            "sentence_id_a": sentence_id[i] if has_sentence else pd.NA,
            "sentence_id_b": sentence_id[j] if has_sentence else pd.NA,
            "outlet_a": outlet.get(a, ""), "outlet_b": outlet.get(b, ""),
            "coverage_a": round(scores.coverage_a[at], 4), "coverage_b": round(scores.coverage_b[at], 4),
            "words_only_a": scores.words_only_a[at], "words_only_b": scores.words_only_b[at],
            "swapped_words": scores.swapped_words[at],
        })
    out = pd.DataFrame(rows, columns=VARIANT_COLUMNS)
    return out.sort_values(["speaker", "article_a", "article_b", "sentence_id_a", "sentence_id_b"],
                           ignore_index=True, na_position="last")


def quote_variants_of(corpus, quotes: pd.DataFrame, codebook_dir=None, *,
                      tokens: Sequence[Sequence[tuple[str, str]]] | None = None) -> pd.DataFrame:
    """Quote variants of a corpus's `quotes` (quotes.csv), weighed by term IDF over the
    corpus's sentences. Empty (with VARIANT_COLUMNS) when there are no quotes.
    tokens: the `analysis.textsim.tokens` of corpus.sentences in row order, when already at
    hand (the export builds them per article: see `tokens_by_sentence`)."""
    if quotes.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    paraphrases = load_paraphrases(codebook_dir)
    term_lists = None if tokens is None else [[t for t, _ in found] for found in tokens]
    weights = text_weights(corpus.sentences["text"].tolist(), paraphrases, term_lists=term_lists)
    return pair_quote_variants(quotes, articles=corpus.articles, paraphrases=paraphrases, weights=weights)


def _candidates(indices: list, term_lists: dict, article_ids: dict) -> list[tuple]:
    """Pairs (i < j) of one speaker's quotes from different articles sharing a content term."""
    postings: dict[str, list] = defaultdict(list)
    for i in indices:
        for term in set(term_lists[i]):
            postings[term].append(i)
    cap = max(2, int(MAX_TERM_SHARE * len(indices))) if len(indices) >= MIN_QUOTES_FOR_PRUNING else len(indices)
    pairs = set()
    for posting in postings.values():
        if len(posting) > cap:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1:]:
                if article_ids[i] != article_ids[j]:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)
