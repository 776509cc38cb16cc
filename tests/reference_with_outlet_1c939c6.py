# Corpus.with_outlet as it was on main at 1c939c6 (the article -> outlet lookup built at every
# call), kept verbatim, as a function of the corpus, as the oracle of the cached lookup
# (tests/test_with_outlet.py) and the baseline of benchmarks/bench_with_outlet.py.
from __future__ import annotations

import pandas as pd


def with_outlet(self, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the outlet of each row's article_id added as a column."""
    outlets = self.articles.set_index("article_id")["outlet"]
    return frame.assign(outlet=frame["article_id"].map(outlets))
