"""The optional sources.csv manifest beside the articles: per file, outlet, date, agency and
provenance notes. Validated on load; problems name the manifest, row and column."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .codebook import Column, read_codebook
from .config import MANIFEST_NAME
from .dates import parse_iso_date
from .errors import CodebookError

MANIFEST_COLUMNS = [
    Column("file"),
    Column("outlet", required=False, nonempty=False),
    Column("published", required=False, nonempty=False),
    Column("agency", required=False, nonempty=False),
    Column("dateline", required=False, nonempty=False),
    Column("url", required=False, nonempty=False),
    Column("language", required=False, nonempty=False),
    Column("translated", required=False, nonempty=False),
    Column("channel", required=False, nonempty=False),
    Column("sha256", required=False, nonempty=False),
    Column("notes", required=False, nonempty=False),
]
FIELDS = [c.name for c in MANIFEST_COLUMNS]


def read_manifest(folder: Path) -> dict[str, dict[str, str]] | None:
    """file name -> manifest fields, or None when the folder has no manifest."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return None
    frame = read_codebook(path, MANIFEST_COLUMNS, unique="file")
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
        rows[name] = {field: str(record.get(field, "") or "") for field in FIELDS}
    return rows


def manifest_frame(rows: dict[str, dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows.values()), columns=FIELDS)
