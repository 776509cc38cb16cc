"""figures.csv as c1c90e8 built it, kept verbatim as the oracle (and the benchmark baseline) for
the split into a per-article table of figure mentions (built in the export's partitions) and
the corpus-level figures.csv that reads it in slices: build_figures extracted every figure of
the whole corpus.sentences in one pass. Only the functions that changed are copied
(extract_figures now ends in numbers.figure_frame); the helpers they call that did not change
are imported from analysis.numbers and analysis.claims. The one edit: build_figures' import
of extract_figures and load_lexicon from .numbers is dropped (extract_figures is this
module's; load_lexicon is imported below)."""
from __future__ import annotations

import pandas as pd

from analysis.claims import assign_claims, derive_figures, load_claims  # noqa: F401  (unchanged)
from analysis.numbers import (  # noqa: F401
    FIGURE_COLUMNS, Figure, Lexicon, _recent_wholes, _resolve_whole, _row, extract_sentence, load_lexicon,
)


def extract_figures(sentences: pd.DataFrame, lexicon: Lexicon | None = None, codebook_dir=None) -> pd.DataFrame:
    """figures.csv: one row per figure in the body sentences (article_id, sentence_id, text).

    Proportions whose whole is in an earlier sentence ("About 15 of them were shot down")
    are resolved within each article, in sentence order. claim_id is left empty here and
    filled by analysis.claims.assign_claims."""
    lexicon = lexicon or load_lexicon(codebook_dir)
    rows: list[dict] = []
    ordered = sentences.sort_values(["article_id", "sentence_id"], kind="stable")
    recent: list[tuple[int, dict]] = []  # (sentence_id, row) of counts usable as a whole
    current_article = None
    extracted: dict[str, list[Figure]] = {}  # figures depend on the sentence text alone: extract each text once
    for article_id, sentence_id, text in zip(ordered["article_id"].tolist(), ordered["sentence_id"].tolist(), ordered["text"].tolist()):
        if article_id != current_article:
            current_article, recent = article_id, []
        if text not in extracted:
            extracted[text] = extract_sentence(text, lexicon)
        figs = extracted[text]  # read, never modified, below
        if not figs:  # most sentences: only the window of recent wholes moves on, if any
            if recent:
                recent = _recent_wholes(recent, int(sentence_id))
            continue
        ids = [f"{article_id}:{int(sentence_id)}:{k + 1}" for k in range(len(figs))]
        sentence_rows = []
        for k, fig in enumerate(figs):
            row = _row(fig, article_id, int(sentence_id), ids[k], text)
            if fig.whole is not None:
                row["part_of"] = ids[fig.whole]
            if fig.conversion_of is not None:
                row["conversion_of"] = ids[fig.conversion_of]
            if fig.partitive in ("pronoun", "noun"):
                _resolve_whole(row, fig, recent + [(int(sentence_id), r) for r in sentence_rows])
            sentence_rows.append(row)
        rows.extend(sentence_rows)
        recent = _recent_wholes(recent, int(sentence_id), sentence_rows)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"sentence_id": "int64", "char_start": "int64", "char_end": "int64"})


def build_figures(corpus, codebook_dir=None) -> pd.DataFrame:
    """figures.csv for a corpus: extraction, derived figures, claim assignment."""
    figures = extract_figures(corpus.sentences, load_lexicon(codebook_dir))
    figures = derive_figures(figures, corpus.articles)
    return assign_claims(figures, load_claims(codebook_dir))[FIGURE_COLUMNS]
