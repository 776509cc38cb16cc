"""The corpus: three tidy frames (articles, blocks, sentences) plus the line-level audit,
built from a folder of scraped article files and an optional sources.csv manifest."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

import pandas as pd

from .config import RAW_DIR, ROOT, resolve_dir
from .reading import MAX_FILE_BYTES

ARTICLE_COLUMNS = [
    "article_id", "file", "outlet", "headline", "published", "agency", "word_count", "sha256",
    "dek", "dateline", "language", "translated", "channel", "url", "notes",
    "outlet_source", "published_source", "agency_source",
    "n_lines", "n_body_blocks", "n_sentences", "n_removed_lines",
    "encoding", "extracted_from",
]
LINE_COLUMNS = ["article_id", "line", "role", "reason", "block_id", "text"]
BLOCK_COLUMNS = ["article_id", "block_id", "line_start", "line_end", "role", "reason", "text", "n_words", "extracted_from"]
SENTENCE_COLUMNS = [
    "article_id", "sentence_id", "block_id", "position", "text",
    "paragraph", "line_start", "line_end", "char_start", "char_end", "n_words",
]
SKIPPED_COLUMNS = ["file", "problem"]
SLICEABLE_FRAMES = ("blocks", "sentences")
ROLES = ("headline", "dek", "subhead", "body", "meta", "boilerplate")


@dataclass(frozen=True)
class Corpus:
    """articles: one row per article; blocks: one row per raw block of lines (roles and
    reasons); sentences: one row per body sentence; lines: one row per non-blank raw line
    (for the cleaning audit; None in a corpus gathered only to export tables, which never
    read them).

    Keys: article_id everywhere; (article_id, block_id) and (article_id, sentence_id)."""

    path: Path
    articles: pd.DataFrame
    blocks: pd.DataFrame
    sentences: pd.DataFrame
    lines: pd.DataFrame | None
    # audit: every input file (or manifest row) left out of the corpus, and why
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))

    @property
    def outlets(self) -> list[str]:
        return sorted(self.articles["outlet"].unique())

    @property
    def label(self) -> str:
        """The corpus folder as shown to readers: relative to the project when inside it, so
        outputs never carry a machine's absolute path."""
        try:
            return str(self.path.relative_to(ROOT))
        except ValueError:
            return self.path.name

    @property
    def source_note(self) -> str:
        n, k = len(self.articles), len(self.outlets)
        return f"Source: {n} articles from {k} outlets ({self.label}). Analysis: coverage-compare."

    def slices(self, frame: str) -> Iterator[pd.DataFrame]:
        """The `frame` ("blocks" or "sentences") in slices of consecutive whole articles, in
        corpus order: for analyses that can fold their input slice by slice, so that a corpus
        whose frames are spilled to disk (parallel.SpilledCorpus) need not be held whole.
        Here, in memory, the whole frame is the one slice."""
        if frame not in SLICEABLE_FRAMES:
            raise ValueError(f"frame must be one of {SLICEABLE_FRAMES}, not {frame!r}")
        yield getattr(self, frame)

    def body_text(self) -> pd.Series:
        """Cleaned body text per article (body blocks joined by blank lines), indexed by article_id."""
        body = self.blocks[self.blocks["role"] == "body"]
        text = body.groupby("article_id", sort=False)["text"].agg("\n\n".join)
        return text.reindex(self.articles["article_id"], fill_value="")

    def with_outlet(self, frame: pd.DataFrame) -> pd.DataFrame:
        """`frame` with the outlet of each row's article_id added as a column."""
        return frame.assign(outlet=frame["article_id"].map(self._outlet_of))

    @cached_property
    def _outlet_of(self) -> pd.Series:
        """article_id -> outlet, built once per corpus: corpus-level builders call with_outlet
        for every slice of articles (about 200 at 100,000 articles), and building it copies
        the articles frame. (Kept in the instance's __dict__, which a frozen dataclass still
        has: not a field, so out of equality and repr.)"""
        return self.articles.set_index("article_id")["outlet"]

    def removed(self) -> pd.DataFrame:
        """Audit: every block not kept as body, with its role and reason."""
        return self.blocks[self.blocks["role"] != "body"]


def load_corpus(path=None, *, manifest: bool = True, codebook_dir=None, progress=None,
                max_bytes: int | None = MAX_FILE_BYTES) -> Corpus:
    """Load every article file in `path` (default: the bundled sample in data/raw/).

    With a sources.csv manifest in the folder, outlet, date and agency come from it; without
    one, from the text (masthead, date and agency lines) or the file name. `codebook_dir`
    holds boilerplate.csv (default data/codebook); `progress(done, total, name)` is called
    after each file is read. Files over `max_bytes` are skipped unread (None: no limit)."""
    from .loading import build_corpus

    folder = resolve_dir(path, RAW_DIR)
    return build_corpus(folder, use_manifest=manifest, codebook_dir=codebook_dir, progress=progress, max_bytes=max_bytes)
