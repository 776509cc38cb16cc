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


# --- figures and claims (issue 3) -------------------------------------------------------
@table("figures.csv")
def figures_table(ctx: Context):
    from .claims import build_figures

    return build_figures(ctx.corpus, ctx.codebook_dir)


@table("discrepancies.csv")
def discrepancies_table(ctx: Context):
    from .claims import find_discrepancies, load_claims

    return find_discrepancies(ctx.table("figures.csv"), ctx.corpus.articles, load_claims(ctx.codebook_dir))
