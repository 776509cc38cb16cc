"""The optional sources.csv manifest beside the articles: per file, outlet, date, agency and
provenance notes. Validated on load; problems name the manifest, row and column."""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pandas as pd

from .codebook import Column, read_codebook
from .config import MANIFEST_NAME
from .dates import parse_iso_date
from .errors import CodebookError, warn_input

CHANNELS = ("original", "wire", "republished", "aggregator_copy", "rewrite")

MANIFEST_COLUMNS = [
    Column("file"),
    Column("outlet", required=False, nonempty=False),
    Column("published", required=False, nonempty=False),
    Column("agency", required=False, nonempty=False),
    Column("dateline", required=False, nonempty=False),
    Column("url", required=False, nonempty=False),
    Column("language", required=False, nonempty=False),
    Column("translated", kind="choice", choices=("yes", "no"), required=False, nonempty=False),
    Column("channel", kind="choice", choices=CHANNELS, required=False, nonempty=False),
    Column("sha256", required=False, nonempty=False),
    Column("notes", required=False, nonempty=False),
]
FIELDS = [c.name for c in MANIFEST_COLUMNS]


def _plain_entry(folder: Path, name: str) -> bool:
    """True when `name` is a plain entry of the folder (no separator, not "." or "..", not a
    symbolic link), so it cannot point outside it: no path to resolve (one lstat, not one per
    component of the folder's path)."""
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    return name not in ("", ".", "..") and "\x00" not in name and not any(sep in name for sep in separators) \
        and not os.path.islink(folder / name)


def read_manifest(folder: Path) -> dict[str, dict[str, str]] | None:
    """file name -> manifest fields, or None when the folder has no manifest."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return None
    if not path.read_bytes().strip():
        raise CodebookError(path, "empty file; write a header row starting with 'file' (or delete the manifest)")
    frame = read_codebook(path, MANIFEST_COLUMNS, unique="file")
    unknown = [name for name in frame.columns if name not in FIELDS and name != "codebook_row"]
    for name in unknown:
        close = difflib.get_close_matches(name.lower(), FIELDS, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known columns: {', '.join(FIELDS)}"
        warn_input(path, f"unknown column '{name}' ignored; {hint}")
    rows = {}
    resolved = folder.resolve()
    dates: dict[str, str | None] = {}  # a corpus of one event repeats a few dates: each read once
    for record in frame.to_dict("records"):
        row = int(record["codebook_row"])
        name = record["file"]
        if not _plain_entry(folder, name) and resolved not in (folder / name).resolve().parents:
            raise CodebookError(path, f"{name!r} points outside the corpus folder", row=row, column="file")
        published = record.get("published", "")
        if published:
            if published not in dates:
                dates[published] = parse_iso_date(published)
            iso = dates[published]
            if iso is None:
                raise CodebookError(path, f"bad date {published!r}; write it as YYYY-MM-DD", row=row, column="published")
            record["published"] = iso
        record["sha256"] = record.get("sha256", "").lower()  # tools differ in the case of hex digits
        rows[name] = {field: str(record.get(field, "") or "") for field in FIELDS}
    return rows


def manifest_frame(rows: dict[str, dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows.values()), columns=FIELDS)
