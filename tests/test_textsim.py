import pandas as pd
import pytest

from analysis.codebook import codebook_path
from analysis.errors import CodebookError
from analysis.textsim import (
    PARAPHRASES_FILE, Paraphrases, align, differing_words, idf_weights, load_paraphrases, stem, terms,
    tokens, words,
)


def paraphrases(*groups):
    return Paraphrases.from_frame(pd.DataFrame({"term": [g[0] for g in groups], "variants": [g[1:] for g in groups]}))


@pytest.mark.parametrize("text, expected", [
    ("Russia isn’t interested", ["russia", "is", "not", "interested"]),
    ("It won't, can't", ["it", "will", "not", "can", "not"]),
    ("Volodímir Zelenski’s office", ["volodimir", "zelenski", "office"]),
    ("large-scale re-equipped", ["large-scale", "re-equipped"]),
])
def test_words_normalize_case_apostrophes_accents_and_contractions(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("interested", "interest"), ("absorbing", "absorb"), ("fabrications", "fabrication"),
    ("countries", "country"), ("forces", "force"), ("witnesses", "witness"), ("is", "is"), ("news", "news"),
    ("ties", "ties"), ("status", "status"),
])
def test_stem_strips_one_suffix_from_long_words_only(word, expected):
    assert stem(word) == expected


def test_tokens_fold_phrases_negations_and_drop_function_words():
    groups = paraphrases(("absorb", "take over", "merger"))
    found = tokens("Moscow will never take over the merger of nothing", groups)
    assert found == [("moscow", "moscow"), ("not", "never"), ("absorb", "take over"), ("absorb", "merger"), ("not", "nothing")]


def test_longest_phrase_wins():
    groups = paraphrases(("absorb", "take"), ("seize", "take over"))
    assert terms("they take over", groups) == ["seize"]


def test_align_identical_disjoint_and_partial():
    assert align(["a1x", "b2y"], ["a1x", "b2y"]).similarity == 1.0
    assert align(["alpha", "beta"], ["gamma", "delta"]).similarity == 0.0
    half = align(["alpha", "beta"], ["alpha", "gamma"])
    assert half.similarity == pytest.approx(0.5)
    assert half.coverage_a == pytest.approx(0.5) and half.only_a == (1,) and half.only_b == (1,)


@pytest.mark.parametrize("a, b, matched", [
    ("defence", "defense", True),
    ("zelensky", "zelenski", True),
    ("form", "from", False),  # short words must be equal
    ("invasion", "invade", False),  # different words stay different
])
def test_fuzzy_term_match_is_for_spelling_variants(a, b, matched):
    assert bool(align([a], [b]).pairs) is matched


def test_rare_terms_weigh_more():
    weights = idf_weights([["putin", "said"], ["putin", "spoke"], ["putin", "absorb"], ["putin"]])
    common_shared = align(["putin", "absorb"], ["putin", "merger"], weights).similarity
    rare_shared = align(["putin", "absorb"], ["kremlin", "absorb"], weights).similarity
    assert rare_shared > common_shared


def test_alignment_is_one_to_one():
    alignment = align(["russia", "russia"], ["russia"])
    assert len(alignment.pairs) == 1 and alignment.coverage_b == 1.0 and alignment.coverage_a == pytest.approx(0.5)


def test_differing_words_report_surfaces():
    ta = tokens("completely stupid and baseless fabrications")
    tb = tokens("stupid and unfounded fabrications")
    groups = paraphrases(("baseless", "unfounded"))
    ta, tb = tokens("completely stupid and baseless fabrications", groups), tokens("stupid and unfounded fabrications", groups)
    alignment = align([t for t, _ in ta], [t for t, _ in tb])
    assert differing_words(ta, tb, alignment) == ("completely", "", "baseless~unfounded")


def test_bundled_paraphrase_codebook_loads_and_folds_variants():
    groups = load_paraphrases()
    assert terms("merger", groups) == terms("absorbing", groups)
    assert terms("baseless", groups) == terms("unfounded", groups)


def test_paraphrase_codebook_errors_name_the_column(tmp_path):
    (tmp_path / PARAPHRASES_FILE).write_text("term,note\nabsorb,x\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="variants"):
        load_paraphrases(tmp_path)
    (tmp_path / PARAPHRASES_FILE).write_text("term,variants,note\nabsorb,,x\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="row 2"):
        load_paraphrases(tmp_path)
    assert codebook_path(PARAPHRASES_FILE, tmp_path).exists()
