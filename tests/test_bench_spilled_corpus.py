"""benchmarks/spilled_corpus.spilled_context gives the builders a Context over the export's
SpilledCorpus that holds the same corpus and tables as the one in memory, whole or in slices."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import table_parts
from analysis.export import Context
from analysis.spilled_corpus import SpilledCorpus
from benchmarks.spilled_corpus import spilled_context


@pytest.mark.parametrize("articles_per_slice", [1, 2, 500])
def test_the_spilled_context_is_the_corpus_in_memory(sample_corpus, tmp_path, articles_per_slice):
    evidence = Context(sample_corpus).table("topic_evidence.csv")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table_parts, "ARTICLES_PER_SLICE", articles_per_slice)
        context, spill = spilled_context(sample_corpus, tmp_path, {"topic_evidence.csv": evidence})
        try:
            assert isinstance(context.corpus, SpilledCorpus)
            for frame in ("blocks", "sentences"):
                slices = list(context.corpus.slices(frame))  # (from disk: not read back whole yet)
                n_articles = getattr(sample_corpus, frame)["article_id"].nunique()
                assert n_articles == len(sample_corpus.articles)  # (every seed has rows: no slice skipped)
                assert len(slices) == -(-n_articles // articles_per_slice)
                pd.testing.assert_frame_equal(pd.concat(slices, ignore_index=True), getattr(sample_corpus, frame))
                pd.testing.assert_frame_equal(getattr(context.corpus, frame), getattr(sample_corpus, frame))
            for name in ("emphasis.csv", "distinctive_words.csv"):
                pd.testing.assert_frame_equal(context.table(name), Context(sample_corpus).table(name))
        finally:
            spill.close()
