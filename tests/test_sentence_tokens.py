"""The per-article token table (`sentence_tokens`, built by the export in partitions and
cached per article) and the corpus-level tables that read it: the same tables as when they
tokenize the corpus themselves, whatever the order or partition the tokens come from."""
import random

import pandas as pd
import pytest

from analysis.export import Context
from analysis.quote_variants import quote_variants_of
from analysis.reuse import find_reuse
from analysis.textsim import load_paraphrases, sentence_token_table, sentence_tokens, tokens_by_sentence
from seed_quotes import seed_quotes
from test_reuse_equivalence import csv, synthetic

PARAPHRASES = load_paraphrases()


def per_article(sentences: pd.DataFrame) -> pd.DataFrame:
    """The token table as a parallel export gathers it: built article by article."""
    parts = [sentence_token_table(group, PARAPHRASES) for _, group in sentences.groupby("article_id", sort=False)]
    return pd.concat(parts, ignore_index=True)


def test_token_table_is_per_article(sample_corpus):
    sentences = sample_corpus.sentences
    whole = sentence_token_table(sentences, PARAPHRASES)
    assert list(whole.columns) == ["article_id", "sentence_id", "tokens"] and len(whole) == len(sentences)
    assert whole.equals(per_article(sentences))
    assert whole["tokens"].tolist() == [tuple(found) for found in sentence_tokens(sentences["text"], PARAPHRASES)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_tokens_follow_the_sentences_whatever_the_table_order(seed):
    sentences, _ = synthetic(seed, 6, 40)
    table = sentence_token_table(sentences, PARAPHRASES).sample(frac=1.0, random_state=seed)
    shuffled = sentences.sample(frac=1.0, random_state=seed + 1)
    expected = [tuple(found) for found in sentence_tokens(shuffled["text"], PARAPHRASES)]
    assert [tuple(found) for found in tokens_by_sentence(shuffled, table)] == expected


def test_a_sentence_missing_from_the_token_table_is_an_error(sample_corpus):
    table = sentence_token_table(sample_corpus.sentences, PARAPHRASES).iloc[1:]
    with pytest.raises(ValueError, match="no row for sentence"):
        tokens_by_sentence(sample_corpus.sentences, table)


def test_find_reuse_rejects_tokens_of_other_sentences(sample_corpus):
    sentences = sample_corpus.sentences
    with pytest.raises(ValueError, match="token lists for"):
        find_reuse(sentences, sample_corpus.articles, tokens=[()] * (len(sentences) - 1))


@pytest.mark.parametrize("seed", [3, 4])
def test_reuse_from_given_tokens_equals_reuse_that_tokenizes(seed, sample_corpus):
    for sentences, articles in [(sample_corpus.sentences, sample_corpus.articles), synthetic(seed, 10, 80)]:
        given = tokens_by_sentence(sentences, per_article(sentences))
        own = find_reuse(sentences, articles, paraphrases=PARAPHRASES)
        assert len(own) and csv(find_reuse(sentences, articles, paraphrases=PARAPHRASES, tokens=given)) == csv(own)


def test_quote_variants_from_given_tokens_equal_those_that_tokenize(sample_corpus):
    quotes = seed_quotes(sample_corpus)
    given = (part["tokens"].tolist() for _, part in per_article(sample_corpus.sentences).groupby("article_id", sort=False))
    own = quote_variants_of(sample_corpus, quotes)
    assert len(own) and csv(quote_variants_of(sample_corpus, quotes, token_slices=given)) == csv(own)


def test_export_tables_read_the_token_table(sample_corpus):
    """The registered builders take their tokens from the intermediate table: tokens planted
    there (every sentence made of one repeated term) change reuse.csv."""
    context = Context(sample_corpus)
    honest = context.table("reuse.csv")
    planted = Context(sample_corpus)
    table = sentence_token_table(sample_corpus.sentences, PARAPHRASES)
    table["tokens"] = [tuple(("same", "same") for _ in range(5))] * len(table)
    planted._built["sentence_tokens"] = table
    assert len(honest) and len(planted.table("reuse.csv")) > len(honest)
