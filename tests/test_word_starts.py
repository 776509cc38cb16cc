"""analysis.word_starts: the folding it compares keys with, the keys it reads from regular
expressions, and the matches it gives (PatternSet, the label finder) against each pattern's
own finditer over the whole text, on traps, random patterns and the seeds."""
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.document import build_documents
from analysis.labels import _LabelFinder, load_labels
from analysis.naming import load_naming
from analysis.referents import Referents
from analysis.word_starts import PatternSet, WordStarts, fold_ascii, pattern_keys

# --- the folding must keep every match re would find -----------------------------------------

ALL_CHARACTERS = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
FOLD_PATHS = pytest.mark.parametrize("text", [ALL_CHARACTERS.replace("\u0130", ""), ALL_CHARACTERS],
                                     ids=["lower path", "translate path"])


@FOLD_PATHS
def test_fold_keeps_positions_and_word_characters(text):
    folded = fold_ascii(text)
    assert len(folded) == len(text)
    assert [m.start() for m in re.finditer(r"\w", folded)] == [m.start() for m in re.finditer(r"\w", text)]


@FOLD_PATHS
def test_fold_sends_every_case_insensitive_equivalent_to_its_ascii_letter(text):
    folded = fold_ascii(text)
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789_":
        for m in re.finditer("(?i)" + ch, text):
            assert folded[m.start()] == ch, (hex(ord(m.group())), ch)


def test_word_starts_give_the_longest_key_at_each_word_start():
    starts = WordStarts(["war", "warplane", "cap"])
    found = [(m.start(), m.group(1)) for m in starts.finditer("Warplanes, postwar WAR-cap; capital ſcap")]
    assert found == [(0, "warplane"), (19, "war"), (23, "cap"), (28, "cap")]
    with pytest.raises(ValueError):
        WordStarts(["war", ""])


# --- keys read from patterns -------------------------------------------------------------------

@pytest.mark.parametrize("pattern, keys", [
    (r"\bKyiv\b", {"kyiv"}),
    (r"(?i)\bwars?\b", {"war"}),  # the optional letter is not part of the key
    (r"\b[Kk]iev\b", {"kiev"}),
    (r"(?i)\binvasion\b|\binvade[ds]?\b", {"invasion", "invade"}),
    (r"(?i)\b(?:war of aggression|Russian aggression)\b", {"war", "russian"}),
    (r"\bAle(?:ks|x)andr\b", {"aleks", "alex"}),
    (r"\bx(?:ab|c)d", {"xab", "xc"}),
    (r"\bx(?:ab|)", {"x"}),  # an empty branch adds nothing
    (r"\b(?i:War)s", {"war"}),
    (r"war", None),  # no boundary: can match inside a word
    (r"\bwar|x", None),  # one alternative without a boundary
    (r"\b(?:a|)", None),  # an empty alternative
    (r"\b(?:ab|cd)?e", None),  # optional group
    (r"\b\w+", None),
    (r"(?a)\bwar", None),  # ASCII word boundaries
    (r"\bé", None),  # not an ASCII key
])
def test_pattern_keys(pattern, keys):
    assert pattern_keys(re.compile(pattern)) == keys


# --- matches -----------------------------------------------------------------------------------

def same_as_finditer(patterns: list[re.Pattern], text: str) -> int:
    got = [[m.span() for m in matches] for matches in PatternSet(patterns).matches(text)]
    assert got == [[m.span() for m in p.finditer(text)] for p in patterns], text
    return sum(map(len, got))


TRAP_PATTERNS = [r"\bKyiv\b", r"\b[Kk]iev\b", r"(?i)\bwars?\b", r"(?i)\binvasion\b|\binvade[ds]?\b",
                 r"\bWhite\s+Russia\b", r"(?i)\b(?:war of aggression|Russian aggression)\b", r"\bB[ye]*lorussia\b",
                 r"\bwar", r"war\b", r"\b(?:a|)", r"(?a)\bwar", r"\bwar(?=-)", r"(?i)\bs\w*", r"\b\w"]
TRAP_TEXTS = [
    "Kyiv, KYIV, kyiv; Kiev and kiev, \u212aiev; Kyivan, postwar wars, WARS, war-torn, Wars’",
    "an invasion, they invaded, invades, INVADE; reinvade; White Russia, White\nRussia, Byelorussia, Blorussia",
    "war of aggression; Russian aggression; ſpecial ſerious war éwar _war war_ 2war",
    "", "-", "war",
]


@pytest.mark.parametrize("text", TRAP_TEXTS)
def test_pattern_set_on_traps(text):
    same_as_finditer([re.compile(p) for p in TRAP_PATTERNS], text)


PIECES = ["war", "War", "WAR", "s", "ſ", "\u212a", "ı", "İ", "i", "kiev", "Kyiv", "in", "vade", "_", "1", "é"]
SEPARATORS = [" ", "\n", "-", "'", "’", ".", ", ", ""]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=25).map("".join)
literal = st.lists(st.sampled_from(["war", "s", "k", "i", "in", "vade", "Kyiv", "1", "_"]), min_size=1, max_size=3).map("".join)
atom = st.one_of(literal, literal.map(lambda s: f"(?:{s})?"), st.just("[Kk]"), st.just(r"\w*"), st.just(r"\b"),
                 st.tuples(literal, literal).map(lambda ab: f"(?:{ab[0]}|{ab[1]})"))
pattern = st.tuples(st.sampled_from(["", "(?i)"]), st.sampled_from([r"\b", ""]), st.lists(atom, min_size=1, max_size=3)).map(
    lambda parts: parts[0] + parts[1] + "".join(parts[2]))


@settings(max_examples=150, deadline=None)
@given(patterns=st.lists(pattern, min_size=1, max_size=4), text=texts)
def test_pattern_set_on_random_patterns(patterns, text):
    same_as_finditer([re.compile(p) for p in patterns], text)


def test_naming_codebook_on_the_seeds(sample_corpus):
    patterns = [re.compile(p) for p in load_naming()["pattern"]]
    assert all(pattern_keys(p) for p in patterns)  # the bundled codebook takes the fast path
    docs = build_documents(sample_corpus.sentences).values()
    assert sum(same_as_finditer(patterns, doc.text) for doc in docs) > 20


def test_label_finder_matches_its_pattern(sample_corpus):
    finder = _LabelFinder(load_labels(), Referents.load())
    assert finder.starts is not None
    texts = [doc.text for doc in build_documents(sample_corpus.sentences).values()] + [
        "the war criminal and war-criminals; a co-leader, pro-regime and regime-change; LEADERS, leader’s, "
        "Heads of State, head of\nstate, ALLY allies-to-be; ſtrongman, \u212aremlin chief"]
    found = 0
    for text in texts:
        spans = [m.span() for m in finder._matches(text)]
        assert spans == [m.span() for m in finder.pattern.finditer(text)]
        found += len(spans)
    assert found > 20


def test_first_char_lookahead_changes_no_match():
    from analysis.word_starts import first_char_lookahead

    terms = ["Peskov", "Putin", "Lukashenko", "Kyiv-based"]
    alternation = r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)"
    text = "Putin met Lukashenko; Peskov, a Kyiv-based reporter and putin-like Xputin."
    guarded = re.compile(first_char_lookahead(terms) + alternation)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(alternation, text)]
    assert first_char_lookahead(["Said", "told"], lower=True) == "(?=[st])"
    assert first_char_lookahead(["a", ""]) == ""  # an empty term can match anywhere
