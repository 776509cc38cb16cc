"""Topic codebook validation, term matching and the sentence-level topic evidence."""
import re

import pandas as pd
import pytest

from analysis.errors import CodebookError
from analysis.terms import term_pattern
from analysis.topics import TopicMatcher, load_topics, sentence_topics

HEADER = "topic,label,terms,patterns,description\n"


def write_topics(tmp_path, body, header=HEADER):
    (tmp_path / "topics.csv").write_text(header + body, encoding="utf-8")
    return tmp_path


def topics_frame(**terms):
    return pd.DataFrame({
        "topic": list(terms),
        "label": list(terms),
        "terms": [tuple(t) for t in terms.values()],
        "patterns": [() for _ in terms],
    })


def body_units(*texts, article_id="a"):
    return pd.DataFrame({
        "article_id": article_id,
        "unit": "body",
        "block_id": range(1, len(texts) + 1),
        "sentence_id": range(1, len(texts) + 1),
        "paragraph": range(len(texts)),
        "position": [i / len(texts) for i in range(len(texts))],
        "text": list(texts),
        "n_words": [len(t.split()) for t in texts],
    })


def test_bundled_codebook_loads():
    topics = load_topics()
    assert len(topics) >= 5
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", t) for t in topics["topic"])
    assert all(len(terms) or len(patterns) for terms, patterns in zip(topics["terms"], topics["patterns"]))


@pytest.mark.parametrize("body, row, column, fragment", [
    ("ok,Ok,visit,,\nBad Topic,Bad,visit,,\n", 3, "topic", "lower-case"),
    ("ok,Ok,visit,,\nempty,Empty,,,\n", 3, "terms", "neither terms nor patterns"),
    ("ok,Ok,*?*,,\n", 2, "terms", "needs at least one letter or digit"),
    ("ok,Ok,*,,\n", 2, "terms", "at least one letter"),
    ("ok,Ok,visit,(unclosed,\n", 2, "patterns", "invalid regular expression"),
    ("ok,Ok,visit,,\nok,Again,trip,,\n", 3, "topic", "duplicate"),
    (",No id,visit,,\n", 2, "topic", "empty cell"),
])
def test_codebook_mistakes_name_file_row_and_column(tmp_path, body, row, column, fragment):
    folder = write_topics(tmp_path, body)
    with pytest.raises(CodebookError) as caught:
        load_topics(folder)
    message = str(caught.value)
    assert "topics.csv" in message and f"row {row}" in message and f"column '{column}'" in message
    assert fragment in message
    assert caught.value.row == row and caught.value.column == column


def test_missing_terms_column_is_named(tmp_path):
    folder = write_topics(tmp_path, "ok,Ok,\n", header="topic,label,description\n")
    with pytest.raises(CodebookError, match="missing column.*terms"):
        load_topics(folder)


def test_patterns_column_is_optional_and_label_defaults_to_id(tmp_path):
    folder = write_topics(tmp_path, "energy,,gas;oil,\n", header="topic,label,terms,description\n")
    topics = load_topics(folder)
    assert topics.loc[0, "patterns"] == () and topics.loc[0, "label"] == "energy"


@pytest.mark.parametrize("term, text, expected", [
    ("sanction*", "new sanctions were imposed", ["sanctions"]),
    ("sanction*", "Sanctioned banks", ["Sanctioned"]),
    ("gas", "gasoline prices", []),  # no wildcard: whole words only
    ("oil", "political turmoil", []),
    ("EU", "the eu said", []),  # a capital means the term matches its case only
    ("eu", "the EU said", ["EU"]),  # lower case matches any case
    ("EU", "Europe and a queue", []),
    ("price cap", "a price\n  cap on gas", ["price\n  cap"]),
    ("Russia's war", "Russia’s war", ["Russia’s war"]),  # curly apostrophe
    ("S-400", "S-400 air defence", ["S-400"]),
    ("St. Nicholas", "on St. Nicholas Day", ["St. Nicholas"]),
    ("drone*", "drones, drone and redrone", ["drones", "drone"]),
])
def test_term_matching(term, text, expected):
    assert [m.group() for m in re.finditer(term_pattern(term), text)] == expected


def test_overlapping_terms_of_one_topic_count_once_and_topics_do_not_hide_each_other():
    matcher = TopicMatcher(topics_frame(strikes=["drone", "drone strike"], war=["drone strike"]))
    found = matcher.matches("A drone strike hit Kyiv.")
    assert [(t, term) for t, term, *_ in found] == [("strikes", "drone strike"), ("war", "drone strike")]


def test_sentence_topics_splits_words_evenly_and_keeps_evidence():
    topics = topics_frame(visit=["visit", "trip"], strikes=["drone*"], energy=["gas"])
    units = body_units(
        "Putin's visit came hours after drones hit Kyiv on his trip",  # 11 words, 2 topics
        "The drone attack was the third drone attack this week",  # 10 words, 1 topic
        "Nothing here matches at all",
    )
    evidence = sentence_topics(units, topics)
    assert set(evidence["sentence_id"]) == {1, 2}
    first = evidence[evidence["sentence_id"] == 1].set_index("topic")
    assert first.loc["visit", "words"] == pytest.approx(11 / 2)
    assert first.loc["visit", "terms"] == "visit;trip" and first.loc["visit", "hits"] == 2
    assert first.loc["strikes", "surfaces"] == "drones" and first.loc["strikes", "n_topics"] == 2
    second = evidence[evidence["sentence_id"] == 2].iloc[0]
    assert second["words"] == 10 and second["hits"] == 2 and second["terms"] == "drone*"
    # the words a sentence gives away never exceed its length
    given = evidence.groupby("sentence_id")["words"].sum()
    assert (given <= units.set_index("sentence_id")["n_words"].reindex(given.index)).all()


def test_sentence_topics_accepts_plain_body_sentences():
    units = body_units("gas prices").drop(columns="unit")
    evidence = sentence_topics(units, topics_frame(energy=["gas"]))
    assert list(evidence["unit"]) == ["body"]


def test_seed_evidence_is_traceable(sample_corpus):
    """Every assignment on the seeds re-matches its sentence with one of its topic's terms."""
    from analysis.prominence import text_units

    topics = load_topics()
    units = text_units(sample_corpus)
    evidence = sentence_topics(units, topics)
    assert len(evidence)
    terms_of = dict(zip(topics["topic"], topics["terms"]))
    text_of = {(a, u, s, b): t for a, u, s, b, t in units[["article_id", "unit", "sentence_id", "block_id", "text"]].itertuples(index=False)}
    for row in evidence.itertuples(index=False):
        text = text_of[(row.article_id, row.unit, row.sentence_id, row.block_id)]
        terms = row.terms.split(";")
        assert terms and all(term in terms_of[row.topic] for term in terms)
        assert all(re.search(term_pattern(term), text) for term in terms)
        assert all(surface in text for surface in row.surfaces.split(";"))
