"""Registration of every exported table. One builder per table; analyses stay pure
functions in their own modules and are only wired together here."""
from __future__ import annotations

from .export import Context, TableSlices, table


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


@table("readability_outlets.csv", inputs=("readability.csv", "sentence_counts"))
def readability_outlets_csv(ctx: Context):
    from .readability_uncertainty import outlet_intervals

    # the per-sentence counts folded a slice of articles at a time into compact arrays,
    # never read back whole
    return outlet_intervals(ctx.table("readability.csv"), ctx.table_slices("sentence_counts"))


@table("sentence_counts", per_article=True, written=False)
def sentence_counts_table(ctx: Context):
    """Per-sentence textstat counts (the bootstrap's input): per-article, so it runs in parallel."""
    from .readability_uncertainty import sentence_counts

    return sentence_counts(ctx.corpus.sentences)


# --- emphasis: topics, prominence, actors, distinctive words, omissions (issue 5) ---------

@table("topic_evidence.csv", per_article=True)
def topic_evidence_table(ctx: Context):
    from .prominence import text_units
    from .topics import load_topics, sentence_topics

    evidence = sentence_topics(text_units(ctx.corpus), load_topics(ctx.codebook_dir))
    return ctx.corpus.with_outlet(evidence)


# Corpus-level, but built a run of articles at a time (article_slices.aligned_slices: the
# blocks, sentences and topic_evidence.csv rows of the same articles), so that neither the
# corpus frames nor the evidence are ever held whole. Each article's rows depend on that
# article alone: every sum, count and minimum in prominence.unit_weights and
# emphasis.topic_emphasis is taken per article (or per article and topic), and pandas sums
# each group on its own, in row order; so any slicing gives the same table to the last bit
# (tests/test_emphasis_slices.py). (The note that used to stand here, that a partition's
# budget sums differed in the last bit from the whole corpus's, 0.85 against
# 0.8500000000000001 on a seed, does not reproduce with the code of then or of now.)
@table("emphasis.csv", inputs=("topic_evidence.csv",))
def emphasis_table(ctx: Context):
    import pandas as pd

    from .article_slices import CorpusSlice, aligned_slices
    from .emphasis import topic_emphasis
    from .prominence import text_units
    from .topics import load_topics

    topics = load_topics(ctx.codebook_dir)
    first = ["article_id", "topic", "share", "prominence", "first_position", "outlet"]
    parts = []
    for articles, (blocks, sentences, evidence) in aligned_slices(
            ctx.corpus.articles, ctx.corpus.slices("blocks"), ctx.corpus.slices("sentences"),
            ctx.table_slices("topic_evidence.csv")):
        emphasis = topic_emphasis(text_units(CorpusSlice(articles, blocks, sentences)), evidence.drop(columns="outlet"),
                                  topics, article_ids=articles["article_id"])
        emphasis = ctx.corpus.with_outlet(emphasis)
        parts.append(emphasis[first + [c for c in emphasis.columns if c not in first]])
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


@table("actors.csv", per_article=True, order="article_id", inputs=("quotes.csv",))
def actors_table(ctx: Context):
    from .actor_presence import actor_presence
    from .actors import load_actors

    presence = actor_presence(ctx.corpus.sentences, load_actors(ctx.codebook_dir), ctx.table("quotes.csv"))
    presence = ctx.corpus.with_outlet(presence)
    first = ["article_id", "actor", "mentions", "quotes", "first_position", "camp", "outlet"]
    return presence[first + [c for c in presence.columns if c not in first]]


@table("distinctive_words.csv")
def distinctive_words_table(ctx: Context):
    from .logodds import distinctive_words_of_slices

    # the sentences a slice at a time, with only the columns counted: their words are counted
    # and dropped, so only the counts per (outlet, word) are held, never the frame
    sentences = (ctx.corpus.with_outlet(frame[["article_id", "text"]]) for frame in ctx.corpus.slices("sentences"))
    return distinctive_words_of_slices(sentences, "outlet")


@table("omissions.csv", inputs=("emphasis.csv", "actors.csv", "discrepancies.csv"))
def omissions_table(ctx: Context):
    from .omissions import find_omissions, outlet_presence

    presence = outlet_presence(ctx.table("emphasis.csv"), ctx.table("actors.csv"), ctx.table("discrepancies.csv"))
    return find_omissions(presence)


# --- figures and claims (issue 3) -------------------------------------------------------
@table("figure_mentions", per_article=True, written=False)
def figure_mentions_table(ctx: Context):
    """Each article's figures before derived figures and claim ids: extraction, the costly
    part of figures.csv, runs in the partitions (in parallel, cached per article)."""
    from .claims import figure_mentions

    return figure_mentions(ctx.corpus.sentences, ctx.codebook_dir)


# corpus-level: auto claim ids group figures across articles; reads the mentions a slice at a
# time, never the corpus sentences
@table("figures.csv", inputs=("figure_mentions",))
def figures_table(ctx: Context):
    from .claims import figures_of_mentions

    return figures_of_mentions(ctx.table_slices("figure_mentions"), ctx.corpus.articles, ctx.codebook_dir)


@table("discrepancies.csv", inputs=("figures.csv",))
def discrepancies_table(ctx: Context):
    from .claims import find_discrepancies, load_claims

    return find_discrepancies(ctx.table("figures.csv"), ctx.corpus.articles, load_claims(ctx.codebook_dir))


# --- framing (issue 6): frames, evaluative labels, quotes, tone, naming -------------------

def _quoted_documents(ctx: Context):
    """Each article's rebuilt body and quotation spans, shared by the next four tables."""
    from .quotes import quoted_documents

    return ctx.shared("quoted_documents", lambda: quoted_documents(ctx.corpus.sentences))


@table("quotes.csv", per_article=True)
def quotes_table(ctx: Context):
    from .quotes import QUOTE_COLUMNS, find_quotes

    quotes = ctx.corpus.with_outlet(find_quotes(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir,
                                                 documents=_quoted_documents(ctx)))
    return quotes[QUOTE_COLUMNS]


@table("labels.csv", per_article=True)
def labels_table(ctx: Context):
    from .labels import LABEL_COLUMNS, find_labels

    labels = ctx.corpus.with_outlet(find_labels(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir,
                                                 documents=_quoted_documents(ctx)))
    return labels[LABEL_COLUMNS]


@table("frames.csv", per_article=True)
def frames_table(ctx: Context):
    from .frames import score_frames

    return score_frames(ctx.corpus.sentences, ctx.corpus.articles, codebook_dir=ctx.codebook_dir)


@table("tone.csv", per_article=True)
def tone_table(ctx: Context):
    from .tone import TONE_COLUMNS, sentence_tone

    return ctx.corpus.with_outlet(sentence_tone(ctx.corpus.sentences, documents=_quoted_documents(ctx)))[TONE_COLUMNS + ["outlet"]]


@table("naming.csv", per_article=True)
def naming_table(ctx: Context):
    from .naming import NAMING_COLUMNS, count_naming

    return ctx.corpus.with_outlet(count_naming(ctx.corpus.sentences, codebook_dir=ctx.codebook_dir,
                                               documents=_quoted_documents(ctx)))[NAMING_COLUMNS]


# --- text reuse and quote variants (analysis/reuse.py, analysis/quote_variants.py) ---
@table("sentence_tokens", per_article=True, written=False)
def sentence_tokens_table(ctx: Context):
    """Each sentence's terms (textsim.tokens): per-article, so the corpus-level reuse and
    quote-variant tables get them built in parallel and cached per article."""
    from .textsim import load_paraphrases, sentence_token_table

    return sentence_token_table(ctx.corpus.sentences, load_paraphrases(ctx.codebook_dir))


@table("reuse.csv", inputs=("sentence_tokens",))
def reuse_table(ctx: Context):
    """Made a slice of rows at a time from the matches, never held whole."""
    from .reuse import REUSE_COLUMNS

    return TableSlices(REUSE_COLUMNS, _reuse_matches(ctx).slices)


@table("reuse_pairs.csv", inputs=("reuse.csv",))
def reuse_pairs_table(ctx: Context):
    """From reuse.csv's matches (their article and sentence codes, not the table's rows), a
    slice of pairs at a time."""
    from .reuse import PAIR_COLUMNS

    ctx.built("reuse.csv")  # (its builder finds the matches)
    matches = _reuse_matches(ctx)
    return TableSlices(PAIR_COLUMNS, lambda: matches.pair_slices(ctx.corpus.articles))


def _reuse_matches(ctx: Context):
    """reuse.csv's ReuseMatches, found once: from slices of the sentences and of their tokens,
    neither held whole (see reuse_matches_in_slices)."""
    from .reuse import reuse_matches_in_slices

    return ctx.shared("reuse.matches", lambda: reuse_matches_in_slices(
        lambda: ctx.corpus.slices("sentences"), ctx.corpus.articles, token_slices=ctx.table_slices("sentence_tokens"),
        codebook_dir=ctx.codebook_dir))


@table("quote_variants.csv", inputs=("quotes.csv", "sentence_tokens"))
def quote_variants_table(ctx: Context):
    from .quote_variants import attributed_quotes, quote_variants_of

    # both inputs folded a slice of articles at a time, never held whole: of quotes.csv only
    # the attributed quotes; of the sentences (the token table, not the corpus's frame) only
    # their terms' document frequencies, read only when there are such quotes
    quotes = attributed_quotes(ctx.table_slices("quotes.csv"))
    token_slices = (part["tokens"].tolist() for part in ctx.table_slices("sentence_tokens"))
    return quote_variants_of(ctx.corpus, quotes, ctx.codebook_dir, token_slices=token_slices)
