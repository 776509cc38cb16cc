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
@table("readability.csv", per_article=True)
def readability_csv(ctx: Context):
    from .readability import readability_table

    return readability_table(ctx.corpus)


@table("readability_outlets.csv")
def readability_outlets_csv(ctx: Context):
    from .readability_uncertainty import outlet_intervals

    return outlet_intervals(ctx.table("readability.csv"), ctx.table("sentence_counts"))


@table("sentence_counts", per_article=True, written=False)
def sentence_counts_table(ctx: Context):
    """Per-sentence textstat counts (the bootstrap's input): per-article, so it runs in parallel."""
    from .readability_uncertainty import sentence_counts

    return sentence_counts(ctx.corpus.sentences)


# --- emphasis: topics, prominence, actors, distinctive words, omissions (issue 5) ---------

def optional_table(ctx: Context, name: str):
    """The table `name` if some module registers it, else None (for tables built by other
    parts of the suite that may be absent, such as quotes.csv or discrepancies.csv)."""
    from .export import TABLES

    return ctx.table(name) if name in TABLES else None


@table("topic_evidence.csv", per_article=True)
def topic_evidence_table(ctx: Context):
    from .prominence import text_units
    from .topics import load_topics, sentence_topics

    evidence = sentence_topics(text_units(ctx.corpus), load_topics(ctx.codebook_dir))
    return ctx.corpus.with_outlet(evidence)


# Corpus-level although each row is about one article: prominence.unit_weights sums section
# budgets with a pandas groupby whose float result differed in the last bit between the whole
# corpus and a partition (0.85 vs 0.8500000000000001 on a seed), and exports must not depend
# on how articles were partitioned. Its costly input, topic_evidence.csv, is per-article.
@table("emphasis.csv")
def emphasis_table(ctx: Context):
    from .emphasis import topic_emphasis
    from .prominence import text_units
    from .topics import load_topics

    evidence = ctx.table("topic_evidence.csv").drop(columns="outlet")
    emphasis = topic_emphasis(text_units(ctx.corpus), evidence, load_topics(ctx.codebook_dir),
                              article_ids=ctx.corpus.articles["article_id"])
    emphasis = ctx.corpus.with_outlet(emphasis)
    first = ["article_id", "topic", "share", "prominence", "first_position", "outlet"]
    return emphasis[first + [c for c in emphasis.columns if c not in first]]


@table("actors.csv", per_article=True, order="article_id")
def actors_table(ctx: Context):
    from .actor_presence import actor_presence
    from .actors import load_actors

    presence = actor_presence(ctx.corpus.sentences, load_actors(ctx.codebook_dir), optional_table(ctx, "quotes.csv"))
    presence = ctx.corpus.with_outlet(presence)
    first = ["article_id", "actor", "mentions", "quotes", "first_position", "camp", "outlet"]
    return presence[first + [c for c in presence.columns if c not in first]]


@table("distinctive_words.csv")
def distinctive_words_table(ctx: Context):
    from .logodds import distinctive_words

    return distinctive_words(ctx.corpus.with_outlet(ctx.corpus.sentences), "outlet")


@table("omissions.csv")
def omissions_table(ctx: Context):
    from .omissions import find_omissions, outlet_presence

    presence = outlet_presence(ctx.table("emphasis.csv"), ctx.table("actors.csv"), optional_table(ctx, "discrepancies.csv"))
    return find_omissions(presence)
