"""Bootstrap intervals and paragraph scores: formulas rebuilt from sentence counts agree with
textstat, resampling is deterministic, intervals behave as intervals should."""
import numpy as np
import pandas as pd
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.readability import readability_table
from analysis.readability_uncertainty import (
    BOOTSTRAPPED, COUNT_COLUMNS, NOT_BOOTSTRAPPED, OUTLET_INTERVAL_COLUMNS, article_reconstruction,
    bootstrap_replicates, formulas, outlet_differences, outlet_intervals, paragraph_scores,
    sentence_counts,
)
from readability_fixtures import DENSE, NEWS, PLAIN, TEXTSTAT_CALLS, make_corpus

# The textstat scores that formulas() rebuilds from sentence counts.
TEXTSTAT_FORMULAS = {m: TEXTSTAT_CALLS[m] for m in BOOTSTRAPPED if m in TEXTSTAT_CALLS}
WORDS = ["the", "dog", "ran", "government", "infrastructure", "said", "officials", "bridge",
         "international", "it", "was", "a", "responsibility", "cold", "winter", "Kyiv's",
         "anti-aircraft", "9,000", "(dpa)", "“very", "high”"]
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(lambda w: " ".join(w) + ".")


def _rebuilt_from_sentences(sentences):
    frame = pd.DataFrame({"article_id": "a", "sentence_id": range(1, len(sentences) + 1),
                          "block_id": 1, "paragraph": 0, "text": sentences,
                          "n_words": [len(s.split()) for s in sentences]})
    return article_reconstruction(sentence_counts(frame)).loc["a"]


@settings(max_examples=30, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=12))
def test_formulas_on_summed_sentence_counts_equal_textstat(sentences):
    # Sentences of 3+ words ending in a full stop: textstat splits where the suite does.
    rebuilt = _rebuilt_from_sentences(sentences)
    text = " ".join(sentences)
    for metric, call in TEXTSTAT_FORMULAS.items():
        assert rebuilt[metric] == pytest.approx(call(text), abs=1e-9), metric


@pytest.mark.parametrize("text", [PLAIN, NEWS, DENSE])
def test_formulas_reproduce_the_fixed_texts(text):
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    rebuilt = _rebuilt_from_sentences(sentences)
    for metric, call in TEXTSTAT_FORMULAS.items():
        assert rebuilt[metric] == pytest.approx(call(text)), metric


def test_formulas_keep_textstat_zero_guards():
    zeros = {name: np.array([0.0]) for name in COUNT_COLUMNS}
    assert all(values[0] == 0.0 for values in formulas(zeros).values())


def _three_outlets():
    return make_corpus({
        "plain": {"outlet": "Plain", "blocks": [("body", PLAIN)]},
        "news1": {"outlet": "News", "blocks": [("body", NEWS)]},
        "news2": {"outlet": "News", "blocks": [("body", NEWS.replace("bridge", "tunnel"))]},
        "dense": {"outlet": "Dense", "translated": "yes", "blocks": [("body", DENSE)]},
    })


@pytest.fixture(scope="module")
def scored():
    corpus = _three_outlets()
    return readability_table(corpus), sentence_counts(corpus.sentences)


def test_intervals_are_deterministic_and_seeded(scored):
    table, counts = scored
    first = outlet_intervals(table, counts, n_boot=300)
    pd.testing.assert_frame_equal(first, outlet_intervals(table, counts, n_boot=300))
    other = outlet_intervals(table, counts, n_boot=300, seed=1)
    assert not np.allclose(first["low"].fillna(0), other["low"].fillna(0))


def test_intervals_bracket_textstat_estimates(scored):
    table, counts = scored
    intervals = outlet_intervals(table, counts, n_boot=500)
    assert list(intervals.columns) == OUTLET_INTERVAL_COLUMNS
    with_interval = intervals[intervals["metric"].isin(BOOTSTRAPPED)]
    varied = with_interval[with_interval["high"] > with_interval["low"]]
    assert len(varied) > len(with_interval) / 2
    assert (with_interval["low"] <= with_interval["estimate"] + 1e-9).all()
    assert (with_interval["estimate"] <= with_interval["high"] + 1e-9).all()
    fk = intervals.set_index(["outlet", "metric"])["estimate"]
    assert fk["News", "flesch_kincaid_grade"] == table[table.outlet == "News"]["flesch_kincaid_grade"].mean()


def test_metrics_that_are_not_sums_get_no_interval_and_say_why(scored):
    table, counts = scored
    intervals = outlet_intervals(table, counts, n_boot=100).set_index("metric")
    for metric, reason in NOT_BOOTSTRAPPED.items():
        rows = intervals.loc[[metric]]
        assert rows["low"].isna().all() and rows["estimate"].notna().all()
        assert (rows["interval"] == f"none: {reason}").all()


def test_more_sentences_give_narrower_intervals():
    short = make_corpus({"a": {"outlet": "O", "blocks": [("body", NEWS)]}})
    long = make_corpus({"a": {"outlet": "O", "blocks": [("body", " ".join([NEWS] * 6))]}})
    widths = []
    for corpus in (short, long):
        iv = outlet_intervals(readability_table(corpus), sentence_counts(corpus.sentences), n_boot=800)
        row = iv.set_index("metric").loc["flesch_kincaid_grade"]
        widths.append(row["high"] - row["low"])
    assert widths[1] < widths[0] * 0.6  # about 1/sqrt(6) of the width


def test_identical_text_gives_a_zero_width_interval():
    same = " ".join(["The dog ran to the park."] * 12)
    corpus = make_corpus({"a": {"outlet": "O", "blocks": [("body", same)]}})
    iv = outlet_intervals(readability_table(corpus), sentence_counts(corpus.sentences), n_boot=100)
    row = iv.set_index("metric").loc["flesch_kincaid_grade"]
    assert row["low"] == pytest.approx(row["estimate"]) == pytest.approx(row["high"])


def test_two_stage_resampling_draws_articles(scored):
    table, counts = scored
    outlets = table.set_index("article_id")["outlet"]
    replicates = bootstrap_replicates(counts, outlets, n_boot=200).set_index("outlet")
    assert replicates.loc["News", "replicate"].tolist() == list(range(200))
    # News articles differ by one word; both the article and sentence draws vary the mean
    assert replicates.loc["News", "flesch_kincaid_grade"].std() > 0


def test_differences_separate_clearly_different_outlets_only(scored):
    table, counts = scored
    diffs = outlet_differences(table, counts, n_boot=500).set_index(["metric", "outlet_a", "outlet_b"])
    assert diffs.loc[("flesch_kincaid_grade", "Dense", "Plain"), "excludes_zero"]
    assert diffs.loc[("flesch_kincaid_grade", "Dense", "Plain"), "difference"] > 0

    twins = make_corpus({"x": {"outlet": "X", "blocks": [("body", NEWS)]},
                         "y": {"outlet": "Y", "blocks": [("body", NEWS)]}})
    same = outlet_differences(readability_table(twins), sentence_counts(twins.sentences), n_boot=500)
    assert (same["difference"] == 0).all()
    assert not same["excludes_zero"].any()


def test_paragraph_scores_keep_provenance():
    corpus = make_corpus({"a": {"outlet": "O", "blocks": [
        ("body", PLAIN), ("subhead", "A subhead"), ("body", DENSE), ("body", NEWS)]}})
    paragraphs = paragraph_scores(sentence_counts(corpus.sentences))
    assert set(paragraphs["metric"]) == set(BOOTSTRAPPED)
    fk = paragraphs[paragraphs.metric == "flesch_kincaid_grade"].set_index("paragraph")
    assert list(fk.index) == [0, 1, 2] and list(fk["block_id"]) == [1, 3, 4]
    assert fk.loc[1, "value"] == pytest.approx(textstat.flesch_kincaid_grade(DENSE))
    assert fk.loc[0, "value"] < fk.loc[2, "value"] < fk.loc[1, "value"]


def test_inputs_are_not_mutated(scored):
    table, counts = scored
    before = (table.copy(), counts.copy())
    outlet_intervals(table, counts, n_boot=50)
    outlet_differences(table, counts, n_boot=50)
    paragraph_scores(counts)
    pd.testing.assert_frame_equal(table, before[0])
    pd.testing.assert_frame_equal(counts, before[1])


def test_charts_plot_every_outlet_and_metric(scored):
    import matplotlib

    matplotlib.use("Agg")
    from analysis.charts_readability import distribution_chart, interval_chart, interval_table
    from analysis.plotting import close, outlet_palette

    table, counts = scored
    intervals = outlet_intervals(table, counts, n_boot=100)
    palette = outlet_palette(table["outlet"])
    metrics = ["flesch_kincaid_grade", "consensus_grade"]
    fig, plotted = interval_chart(intervals, palette, {}, metrics, title="t", ncols=2)
    assert set(plotted["metric"]) == set(metrics) and len(fig.axes) == 2
    dots = [line for line in fig.axes[0].lines if line.get_marker() == "o"]
    assert len(dots) == table["outlet"].nunique()
    assert "no interval" in fig.axes[1].get_title(loc="left")
    close(fig)
    cells = interval_table(intervals, metrics)
    assert cells.loc["Plain", "Consensus grade (text_standard)"].count("[") == 0
    assert cells.loc["Plain", "Flesch-Kincaid grade"].count("[") == 1
    sentences = counts.assign(outlet=counts["article_id"].map(table.set_index("article_id")["outlet"]))
    fig, _ = distribution_chart(sentences, "suite_words", palette, {}, title="t", xlabel="x",
                                marker_line=25, marker_label="25")
    assert len(fig.axes[0].collections) == table["outlet"].nunique()  # one dot cloud per outlet
    close(fig)


def test_outlet_without_body_sentences_gets_estimates_only():
    corpus = make_corpus({"a": {"outlet": "Scored", "blocks": [("body", NEWS)]},
                          "b": {"outlet": "Empty", "blocks": [("boilerplate", "Sign up now")]}})
    intervals = outlet_intervals(readability_table(corpus), sentence_counts(corpus.sentences), n_boot=50)
    empty = intervals[(intervals.outlet == "Empty") & intervals.metric.isin(BOOTSTRAPPED)]
    assert empty["low"].isna().all()
    assert (empty["interval"] == "none: no body sentences to resample").all()
    scored = intervals[(intervals.outlet == "Scored") & intervals.metric.isin(BOOTSTRAPPED)]
    assert scored["low"].notna().all()


def test_every_metric_is_either_bootstrapped_or_says_why_not():
    from analysis.readability import METRICS

    assert set(BOOTSTRAPPED) | set(NOT_BOOTSTRAPPED) == set(METRICS)
    assert not set(BOOTSTRAPPED) & set(NOT_BOOTSTRAPPED)
