"""Display tables for notebooks that stay well-formed when a corpus has no rows to count
(another event's text may contain no label, quote or figure of a kind)."""
from __future__ import annotations

import pandas as pd


def count_table(frame: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Counts of `rows` x `columns` values; an empty frame gives an empty table, not an error."""
    if frame.empty:
        return pd.DataFrame(index=pd.Index([], name=rows), columns=pd.Index([], name=columns), dtype=int)
    return pd.crosstab(frame[rows], frame[columns])


def value_table(frame: pd.DataFrame, rows: str, columns: str, values: str) -> pd.DataFrame:
    """`values` laid out as `rows` x `columns` (missing cells 0); empty in, empty out."""
    if frame.empty:
        return pd.DataFrame(index=pd.Index([], name=rows), columns=pd.Index([], name=columns), dtype=float)
    return frame.pivot_table(index=rows, columns=columns, values=values, aggfunc="sum", fill_value=0)
