"""Summaries of what the cleaner kept and removed, for the corpus notebook and the report."""
from __future__ import annotations

import pandas as pd

from .corpus import ROLES, Corpus

__all__ = ["ROLES", "overview", "metadata_sources", "words_by_role", "removed_blocks", "reasons", "joined_paragraphs"]

OVERVIEW_COLUMNS = ["article_id", "outlet", "published", "agency", "channel", "translated", "headline",
                    "word_count", "n_sentences", "n_removed_lines"]


def overview(corpus: Corpus) -> pd.DataFrame:
    """One row per article: who published it, when, through which channel, and its size."""
    return corpus.articles[OVERVIEW_COLUMNS].copy()


def metadata_sources(corpus: Corpus) -> pd.DataFrame:
    """Where each article's outlet, date and agency came from (manifest, text line, file name)."""
    cols = ["article_id", "outlet", "outlet_source", "published", "published_source", "agency", "agency_source"]
    return corpus.articles[cols].copy()


def words_by_role(corpus: Corpus) -> pd.DataFrame:
    """article_id x role: words and lines, all roles present (zeros where absent), with outlet."""
    blocks = corpus.blocks.assign(lines=corpus.blocks["line_end"] - corpus.blocks["line_start"] + 1)
    lines = corpus.lines.groupby(["article_id", "role"]).size().rename("lines")
    words = blocks.groupby(["article_id", "role"])["n_words"].sum().rename("words")
    index = pd.MultiIndex.from_product([corpus.articles["article_id"], ROLES], names=["article_id", "role"])
    table = pd.concat([words, lines], axis=1).reindex(index, fill_value=0).reset_index()
    table[["words", "lines"]] = table[["words", "lines"]].astype(int)
    return corpus.with_outlet(table)


def removed_blocks(corpus: Corpus, width: int = 90) -> pd.DataFrame:
    """Every block not kept as body: where it is, its role, why, and its text (shortened)."""
    removed = corpus.removed()[["article_id", "line_start", "line_end", "role", "reason", "text"]]
    text = removed["text"].str.replace(r"\s+", " ", regex=True)
    shortened = text.where(text.str.len() <= width, text.str.slice(0, width - 1) + "…")
    return corpus.with_outlet(removed.assign(text=shortened)).reset_index(drop=True)


def reasons(corpus: Corpus) -> pd.DataFrame:
    """How many lines each reason removed or re-labelled, per role, across the corpus."""
    lines = corpus.lines[corpus.lines["role"] != "body"].copy()
    lines["reason"] = lines["reason"].str.replace(r" \(.*", "", regex=True)  # group 'after the end (…, line N)'
    counts = lines.groupby(["role", "reason"]).agg(lines=("line", "size"), articles=("article_id", "nunique"))
    return counts.reset_index().sort_values(["role", "lines"], ascending=[True, False], ignore_index=True)


def joined_paragraphs(corpus: Corpus) -> pd.DataFrame:
    """Body blocks that the cleaner joined because a sentence ran across a paragraph break."""
    blocks = corpus.blocks
    joined = blocks[(blocks["role"] == "body") & blocks["reason"].str.contains("broken across lines", regex=False)]
    return corpus.with_outlet(joined[["article_id", "line_start", "line_end", "reason", "text"]]).reset_index(drop=True)
