"""Tables written as CSV byte for byte as `frame.to_csv(index=False, lineterminator="\\n")`
writes them, at a fraction of its cost.

pandas formats a float64 column with numpy (`astype(str)`, several microseconds a value) and
hands every cell to csv.writer as an object. Here each column becomes a list of strings once
(each distinct float formatted once, by Python's repr, which numpy's shortest-repr formatting
equals for float64), cells that csv.writer would quote are quoted the same way, and rows are
joined as strings. Frames with anything the fast path does not model (other dtypes, non-string
column names, a single column, a csv module quoting otherwise) go to pandas itself."""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable

import numpy as np
import pandas as pd

LINE_END = "\n"
CHUNK_ROWS = 50_000  # rows formatted at a time: bounds the strings held for a large table
_FAST_DTYPES = ("int64", "int32", "bool", "float64", "str", "object", "Int64")


def _csv_row(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=LINE_END).writerow(fields)
    return buffer.getvalue()


def _quoting_model() -> re.Pattern | None:
    """The characters that make csv.writer quote a field, probed from the running Python (the
    set has changed between versions); None when it does something else this module does not
    model (quoting an empty field or a padded one among several), so pandas writes instead."""
    quoting = [char for char in ',"\r\n' if _csv_row([f"a{char}b", "c"]).startswith('"')]
    plain = _csv_row(["", " a ", "\t", "c"]) == ", a ,\t,c" + LINE_END
    doubled = _csv_row(['a"b', "c"]) == '"a""b",c' + LINE_END
    if not plain or not doubled or not {",", '"'} <= set(quoting):
        return None
    return re.compile("[" + re.escape("".join(quoting)) + "]")


_NEEDS_QUOTES = _quoting_model()


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


def _by_distinct(keys: np.ndarray, format_distinct) -> list[str]:
    """format_distinct(the distinct keys) -> their strings, spread back over the rows (a table
    repeats its outlets, words, counts and scores many times)."""
    codes, distinct = pd.factorize(keys)
    formatted = np.array(format_distinct(distinct) + [""], dtype=object)
    return formatted[codes].tolist()  # code -1 (a missing value) takes the trailing ""


def _float_reprs(bits: np.ndarray) -> list[str]:
    """Floats keyed by bit pattern (so -0.0 keeps its sign) as repr, NaN as empty."""
    return ["" if value != value else repr(value) for value in bits.view(np.float64).tolist()]


def _strs(values: np.ndarray) -> list[str]:
    return list(map(str, values.tolist()))


def _quoted_all(values: np.ndarray) -> list[str]:
    return list(map(_quoted, values.tolist()))


def _object_strings(values: list, missing: np.ndarray) -> list[str]:
    """As csv.writer writes objects: str as is, floats by repr, others by str; missing empty."""
    return [
        "" if absent else value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
        for value, absent in zip(values, missing.tolist())
    ]


def _column_strings(column: pd.Series) -> list[str]:
    dtype = str(column.dtype)
    if dtype == "float64":  # keyed by bit pattern: -0.0 keeps its sign
        return _by_distinct(column.to_numpy().view(np.int64), _float_reprs)
    if dtype in ("int64", "int32", "bool"):
        return _by_distinct(column.to_numpy(), _strs)
    if dtype == "str":
        return _by_distinct(column.to_numpy(), _quoted_all)
    values = column.astype(object).tolist() if dtype == "Int64" else column.tolist()
    strings = _object_strings(values, column.isna().to_numpy())
    return list(map(_quoted, strings)) if dtype == "object" else strings


def _fast_path_applies(frame: pd.DataFrame) -> bool:
    return (_NEEDS_QUOTES is not None and frame.shape[1] > 1 and isinstance(frame.columns, pd.Index)
            and not isinstance(frame.columns, pd.MultiIndex)
            and all(isinstance(name, str) for name in frame.columns)
            and all(str(dtype) in _FAST_DTYPES for dtype in frame.dtypes))


def write_frame_csv(frame: pd.DataFrame, handle, header: bool = True) -> None:
    """Write `frame` to the open text `handle` (opened with newline="") as pandas
    `to_csv(index=False, lineterminator="\\n", header=header)` would. Rows are written
    independently of each other, so a table written in consecutive row slices, the header
    with the first only, is the same text as the whole table written at once."""
    if not _fast_path_applies(frame):
        frame.to_csv(handle, index=False, lineterminator=LINE_END, header=header)
        return
    if header:
        handle.write(",".join(map(_quoted, frame.columns)) + LINE_END)
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start:start + CHUNK_ROWS]
        columns = [_column_strings(chunk.iloc[:, i]) for i in range(chunk.shape[1])]
        handle.write(LINE_END.join(map(",".join, zip(*columns))) + LINE_END)


def write_frames_csv(frames: Iterable[pd.DataFrame], path) -> int:
    """Write consecutive row slices of one table to `path` (UTF-8) as the whole table would be
    written, the header with the first slice only; its rows. At least one frame (an empty
    table: one empty frame, for its header)."""
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for number, frame in enumerate(frames):
            write_frame_csv(frame, handle, header=number == 0)
            rows += len(frame)
    return rows
