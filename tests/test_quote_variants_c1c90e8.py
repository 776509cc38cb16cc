"""quote_variants.csv against its builder at c1c90e8 (tests/reference_quote_variants_c1c90e8.py),
which looked every sentence's tokens up in the whole sentence_tokens table, in the order of the
whole sentences frame, to count the term IDF: the document frequencies folded a slice at a time
(`DocumentFrequencies`) must give the same weights (same floats, same key order, same number of
documents) and so the same table, whatever the slices (one article at a time, spilled tables
read back in slices of one or two articles, cuts inside runs of repeated terms)."""
import random
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_quote_variants_c1c90e8 as reference
from analysis import pair_scoring, table_parts
from analysis.corpus import Corpus
from analysis.export import TABLES, Context
from analysis.pair_scoring import DocumentFrequencies, token_idf_weights
from analysis.csv_writer import write_frame_csv
from analysis.quote_variants import attributed_quotes, pair_quote_variants, quote_variants_of
from analysis.textsim import idf_weights, load_paraphrases, sentence_tokens
from seed_quotes import seed_quotes
from sliced_inputs import in_slices, one_article_at_a_time, spilled_context
from test_reuse_equivalence import synthetic

PARAPHRASES = load_paraphrases()
token = st.tuples(st.sampled_from(["kyiv", "minsk", "talk", "not", "", "Kyiv", "défense"]), st.just("w"))
token_lists = st.lists(st.lists(token, max_size=6), max_size=30)


def csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


@settings(max_examples=60, deadline=None)
@given(token_lists, st.lists(st.integers(0, 30), max_size=5), st.sampled_from([pair_scoring._TERMS_AT_ONCE, 1, 4]))
def test_frequencies_folded_in_batches_equal_the_whole_count(lists, cuts, terms_at_once):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)  # chunks inside a batch too
        folded = DocumentFrequencies()
        for batch in in_slices(pd.Series(lists, dtype=object), sorted(min(cut, len(lists)) for cut in cuts)):
            folded.add(batch.tolist())
        expected = reference.token_idf_weights(lists)
        weights = folded.idf_weights()
        assert weights == expected and list(weights) == list(expected)  # same floats, same order
        assert folded.n_lists == len(lists)
        assert token_idf_weights(lists) == expected
        assert weights == idf_weights([[term for term, _ in found] for found in lists])


def test_no_batches_and_empty_batches_weigh_nothing():
    assert DocumentFrequencies().idf_weights() == {}
    assert DocumentFrequencies().add([]).add([[], []]).idf_weights() == {}
    assert DocumentFrequencies().add([]).add([[("a", "a")]]).add([[]]).idf_weights() == reference.token_idf_weights(
        [[("a", "a")], []])


@pytest.fixture(scope="module")
def seed_tables(sample_corpus):
    """The builder's table at c1c90e8 on the seeds, with the quote extractor's quotes and with
    the hand-made seed quotes (which pair)."""
    old = reference.quote_variants_table(Context(sample_corpus))
    planted = Context(sample_corpus)
    planted._built["quotes.csv"] = seed_quotes(sample_corpus)
    return {"extracted": old, "seed": reference.quote_variants_table(planted)}


def builder_context(context: Context, quotes: str, corpus: Corpus) -> Context:
    if quotes == "seed":
        context._built["quotes.csv"] = seed_quotes(corpus)
    return context


@pytest.mark.parametrize("quotes", ["extracted", "seed"])
def test_the_builder_equals_c1c90e8_in_memory(sample_corpus, seed_tables, quotes):
    assert len(seed_tables["seed"])
    new = TABLES["quote_variants.csv"](builder_context(Context(sample_corpus), quotes, sample_corpus))
    assert csv(new) == csv(seed_tables[quotes])


@pytest.mark.parametrize("articles_per_slice", [1, 2])
@pytest.mark.parametrize("quotes", ["extracted", "seed"])
def test_the_builder_reads_spilled_tokens_in_slices(sample_corpus, seed_tables, tmp_path, monkeypatch,
                                                     articles_per_slice, quotes):
    monkeypatch.setattr(table_parts, "ARTICLES_PER_SLICE", articles_per_slice)
    batches = []
    add = DocumentFrequencies.add
    monkeypatch.setattr(DocumentFrequencies, "add", lambda self, lists: batches.append(len(lists)) or add(self, lists))
    with spilled_context(sample_corpus, ["sentence_tokens", "quotes.csv"], tmp_path) as context:
        new = TABLES["quote_variants.csv"](builder_context(context, quotes, sample_corpus))
        # never read back whole (the seed quotes are planted in memory)
        assert "sentence_tokens" not in context._built and (quotes == "seed" or "quotes.csv" not in context._built)
    assert csv(new) == csv(seed_tables[quotes])
    per_article = sample_corpus.sentences.groupby("article_id", sort=False).size().tolist()
    expected = [sum(per_article[i:i + articles_per_slice]) for i in range(0, len(per_article), articles_per_slice)]
    assert batches == expected and sum(batches) == len(sample_corpus.sentences)


def test_the_corpus_is_tokenized_a_slice_at_a_time(sample_corpus, monkeypatch):
    quotes = seed_quotes(sample_corpus)
    old = reference.quote_variants_of(sample_corpus, quotes)
    monkeypatch.setattr(Corpus, "slices", one_article_at_a_time)
    assert len(old) and csv(quote_variants_of(sample_corpus, quotes)) == csv(old)


def test_no_quotes_reads_no_tokens(sample_corpus):
    def never():
        raise AssertionError("token slices read without quotes")
        yield

    empty = seed_quotes(sample_corpus).iloc[:0]
    assert csv(quote_variants_of(sample_corpus, empty, token_slices=never())) == csv(
        reference.quote_variants_of(sample_corpus, empty))


def synthetic_corpus(seed: int):
    """Sentences copied with edits across articles (test_reuse_equivalence.synthetic), quotes
    taken from them with a few speakers, and a corpus-like object whose slices are one article
    at a time."""
    sentences, articles = synthetic(seed, 8, 120)
    rng = random.Random(seed)
    picked = sentences.sample(n=60, random_state=seed)
    quotes = pd.DataFrame({"article_id": picked["article_id"].to_numpy(), "sentence_id": picked["sentence_id"].to_numpy(),
                           "speaker": [rng.choice(["Mayor", "Minister", ""]) for _ in range(len(picked))],
                           "quote": picked["text"].to_numpy()})
    corpus = SimpleNamespace(articles=articles, sentences=sentences)
    corpus.slices = lambda frame: one_article_at_a_time(corpus, frame)
    return corpus, quotes


@pytest.mark.parametrize("seed", range(4))
def test_synthetic_corpora_in_slices_equal_c1c90e8(seed):
    corpus, quotes = synthetic_corpus(seed)
    tokens = sentence_tokens(corpus.sentences["text"].tolist(), PARAPHRASES)
    old = reference.quote_variants_of(corpus, quotes, tokens=tokens)
    assert len(old)
    assert csv(quote_variants_of(corpus, quotes)) == csv(old)
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(len(tokens) + 1), 5))
    given = [part.tolist() for part in in_slices(pd.Series(tokens, dtype=object), cuts)]
    assert csv(quote_variants_of(corpus, quotes, token_slices=iter(given))) == csv(old)


@pytest.mark.parametrize("seed", range(3))
def test_attributed_quotes_in_slices_pair_as_the_whole_table(seed):
    corpus, quotes = synthetic_corpus(seed)
    quotes = quotes.assign(outlet="x", n_words=1)  # columns the pairing does not read
    quotes.loc[quotes.index[::7], "speaker"] = None
    quotes.loc[quotes.index[1::7], "speaker"] = "  "
    cuts = sorted(random.Random(seed).sample(range(len(quotes) + 1), 4))
    kept = attributed_quotes(iter([quotes.iloc[:0], *in_slices(quotes, cuts)]))
    assert list(kept.columns) == ["article_id", "sentence_id", "speaker", "quote"]
    assert kept["speaker"].str.strip().ne("").all() and len(kept) < len(quotes)
    assert csv(pair_quote_variants(kept, articles=corpus.articles)) == csv(pair_quote_variants(quotes, articles=corpus.articles))
    assert len(attributed_quotes(iter([]))) == 0


def export_text(frame: pd.DataFrame, folder) -> bytes:
    path = folder / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write_frame_csv(frame, handle)
    return path.read_bytes()


@pytest.mark.parametrize("speaker", [None, "", " "])
def test_no_attributed_quote_exports_the_same_empty_table(sample_corpus, tmp_path, speaker):
    context, old_context = Context(sample_corpus), Context(sample_corpus)
    for planted in (context, old_context):
        planted._built["quotes.csv"] = seed_quotes(sample_corpus).assign(speaker=speaker)
    old = reference.quote_variants_table(old_context)
    assert export_text(TABLES["quote_variants.csv"](context), tmp_path) == export_text(old, tmp_path)
