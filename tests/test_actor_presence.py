"""actors.csv: mentions, quotes and first position per article and actor."""
import pandas as pd
import pytest

from analysis.actor_presence import ACTOR_TABLE_COLUMNS, QUOTES_COUNTED, QUOTES_NOT_COUNTED, actor_presence, quotes_per_actor
from analysis.actors import load_actors
from analysis.export import TABLES, Context

ACTORS = pd.DataFrame({
    "actor": ["Vladimir Putin", "Alexander Lukashenko", "Dmitry Peskov"],
    "camp": ["russia_belarus_officials"] * 3,
    "aliases": [("Vladimir Putin", "Putin"), ("Alexander Lukashenko", "Lukashenko"), ("Dmitry Peskov", "Peskov", "Kremlin spokesman")],
})


def sentences(*texts, article_id="a"):
    n = len(texts)
    return pd.DataFrame({"article_id": article_id, "sentence_id": range(1, n + 1), "position": [i / n for i in range(n)], "text": list(texts)})


SENTENCES = pd.concat([
    sentences("Lukashenko met him.", "Vladimir Putin said Putin would stay.", "Peskov denied it."),
    sentences("Nobody named here.", "Kremlin spokesman Dmitry Peskov spoke.", article_id="b"),
], ignore_index=True)


def test_mentions_first_position_and_surfaces_without_quotes():
    table = actor_presence(SENTENCES, ACTORS)
    assert list(table.columns) == ACTOR_TABLE_COLUMNS
    row = table[(table["article_id"] == "a") & (table["actor"] == "Vladimir Putin")].iloc[0]
    assert row["mentions"] == 2 and row["first_position"] == pytest.approx(1 / 3) and row["first_sentence_id"] == 2
    assert row["surfaces"] == "Vladimir Putin;Putin"
    peskov_b = table[(table["article_id"] == "b") & (table["actor"] == "Dmitry Peskov")].iloc[0]
    assert peskov_b["mentions"] == 1  # "Kremlin spokesman Dmitry Peskov": the longest alias wins, once
    assert (table["quotes"] == 0).all() and (table["quotes_source"] == QUOTES_NOT_COUNTED).all()
    assert list(table[table["article_id"] == "a"]["actor"]) == ["Alexander Lukashenko", "Vladimir Putin", "Dmitry Peskov"]


def test_quotes_are_resolved_to_actors():
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "a", "b", "b"],
        "speaker": ["Putin", "Vladimir Putin", "an unnamed official", "", "Kremlin spokesman Dmitry Peskov"],
        "speaker_surface": ["Putin", "he", "official", "Lukashenko", "Peskov"],
    })
    per_actor = quotes_per_actor(quotes, ACTORS).set_index(["article_id", "actor"])["quotes"]
    assert per_actor[("a", "Vladimir Putin")] == 2
    assert per_actor[("b", "Alexander Lukashenko")] == 1  # empty speaker: the surface resolves
    assert per_actor[("b", "Dmitry Peskov")] == 1
    assert len(per_actor) == 3  # the unnamed official is not a codebook actor
    table = actor_presence(SENTENCES, ACTORS, quotes).set_index(["article_id", "actor"])
    assert table.loc[("a", "Vladimir Putin"), "quotes"] == 2
    # quoted but never named by an alias in the body: a row with 0 mentions and no position
    assert table.loc[("b", "Alexander Lukashenko"), "mentions"] == 0
    assert pd.isna(table.loc[("b", "Alexander Lukashenko"), "first_position"])
    assert (table["quotes_source"] == QUOTES_COUNTED).all()


def test_empty_quote_table_counts_zero_but_says_counted():
    empty = pd.DataFrame(columns=["article_id", "speaker", "speaker_surface"])
    table = actor_presence(SENTENCES, ACTORS, empty)
    assert (table["quotes"] == 0).all() and (table["quotes_source"] == QUOTES_COUNTED).all()


def test_export_uses_quotes_table_when_registered(sample_corpus, monkeypatch):
    from analysis import tables  # noqa: F401  (registers the builders)

    first = sample_corpus.articles["article_id"].iloc[0]
    fake = pd.DataFrame({"article_id": [first], "sentence_id": [1], "speaker": ["Vladimir Putin"], "speaker_surface": ["Putin"], "cue": ["said"], "quote": ["x"]})
    monkeypatch.setitem(TABLES, "quotes.csv", lambda ctx: fake)
    table = Context(sample_corpus).table("actors.csv")
    assert list(table.columns[:7]) == ["article_id", "actor", "mentions", "quotes", "first_position", "camp", "outlet"]
    assert table.set_index(["article_id", "actor"]).loc[(first, "Vladimir Putin"), "quotes"] == 1
    assert table["quotes"].sum() == 1


def test_seed_actors(sample_corpus):
    table = actor_presence(sample_corpus.sentences, load_actors())
    assert (table["mentions"] > 0).all() and table["first_position"].between(0, 1).all()
    assert not table.duplicated(["article_id", "actor"]).any()
    putin = table[table["actor"] == "Vladimir Putin"]
    assert set(putin["article_id"]) == set(sample_corpus.articles["article_id"])  # every seed names Putin


@pytest.mark.parametrize("text, expected", [
    ("Kremlin spokesman Dmitry Peskov spoke.", 1),
    ("Kremlin spokesman, Dmitry Peskov, spoke.", 1),
    ("Peskov spoke; later Peskov added more.", 2),
    ("Kremlin spokesman said Peskov agreed.", 2),
])
def test_title_and_name_side_by_side_count_once(text, expected):
    table = actor_presence(sentences(text), ACTORS)
    assert table.set_index("actor").loc["Dmitry Peskov", "mentions"] == expected
