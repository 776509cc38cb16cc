"""Registration of every exported table. One builder per table; analyses stay pure
functions in their own modules and are only wired together here."""
from __future__ import annotations

from .export import Context, table


@table("articles.csv")
def articles_table(ctx: Context):
    return ctx.corpus.articles


@table("blocks.csv")
def blocks_table(ctx: Context):
    return ctx.corpus.blocks


@table("sentences.csv")
def sentences_table(ctx: Context):
    return ctx.corpus.sentences


@table("skipped.csv")
def skipped_table(ctx: Context):
    """Audit: every input file (or manifest row) left out of the corpus, and why."""
    return ctx.corpus.skipped


# --- text reuse and quote variants (analysis/reuse.py, analysis/quote_variants.py) ---
@table("reuse.csv")
def reuse_table(ctx: Context):
    from .reuse import find_reuse

    return find_reuse(ctx.corpus.sentences, ctx.corpus.articles, codebook_dir=ctx.codebook_dir)


@table("reuse_pairs.csv")
def reuse_pairs_table(ctx: Context):
    from .reuse import reuse_pairs

    return reuse_pairs(ctx.table("reuse.csv"), ctx.corpus.sentences, ctx.corpus.articles)


@table("quote_variants.csv")
def quote_variants_table(ctx: Context):
    import pandas as pd

    from .export import TABLES
    from .quote_variants import quote_variants_of

    # quotes.csv comes from analysis.quotes (another branch); without it there is nothing to pair
    quotes = ctx.table("quotes.csv") if "quotes.csv" in TABLES else pd.DataFrame()
    return quote_variants_of(ctx.corpus, quotes, ctx.codebook_dir)
