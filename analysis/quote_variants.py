"""Quote variants: one remark by one speaker as rendered by different outlets (translations,
paraphrases, trimmed or spun versions), paired with their similarity and the words that differ.

Works on any quotes-like frame with article_id, speaker and quote (sentence_id when present),
such as analysis.quotes' quotes.csv. Only quotes of the same speaker in different articles are
compared, and only when they share at least one content term (an inverted index over terms,
built with numpy); of those candidates, only the pairs `TokenIndex.may_reach` cannot prove short
of MIN_SIMILARITY (equal terms and the spelling variants left over bound the similarity) are
aligned, so the cost of the alignments follows the pairs kept, not every pair sharing a word.

Within each pair of articles and speaker, pairing is one to one (best similarity first): a
remark is rarely quoted twice in one article, and this stops one long quote from claiming
every fragment of the other article.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .pair_scoring import DocumentFrequencies, TokenIndex, _distinct, token_idf_weights
from .textsim import Paraphrases, load_paraphrases, sentence_tokens

VARIANT_COLUMNS = [
    "speaker", "article_a", "quote_a", "article_b", "quote_b", "similarity",
    "sentence_id_a", "sentence_id_b", "outlet_a", "outlet_b",
    "coverage_a", "coverage_b", "words_only_a", "words_only_b", "swapped_words",
]
QUOTE_COLUMNS = ["article_id", "sentence_id", "speaker", "quote"]  # read of a quotes table (sentence_id if any)
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
    frame = frame[_attributed(frame)]
    toks = sentence_tokens(frame["quote"].tolist(), paraphrases)  # one list per row of frame
    if weights is None:
        weights = token_idf_weights(toks)
    unseen_weight = max(weights.values(), default=1.0)  # align's default, found once
    outlet = dict(zip(articles["article_id"].tolist(), articles["outlet"].tolist())) if articles is not None else {}
    has_sentence = "sentence_id" in frame.columns
    article_id = frame["article_id"].tolist()
    quote = frame["quote"].tolist()
    sentence_id = frame["sentence_id"].tolist() if has_sentence else []
    speaker_code, speaker_names = pd.factorize(frame["speaker"], sort=True)
    speaker_names = list(speaker_names)

    # every quote's tokens indexed once; pairs are positions in frame (i < j, same speaker)
    aligned = TokenIndex(toks, weights, unseen_weight)
    first, second = _candidates(np.asarray(speaker_code, dtype=np.int64), pd.factorize(frame["article_id"])[0],
                                aligned, min_terms)
    links = aligned.variant_links(first, second)  # searched once, for the bound and both scorings
    possible = aligned.may_reach(first, second, min_similarity, links=links)  # the others cannot clear it: not scored
    first, second = first[possible], second[possible]
    speakers = [speaker_names[c] for c in speaker_code[first].tolist()]
    pairs = list(zip(first.tolist(), second.tolist()))
    # each kept pair aligned again with its articles in order
    kept = aligned.score(first, second, min_similarity=min_similarity, links=links)
    scored = []  # (speaker, i, j, similarity, where its output row's numbers are)
    flips = []
    for row, (k, similarity) in enumerate(zip(kept.index.tolist(), kept.similarity)):
        i, j = pairs[k]
        if article_id[i] > article_id[j]:
            flips.append((j, i))
            scored.append((speakers[k], i, j, similarity, ("flipped", len(flips) - 1)))
        else:
            scored.append((speakers[k], i, j, similarity, ("kept", row)))
    flipped = aligned.score(np.fromiter((i for i, _ in flips), dtype=np.int64, count=len(flips)),
                            np.fromiter((j for _, j in flips), dtype=np.int64, count=len(flips)), links=links)
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


def attributed_quotes(slices: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """What pair_quote_variants reads of a quotes table given in slices (the export reads
    quotes.csv back a slice of articles at a time): the rows with a speaker, in order, and
    only the columns it reads, so the unattributed majority of quotes is never held."""
    kept = [part.loc[_attributed(part), [c for c in QUOTE_COLUMNS if c in part.columns]] for part in slices if len(part)]
    return pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=QUOTE_COLUMNS)


def _attributed(quotes: pd.DataFrame) -> pd.Series:
    """Whether each quote has a speaker (a quote without one cannot be tied to a remark)."""
    return quotes["speaker"].fillna("").astype(str).str.strip() != ""


def quote_variants_of(corpus, quotes: pd.DataFrame, codebook_dir=None, *,
                      token_slices: Iterable[Sequence[Sequence[tuple[str, str]]]] | None = None) -> pd.DataFrame:
    """Quote variants of a corpus's `quotes` (quotes.csv), weighed by term IDF over the
    corpus's sentences (one sentence = one document). Empty (with VARIANT_COLUMNS) when there
    are no quotes. Of the sentences only their terms' document frequencies are kept, folded a
    slice at a time: token_slices gives the `analysis.textsim.tokens` of every sentence, in
    corpus order, in slices (a list per sentence), when already at hand (the export reads its
    per-article sentence_tokens table a slice at a time); by default each slice of the
    corpus's sentences (`Corpus.slices`) is tokenized in turn. Only consumed when there are
    quotes."""
    if quotes.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    paraphrases = load_paraphrases(codebook_dir)
    if token_slices is None:
        token_slices = (sentence_tokens(part["text"].tolist(), paraphrases) for part in corpus.slices("sentences"))
    frequencies = DocumentFrequencies()
    for token_lists in token_slices:
        frequencies.add(token_lists)
    return pair_quote_variants(quotes, articles=corpus.articles, paraphrases=paraphrases,
                               weights=frequencies.idf_weights())


def _candidates(speaker: np.ndarray, article: np.ndarray, aligned: TokenIndex, min_terms: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (first[k] < second[k], list positions in `aligned`) of one speaker's quotes from
    different articles sharing a content term, by speaker, then first, then second. Quotes
    with fewer than min_terms distinct terms take no part; a term in more than MAX_TERM_SHARE
    of a speaker's (taking part) quotes proposes no pairs once the speaker has
    MIN_QUOTES_FOR_PRUNING of them. speaker, article: codes per list (speaker codes sorted)."""
    n_lists, size = len(aligned.lengths), max(len(aligned.vocabulary), 1)
    owner = np.repeat(np.arange(n_lists), aligned.lengths)
    owner, term = np.divmod(_distinct(owner * size + aligned.codes), size)  # each list's distinct terms
    usable = np.bincount(owner, minlength=n_lists) >= min_terms
    owner, term = owner[usable[owner]], term[usable[owner]]
    quotes_of_speaker = np.bincount(speaker[usable], minlength=int(speaker.max(initial=-1)) + 1)
    # (MAX_TERM_SHARE * n truncated, as int() does)
    cap = np.where(quotes_of_speaker >= MIN_QUOTES_FOR_PRUNING,
                   np.maximum(2, (MAX_TERM_SHARE * quotes_of_speaker).astype(np.int64)), quotes_of_speaker)
    # postings: the lists of each (speaker, term), in list order
    order = np.lexsort((owner, term, speaker[owner]))
    owner, term = owner[order], term[order]
    group = speaker[owner] * size + term
    starts = np.flatnonzero(np.r_[len(group) > 0, group[1:] != group[:-1]])
    lengths = np.diff(np.r_[starts, len(group)])
    proposing = (lengths >= 2) & (lengths <= cap[speaker[owner[starts]]])
    starts, lengths = starts[proposing], lengths[proposing]
    # every later member of its posting for each member: entry e of a posting ending at `end`
    # pairs with e + 1 .. end - 1
    entry = np.repeat(starts, lengths) + _offsets(lengths)
    later = np.repeat(starts + lengths, lengths) - entry - 1
    left = np.repeat(entry, later)
    right = left + 1 + _offsets(later)
    first, second = owner[left], owner[right]
    different = article[first] != article[second]
    keys = _distinct(first[different] * n_lists + second[different])
    first, second = np.divmod(keys, max(n_lists, 1))
    order = np.lexsort((second, first, speaker[first]))
    return first[order], second[order]


def _offsets(lengths: np.ndarray) -> np.ndarray:
    """0, 1, .. length - 1 for each of lengths, end to end."""
    return np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
