"""analysis.vader.VaderPolarity against an unmodified SentimentIntensityAnalyzer, the oracle:
the same score dicts, compared by repr (so -0.0 and 0.0, or a changed key order, differ), on
texts built to hit every rule of VADER's: negations at distances 1 to 3, "no ... or/nor",
"never so/this", "without doubt", "least" after "at"/"very", "but", "kind of", boosters,
idioms, ALL CAPS among lower case, "!" and "?" runs, emoticons, emoji, punctuation-only
tokens; with one scorer reused across texts, as the export does."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SPECIAL_CASES, SentimentIntensityAnalyzer, SentiText

from analysis.vader import VaderPolarity

ORACLE = SentimentIntensityAnalyzer()

LEXICON_WORDS = ["good", "bad", "killed", "happy", "war", "great", "hope", "attack", "kind", "no", "love",
                 "terrible", "fine", "doubt", "stop", "right", "death", "die", "heart", "shit", "bomb", "ass"]
TRAPS = ["not", "NOT", "Not", "n't", "isn't", "Don't", "WON'T", "never", "Never", "without", "nor", "or",
         "but", "BUT", "But,", "least", "at", "very", "so", "this", "of", "the", "sort", "just", "enough",
         "to", "for", "bus", "kiss", "yeah", "beating", "badass", "despite", "rarely", "none"]
BOOSTERS = ["very", "VERY", "extremely", "barely", "kinda", "sort-of", "Utterly", "more", "most", "less"]
MARKS = ["!", "!!!", "?", "???", "?!", "...", ",", "'", "--", "“", "”", ":)", ":-(", ":D", "<3", ";)", "12", "3.5"]
EMOJI = ["😀", "☺️", "☺", "💔", "👍🏼"]
OTHER = ["drones", "Kyiv", "SAID", "talks", "x", "I", "A"]


@st.composite
def word_variants(draw, words):
    """A word as it appears in text: any case shape, maybe wrapped in punctuation."""
    word = draw(st.sampled_from(words))
    word = draw(st.sampled_from([word, word.upper(), word.capitalize()]))
    left, right = draw(st.sampled_from(["", "", "(", "'", "“"])), draw(st.sampled_from(["", "", ".", ",", "!", "?!", ")"]))
    return left + word + right


tokens = st.one_of(word_variants(LEXICON_WORDS), word_variants(TRAPS), word_variants(BOOSTERS),
                   st.sampled_from(MARKS), st.sampled_from(OTHER))
separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\t"])


@st.composite
def trap_texts(draw, with_emoji=False):
    pool = st.one_of(tokens, st.sampled_from(EMOJI)) if with_emoji else tokens
    words = draw(st.lists(pool, max_size=18))
    return "".join(word + draw(separators) for word in words)


def scores_alike(text: str, polarity: VaderPolarity) -> None:
    assert repr(polarity.polarity_scores(text)) == repr(ORACLE.polarity_scores(text)), text


@settings(max_examples=400, deadline=None)
@given(trap_texts())
@example("")
@example("   \n ")
@example("... !! ,")  # words, none in the lexicon: neutral, not empty
@example("The talks ended on Tuesday.")
@example("not good")
@example("he was not very good")
@example("not at all so bad at least")
@example("never so good")
@example("never this bad")
@example("without doubt, good")
@example("without a doubt good")
@example("no good or bad")
@example("no or nor bad")
@example("no no no")
@example("good or bad no")  # VADER never reads "no" at i - 3 before the start of the text
@example("at least good")
@example("very least bad")
@example("least good")
@example("good but bad")
@example("good good but bad bad good")  # VADER's "but" rule finds a value's first occurrence
@example("kind of good")
@example("kind of")
@example("sort of bad")
@example("The bomb was the bomb")
@example("that is the shit")
@example("kiss of death for them")
@example("a beating heart")
@example("yeah right")
@example("bus stop bad")
@example("VERY GOOD but bad")
@example("GOOD")
@example("GOOD bad")
@example("I LOVE it!!!")
@example("bad???? worse!!!!!")
@example(":) :-( <3 :D")
@example("(good) 'bad' isn't")
def test_scores_are_vaders(text):
    scores_alike(text, VaderPolarity(ORACLE))


@settings(max_examples=80, deadline=None)
@given(st.lists(trap_texts(with_emoji=True) | st.text(max_size=40), max_size=12))
def test_one_scorer_reused_across_texts_gives_vaders_scores(texts):
    """Tokens learnt from one text must not leak into the next one's answer."""
    polarity = VaderPolarity(ORACLE)
    for text in texts + texts[::-1]:
        scores_alike(text, polarity)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
@example("the 😀 drones")  # the emoji's description holds a lexicon word
@example("the ☺️ drones")  # VADER looks emoji up one character at a time
@example("ǅ İstanbul ß ΣΑΣ")  # title-case letters, lower-casing that changes length, final sigma
def test_any_text_scores_as_vader_scores_it(text):
    scores_alike(text, VaderPolarity(ORACLE))


@given(st.text(max_size=12) | word_variants(LEXICON_WORDS + TRAPS))
@example("'A'")
@example("ǅ.")
def test_the_punctuation_vader_strips_never_changes_isupper(token):
    """Why VaderPolarity may ask the token, not VADER's stripped word, whether it is upper."""
    assert SentiText._strip_punc_if_word(token).isupper() == token.isupper()


def test_seed_sentences_score_as_vader_scores_them(sample_corpus):
    polarity = VaderPolarity(ORACLE)
    texts = list(sample_corpus.sentences["text"])
    assert texts
    for text in texts:
        scores_alike(text, polarity)


def test_every_idiom_and_booster_phrase_in_context():
    polarity = VaderPolarity(ORACLE)
    for phrase in list(SPECIAL_CASES) + [b for b in BOOSTER_DICT if " " in b]:
        for text in [phrase, f"it was {phrase}", f"not {phrase} good", f"good {phrase} at all",
                     f"the war was {phrase.upper()} bad", f"{phrase} but happy", f"so it was {phrase}"]:
            scores_alike(text, polarity)


def test_an_edited_lexicon_is_followed():
    analyzer = SentimentIntensityAnalyzer()
    polarity = VaderPolarity(analyzer)
    assert polarity.polarity_scores("drones hit the city")["compound"] == 0.0  # tokens now known
    analyzer.lexicon["drones"] = -2.5
    del analyzer.lexicon["good"]
    for text in ["drones hit the city", "not good drones", "very GOOD, not drones"]:
        assert repr(polarity.polarity_scores(text)) == repr(analyzer.polarity_scores(text))
    assert polarity.polarity_scores("drones")["compound"] < 0


def test_a_subclass_keeps_its_own_rules():
    class Louder(SentimentIntensityAnalyzer):
        def sentiment_valence(self, valence, sentitext, item, i, sentiments):
            sentiments = super().sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments[-1] *= 2
            return sentiments

    louder = Louder()
    assert louder.polarity_scores("a good day") != ORACLE.polarity_scores("a good day")
    assert VaderPolarity(louder).polarity_scores("a good day") == louder.polarity_scores("a good day")


@pytest.mark.parametrize("text", ["drones", "The talks ended.", "12 drones.", "... !!", "kind of", "VERY much so",
                                  "at least the drones"])
def test_texts_without_lexicon_words_score_neutral(text):
    assert VaderPolarity(ORACLE).polarity_scores(text) == {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
