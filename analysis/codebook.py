"""Loading analyst-editable CSV codebooks with validation that names file, row and column.

Every codebook (boilerplate patterns, topics, actors, frames, labels, claims) is read through
`read_codebook`, so the rules for cells are the same everywhere: text is stripped, list cells
hold terms separated by ';', regex cells must compile, choice cells must be in the vocabulary.
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from .config import CODEBOOK_DIR
from .errors import CodebookError

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | list | regex | regex_list | number | bool | choice
    required: bool = True  # the column must be present in the header
    nonempty: bool = True  # every row must fill it
    choices: tuple[str, ...] = ()
    default: object = ""


_TRUE = {"1", "true", "yes", "y"}
_FALSE = {"0", "false", "no", "n", ""}


def codebook_path(name: str, codebook_dir=None) -> Path:
    return Path(codebook_dir or CODEBOOK_DIR) / name


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in str(cell).split(LIST_SEPARATOR) if part.strip()]


def _convert(value: str, column: Column, fail):
    if column.kind == "text":
        return value
    if column.kind == "list":
        return tuple(split_list(value))
    if column.kind in ("regex", "regex_list"):
        patterns = [value] if column.kind == "regex" else split_list(value)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                fail(f"invalid regular expression {pattern!r}: {exc}")
        return value if column.kind == "regex" else tuple(patterns)
    if column.kind == "number":
        if value == "":
            return column.default
        try:
            return float(value)
        except ValueError:
            fail(f"expected a number, got {value!r}")
    if column.kind == "bool":
        low = value.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        fail(f"expected yes or no, got {value!r}")
    if column.kind == "choice":
        if value == "" and not column.nonempty:
            return column.default
        if value not in column.choices:
            fail(f"{value!r} is not one of {', '.join(column.choices)}")
        return value
    raise ValueError(f"unknown column kind {column.kind!r}")


def read_codebook(path, columns: Sequence[Column], unique: str | None = None) -> pd.DataFrame:
    """Read and validate one codebook CSV; extra columns are kept as text.

    Rows whose every cell is blank are skipped, as are rows whose first cell starts with '#'
    (comments an analyst leaves in a spreadsheet).

    A file read before with the same content is not parsed again (each partition of a
    parallel export loads every codebook): the caller gets a copy of the earlier result."""
    path = Path(path)
    if not path.is_file():
        raise CodebookError(path, "codebook file not found")
    data = path.read_bytes()
    key = (str(path.resolve()), hashlib.sha1(data).digest(), tuple(columns), unique)
    if key not in _PARSED:
        if len(_PARSED) >= _MAX_PARSED:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = _parse_codebook(path, data, columns, unique)
    return _PARSED[key].copy()


_PARSED: dict[tuple, pd.DataFrame] = {}  # validated codebooks by file and content (oldest first)
_MAX_PARSED = 64


def _parse_codebook(path: Path, data: bytes, columns: Sequence[Column], unique: str | None) -> pd.DataFrame:
    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        raise CodebookError(path, "empty file; it needs a header row") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise CodebookError(path, f"not a readable UTF-8 CSV file ({str(exc).strip()})") from None
    raw.columns = [str(name).strip() for name in raw.columns]
    missing = [c.name for c in columns if c.required and c.name not in raw.columns]
    if missing:
        raise CodebookError(path, f"missing column(s) {', '.join(missing)}; found {', '.join(raw.columns)}")

    records = []
    first = raw.columns[0] if len(raw.columns) else None
    names = list(raw.columns)
    for index, values in enumerate(zip(*(raw.iloc[:, i].tolist() for i in range(len(names))))):
        cells = {name: str(value).strip() for name, value in zip(names, values)}
        if not any(cells.values()) or (first and cells[first].startswith("#")):
            continue
        spreadsheet_row = index + 2
        record = dict(cells)
        for column in columns:
            value = cells.get(column.name, "")

            def fail(problem, _col=column.name, _row=spreadsheet_row):
                raise CodebookError(path, problem, row=_row, column=_col)

            if value == "" and column.nonempty and column.kind != "bool":
                fail("empty cell; this column must be filled")
            if value == "" and not column.nonempty and column.kind not in ("bool", "choice"):
                record[column.name] = column.default if column.kind == "number" else _convert("", column, fail)
                continue
            record[column.name] = _convert(value, column, fail)
        record["codebook_row"] = spreadsheet_row
        records.append(record)

    frame = pd.DataFrame.from_records(records, columns=list(raw.columns) + ["codebook_row"])
    if unique and len(frame):
        dupes = frame[frame.duplicated(unique, keep="first")]
        if len(dupes):
            row = dupes.iloc[0]
            raise CodebookError(path, f"duplicate {unique} {row[unique]!r}", row=int(row["codebook_row"]), column=unique)
    return frame
