"""Evaluative labels: each construction on synthetic text, traps that must yield nothing,
and the seed cases named in the issue."""
import pytest

from analysis.codebook import CodebookError
from analysis.document import sentences_from_text
from analysis.labels import find_labels, label_table, leader_terms, load_labels
from analysis.referents import Referents, load_countries


@pytest.fixture(scope="module")
def referents():
    return Referents.load()


def labels_of(text, referents):
    return find_labels(sentences_from_text(text), referents=referents)


@pytest.mark.parametrize("text, surface, actor, construction", [
    ("Belarusian strongman Alexander Lukashenko arrived.", "strongman", "Alexander Lukashenko", "premodifier"),
    ("Authoritarian leader Aleksandr Lukashenko arrived.", "Authoritarian", "Alexander Lukashenko", "premodifier"),
    ("Lukashenko, a dictator by any measure, arrived.", "dictator", "Alexander Lukashenko", "apposition"),
    ("Belarus, a close Kremlin ally, hosted the talks.", "ally", "Belarus", "apposition"),
    ("The country's human rights chief, Dmytro Lubinets, spoke.", "chief", "Dmytro Lubinets", "apposition"),
    ("The Putin regime denied it.", "regime", "Vladimir Putin", "attributive"),
    ("The Russian leader landed in Minsk.", "leader", "Vladimir Putin", "epithet"),
    ("Lukashenko met guests. Later the Russian dictator arrived.", "dictator", "Vladimir Putin", "description"),
    ("Putin flew to Belarus, the country whose ruler backed the war.", "ruler", "Alexander Lukashenko", "relative"),
    ("Lukashenko met Putin. The President said little.", "President", "Vladimir Putin", "anaphor"),
])
def test_label_constructions(referents, text, surface, actor, construction):
    rows = labels_of(text, referents)
    rows = rows[rows["surface"] == surface]
    assert list(zip(rows["actor"], rows["construction"])) == [(actor, construction)]
    assert not rows["in_quote"].any()


@pytest.mark.parametrize("text", [
    "Putin met Lukashenko in Minsk. Both autocrats smiled.",
    "Putin met Lukashenko in Minsk. The two leaders smiled.",
])
def test_plural_label_applies_to_both_leaders(referents, text):
    rows = labels_of(text, referents)
    assert set(rows["actor"]) == {"Vladimir Putin", "Alexander Lukashenko"}
    assert set(rows["construction"]) == {"plural"}


def test_plural_skips_people_who_lead_no_country(referents):
    text = "Putin met Lukashenko. Shoigu and Lavrov joined them. Both autocrats smiled."
    assert set(labels_of(text, referents)["actor"]) == {"Vladimir Putin", "Alexander Lukashenko"}


def test_label_inside_quote_is_flagged(referents):
    rows = labels_of("“The Lukashenko regime has given up its sovereignty,” Price said.", referents)
    assert list(rows["label"]) == ["regime"] and rows["in_quote"].all()


@pytest.mark.parametrize("text", [
    "He spoke of a leader who is looking for a fight.",  # indefinite: nobody in particular
    "Western leaders met in Riga.",  # a plural without 'both'/'the two'
    "The Belarusian army chief inspected troops.",  # 'chief' does not name a head of state
    "Ukraine's allies sent weapons.",  # the allies are others, not Ukraine
    "Belarus is a Kremlin ally.",  # an ally of the Kremlin, not the Kremlin
])
def test_unresolvable_labels_yield_no_row(referents, text):
    assert labels_of(text, referents).empty


def test_label_offsets_point_at_the_surface(sample_corpus, referents):
    labels = find_labels(sample_corpus.sentences, referents=referents)
    text = sample_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    for row in labels.itertuples():
        assert text[(row.article_id, row.sentence_id)][row.char_start:row.char_end] == row.surface


def test_label_table_groups_by_actor_and_outlet():
    import pandas as pd

    labels = pd.DataFrame({"actor": ["A", "A", "A"], "outlet": ["X", "X", "Y"], "label": ["ruler", "ruler", "leader"],
                           "in_quote": [False, False, True]})
    table = label_table(labels)
    assert table.loc["A", "X"] == "ruler (2)" and "Y" not in table.columns
    assert label_table(labels, own_voice_only=False).loc["A", "Y"] == "leader (1)"


def test_leader_terms_come_from_the_codebook():
    terms = leader_terms(load_labels())
    assert "strongman" in terms and "pariah" not in terms


def test_country_leader_must_be_an_actor(tmp_path):
    (tmp_path / "countries.csv").write_text("country,aliases,adjectives,leader,description\nNarnia,Narnia,Narnian,Aslan,\n")
    from analysis.actors import load_actors

    with pytest.raises(CodebookError, match=r"row 2, column 'leader'"):
        load_countries(tmp_path, load_actors())


def test_bad_stance_names_row_and_column(tmp_path):
    (tmp_path / "labels.csv").write_text("label,terms,stance,leader_noun,description\nruler,ruler,nasty,yes,\n")
    with pytest.raises(CodebookError, match=r"labels.csv.*row 2, column 'stance'"):
        load_labels(tmp_path)


# --- the seed articles ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_labels(sample_corpus, referents):
    labels = find_labels(sample_corpus.sentences, referents=referents)
    text = sample_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    return labels.assign(sentence=[text[k] for k in zip(labels["article_id"], labels["sentence_id"])])


@pytest.mark.parametrize("prefix, surface, context, actors, in_quote", [
    ("001", "ruler", "Belarusian ruler Alexander Lukashenko", {"Alexander Lukashenko"}, False),
    ("003", "pariah", "a pariah in the West", {"Alexander Lukashenko"}, False),
    ("003", "ally", "a close Kremlin ally", {"Belarus"}, False),
    ("002", "regime", "Lukashenko regime", {"Alexander Lukashenko"}, True),  # inside Ned Price's quote
    ("002", "strongman", "whose strongman helped his invasion", {"Alexander Lukashenko"}, False),
    ("004", "autocrats", "Both autocrats", {"Alexander Lukashenko", "Vladimir Putin"}, False),
    ("004", "authoritarian", "authoritarian leader Aleksandr Lukashenko", {"Alexander Lukashenko"}, False),
    ("004", "authoritarian", "said the Belarusian authoritarian leader", {"Alexander Lukashenko"}, False),
])
def test_seed_labels(seed_labels, prefix, surface, context, actors, in_quote):
    rows = seed_labels[seed_labels["article_id"].str.startswith(prefix) & (seed_labels["surface"] == surface)
                       & seed_labels["sentence"].str.contains(context, regex=False)]
    assert set(rows["actor"]) == actors
    assert set(rows["in_quote"]) == {in_quote}


def test_label_table_of_no_labels_is_empty_not_an_error():
    import pandas as pd

    from analysis.labels import LABEL_COLUMNS

    empty = pd.DataFrame(columns=LABEL_COLUMNS).astype({"in_quote": bool})
    assert label_table(empty).empty
