"""Building the Corpus: read every article file, label its lines, group blocks, split body
sentences and gather article metadata (manifest first, then the text, then the file name)."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .boilerplate import LinePatterns, load_patterns
from .cleaning import Block, LineLabel, group_blocks, label_lines_counted, template_key
from .config import MANIFEST_NAME
from .corpus import ARTICLE_COLUMNS, BLOCK_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, SKIPPED_COLUMNS, Corpus
from .dates import find_dates
from .errors import CorpusError, SkippedInput, SkippedWarning, warn_input
from .manifest import read_manifest
from .reading import ARTICLE_SUFFIXES, MAX_FILE_BYTES, RawArticle, nfc, read_article
from .sentences import split_sentences
from .text import count_token_words, normalize_space

# A site-template line must recur in at least this many articles (and this share of them).
TEMPLATE_MIN_ARTICLES = 3
TEMPLATE_MIN_SHARE = 0.2
# Provenance of the text itself: how the bytes were decoded, and what the text was extracted
# from ("" for plain text files; for a web page, line numbers refer to the extracted text).
AGENCY_IN_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]+?)(?:,[^(]{0,40})?\s*\((?P<agency>AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|TASS|UPI|Bloomberg)\)\s*[—–-]"
)


MASTHEAD_TAGLINE = re.compile(r"\s+[–—|:-]\s+.*$")


def outlet_from_masthead(text: str) -> str:
    """The outlet's name from a masthead line, without a tagline ("Daily Beacon – Breaking news")."""
    return MASTHEAD_TAGLINE.sub("", normalize_space(text)) or normalize_space(text)


def list_article_files(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The article files directly in `folder` (sorted by name), and every other entry left
    out with the reason (hidden files and the manifest aside)."""
    if not folder.exists():
        raise CorpusError(folder, "corpus folder not found")
    if not folder.is_dir():
        raise CorpusError(folder, "not a folder; give the folder that holds the article files")
    files, ignored = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == MANIFEST_NAME:
            continue
        if path.is_dir():
            ignored.append((path.name, "a sub-folder; only files directly in the corpus folder are read"))
        elif not path.is_file():
            ignored.append((path.name, "not a regular file (a broken link?)"))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        else:
            ignored.append((path.name, f"not an article file (only {', '.join(ARTICLE_SUFFIXES)} files are read)"))
    if not files:
        folders = sum(problem.startswith("a sub-folder") for _, problem in ignored)
        hint = f" (it has {folders} sub-folder(s): only files directly in the folder are read)" if folders else ""
        raise CorpusError(folder, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in the corpus folder{hint}")
    return files, ignored


def template_keys(articles: list[RawArticle]) -> frozenset[str]:
    """Short unpunctuated lines that recur across enough articles to be site furniture."""
    counts = Counter()
    for article in articles:
        # template_key turns down blank lines and lines over 120 characters: most lines of
        # an article, left out here before the call
        short = [line for line in article.lines if line and (len(line) <= 120 or len(line.strip()) <= 120)]
        counts.update({key for key in map(template_key, short) if key})
    threshold = max(TEMPLATE_MIN_ARTICLES, math.ceil(TEMPLATE_MIN_SHARE * len(articles)))
    return frozenset(key for key, n in counts.items() if n >= threshold)


def _first_block(blocks: list[Block], role: str, reason_prefix: str = "") -> Block | None:
    return next((b for b in blocks if b.role == role and b.reason.startswith(reason_prefix)), None)


def _text_metadata(raw: RawArticle, blocks: list[Block]) -> dict[str, tuple[str, str]]:
    """Metadata found in the text itself: field -> (value, where it came from)."""
    found = {}
    masthead = _first_block(blocks, "meta", "masthead")
    if masthead:
        found["outlet"] = (outlet_from_masthead(masthead.text), f"masthead line {masthead.line_start}")
    agency = _first_block(blocks, "meta", "agency credit")
    if agency:
        found["agency"] = (agency.text.strip().strip("()"), f"agency line {agency.line_start}")
    dateline = _first_block(blocks, "meta", "dateline")
    if dateline:
        found["dateline"] = (normalize_space(dateline.text), f"dateline line {dateline.line_start}")
    first_body = _first_block(blocks, "body")
    if first_body:
        m = AGENCY_IN_DATELINE.match(first_body.text)
        if m:
            found.setdefault("agency", (m.group("agency"), f"dateline of line {first_body.line_start}"))
            found.setdefault("dateline", (m.group("place").strip().title(), f"dateline of line {first_body.line_start}"))
    for block in blocks:
        if block.role == "meta":
            dates = find_dates(block.text)
            if dates:
                if dates[0].ambiguous:
                    warn_input(raw.path.name, f"date {block.text.strip()!r} (line {block.line_start}) is ambiguous; read day-first as {dates[0].iso}")
                found["published"] = (dates[0].iso, f"date line {block.line_start}")
                break
    return found


def _article_rows(raw: RawArticle, raw_lines: list[str], article_id: str, labels: list[LineLabel], blocks: list[Block],
                  manifest_row, token_words: dict[int, list[int]] | None = None):
    """raw_lines: raw.lines (split once by the caller). token_words: the words of each token
    of the lines read on their own, by line number (cleaning.label_lines_counted); without
    them, every sentence is split and counted."""
    token_words = token_words or {}
    extracted_from = raw.extracted_from
    block_rows = [(article_id, block_id, block.line_start, block.line_end, block.role, block.reason,
                   block.text, block.words, extracted_from)
                  for block_id, block in enumerate(blocks, start=1)]
    # labels and blocks both run in line order, and every labelled line lies in one block
    line_rows = []
    block_id, block_end = 0, 0
    for label in labels:
        line = label.line
        while line > block_end:
            block_end = blocks[block_id].line_end
            block_id += 1
        line_rows.append((article_id, line, label.role, label.reason, block_id, raw_lines[line - 1]))
    sentence_rows = []

    body = [(block_id, block) for block_id, block in enumerate(blocks, start=1) if block.role == "body"]
    total_words = sum(b.words for _, b in body)
    words_before = 0
    sentence_id = 0
    for paragraph, (block_id, block) in enumerate(body):
        block_text = block.text
        one_line = "\n" not in block_text  # most paragraphs: no line numbers to count
        # A paragraph of one line: its sentences cut its white-space tokens into runs (a
        # boundary is white space, and only white space lies between sentences), so each
        # sentence's words are the sum of its run of the line's token counts.
        counts = token_words.get(block.line_start) if block.line_start == block.line_end else None
        next_token = 0
        for start, end in split_sentences(block_text):
            sentence_id += 1
            if counts is None:
                tokens = block_text[start:end].split()
                text = " ".join(tokens)  # normalize_space, with the tokens kept for the count
                n_words = count_token_words(tokens)
            else:
                text = block_text[start:end]
                if text.isprintable() and "  " not in text:
                    # no white space but single spaces (every other white-space character is
                    # unprintable), none at either end: already normalised
                    n_tokens = text.count(" ") + 1
                else:
                    tokens = text.split()
                    text = " ".join(tokens)
                    n_tokens = len(tokens)
                n_words = sum(counts[next_token:next_token + n_tokens])
                next_token += n_tokens
            if one_line:
                line_start = line_end = block.line_start
            else:
                line_start = block.line_start + block_text.count("\n", 0, start)
                line_end = block.line_start + block_text.count("\n", 0, end)
            position = words_before / total_words if total_words else 0.0
            if position > 1.0:  # min(position, 1.0)
                position = 1.0
            sentence_rows.append((article_id, sentence_id, block_id, round(position, 6), text, paragraph,
                                  line_start, line_end, start, end, n_words))
            words_before += n_words

    from_text = _text_metadata(raw, blocks)
    for field_name, value in raw.metadata.items():
        from_text.setdefault(field_name, (value, "html metadata"))
    manifest_row = manifest_row or {}

    def pick(field, fallback=("", "")):
        if manifest_row.get(field):
            return manifest_row[field], "manifest"
        return from_text.get(field, fallback)

    outlet, outlet_source = pick("outlet", (article_id, "file name"))
    published, published_source = pick("published")
    agency, agency_source = pick("agency")
    headline = _first_block(blocks, "headline")
    dek = _first_block(blocks, "dek")
    article = {
        "article_id": article_id,
        "file": raw.path.name,
        "outlet": outlet,
        "headline": normalize_space(headline.text) if headline else from_text.get("headline", ("", ""))[0],
        "published": published,
        "agency": agency,
        "word_count": total_words,
        "sha256": raw.sha256,
        "dek": normalize_space(dek.text) if dek else "",
        "dateline": pick("dateline")[0],
        "language": manifest_row.get("language", ""),
        "translated": manifest_row.get("translated", ""),
        "channel": manifest_row.get("channel", ""),
        "url": manifest_row.get("url", ""),
        "notes": manifest_row.get("notes", ""),
        "outlet_source": outlet_source,
        "published_source": published_source,
        "agency_source": agency_source,
        "n_lines": len(raw_lines),
        "n_body_blocks": len(body),
        "n_sentences": sentence_id,
        "n_removed_lines": sum(1 for label in labels if label.role != "body"),
        "encoding": raw.encoding,
        "extracted_from": raw.extracted_from,
    }
    return article, block_rows, sentence_rows, line_rows


class _Audit:
    """The files left out of the corpus: each is announced once and listed in Corpus.skipped."""

    def __init__(self):
        self.rows: list[tuple[str, str]] = []

    def skip(self, file: str, problem: str, announced_as: tuple[str, str] | None = None) -> None:
        """Record `file`; the warning says the same unless `announced_as` (file, problem)."""
        warn_input(*(announced_as or (file, problem)), SkippedWarning)
        self.rows.append((file, problem))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=SKIPPED_COLUMNS)


def _match_manifest(manifest: dict, files: list[Path], audit: _Audit) -> dict[str, dict]:
    """Manifest rows keyed by the NFC form of their file name (a name typed on one system
    matches the same name stored decomposed by another); rows without a file are audited."""
    rows = {nfc(name): row for name, row in manifest.items()}
    present = {nfc(f.name): f.name for f in files}
    folded = {name.casefold(): name for name in present.values()}
    for name in sorted(set(rows) - set(present)):
        guess = folded.get(name.casefold())
        hint = f"; did you mean {guess!r}? (names are case-sensitive)" if guess else ""
        audit.skip(name, f"listed in {MANIFEST_NAME}, but not in the corpus folder{hint}",
                   announced_as=(MANIFEST_NAME, f"lists {name!r}, which is not in the corpus folder{hint}"))
    return rows


def _article_ids(raws: list[RawArticle]) -> list[str]:
    """The file name without its suffix; the whole name when two files share a stem
    (story.txt and story.html), so ids stay unique."""
    stems = Counter(nfc(raw.path.stem) for raw in raws)
    ids = []
    for raw in raws:
        stem = nfc(raw.path.stem)
        if stems[stem] > 1:
            warn_input(raw.path.name, f"another file has the same name stem {stem!r}; article_id is the full file name")
            stem = nfc(raw.path.name)
        ids.append(stem)
    return ids


@dataclass
class ReadCorpus:
    """The first pass over a folder: every usable raw article with its id and manifest row,
    the site-template lines (which need every file), and the audit of what was left out.
    The per-article work (ArticleTask.rows) can then run in any order, anywhere."""

    folder: Path
    tasks: list["ArticleTask"]
    audit: "_Audit"


@dataclass
class ArticleTask:
    """One article's input to the per-article stage: raw text, id, manifest row, and the
    corpus-level facts it depends on (line patterns and site-template keys)."""

    raw: RawArticle
    article_id: str
    manifest_row: dict | None
    listed: bool  # the folder has a manifest, so a missing row deserves a warning
    patterns: LinePatterns
    templates: frozenset[str]

    def template_keys_used(self) -> list[str]:
        """The site-template keys among this article's lines: all it takes from the corpus-wide
        counts, so a cache key built on them stays valid while other articles change."""
        return sorted({key for key in map(template_key, self.raw.lines) if key and key in self.templates})

    def rows(self) -> "ArticleRows":
        raw, row = self.raw, self.manifest_row
        if self.listed and row is None:
            warn_input(raw.path.name, f"not listed in {MANIFEST_NAME}; outlet, date and agency taken from the text")
        if row and row.get("sha256") and row["sha256"] != raw.sha256:
            warn_input(raw.path.name, f"sha256 differs from {MANIFEST_NAME}: the raw file changed since the manifest was written "
                                      "(restore the original, or update the sha256 cell if the change is intended)")
        lines = raw.lines
        labels, token_words = label_lines_counted(lines, self.patterns, self.templates, outlet=(row or {}).get("outlet"))
        grouped = group_blocks(lines, labels)
        if not any(b.role == "body" for b in grouped):
            warn_input(raw.path.name, "no body text found: every line was classified as headline, meta or debris (see blocks)")
        return ArticleRows(*_article_rows(raw, lines, self.article_id, labels, grouped, row, token_words))


@dataclass
class ArticleRows:
    """One article's rows of the corpus frames, as plain tuples (cheap to pickle and cache)."""

    article: dict
    blocks: list[tuple]
    sentences: list[tuple]
    lines: list[tuple]


def read_corpus(folder: Path, use_manifest: bool = True, codebook_dir=None, progress=None,
                max_bytes: int | None = MAX_FILE_BYTES) -> ReadCorpus:
    """The serial first pass of build_corpus: list, read, de-duplicate, count site templates."""
    files, ignored = list_article_files(folder)
    audit = _Audit()
    for name, problem in ignored:
        audit.skip(name, problem)
    manifest = read_manifest(folder) if use_manifest else None
    if manifest is not None:
        manifest = _match_manifest(manifest, files, audit)

    patterns = load_patterns(codebook_dir)
    raws: list[RawArticle] = []
    seen: dict[str, str] = {}
    for index, path in enumerate(files):
        try:
            raw = read_article(path, max_bytes)
        except SkippedInput as error:
            audit.skip(path.name, error.problem)
            continue
        finally:
            if progress:
                progress(index + 1, len(files), path.name)
        if raw.sha256 in seen:
            audit.skip(path.name, f"same content as {seen[raw.sha256]}; skipped as a duplicate")
            continue
        seen[raw.sha256] = path.name
        raws.append(raw)
    if not raws:
        name, problem = next((f, p) for f, p in audit.rows if f in {path.name for path in files})
        first = f"{name}: {problem}" if len(files) == 1 else f"all {len(files)} were skipped; first {name}: {problem}"
        raise CorpusError(folder, f"no usable article files ({first})")

    templates = template_keys(raws)
    tasks = [ArticleTask(raw, article_id, manifest.get(nfc(raw.path.name)) if manifest is not None else None,
                         manifest is not None, patterns, templates)
             for raw, article_id in zip(raws, _article_ids(raws))]
    return ReadCorpus(folder, tasks, audit)


# The dtypes pandas infers from non-empty rows, given to empty frames too, so an analysis of
# a corpus (or a partition) without a single sentence sees numbers where numbers belong.
_NUMERIC = {"block_id", "sentence_id", "paragraph", "line", "line_start", "line_end", "char_start", "char_end", "n_words"}


def corpus_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A corpus frame from its rows: pandas infers the dtypes from the values; an empty one
    gets the columns' usual dtypes."""
    if rows:
        return pd.DataFrame(rows, columns=columns)
    dtypes = {c: "float64" if c == "position" else "int64" if c in _NUMERIC else "str" for c in columns}
    return pd.DataFrame({c: pd.Series(dtype=dtype) for c, dtype in dtypes.items()})


def assemble_corpus(folder: Path, rows: list[ArticleRows], skipped: pd.DataFrame, with_lines: bool = True) -> Corpus:
    """The Corpus from per-article rows, in the order given (the article order); without
    `with_lines`, its `lines` is None (no exported table reads them)."""
    return Corpus(
        path=folder,
        articles=pd.DataFrame([r.article for r in rows], columns=ARTICLE_COLUMNS),
        blocks=corpus_frame([b for r in rows for b in r.blocks], BLOCK_COLUMNS),
        sentences=corpus_frame([s for r in rows for s in r.sentences], SENTENCE_COLUMNS),
        lines=corpus_frame([line for r in rows for line in r.lines], LINE_COLUMNS) if with_lines else None,
        skipped=skipped,
    )


def build_corpus(folder: Path, use_manifest: bool = True, codebook_dir=None, progress=None,
                 max_bytes: int | None = MAX_FILE_BYTES) -> Corpus:
    """See load_corpus. `max_bytes`: files larger than this are skipped unread (None: no limit)."""
    read = read_corpus(folder, use_manifest, codebook_dir, progress, max_bytes)
    return assemble_corpus(folder, [task.rows() for task in read.tasks], read.audit.frame())
