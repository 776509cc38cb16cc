"""The framing tables in the export contract: names, leading columns, provenance."""
import pandas as pd
import pytest

from analysis.export import Context, export

CONTRACT = {
    "frames.csv": ["article_id", "frame", "score", "n_sentences"],
    "labels.csv": ["article_id", "actor", "label", "surface", "sentence_id"],
    "quotes.csv": ["article_id", "sentence_id", "speaker", "speaker_surface", "cue", "quote"],
    "tone.csv": ["article_id", "sentence_id", "voice", "text"],
    "naming.csv": ["article_id", "concept", "variant"],
}


@pytest.fixture(scope="module")
def written(sample_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    export(Context(sample_corpus), out, list(CONTRACT))
    return {name: pd.read_csv(out / name, dtype={"speaker": str, "speaker_surface": str, "cue": str}, keep_default_na=False)
            for name in CONTRACT}


@pytest.mark.parametrize("name", list(CONTRACT))
def test_contract_columns_come_first(written, name):
    table = written[name]
    assert list(table.columns[:len(CONTRACT[name])]) == CONTRACT[name]
    assert len(table) > 0 and "outlet" in table.columns


@pytest.mark.parametrize("name", ["labels.csv", "quotes.csv", "tone.csv"])
def test_rows_point_at_existing_sentences(written, sample_corpus, name):
    keys = set(zip(sample_corpus.sentences["article_id"], sample_corpus.sentences["sentence_id"]))
    table = written[name]
    assert set(zip(table["article_id"], table["sentence_id"])) <= keys


def test_frame_scores_are_shares(written, sample_corpus):
    frames = written["frames.csv"]
    assert frames["score"].between(0, 1).all()
    assert set(frames["article_id"]) == set(sample_corpus.articles["article_id"])


def test_empty_input_gives_empty_tables_with_columns(sample_corpus):
    from analysis.labels import find_labels
    from analysis.naming import count_naming
    from analysis.quotes import find_quotes
    from analysis.tone import sentence_tone

    empty = sample_corpus.sentences.iloc[0:0]
    for result, first in [(find_quotes(empty), "article_id"), (find_labels(empty), "article_id"),
                          (sentence_tone(empty), "article_id"), (count_naming(empty), "article_id")]:
        assert result.empty and result.columns[0] == first
