"""Quotation spans and speaker attribution: every form on synthetic text, then every quote of
the five seed articles pinned to its speaker (looked up by quote text, so sentence splitting
changes do not break the pins)."""
import pandas as pd
import pytest

from analysis.document import build_document, sentences_from_text
from analysis.quotes import NOT_IN_CODEBOOK, UNATTRIBUTED, find_quote_spans, find_quotes, quote_kind, sourcing_balance
from analysis.referents import Referents


@pytest.fixture(scope="module")
def referents():
    return Referents.load()


def quotes_of(text, referents):
    return find_quotes(sentences_from_text(text), referents=referents)


def only(quotes, fragment):
    rows = quotes[quotes["quote"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, f"{len(rows)} quotes contain {fragment!r}: {list(quotes['quote'])}"
    return rows.iloc[0]


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("“We will win,” Putin said.", "We will win", "Vladimir Putin", "said"),
    ("“We will win,” said Putin.", "We will win", "Vladimir Putin", "said"),
    ("Putin said: “We will win.”", "We will win", "Vladimir Putin", "said"),
    ('Putin said, "We will win."', "We will win", "Vladimir Putin", "said"),
    ("“We will win,” Dmitry Peskov, the Kremlin spokesman, told reporters.", "We will win", "Dmitry Peskov", "told"),
    ("“We will win,” said the Kremlin’s spokesman, Dmitry Peskov.", "We will win", "Dmitry Peskov", "said"),
    ("“Enough,” Scholz wrote on Telegram.", "Enough", "Olaf Scholz", "wrote"),
    ("According to Zelensky, the attack was “barbaric”.", "barbaric", "Volodymyr Zelensky", "according to"),
    ("The attack was “barbaric”, according to Zelensky.", "barbaric", "Volodymyr Zelensky", "according to"),
    ("Lukashenko praised the talks, calling them “fruitful”.", "fruitful", "Alexander Lukashenko", "calling"),
    ("Lavrov said «no» to the plan.", "no", "Sergei Lavrov", "said"),
    ("Guterres said on Dec. 13 that he saw “no path to peace”.", "no path", "Antonio Guterres", "said"),
    # the first named after an inverted cue, not a place in the apposition
    ("“It is cold,” said Vitali Klitschko, the mayor of Kyiv.", "It is cold", "Vitali Klitschko", "said"),
])
def test_attribution_forms(referents, text, fragment, speaker, cue):
    row = only(quotes_of(text, referents), fragment)
    assert (row["speaker"], row["cue"]) == (speaker, cue)


@pytest.mark.parametrize("text, fragment, speaker", [
    # he/she: the last person named in the outlet's voice, not a name inside the quote
    ("Lavrov met Peskov on Monday. “We will win,” he said.", "We will win", "Dmitry Peskov"),
    ("Zelensky spoke on Monday. “Putin has failed,” he said.", "Putin has failed", "Volodymyr Zelensky"),
    # a speaker named later than the last mention wins ("he adds" after a report's quote)
    ("The ISW said Putin may attack. “Unlikely,” the ISW report says. “Very unlikely,” he adds.", "Very unlikely",
     "Institute for the Study of War"),
    # it: the last organisation
    ("Putin spoke. The Pentagon issued a statement. “We see no threat,” it said.", "no threat", "Pentagon"),
    ("Scholz paused. “Why now?” he asked.", "Why now", "Olaf Scholz"),
])
def test_pronoun_resolution(referents, text, fragment, speaker):
    row = only(quotes_of(text, referents), fragment)
    assert row["speaker"] == speaker and row["resolution"] == "pronoun"


def test_quote_without_cue_continues_previous_speaker(referents):
    quotes = quotes_of("“First,” Guterres said at the briefing. “Second thing.”", referents)
    second = only(quotes, "Second thing")
    assert second["speaker"] == "Antonio Guterres" and second["resolution"] == "continuation"


def test_quote_spanning_paragraphs_is_one_quote(referents):
    text = "Zelensky said: “The first paragraph of the speech.\n\n“The second paragraph goes on,” he added."
    quotes = quotes_of(text, referents)
    assert len(quotes) == 1
    row = quotes.iloc[0]
    assert row["closed"] and "first paragraph" in row["quote"] and "second paragraph" in row["quote"]
    assert "“" not in row["quote"] and row["speaker"] == "Volodymyr Zelensky"
    assert row["sentence_id_end"] > row["sentence_id"]


def test_unclosed_quote_ends_with_its_paragraph(referents):
    text = "Peskov called the claims “absurd and false.\n\nIn other news, Kyiv was quiet, officials said."
    quotes = quotes_of(text, referents)
    row = only(quotes, "absurd")
    assert not row["closed"] and row["quote"] == "absurd and false." and row["speaker"] == "Dmitry Peskov"
    assert "Kyiv" not in row["quote"]


@pytest.mark.parametrize("text", [
    "The chances of a strike are said to be “very high”.",  # passive: nobody speaks
    "Putin, who was described as “tired”, left early.",
])
def test_passive_cue_is_no_speaker(referents, text):
    row = quotes_of(text, referents).iloc[0]
    assert row["speaker"] == "" and row["camp"] == UNATTRIBUTED


def test_speaker_outside_codebook_keeps_surface_name(referents):
    row = only(quotes_of("“It is cold,” said Olena Petrenko, a teacher.", referents), "It is cold")
    assert row["speaker"] == "Olena Petrenko" and row["camp"] == NOT_IN_CODEBOOK


def test_apostrophes_do_not_open_or_close_quotes():
    doc = build_document("x", sentences_from_text("Russia’s ‘special operation’ goes on, the leaders’ aides say it’s over."))
    spans = find_quote_spans(doc)
    assert [s.inner(doc.text) for s in spans] == ["special operation"]


def test_straight_quotes_pair_in_order():
    doc = build_document("x", sentences_from_text('He said "yes" and then "no" twice.'))
    assert [s.inner(doc.text) for s in find_quote_spans(doc)] == ["yes", "no"]


@pytest.mark.parametrize("text, kind", [
    ("“We will win,” Putin said.", "direct"),
    ("Putin said: “We will win.”", "direct"),
    ("Putin called them “closest allies” on Monday.", "partial"),
    ("Ukraine shot down Iranian-made “Shaheds,” that hit the city.", "partial"),
])
def test_quote_kind(text, kind):
    doc = build_document("x", sentences_from_text(text))
    assert quote_kind(doc.text, find_quote_spans(doc)[0]) == kind


def test_sourcing_balance_shares_sum_to_one():
    quotes = pd.DataFrame({"outlet": ["A", "A", "B"], "camp": ["x", "y", "x"], "quote": ["a", "b", "c"], "n_words": [3, 1, 2]})
    balance = sourcing_balance(quotes)
    assert balance.groupby("outlet")["share"].sum().round(9).eq(1).all()
    assert balance.set_index(["outlet", "camp"]).loc[("A", "x"), "share"] == pytest.approx(0.75)


# --- the seed articles ------------------------------------------------------------------

SEED_SPEAKERS = [
    ("000", "a single defence space", "Vladimir Putin"),
    ("000", "Russia isn’t interested in any kind of merger", "Vladimir Putin"),
    ("000", "The capacity of the Russian military", "Institute for the Study of War"),  # "it said"
    ("000", "it is unlikely that Lukashenko will commit", "Institute for the Study of War"),  # "It concluded"
    ("000", "This is how Russians congratulated", "Serhii Kruk"),  # wrote on Telegram
    ("000", "In the night when everyone is waiting", "Dmytro Lubinets"),  # said Ukraine's human rights chief, D. L.
    ("000", "A 100 percent air defence shield", "Volodymyr Zelensky"),
    ("000", "This step is needed right now", "Volodymyr Zelensky"),  # continuation
    ("001", "If you count up their major attacks", "Oleksiy Danilov"),
    ("002", "united by a common history", "Vladimir Putin"),
    ("002", "closest allies and strategic partners", "Vladimir Putin"),
    ("002", "the wicked", "Vladimir Putin"),
    ("002", "Russia has no interest in absorbing anyone", "Vladimir Putin"),
    ("002", "I think a statement like that", "Ned Price"),
    ("002", "We have seen the Lukashenko regime", "Ned Price"),
    ("002", "open to dialogue with other states", "Alexander Lukashenko"),
    ("002", "I hope that soon they will listen", "Alexander Lukashenko"),
    ("002", "as completely stupid and baseless fabrications", "Dmitry Peskov"),
    ("002", "I first heard the air raid siren", "Natalia Dobrovolska"),
    ("002", "Russian aggression can and must fail", "Volodymyr Zelensky"),  # "he told the leaders gathered in Riga"
    ("002", "I am not optimistic", "Antonio Guterres"),
    ("002", "the risks outweigh the benefits", "European Commission"),
    ("002", "It was not an easy thing to achieve", "Miriam Dalli"),
    ("002", "unacceptable", "Dmitry Peskov"),
    ("003", "number one ally", "Dmitry Peskov"),
    ("003", "special military operation", "Kremlin"),  # "what it calls"
    ("003", "stupid and unfounded fabrications", "Dmitry Peskov"),
    ("003", "further aggression against Ukraine", "Serhiy Nayev"),
    ("003", "any type of impending cross-border activity", "Pentagon"),
    ("004", "Our enemies seek to stop", "Vladimir Putin"),
    ("004", "older brother", "Alexander Lukashenko"),
    ("004", "political-military situation", "Dmitry Peskov"),  # according to the Kremlin spokesman, D. P.
    ("004", "mutual deliveries of weapons", "Vladimir Putin"),  # the Kremlin chief said
    ("004", "joint regional groups", "Belarusian Defense Ministry"),  # not in the codebook: surface name
    ("004", "The strengthening of relations between Belarus", "Alexander Lukashenko"),  # said the Belarusian authoritarian leader
    ("004", "Today we can unequivocally affirm", "Alexander Lukashenko"),
    ("004", "Russia can manage without us", "Alexander Lukashenko"),  # "she said": a translation error
    ("004", "for all possible scenarios", "Volodymyr Zelensky"),
    ("004", "Protecting our border with both Russia", "Volodymyr Zelensky"),
    ("004", "Of course, there are concerns", "Steffen Hebestreit"),
    ("004", "It remains extremely unlikely", "Institute for the Study of War"),  # the ISW report says
    ("004", "It is not at all clear that Lukashenko", "Institute for the Study of War"),  # "he adds"
]


@pytest.fixture(scope="module")
def seed_quotes(sample_corpus):
    return find_quotes(sample_corpus.sentences)


@pytest.mark.parametrize("prefix, fragment, speaker", SEED_SPEAKERS)
def test_seed_quote_speakers(seed_quotes, prefix, fragment, speaker):
    mine = seed_quotes[seed_quotes["article_id"].str.startswith(prefix)]
    assert only(mine, fragment)["speaker"] == speaker


def test_seed_exact_short_quotes(seed_quotes):
    by_text = seed_quotes.set_index("quote")["speaker"]
    assert by_text["absorb"] == "Vladimir Putin"  # "in which he assured": he = Putin
    assert by_text["priority"] == "Vladimir Putin"
    assert by_text["support"] == "Alexander Lukashenko"
    assert by_text["concern"] == "Alexander Lukashenko"


def test_seed_same_words_different_speakers(seed_quotes):
    very_high = seed_quotes[seed_quotes["quote"] == "very high"].sort_values("sentence_id")
    # "chances ... said to be 'very high'" is nobody's; the second is Musteata's
    assert list(very_high["speaker"]) == ["", "Alexandru Musteata"]


def test_seed_unclosed_quote(seed_quotes):
    row = only(seed_quotes, "stupid and unfounded fabrications")
    assert not row["closed"]
    assert seed_quotes["closed"].sum() == len(seed_quotes) - 1


def test_seed_quotes_start_in_their_sentence(sample_corpus, seed_quotes):
    text = sample_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    for row in seed_quotes.itertuples():
        sentence = text[(row.article_id, row.sentence_id)]
        assert sentence[row.char_start] in "“\"‘«"
        assert row.quote.split()[0] in sentence


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Peskov told reporters: “No comment.”", "No comment", "Dmitry Peskov"),
    ("“No comment,” Peskov told reporters on Monday.", "No comment", "Dmitry Peskov"),
    ("“No comment,” Kremlin spokesman Dmitry Peskov told reporters.", "No comment", "Dmitry Peskov"),
    # a cue in the previous sentence does not reach into this one
    ("Putin said nothing. Lavrov called it “a success”.", "a success", "Sergei Lavrov"),
    # a name inside the quote is not the speaker
    ("“Putin is wrong,” said Scholz.", "Putin is wrong", "Olaf Scholz"),
])
def test_more_attribution_traps(referents, text, fragment, speaker):
    assert only(quotes_of(text, referents), fragment)["speaker"] == speaker


def test_nested_single_quotes_stay_inside_the_double_quote(referents):
    quotes = quotes_of("“He called it ‘madness’ and left,” Scholz said.", referents)
    assert list(quotes["quote"]) == ["He called it ‘madness’ and left"] and quotes["speaker"].iloc[0] == "Olaf Scholz"


def test_pronoun_with_no_one_to_point_to_stays_unresolved(referents):
    row = quotes_of("“No,” he said.", referents).iloc[0]
    assert (row["speaker"], row["speaker_surface"], row["resolution"], row["camp"]) == ("", "he", "unresolved", UNATTRIBUTED)
