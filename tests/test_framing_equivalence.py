"""The faster documents, quote scan, mentions, tone, actor and claim code against the
implementations it replaced (tests/framing_reference.py): same results on synthetic traps
(hypothesis) and on the seeds."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal, assert_series_equal
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

from analysis.actor_presence import _surfaces_in_order, actor_presence, merge_appositions
from analysis.actors import find_mentions, load_actors, whole_word_pattern
from analysis.claims import assign_claims, build_figures, find_discrepancies, load_claims
from analysis.document import build_documents, sentences_from_text
from analysis.numbers import extract_figures, load_lexicon
from analysis.quotes import _CUE, find_quote_spans, masked_text
from analysis.referents import Referents
from analysis.tone import ToneScorer, sentence_tone, split_voices

import framing_reference as reference

ANALYZER = SentimentIntensityAnalyzer()
REFERENTS = Referents.load()
ACTORS = load_actors()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- documents and quotation marks ---------------------------------------------------------
QUOTE_TOKENS = ["“", "”", "„", "«", "»", '"', "‘", "’", "'", " ", " ", ",", ".", ":", "?", "He", "said",
                "Russia’s", "leaders’", "Putin", "we", "x", "\n"]
sentence_text = st.lists(st.sampled_from(QUOTE_TOKENS), max_size=12).map("".join)


@st.composite
def sentence_frames(draw):
    """Sentences of up to three articles, rows shuffled and interleaved, paragraphs of up to
    three sentences (some empty or made of marks only)."""
    rows = []
    for article in draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)):
        paragraph_sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
        sentence_id = 0
        for paragraph, size in enumerate(paragraph_sizes):
            for _ in range(size):
                sentence_id += 1
                rows.append((article, sentence_id, paragraph, draw(sentence_text)))
    rows = draw(st.permutations(rows))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "paragraph", "text"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_frames())
def test_documents_quote_spans_text_and_masks_match_the_reference(sentences):
    documents = build_documents(sentences)
    assert documents == reference.build_documents(sentences)
    for doc in documents.values():
        spans = find_quote_spans(doc)
        assert spans == reference.find_quote_spans(doc)
        assert [s.inner(doc.text) for s in spans] == [reference.quote_inner(s, doc.text) for s in spans]
        assert masked_text(doc.text, spans) == reference.masked_text(doc.text, spans)
        assert masked_text(doc.text, spans[::-1]) == reference.masked_text(doc.text, spans[::-1])  # any order


@pytest.mark.parametrize("text", ["“.” “a.” “ab!” “\n?” “x\ny” “” “", "«ok» \"one\n\ntwo.\" ‘x’ “z”.", "“unclosed\n\nnext"])
def test_masks_of_one_character_quotes_newlines_and_unclosed_quotes(text):
    doc = build_documents(pd.DataFrame({"article_id": ["a"], "sentence_id": [1], "paragraph": [0], "text": [text]}))["a"]
    spans = find_quote_spans(doc)
    assert spans
    assert masked_text(doc.text, spans) == reference.masked_text(doc.text, spans)


def test_documents_leave_out_rows_without_an_article_like_groupby():
    sentences = pd.DataFrame({"article_id": ["a", None, "a", float("nan")], "sentence_id": [2, 1, 1, 3],
                              "paragraph": [0, 0, 0, 0], "text": ["B.", "x", "A.", "y"]})
    assert build_documents(sentences) == reference.build_documents(sentences)


def test_seed_documents_and_quotes_match_the_reference(sample_corpus):
    documents = build_documents(sample_corpus.sentences)
    assert documents == reference.build_documents(sample_corpus.sentences)
    for doc in documents.values():
        assert find_quote_spans(doc) == reference.find_quote_spans(doc)


# --- actor and country mentions --------------------------------------------------------------
NAME_TOKENS = (list(REFERENTS.matcher.by_alias)[:40] + list(REFERENTS.country_by_alias)
               + list(REFERENTS.country_by_adjective)[:10] + ["the", "said", "x", "Kyivan", "USA", "-", ",", "’s", "_"])
name_text = st.lists(st.sampled_from(NAME_TOKENS), max_size=14).flatmap(
    lambda words: st.lists(st.sampled_from(["", " ", ", "]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(g + w for g, w in zip(gaps, words))))


@SETTINGS
@given(name_text)
def test_mentions_match_the_unguarded_patterns_and_linear_overlap_check(text):
    assert REFERENTS.mentions(text) == reference.referent_mentions(REFERENTS, text)
    for terms in (REFERENTS.country_by_alias, REFERENTS.country_by_adjective, REFERENTS.matcher.by_alias):
        ordered = sorted(set(terms), key=len, reverse=True)
        fast, plain = whole_word_pattern(ordered), reference.alternation(terms)
        assert [(m.start(), m.group()) for m in fast.finditer(text)] == [(m.start(), m.group()) for m in plain.finditer(text)]


CUE_TEXT_TOKENS = ["said", "Said", "SAYS", "according to", "According To", "told", "x", "’", "'", "_", " ", ",", "unsaid",
                   "saying", "spoke of", "spoke  of", "asked", "Ask", "tweeted", "lashed out at"]


@SETTINGS
@given(st.lists(st.sampled_from(CUE_TEXT_TOKENS), max_size=12).map("".join))
def test_cue_pattern_matches_the_unguarded_pattern(text):
    plain = reference.cue_pattern()
    assert [(m.start(), m.group()) for m in _CUE.finditer(text)] == [(m.start(), m.group()) for m in plain.finditer(text)]
    assert bool(_CUE.fullmatch(text)) == bool(plain.fullmatch(text))


@pytest.mark.parametrize("terms", [["ab", ""], ["[x]", "a-b", "^b"], ["Ab", "ab"]])
def test_whole_word_pattern_edge_cases(terms):
    text = "ab ab [x] a-b xa-b ^b Ab_ Ab"
    fast, plain = whole_word_pattern(terms), reference.alternation(terms)
    assert [(m.start(), m.group()) for m in fast.finditer(text)] == [(m.start(), m.group()) for m in plain.finditer(text)]
    assert whole_word_pattern([]) is None


# --- tone ------------------------------------------------------------------------------------
LEXICON_WORDS = ["good", "bad", "killed", "happy", "war", "great", "no", "hope", "attack", "LOVE", "Terrible"]
TONE_TOKENS = (LEXICON_WORDS + list(BOOSTER_DICT)[:12] + ["not", "never", "without", "doubt", "but", "BUT", "kind", "of",
               "least", "at", "so", "this", "the", "drones", "Kyiv", "SAID", "!", "!!", "??", "?", ",", ".", ":)", "'",
               "(good)", "bad.", "“", "”", "😀", "☺️", "💔", "👍🏼", "x", "12"])
tone_text = st.lists(st.sampled_from(TONE_TOKENS), max_size=14).map(" ".join) | st.text(max_size=30)


@settings(max_examples=400, deadline=None)
@given(tone_text)
@example("the drones 😀")  # an emoji's description holds a lexicon word
@example("the ☺️ drones")  # VADER looks emoji up one character at a time
@example("kind of war")
def test_tone_scorer_gives_vader_scores(text):
    scorer = ToneScorer(ANALYZER)
    assert scorer("The talks ended.") == (3, 0.0, 0.0, 1.0, 0.0)  # a neutral text first: nothing carried over
    got = scorer(text)
    if got is None:
        assert reference.count_words(text) == 0
        return
    scores = ANALYZER.polarity_scores(text)
    assert got == (reference.count_words(text), scores["compound"], scores["pos"], scores["neu"], scores["neg"])


@SETTINGS
@given(sentence_text, st.data())
def test_split_voices_matches_the_reference(text, data):
    """Any slice, any quotation spans (overlapping it or not, unsorted)."""
    bounds = st.integers(0, len(text))
    start, end = sorted((data.draw(bounds), data.draw(bounds)))
    quoted = [tuple(sorted((data.draw(bounds), data.draw(bounds)))) for _ in range(data.draw(st.integers(0, 3)))]
    assert split_voices(text, start, end, quoted) == reference.split_voices(text, start, end, quoted)


def test_seed_tone_matches_the_reference(sample_corpus):
    assert_frame_equal(sentence_tone(sample_corpus.sentences), reference.sentence_tone(sample_corpus.sentences, ANALYZER),
                       check_exact=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_frames())
def test_tone_with_quotation_traps_matches_the_reference(sentences):
    assert_frame_equal(sentence_tone(sentences), reference.sentence_tone(sentences, ANALYZER), check_exact=True)


# --- actors ----------------------------------------------------------------------------------
APPOSITION_TEXT = ("Kremlin spokesman Dmitry Peskov said so. Kremlin spokesman, Dmitry Peskov, Peskov and Putin met. "
                   "Lukashenko, the Belarusian leader, spoke. Putin — Vladimir Putin – Putin - Putin said Putin.\n\n"
                   "Putin. Peskov Peskov Putin Peskov, Kremlin spokesman Dmitry Peskov.")


@pytest.mark.parametrize("corpus_sentences", ["seeds", "traps"])
def test_appositions_and_surfaces_match_the_reference(sample_corpus, corpus_sentences):
    if corpus_sentences == "seeds":
        sentences = sample_corpus.sentences
    else:
        sentences = pd.concat([sentences_from_text(APPOSITION_TEXT, "b"), sentences_from_text(APPOSITION_TEXT, "a")],
                              ignore_index=True)
        sentences["position"] = sentences["sentence_id"] / 10
    mentions = find_mentions(sentences, ACTORS)
    merged = merge_appositions(mentions, sentences)
    assert_frame_equal(merged, reference.merge_appositions(mentions, sentences))
    assert_series_equal(_surfaces_in_order(merged).sort_index(), reference.surfaces(merged), check_names=False)
    assert len(actor_presence(sentences, ACTORS)) > 0


def test_mentions_of_repeated_sentences_are_found_in_each(sample_corpus):
    one = sample_corpus.sentences[sample_corpus.sentences["article_id"] == sample_corpus.articles["article_id"].iloc[0]]
    twice = pd.concat([one, one.assign(article_id="copy")], ignore_index=True)
    mentions = find_mentions(twice, ACTORS)
    first, copy = mentions[mentions["article_id"] != "copy"], mentions[mentions["article_id"] == "copy"]
    assert len(first) > 0
    assert_frame_equal(first.drop(columns="article_id").reset_index(drop=True),
                       copy.drop(columns="article_id").reset_index(drop=True))


# --- figures and claims ----------------------------------------------------------------------
def test_repeated_sentences_resolve_their_figures_per_article():
    """Extraction is shared between equal sentences, but '18 of them' still resolves to each
    article's own earlier count."""
    texts = {"a": "Russia launched 23 drones. 18 of them were shot down.",
             "b": "Russia launched 40 drones overnight. 18 of them were shot down."}
    sentences = pd.concat([sentences_from_text(t, aid) for aid, t in texts.items()], ignore_index=True)
    lexicon = load_lexicon()
    together = extract_figures(sentences, lexicon)
    apart = pd.concat([extract_figures(sentences[sentences["article_id"] == aid], lexicon) for aid in texts],
                      ignore_index=True)
    assert_frame_equal(together, apart)
    parts = together[together["surface"] == "18"]
    assert list(parts["part_of"]) == ["a:1:1", "b:1:1"]


@pytest.fixture(scope="module")
def seed_figures(sample_corpus):
    return build_figures(sample_corpus)


def test_claims_and_agreement_match_the_reference_on_seeds_and_copies(sample_corpus, seed_figures):
    claims = load_claims()
    copies = [seed_figures.assign(article_id=seed_figures["article_id"] + f"-{k}",
                                  figure_id=seed_figures["figure_id"] + f"-{k}") for k in range(4)]
    figures = pd.concat([seed_figures] + copies, ignore_index=True)
    # traps: unknown bounds, shifted values, and a non-default index
    figures.loc[figures.index[::7], "low"] = math.nan
    figures.loc[figures.index[::5], "high"] = figures.loc[figures.index[::5], "high"] + 3
    figures.index = figures.index * 2 + 5
    assigned = assign_claims(figures, claims)
    assert_frame_equal(assigned, reference.assign_claims(figures, claims))
    assert assigned["claim_id"].str.startswith("auto:").any() and (assigned["claim_id"] != "").any()
    articles = pd.DataFrame({"article_id": figures["article_id"].unique(), "outlet": "x"})
    table = find_discrepancies(assigned, articles, claims)
    assert_frame_equal(table, reference.find_discrepancies(assigned, articles, claims))
    expected = reference.agrees_with(assigned)
    assert len(table) == len(expected) > 0
    assert {(c, f): n for c, f, n in zip(table["claim_id"], table["figure_id"], table["agrees_with"])} == expected


# --- one set of quoted documents shared by the quote, label, tone and naming tables -----------

def test_shared_quoted_documents_give_the_same_tables_and_stay_unchanged(sample_corpus):
    from analysis.labels import find_labels
    from analysis.naming import count_naming
    from analysis.quotes import find_quotes, quoted_documents

    sentences = sample_corpus.sentences
    shared = quoted_documents(sentences)
    before = {aid: (doc, list(spans)) for aid, (doc, spans) in shared.items()}
    for build in (lambda **kw: find_quotes(sentences, REFERENTS, **kw), lambda **kw: find_labels(sentences, referents=REFERENTS, **kw),
                  lambda **kw: sentence_tone(sentences, **kw), lambda **kw: count_naming(sentences, **kw)):
        alone = build()
        assert len(alone) > 0
        assert_frame_equal(build(documents=shared), alone)
    assert {aid: (doc, list(spans)) for aid, (doc, spans) in shared.items()} == before
    assert list(shared) == list(build_documents(sentences))
