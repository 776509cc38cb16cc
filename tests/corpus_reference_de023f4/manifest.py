"""The optional sources.csv manifest beside the articles: per file, outlet, date, agency and
provenance notes. Validated on load; problems name the manifest, row and column."""
from __future__ import annotations

import difflib
from pathlib import Path

import pandas as pd

from analysis.codebook import Column, read_codebook
from analysis.config import MANIFEST_NAME
from .dates import parse_iso_date
from analysis.errors import CodebookError, warn_input

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
    for record in frame.to_dict("records"):
        row = int(record["codebook_row"])
        name = record["file"]
        target = (folder / name).resolve()
        if folder.resolve() not in target.parents:
            raise CodebookError(path, f"{name!r} points outside the corpus folder", row=row, column="file")
        published = record.get("published", "")
        if published:
            iso = parse_iso_date(published)
            if iso is None:
                raise CodebookError(path, f"bad date {published!r}; write it as YYYY-MM-DD", row=row, column="published")
            record["published"] = iso
        record["sha256"] = record.get("sha256", "").lower()  # tools differ in the case of hex digits
        rows[name] = {field: str(record.get(field, "") or "") for field in FIELDS}
    return rows


def manifest_frame(rows: dict[str, dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows.values()), columns=FIELDS)
