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


# --- readability (issue 4) ---
@table("readability.csv")
def readability_csv(ctx: Context):
    from .readability import readability_table

    return readability_table(ctx.corpus)


@table("readability_outlets.csv")
def readability_outlets_csv(ctx: Context):
    from .readability_uncertainty import outlet_intervals, sentence_counts

    return outlet_intervals(ctx.table("readability.csv"), sentence_counts(ctx.corpus.sentences))
