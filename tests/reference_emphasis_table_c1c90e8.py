"""The emphasis.csv builder as it was at c1c90e8 (prominence.text_units of the whole corpus
and the whole topic_evidence.csv, one topic_emphasis call), kept verbatim as the oracle of
the builder that goes a run of articles at a time (analysis/tables.py, emphasis_table)."""
from analysis.export import Context


# Corpus-level although each row is about one article: prominence.unit_weights sums section
# budgets with a pandas groupby whose float result differed in the last bit between the whole
# corpus and a partition (0.85 vs 0.8500000000000001 on a seed), and exports must not depend
# on how articles were partitioned. Its costly input, topic_evidence.csv, is per-article.
def emphasis_table(ctx: Context):
    from analysis.emphasis import topic_emphasis
    from analysis.prominence import text_units
    from analysis.topics import load_topics

    evidence = ctx.table("topic_evidence.csv").drop(columns="outlet")
    emphasis = topic_emphasis(text_units(ctx.corpus), evidence, load_topics(ctx.codebook_dir),
                              article_ids=ctx.corpus.articles["article_id"])
    emphasis = ctx.corpus.with_outlet(emphasis)
    first = ["article_id", "topic", "share", "prominence", "first_position", "outlet"]
    return emphasis[first + [c for c in emphasis.columns if c not in first]]
