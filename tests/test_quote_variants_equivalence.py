"""pair_quote_variants against its previous implementation (main at 00881f1, kept verbatim in
tests/reference_quote_variants_00881f1.py): the candidates built with numpy and pruned with
`TokenIndex.may_reach` before scoring must give the same table, on synthetic renderings of
remarks (spelling variants, paraphrase groups, trimmed and padded quotes, lists longer than the
bulk width, speakers past the pruning size) and on the seed articles."""
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_quote_variants_00881f1 as reference
from analysis.pair_scoring import TokenIndex, token_idf_weights
from analysis.quote_variants import MIN_QUOTES_FOR_PRUNING, pair_quote_variants, quote_variants_of
from analysis.textsim import Paraphrases, align, idf_weights, load_paraphrases, sentence_tokens, sentence_weights
from seed_quotes import seed_quotes

# spelling variants (rapidfuzz ratio >= 85: defence/defense, organisation/organization, ...),
# inflections that stem alike, paraphrase groups (city/town, destroyed/demolished) and filler
WORDS = ["defence", "defense", "organisation", "organization", "integration", "integrations", "fabrication",
         "fabrications", "fabricated", "Kremlin", "Kremlins", "Zelensky", "Zelenskyy", "Zelenskiy", "rebuild",
         "rebuilt", "school", "schools", "city", "town", "destroyed", "demolished", "baseless", "unfounded",
         "winter", "winters", "before", "every", "nobody", "will", "take", "our", "land", "priority", "merger",
         "absorbing", "peace", "talks", "Minsk", "Moscow", "Kyiv", "Kiev", "Belarus", "Belarusian", "military",
         "militaries", "strategic", "strategy", "partners", "partner", "not", "never", "the", "and", "of"]
PARAPHRASES = Paraphrases.from_frame(pd.DataFrame({
    "term": ["city", "destroy", "baseless"], "variants": [("town",), ("demolish", "demolished"), ("unfounded",)]}))

remark = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)


@st.composite
def quote_frames(draw):
    """Quotes of a few speakers in a few articles, many of them edits of a few remarks (so that
    pairs clear the threshold with equal terms, variants and paraphrases), some long."""
    remarks = draw(st.lists(remark, min_size=1, max_size=4))
    rows = []
    for k in range(draw(st.integers(0, 14))):
        words = list(draw(st.sampled_from(remarks)))
        for _ in range(draw(st.integers(0, 3))):  # edits: a word swapped, dropped or added
            at = draw(st.integers(0, len(words)))
            kind = draw(st.sampled_from(["swap", "drop", "add"]))
            if kind == "add" or not words:
                words.insert(at, draw(st.sampled_from(WORDS)))
            elif kind == "drop":
                words.pop(min(at, len(words) - 1))
            else:
                words[min(at, len(words) - 1)] = draw(st.sampled_from(WORDS))
        if draw(st.integers(0, 9)) == 0:  # longer than the bulk width of TokenIndex (64 terms)
            words = words * (70 // max(len(words), 1) + 1)
        speaker = draw(st.sampled_from(["Mayor", "Governor", "", None]))
        rows.append((draw(st.sampled_from(["a", "b", "c", "d"])), k + 1, speaker, " ".join(words)))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "speaker", "quote"])


def both(frame, **options):
    """The table of the current and of the reference pair_quote_variants, as CSV text."""
    new = pair_quote_variants(frame, **options).to_csv(index=False)
    old = reference.pair_quote_variants(frame, **options).to_csv(index=False)
    return new, old


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=quote_frames(), min_similarity=st.sampled_from([0.0, 0.3, 0.5, 0.5, 0.7, 0.9]),
       weighted=st.booleans(), min_terms=st.sampled_from([1, 2, 3]))
def test_same_table_as_the_reference(frame, min_similarity, weighted, min_terms):
    # weights over other texts leave some quote terms unseen (they weigh the largest weight)
    weights = idf_weights([["city", "school", "kremlin"], ["school", "winter"], ["peace", "talk"]]) if weighted else None
    new, old = both(frame, paraphrases=PARAPHRASES, weights=weights, min_similarity=min_similarity,
                    min_terms=min_terms)
    assert new == old


@pytest.mark.parametrize("n_quotes", [MIN_QUOTES_FOR_PRUNING - 1, MIN_QUOTES_FOR_PRUNING, 80])
def test_same_table_for_speakers_past_the_pruning_size(n_quotes):
    # a word in every quote (never proposes pairs past the pruning size), one in a few, one in
    # a fifth of them (the cap itself), renderings of one remark across articles
    rows = []
    for k in range(n_quotes):
        extra = " ".join(w for w, every in (("defence", 3), ("organisation", 5), ("winters", 7)) if k % every == 0)
        text = f"Minsk talks word{k % 13}a word{k % 11}b {extra}"
        rows.append((f"art{k % 17}", k, "Mayor", text))
    frame = pd.DataFrame(rows, columns=["article_id", "sentence_id", "speaker", "quote"])
    for min_similarity in (0.0, 0.5):
        new, old = both(frame, paraphrases=PARAPHRASES, min_similarity=min_similarity)
        assert new == old
    assert len(pair_quote_variants(frame, paraphrases=PARAPHRASES, min_similarity=0.0)) > 0


# --- the pruning condition itself, against `align` ---

token_list = st.lists(st.sampled_from(WORDS), min_size=0, max_size=10).map(lambda ws: " ".join(ws))


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(token_list, min_size=2, max_size=8), data=st.data(),
       min_similarity=st.floats(0.0, 1.0))
def test_may_reach_is_false_only_for_pairs_below_the_threshold(texts, data, min_similarity):
    tokens = sentence_tokens(texts, PARAPHRASES)
    weights = token_idf_weights(tokens)
    index = TokenIndex(tokens, weights)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(texts) - 1), st.integers(0, len(texts) - 1)), min_size=1))
    first, second = [i for i, _ in pairs], [j for _, j in pairs]
    possible = index.may_reach(first, second, min_similarity).tolist()
    for (i, j), may in zip(pairs, possible):
        similarity = align([t for t, _ in tokens[i]], [t for t, _ in tokens[j]], weights).similarity
        if similarity >= min_similarity:
            assert may, (texts[i], texts[j], similarity)
    # and what it keeps scores as every pair would
    kept = index.score(first, second, min_similarity=min_similarity)
    assert set(kept.index.tolist()) <= {k for k, may in enumerate(possible) if may}


def test_may_reach_prunes_pairs_whose_variants_cannot_make_up_the_difference():
    # one shared word and a variant of a word the other side already has paired: below 0.5
    tokens = sentence_tokens(["defence talks Minsk Moscow Kyiv", "defence defense winter peace merger"], PARAPHRASES)
    index = TokenIndex(tokens, {})
    assert index.may_reach([0], [1], 0.5).tolist() == [False]
    assert index.may_reach([0], [0], 0.5).tolist() == [True]
    # a variant of a left-over term can make up the difference: kept
    tokens = sentence_tokens(["organisation defence talks", "organization defence talks"], PARAPHRASES)
    assert TokenIndex(tokens, {}).may_reach([0], [1], 0.9).tolist() == [True]


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(token_list, max_size=12))
def test_token_idf_weights_are_idf_weights(texts):
    tokens = sentence_tokens(texts, PARAPHRASES)
    assert token_idf_weights(tokens) == idf_weights([[t for t, _ in found] for found in tokens])


# --- the seed articles ---

def test_seed_quote_variants_are_the_reference(sample_corpus):
    frame = seed_quotes(sample_corpus)
    groups = load_paraphrases()
    weights = sentence_weights(sample_corpus.sentences, groups)
    for min_similarity in (0.2, 0.5):
        new, old = both(frame, articles=sample_corpus.articles, paraphrases=groups, weights=weights,
                        min_similarity=min_similarity)
        assert new == old
    assert (quote_variants_of(sample_corpus, frame).to_csv(index=False)
            == reference.quote_variants_of(sample_corpus, frame).to_csv(index=False))
