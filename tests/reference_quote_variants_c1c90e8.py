# The quote_variants.csv builder as it was at c1c90e8, kept verbatim (only the imports made
# absolute) as the oracle of the builder that folds the term document frequencies over the
# sentence-token slices (tests/test_quote_variants_c1c90e8.py) and the baseline of
# benchmarks/bench_quote_variants.py: it looked every sentence's tokens up in the whole
# sentence_tokens table, in the order of the whole sentences frame, and counted the IDF over
# that list. pair_quote_variants did not change and is imported.
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from analysis.export import Context
from analysis.pair_scoring import _chunk_terms, _distinct, _factorized, _list_chunks, _TERMS_AT_ONCE
from analysis.quote_variants import VARIANT_COLUMNS, pair_quote_variants
from analysis.textsim import idf, load_paraphrases, sentence_tokens


# analysis/tables.py
def quote_variants_table(ctx: Context):
    from analysis.textsim import tokens_by_sentence

    quotes = ctx.table("quotes.csv")
    tokens = tokens_by_sentence(ctx.corpus.sentences, ctx.table("sentence_tokens")) if len(quotes) else None
    return quote_variants_of(ctx.corpus, quotes, ctx.codebook_dir, tokens=tokens)


# analysis/quote_variants.py
def quote_variants_of(corpus, quotes: pd.DataFrame, codebook_dir=None, *,
                      tokens: Sequence[Sequence[tuple[str, str]]] | None = None) -> pd.DataFrame:
    """Quote variants of a corpus's `quotes` (quotes.csv), weighed by term IDF over the
    corpus's sentences. Empty (with VARIANT_COLUMNS) when there are no quotes.
    tokens: the `analysis.textsim.tokens` of corpus.sentences in row order, when already at
    hand (the export builds them per article: see `tokens_by_sentence`)."""
    if quotes.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    paraphrases = load_paraphrases(codebook_dir)
    if tokens is None:
        tokens = sentence_tokens(corpus.sentences["text"].tolist(), paraphrases)
    return pair_quote_variants(quotes, articles=corpus.articles, paraphrases=paraphrases,
                               weights=token_idf_weights(tokens))


# analysis/pair_scoring.py
def token_idf_weights(token_lists: Sequence[Sequence[tuple[str, str]]]) -> dict[str, float]:
    """`textsim.idf_weights` of the terms of token lists (`tokens`; one list = one document),
    the same floats, counted with numpy: the quote variants weigh terms over every sentence of
    the corpus, where a Counter of each sentence's set of terms was most of the cost."""
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    codes, vocabulary = _factorized(token_lists, _list_chunks(lengths, _TERMS_AT_ONCE), 0)
    return _idf_of_codes(codes, lengths, vocabulary)


def _idf_of_codes(codes: np.ndarray, lengths: np.ndarray, vocabulary: Sequence[str]) -> dict[str, float]:
    """term -> `idf` over the lists (one list = one document), given each term's code, list
    after list, and the number of terms of each list."""
    size = max(len(vocabulary), 1)
    documents = np.zeros(len(vocabulary), dtype=np.int64)
    for owner, at in _chunk_terms(lengths, _list_chunks(lengths, _TERMS_AT_ONCE)):
        documents += np.bincount(_distinct(owner * size + codes[at]) % size, minlength=len(vocabulary))
    return {term: idf(len(lengths), count) for term, count in zip(vocabulary, documents.tolist())}
