"""Tone (own voice vs quoted, bootstrap) and naming choices."""
import math

import pandas as pd
import pytest

from analysis.codebook import CodebookError
from analysis.document import sentences_from_text
from analysis.naming import count_naming, load_naming, naming_table
from analysis.tone import bootstrap_mean, sentence_tone, split_voices, tone_by_outlet


def test_split_voices_separates_quoted_words():
    text = "He said “we are happy” and left sadly."
    own, quoted = split_voices(text, 0, len(text), [(8, 22)])
    assert own == "He said and left sadly." and quoted == "we are happy"


def test_sentence_tone_scores_each_voice():
    sentences = sentences_from_text("Drones killed three civilians. “We are grateful and happy,” the mayor said.")
    tone = sentence_tone(sentences)
    first = tone[tone["sentence_id"] == 1]
    assert list(first["voice"]) == ["own"] and first["compound"].iloc[0] < 0
    quoted = tone[(tone["sentence_id"] == 2) & (tone["voice"] == "quoted")]
    assert quoted["compound"].iloc[0] > 0 and quoted["text"].iloc[0] == "We are grateful and happy,"


def test_bootstrap_is_seeded_and_brackets_the_mean():
    values = [round(-1 + i * 0.083, 3) ** 3 for i in range(25)]
    first, again = bootstrap_mean(values, n_boot=300, seed=3), bootstrap_mean(values, n_boot=300, seed=3)
    assert first == again
    mean, low, high = first
    assert low <= mean <= high and mean == pytest.approx(sum(values) / len(values))
    assert bootstrap_mean(values, n_boot=300, seed=4) != first
    assert all(math.isnan(v) for v in bootstrap_mean([]))


def test_tone_by_outlet():
    tone = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "voice": ["own", "own", "quoted", "own"],
                         "compound": [0.5, -0.5, 0.2, 0.1]})
    summary = tone_by_outlet(tone, n_boot=200).set_index(["outlet", "voice"])
    assert summary.loc[("A", "own"), "n_sentences"] == 2 and summary.loc[("A", "own"), "mean"] == 0
    assert summary.loc[("B", "own"), "low"] == summary.loc[("B", "own"), "high"] == pytest.approx(0.1)


def test_naming_counts_own_voice_and_quotes_apart():
    sentences = sentences_from_text("Kyiv and Kiev differ. “Kiev is ours,” Lavrov said. Zelenskyy spoke in kyiv.")
    counts = count_naming(sentences).set_index("variant")
    assert counts.loc["Kiev", "n_own"] == 1 and counts.loc["Kiev", "n_quoted"] == 1
    assert counts.loc["Kyiv", "n_own"] == 1 and counts.loc["kyiv (lower case)", "n_own"] == 1
    assert counts.loc["Zelenskyy", "sentence_ids"] == "3" and "Zelensky" not in counts.index


def test_naming_table_marks_unnamed_concepts():
    naming = load_naming()
    counts = count_naming(sentences_from_text("Fighting near Kiev.", "a")).assign(outlet="X")
    table = naming_table(counts, naming, ["X", "Y"])
    assert table.loc["Ukraine's capital", "X"] == "Kiev (1)"
    assert table.loc["Ukraine's capital", "Y"] == "—" and table.loc["Donbas", "X"] == "—"


def test_naming_rejects_bad_regex(tmp_path):
    (tmp_path / "naming.csv").write_text("concept,variant,pattern,note\ncapital,Kyiv,(Kyiv,\n")
    with pytest.raises(CodebookError, match=r"row 2, column 'pattern'"):
        load_naming(tmp_path)


def test_seed_naming_house_styles(sample_corpus):
    counts = sample_corpus.with_outlet(count_naming(sample_corpus.sentences))
    used = counts.groupby(["outlet", "variant"])["n_own"].sum()
    assert used[("Qatar Tribune", "Kiev")] > 0 and ("Qatar Tribune", "Kyiv") not in used.index
    assert used[("The Limited Times", "kyiv (lower case)")] > 0
    # the Kremlin's term appears only inside a quotation (AFP's "what it calls its ...")
    smo = counts[counts["variant"] == "special military operation"]
    assert smo["n_own"].sum() == 0 and smo["n_quoted"].sum() == 1


def test_the_stock_analyzer_is_loaded_once_and_scores_as_a_fresh_one(sample_corpus):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.tone import stock_analyzer

    assert stock_analyzer() is stock_analyzer()
    sentences = sample_corpus.sentences
    assert sentence_tone(sentences).equals(sentence_tone(sentences, SentimentIntensityAnalyzer()))
