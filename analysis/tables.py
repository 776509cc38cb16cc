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


# --- framing (issue 6): frames, evaluative labels, quotes, tone, naming -------------------

@table("quotes.csv")
def quotes_table(ctx: Context):
    from .quotes import QUOTE_COLUMNS, find_quotes

    quotes = ctx.corpus.with_outlet(find_quotes(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir))
    return quotes[QUOTE_COLUMNS]


@table("labels.csv")
def labels_table(ctx: Context):
    from .labels import LABEL_COLUMNS, find_labels

    labels = ctx.corpus.with_outlet(find_labels(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir))
    return labels[LABEL_COLUMNS]


@table("frames.csv")
def frames_table(ctx: Context):
    from .frames import score_frames

    return score_frames(ctx.corpus.sentences, ctx.corpus.articles, codebook_dir=ctx.codebook_dir)


@table("tone.csv")
def tone_table(ctx: Context):
    from .tone import TONE_COLUMNS, sentence_tone

    return ctx.corpus.with_outlet(sentence_tone(ctx.corpus.sentences))[TONE_COLUMNS + ["outlet"]]


@table("naming.csv")
def naming_table(ctx: Context):
    from .naming import NAMING_COLUMNS, count_naming

    return ctx.corpus.with_outlet(count_naming(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir))[NAMING_COLUMNS]
