"""The dictionary matcher (analysis.terms.TermDictionary) against its reference, the alternation
of each group run over the whole text (TermDictionary.scan, the matcher it replaced): same
matches, same surfaces, same order, on trap texts, random dictionaries and the seeds."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.frames import load_frames
from analysis.terms import TermDictionary, term_key, term_problem
from analysis.topics import load_topics


def reference(dictionary: TermDictionary, text: str) -> list[tuple]:
    return [match for group in dictionary.groups for match in dictionary.scan(text, group)]


def assert_same(dictionary: TermDictionary, text: str) -> list[tuple]:
    found = dictionary.matches(text)
    assert found == reference(dictionary, text), text
    return found


# --- traps ----------------------------------------------------------------------------------

TRAP_GROUPS = {
    "war": ["war", "war crime*", "warplane*", "air raid*", "re-equip*", "S-400", "people's war", "defen?e*"],
    "west": ["the West", "West", "EU", "Western allies", "U.S."],
    "overlap": ["price", "price cap", "cap", "price cap on gas", "gas", "cap*"],
    "case": ["Kiev", "kyiv", "Iskander", "sanction*"],
    # keys running over several words must not hide the words inside them from other terms
    "phrases": ["spiritual values", "in power", "the West", "St. Nicholas", "new joint attack"],
    "inside": ["values", "power", "West", "Nicholas", "joint", "attack*"],
}
TRAP_TEXTS = [
    "The war-torn east; a war crime, war crimes and warplanes. Warm words, awards, postwar.",
    "They re-equipped and re-equip; reequip is not it. S-400s? The S-400 system.",
    "The West and the west; the Westerners; Western allies and western allies; the EU, neutral, eu.",
    "A price cap on gas, a price\ncap, a price  cap on\tgas; caps and capped prices; pricey gas.",
    "people's war and people’s war and peoples war; PEOPLE'S WAR",
    "The U.S. said; the U.S.-led bloc; US, u.s.",
    "KIEV, Kiev, kiev, Kyiv, KYIV; ISKANDER, iskander, Iskanders; SANCTIONS, ſanctions, \u212aiev",
    "\u0130skander and \u0131skander; war\u0130 İ; defence, defense, defensive, DEFENCES, defenc",
    "_war war_ 2war war2 war", "", "   ", "war",
    "spiritual values; spiritual\n values, spiritualvalues; in  power in-power; the\u00a0West the West",
    "St. Nicholas st. nicholas St.Nicholas; a new joint attack, new joint attacks, new  joint\tattacks",
]


@pytest.mark.parametrize("text", TRAP_TEXTS)
def test_traps_give_the_reference_matches(text):
    assert_same(TermDictionary(TRAP_GROUPS), text)


def test_traps_find_what_they_should():
    found = {(g, s) for g, _, s, _, _ in TermDictionary(TRAP_GROUPS).matches(" ".join(TRAP_TEXTS))}
    assert ("overlap", "price cap on gas") in found and ("overlap", "price\ncap") in found
    assert ("war", "war-torn") not in found and ("war", "war") in found
    assert ("west", "EU") in found and ("west", "eu") not in found
    assert ("case", "ſanctions") in found and ("case", "\u212aiev") not in found  # case-sensitive term


@pytest.mark.parametrize("term, key", [
    ("war", "war"), ("sanction*", "sanction"), ("defen?e*", "defen"), ("re-equip*", "re-equip"),
    ("S-400", "s-400"), ("the West", "the west"), ("St. Nicholas", "st. nicholas"), ("price  cap", "price cap"),
    ("people's war", "people"), ("Zelenskyy’s", "zelenskyy"), ("war *", "war"), ("*ship", ""), ("éclat", ""),
])
def test_term_keys_run_to_the_first_wildcard_apostrophe_or_non_ascii_character(term, key):
    assert term_key(term) == key


def test_groups_with_patterns_or_keyless_terms_keep_the_alternation():
    dictionary = TermDictionary({"a": ["*ship", "war"], "b": ["war"], "c": ["gas"]}, {"c": [r"price\s+cap", r"x*"]})
    assert dictionary._scanned == {"a", "c"}
    text = "Warship and war; a price cap on gas; gas"
    found = assert_same(dictionary, text)
    assert [g for g, *_ in found] == ["a", "a", "b", "c", "c", "c"]


# --- random dictionaries and texts ------------------------------------------------------------

PIECES = ["war", "War", "WAR", "price", "cap", "gas", "oil", "EU", "eu", "West", "west", "re", "equip",
          "s", "ſ", "\u212a", "ı", "İ", "i", "k", "crime", "1", "_"]
SEPARATORS = [" ", "  ", "\n", "-", "'", "’", ".", ", ", "", "—", "_"]


@st.composite
def terms(draw):
    words = draw(st.lists(st.lists(st.sampled_from(PIECES + ["*", "?", "-", "'"]), min_size=1, max_size=3).map("".join),
                          min_size=1, max_size=3))
    term = " ".join(words)
    return term if term_problem(term) is None else "war"


texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map("".join)
dictionaries = st.dictionaries(st.sampled_from(["g1", "g2", "g3"]), st.lists(terms(), min_size=1, max_size=6), min_size=1)


@settings(max_examples=100, deadline=None)
@given(groups=dictionaries, text=texts)
def test_random_dictionaries_give_the_reference_matches(groups, text):
    assert_same(TermDictionary(groups), text)


# --- the codebooks on the seeds ----------------------------------------------------------------

@pytest.mark.parametrize("book, key", [(load_frames, "frame"), (load_topics, "topic")])
def test_codebooks_on_the_seeds(sample_corpus, book, key):
    codebook = book()
    patterns = dict(zip(codebook[key], codebook["patterns"])) if "patterns" in codebook else None
    dictionary = TermDictionary(dict(zip(codebook[key], codebook["terms"])), patterns)
    texts = list(sample_corpus.sentences["text"]) + list(sample_corpus.articles["headline"].fillna(""))
    texts.append(" ".join(texts))  # across sentence ends too
    assert sum(len(assert_same(dictionary, text)) for text in texts) > 100


def test_the_codebooks_take_the_fast_path():
    """Performance guard, not a rule of the syntax: a term starting with '*', '?' or a
    non-ASCII letter is allowed, but makes its whole group scan every position again."""
    for codebook, key in ((load_frames(), "frame"), (load_topics(), "topic")):
        dictionary = TermDictionary(dict(zip(codebook[key], codebook["terms"])))
        assert not dictionary._scanned, f"groups scanned position by position: {sorted(dictionary._scanned)}"


def test_evidence_summary_orders_by_count_then_term():
    from analysis.terms import by_frequency, evidence_summary

    counts = {"shot down": 2, "drone": 5, "attack": 2}
    assert by_frequency(counts) == ["drone", "attack", "shot down"]
    assert evidence_summary(counts) == "drone (5); attack (2); shot down (2)"
    assert evidence_summary(counts, limit=2) == "drone (5); attack (2)"
    assert evidence_summary({}) == ""


def test_shared_dictionaries_are_built_once_per_content():
    topics = load_topics()
    terms = dict(zip(topics["topic"], topics["terms"]))
    patterns = dict(zip(topics["topic"], topics["patterns"]))
    shared = TermDictionary.shared(terms, patterns)
    assert TermDictionary.shared(dict(terms), dict(patterns)) is shared
    assert TermDictionary.shared(terms) is not shared  # other contents, another dictionary
    text = "Lukashenko and Putin discussed gas prices, the Union State and air defence in Minsk."
    assert shared.matches(text) == TermDictionary(terms, patterns).matches(text) != []
