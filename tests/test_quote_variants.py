import pandas as pd
import pytest

from analysis.quote_variants import VARIANT_COLUMNS, pair_quote_variants, quote_variants_of
from analysis.textsim import Paraphrases, load_paraphrases, sentence_weights
from seed_quotes import seed_quotes


def quotes(*rows):
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "speaker", "quote"])


def paired(variants):
    return {(r.speaker, r.quote_a, r.quote_b) for r in variants.itertuples()}


def test_translation_variants_of_one_remark_are_paired_with_their_differences():
    frame = quotes(
        ("a", 3, "Mayor", "The city will rebuild every destroyed school before the winter"),
        ("b", 7, "Mayor", "The town will rebuild all demolished schools before winter comes"),
    )
    groups = Paraphrases.from_frame(pd.DataFrame({"term": ["city", "destroy"], "variants": [("town",), ("demolish", "demolished")]}))
    variants = pair_quote_variants(frame, paraphrases=groups)
    assert list(variants.columns) == VARIANT_COLUMNS
    assert len(variants) == 1
    row = variants.iloc[0]
    assert (row["article_a"], row["sentence_id_a"], row["article_b"], row["sentence_id_b"]) == ("a", 3, "b", 7)
    assert row["similarity"] >= 0.5
    assert "city~town" in row["swapped_words"] and "destroyed~demolished" in row["swapped_words"]
    assert row["words_only_a"] == "" and row["words_only_b"] == "comes"  # "every", "all": function words


@pytest.mark.parametrize("rows", [
    # the same words from two different speakers
    [("a", 1, "Mayor", "We will rebuild every school"), ("b", 1, "Governor", "We will rebuild every school")],
    # one speaker, one article: a remark repeated is not a variant
    [("a", 1, "Mayor", "We will rebuild every school"), ("a", 2, "Mayor", "We will rebuild every school")],
    # unattributed quotes cannot be tied to a remark
    [("a", 1, "", "We will rebuild every school"), ("b", 1, None, "We will rebuild every school")],
    # one-word fragments prove nothing
    [("a", 1, "Mayor", "priority"), ("b", 1, "Mayor", "Safety is our priority")],
])
def test_not_variants(rows):
    assert pair_quote_variants(quotes(*rows), paraphrases=Paraphrases.empty()).empty


def test_different_remarks_on_the_corpus_topic_are_not_paired():
    # the names every article repeats weigh little once weights come from the corpus
    frame = quotes(("a", 1, "Mayor", "The school on Green Street reopens on Monday for pupils"),
                   ("b", 1, "Mayor", "Pupils from the Green Street school were moved to a gym in October"))
    corpus = pd.DataFrame({"text": [f"Green Street school pupils story {i}" for i in range(20)] + list(frame["quote"])})
    weights = sentence_weights(corpus, Paraphrases.empty())
    assert pair_quote_variants(frame, paraphrases=Paraphrases.empty(), weights=weights).empty
    # without corpus weights every shared word counts fully: the same pair clears the threshold
    assert len(pair_quote_variants(frame, paraphrases=Paraphrases.empty())) == 1


def test_pairing_is_one_to_one_per_article_pair_best_first():
    frame = quotes(
        ("a", 1, "Mayor", "We will rebuild every school in the city"),
        ("b", 1, "Mayor", "We will rebuild every school in the city"),
        ("b", 2, "Mayor", "We will rebuild every school"),
    )
    variants = pair_quote_variants(frame, paraphrases=Paraphrases.empty())
    assert len(variants) == 1 and variants.at[0, "sentence_id_b"] == 1 and variants.at[0, "similarity"] == 1.0


def test_three_outlets_give_three_pairs_and_outlets_come_from_articles():
    text = "Nobody will take our land from us"
    frame = quotes(("c", 1, "Mayor", text), ("a", 1, "Mayor", text), ("b", 1, "Mayor", text))
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"]})
    variants = pair_quote_variants(frame, articles=articles, paraphrases=Paraphrases.empty())
    assert list(zip(variants["article_a"], variants["article_b"])) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert list(variants["outlet_a"]) == ["A", "A", "B"]


def test_works_without_sentence_ids_and_without_quotes():
    frame = quotes(("a", 1, "Mayor", "We will rebuild every school"), ("b", 1, "Mayor", "We will rebuild every school")).drop(columns="sentence_id")
    variants = pair_quote_variants(frame, paraphrases=Paraphrases.empty())
    assert len(variants) == 1 and variants["sentence_id_a"].isna().all()
    assert pair_quote_variants(frame.iloc[:0], paraphrases=Paraphrases.empty()).empty


def test_large_speaker_groups_do_not_pair_on_a_ubiquitous_word():
    # 60 different remarks by one speaker, all mentioning the city: the common word proposes no pairs
    frame = quotes(*[(f"a{i}", 1, "Mayor", f"city zz{i}a zz{i}b zz{i}c") for i in range(60)])
    assert pair_quote_variants(frame, paraphrases=Paraphrases.empty(), min_similarity=0.0).empty


# --- the five seed articles ---

@pytest.fixture(scope="module")
def seed_variants(sample_corpus):
    frame = seed_quotes(sample_corpus)
    groups = load_paraphrases()
    return pair_quote_variants(frame, articles=sample_corpus.articles, paraphrases=groups,
                               weights=sentence_weights(sample_corpus.sentences, groups))


@pytest.mark.parametrize("speaker, quote_a, quote_b", [
    ("Dmitry Peskov", "as completely stupid and baseless fabrications.", "stupid and unfounded fabrications."),
    ("Vladimir Putin", "Russia isn’t interested in any kind of merger, it’s not feasible",
     "Russia has no interest in absorbing anyone, this would simply not make sense"),
    ("Vladimir Putin", "a single defence space", "common defense space"),
])
def test_seed_renderings_of_one_remark_are_paired(seed_variants, speaker, quote_a, quote_b):
    assert (speaker, quote_a, quote_b) in paired(seed_variants)


def test_seed_different_remarks_are_not_paired(seed_variants):
    # exactly the three renderings above; in particular not the two pairs of ISW assessment
    # lines (000 vs 004), nor Zelensky's two remarks on "Russian aggression" (000 vs 002)
    assert len(seed_variants) == 3
    assert not seed_variants["speaker"].isin(["Institute for the Study of War", "Volodymyr Zelensky"]).any()


def test_seed_outlets_and_sentence_ids_point_back_to_the_text(seed_variants, sample_corpus):
    sentences = sample_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    for row in seed_variants.itertuples():
        assert row.quote_a[:30] in sentences[(row.article_a, row.sentence_id_a)]
        assert row.quote_b[:30] in sentences[(row.article_b, row.sentence_id_b)]
    assert set(seed_variants["outlet_a"]) <= set(sample_corpus.articles["outlet"])


def test_quote_variants_of_corpus_without_quotes_is_empty_with_contract_columns(sample_corpus):
    empty = quote_variants_of(sample_corpus, pd.DataFrame())
    assert empty.empty and list(empty.columns) == VARIANT_COLUMNS
    given = quote_variants_of(sample_corpus, seed_quotes(sample_corpus))
    assert len(given) == 3
