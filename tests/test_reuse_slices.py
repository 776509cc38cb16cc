"""The reuse tables built from slices (find_reuse_in_slices, SentenceKeys, TokenIndex.of_pieces;
the export's builders reading `Corpus.slices("sentences")` and `Context.table_slices`) against
main at c1c90e8 (kept verbatim in tests/reference_reuse_c1c90e8.py and
tests/reference_pair_scoring_c1c90e8.py, with that commit's builders, which held every
sentence, token list and text): the same tables to the byte (dtypes and index too), on
synthetic corpora fed whole and in slices of one or two articles, on the seed articles, and a
token table out of step with the sentences refused."""
import random
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis.pair_scoring as pair_scoring
import analysis.reuse as reuse
import reference_pair_scoring_c1c90e8 as reference_scoring
import reference_reuse_c1c90e8 as reference
from analysis import tables
from analysis.corpus import Corpus
from analysis.export import Context
from analysis.pair_scoring import TokenIndex
from analysis.reuse import SentenceKeys, find_reuse, find_reuse_in_slices, reuse_pairs
from analysis.textsim import load_paraphrases, sentence_token_table
from test_pair_scoring_memory import TERMS, spelled
from test_reuse_equivalence import csv, synthetic

PARAPHRASES = load_paraphrases()
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def in_corpus_order(sentences: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The sentences with their articles in a shuffled order (each article's rows kept together
    and in order), and an index that is not 0..n-1: corpus order is not article_id order."""
    ids = list(dict.fromkeys(sentences["article_id"]))
    random.Random(seed).shuffle(ids)
    order = sentences["article_id"].map({aid: k for k, aid in enumerate(ids)}).to_numpy()
    frame = sentences.iloc[np.argsort(order, kind="stable")]
    return frame.set_axis(np.arange(len(frame)) * 3 + 7)


def article_slices(frame: pd.DataFrame, per_slice: int):
    """The frame in slices of per_slice consecutive articles, as Corpus.slices gives them."""
    ids = frame["article_id"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, dtype=np.int64)
    bounds = starts[::per_slice].tolist() + [len(frame)]
    for start, stop in zip(bounds, bounds[1:]):
        yield frame.iloc[start:stop]


OPTIONS = dict(paraphrases=PARAPHRASES, min_terms=2)


@settings(max_examples=40, **SETTINGS)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 80),
       per_slice=st.sampled_from([1, 2, 100]), tokens_per_slice=st.sampled_from([1, 2, 3]),
       min_similarity=st.sampled_from([0.5, 0.3]), terms_at_once=st.sampled_from([1_000_000, 5]))
def test_find_reuse_in_slices_as_c1c90e8(seed, n_articles, n_sentences, per_slice, tokens_per_slice, min_similarity,
                                         terms_at_once, monkeypatch):
    monkeypatch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    sentences = in_corpus_order(sentences, seed)
    options = OPTIONS | dict(min_similarity=min_similarity)
    old = reference.find_reuse(sentences, articles, **options)
    token_table = sentence_token_table(sentences, PARAPHRASES)
    for token_slices in (None, article_slices(token_table, tokens_per_slice)):
        new = find_reuse_in_slices(lambda: article_slices(sentences, per_slice), articles, token_slices=token_slices,
                                   **options)
        pd.testing.assert_frame_equal(new, old)
        assert csv(new) == csv(old)
    pd.testing.assert_frame_equal(find_reuse(sentences, articles, **options), old)
    keys = SentenceKeys.of_slices(article_slices(sentences, per_slice))
    if len(old):
        new_pairs = reuse_pairs(old, keys.frame(), articles)
        old_pairs = reference.reuse_pairs(old, sentences, articles)
        pd.testing.assert_frame_equal(new_pairs, old_pairs)
        assert csv(new_pairs) == csv(old_pairs)



@settings(max_examples=40, **SETTINGS)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 8), n_sentences=st.integers(0, 80),
       rows_at_once=st.sampled_from([1, 2, 7]), sorted_at_once=st.sampled_from([1, 3, 1_000_000]))
def test_the_tables_made_a_few_rows_at_a_time_as_c1c90e8(seed, n_articles, n_sentences, rows_at_once, sorted_at_once,
                                                         monkeypatch):
    """ReuseMatches' slices of reuse.csv and of reuse_pairs.csv make c1c90e8's tables: each
    slice's rows scored again on their own, and the pairs' shares found from codes, the pairs
    sorted and summed a run of articles at a time (runs of about 1 or 3 pairs, or one run)."""
    monkeypatch.setattr(reuse, "_ROWS_SORTED_AT_ONCE", sorted_at_once)
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    sentences = in_corpus_order(sentences, seed)
    old = reference.find_reuse(sentences, articles, **OPTIONS)
    matches = reuse.reuse_matches_in_slices(lambda: article_slices(sentences, 2), articles, **OPTIONS)
    parts, pair_parts = list(matches.slices(rows_at_once)), list(matches.pair_slices(articles, rows_at_once=rows_at_once))
    assert len(matches) == len(old) and all(0 < len(part) <= rows_at_once for part in parts + pair_parts)
    if not len(old):
        assert not parts and not pair_parts
        return
    new = pd.concat(parts, ignore_index=True)
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)
    old_pairs = reference.reuse_pairs(old, sentences, articles)
    pd.testing.assert_frame_equal(pd.concat(pair_parts, ignore_index=True), old_pairs)


def sliced_context(corpus: Corpus, monkeypatch, per_slice: int, tokens_per_slice: int) -> Context:
    """A Context whose corpus gives its sentences, and whose token table comes, in slices of a
    few articles (as on a spilled corpus), of different sizes, so that they do not line up."""
    monkeypatch.setattr(Corpus, "slices", lambda self, frame: article_slices(getattr(self, frame), per_slice))
    context = Context(corpus)
    whole_table_slices = Context.table_slices

    def table_slices(self, name):
        if name == "sentence_tokens":
            return article_slices(self.table(name), tokens_per_slice)
        return whole_table_slices(self, name)

    monkeypatch.setattr(Context, "table_slices", table_slices)
    return context


def assert_builders_as_c1c90e8(corpus: Corpus, monkeypatch, per_slice: int, tokens_per_slice: int) -> pd.DataFrame:
    old_context = Context(corpus)
    old = reference.reuse_table(old_context)
    old_context._built["reuse.csv"] = old  # (its reuse_pairs reads the c1c90e8 table, not the registered builder's)
    old_pairs = reference.reuse_pairs_table(old_context)
    context = sliced_context(corpus, monkeypatch, per_slice, tokens_per_slice)
    new = context.table("reuse.csv")
    pd.testing.assert_frame_equal(new, old)
    assert csv(new) == csv(old)
    new_pairs = context.table("reuse_pairs.csv")
    pd.testing.assert_frame_equal(new_pairs, old_pairs)
    assert csv(new_pairs) == csv(old_pairs)
    return new


@settings(max_examples=25, **SETTINGS)
@given(seed=st.integers(0, 10**6), n_articles=st.integers(1, 7), n_sentences=st.integers(0, 70),
       per_slice=st.sampled_from([1, 2]), tokens_per_slice=st.sampled_from([1, 2, 3]))
def test_export_builders_in_slices_as_c1c90e8(seed, n_articles, n_sentences, per_slice, tokens_per_slice,
                                              sample_corpus, monkeypatch):
    sentences, articles = synthetic(seed, n_articles, n_sentences)
    sentences = in_corpus_order(sentences, seed).reset_index(drop=True)
    corpus = replace(sample_corpus, articles=articles.sample(frac=1.0, random_state=seed), sentences=sentences)
    with monkeypatch.context() as patch:
        assert_builders_as_c1c90e8(corpus, patch, per_slice, tokens_per_slice)


@pytest.mark.parametrize("per_slice, tokens_per_slice", [(1, 1), (1, 2), (2, 1), (100, 100)])
def test_seed_builders_as_c1c90e8(sample_corpus, monkeypatch, per_slice, tokens_per_slice):
    assert len(assert_builders_as_c1c90e8(sample_corpus, monkeypatch, per_slice, tokens_per_slice))


def test_only_the_shared_sentences_texts_are_kept(monkeypatch):
    """The second pass over the sentences keeps the texts of the sentences in the table, no
    others; the sentences are read twice (keys, texts), once when the keys are given."""
    sentences, articles = synthetic(11, 6, 80)
    asked = []
    texts_at = reuse._texts_at
    monkeypatch.setattr(reuse, "_texts_at", lambda slices, at: asked.append(at.tolist()) or texts_at(slices, at))
    passes = []

    def sentence_slices():
        passes.append(1)
        return article_slices(sentences, 1)

    table = find_reuse_in_slices(sentence_slices, articles, token_slices=[sentence_token_table(sentences, PARAPHRASES)],
                                 **OPTIONS)
    assert len(table) and len(passes) == 2
    position = {key: k for k, key in enumerate(zip(sentences["article_id"], sentences["sentence_id"]))}
    shared = {position[key] for side in "ab" for key in zip(table[f"article_{side}"], table[f"sentence_id_{side}"])}
    assert asked == [sorted(shared)] and len(shared) < len(sentences)
    passes.clear()
    find_reuse_in_slices(sentence_slices, articles, keys=SentenceKeys.of_slices([sentences]),
                         token_slices=[sentence_token_table(sentences, PARAPHRASES)], **OPTIONS)
    assert len(passes) == 1


@pytest.mark.parametrize("damage", ["swap", "drop", "extra", "other_article"])
def test_a_token_table_out_of_step_is_refused(damage):
    sentences, articles = synthetic(5, 3, 30)
    table = sentence_token_table(sentences, PARAPHRASES)
    if damage == "swap":
        table = table.iloc[[1, 0] + list(range(2, len(table)))]
    elif damage == "drop":
        table = table.iloc[:-1]
    elif damage == "extra":
        table = pd.concat([table, table.iloc[-1:]])
    else:
        table = table.assign(article_id=table["article_id"].where(table.index != 4, "elsewhere"))
    with pytest.raises(ValueError, match="token table"):
        find_reuse_in_slices(lambda: article_slices(sentences, 1), articles, token_slices=article_slices(table, 2),
                             **OPTIONS)


def test_sentence_keys_of_slices_are_those_of_the_whole():
    sentences, _ = synthetic(3, 5, 50)
    sentences = in_corpus_order(sentences, 3)
    whole = SentenceKeys.of_slices([sentences])
    for per_slice in (1, 2):
        sliced = SentenceKeys.of_slices(article_slices(sentences, per_slice))
        for name in SentenceKeys._fields:
            assert getattr(sliced, name).tolist() == getattr(whole, name).tolist()
    assert whole.ids.tolist() == list(dict.fromkeys(sentences["article_id"]))  # in order of first appearance
    frame = whole.frame()
    assert frame.to_dict("list") == sentences[["article_id", "sentence_id", "n_words"]].to_dict("list")
    assert len(SentenceKeys.of_slices([])) == 0


@settings(max_examples=150, **SETTINGS)
@given(lists=st.lists(st.lists(st.sampled_from(TERMS), max_size=12), max_size=9), data=st.data(),
       terms_at_once=st.sampled_from([1, 3, 1_000_000]))
def test_index_of_pieces_as_c1c90e8(lists, data, terms_at_once, monkeypatch):
    """An index built piece after piece (empty pieces too) is the index of all the lists: the
    same codes, spellings and scores as c1c90e8's, which kept the lists themselves, and each
    list rebuilt as it was given."""
    monkeypatch.setattr(pair_scoring, "_TERMS_AT_ONCE", terms_at_once)
    toks = spelled(lists, data)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(toks)), max_size=4)))
    pieces = [toks[start:stop] for start, stop in zip([0] + cuts, cuts + [len(toks)])]
    new, old = TokenIndex.of_pieces(iter(pieces)), reference_scoring.TokenIndex(toks)
    assert new.vocabulary == old.vocabulary and new.lengths.tolist() == old.lengths.tolist()
    for name in ("codes", "_surfaces", "_numbered", "_spellings"):
        assert getattr(new, name).tolist() == getattr(old, name).tolist()
    assert [new._tokens(i) for i in range(len(toks))] == [list(found) for found in toks]
    weights = old.idf_weights()
    assert new.idf_weights() == weights
    new.weigh(weights), old.weigh(weights)
    if not toks:
        return
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(toks) - 1), st.integers(0, len(toks) - 1)), max_size=25))
    first = np.array([i for i, _ in pairs], dtype=np.int64)
    second = np.array([j for _, j in pairs], dtype=np.int64)
    for threshold in (None, 0.5):
        got, want = new.score(first, second, min_similarity=threshold), old.score(first, second, min_similarity=threshold)
        assert got.index.tolist() == want.index.tolist()
        for name in pair_scoring._SCORE_LISTS:
            assert getattr(got, name) == getattr(want, name)
