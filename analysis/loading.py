"""Building the Corpus: read every article file, label its lines, group blocks, split body
sentences and gather article metadata (manifest first, then the text, then the file name)."""
from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .boilerplate import load_patterns
from .cleaning import Block, LineLabel, group_blocks, label_lines, template_key
from .config import ARTICLE_SUFFIXES, MANIFEST_NAME
from .corpus import ARTICLE_COLUMNS, BLOCK_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, Corpus
from .dates import find_dates
from .errors import CorpusError, warn_input
from .manifest import read_manifest
from .reading import RawArticle, read_article
from .sentences import split_sentences
from .text import count_words, normalize_space

# A site-template line must recur in at least this many articles (and this share of them).
TEMPLATE_MIN_ARTICLES = 3
TEMPLATE_MIN_SHARE = 0.2
AGENCY_IN_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]+?)(?:,[^(]{0,40})?\s*\((?P<agency>AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|TASS|UPI|Bloomberg)\)\s*[—–-]"
)


def list_article_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise CorpusError(folder, "corpus folder not found")
    files = sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise CorpusError(folder, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in the corpus folder")
    return files


def template_keys(articles: list[RawArticle]) -> frozenset[str]:
    """Short unpunctuated lines that recur across enough articles to be site furniture."""
    counts = Counter()
    for article in articles:
        counts.update({key for key in map(template_key, article.lines) if key})
    threshold = max(TEMPLATE_MIN_ARTICLES, math.ceil(TEMPLATE_MIN_SHARE * len(articles)))
    return frozenset(key for key, n in counts.items() if n >= threshold)


def _first_block(blocks: list[Block], role: str, reason_prefix: str = "") -> Block | None:
    return next((b for b in blocks if b.role == role and b.reason.startswith(reason_prefix)), None)


def _text_metadata(raw: RawArticle, blocks: list[Block]) -> dict[str, tuple[str, str]]:
    """Metadata found in the text itself: field -> (value, where it came from)."""
    found = {}
    masthead = _first_block(blocks, "meta", "masthead")
    if masthead:
        found["outlet"] = (normalize_space(masthead.text), f"masthead line {masthead.line_start}")
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


def _article_rows(raw: RawArticle, article_id: str, labels: list[LineLabel], blocks: list[Block], manifest_row):
    block_rows, sentence_rows, line_rows = [], [], []
    block_of_line = {}
    for block_id, block in enumerate(blocks, start=1):
        for line in range(block.line_start, block.line_end + 1):
            block_of_line[line] = block_id
        block_rows.append((article_id, block_id, block.line_start, block.line_end, block.role, block.reason,
                           block.text, block.words))
    for label in labels:
        line_rows.append((article_id, label.line, label.role, label.reason, block_of_line[label.line], raw.lines[label.line - 1]))

    body = [(block_id, block) for block_id, block in enumerate(blocks, start=1) if block.role == "body"]
    total_words = sum(b.words for _, b in body)
    words_before = 0
    sentence_id = 0
    for paragraph, (block_id, block) in enumerate(body):
        for start, end in split_sentences(block.text):
            sentence_id += 1
            text = normalize_space(block.text[start:end])
            n_words = count_words(text)
            line_start = block.line_start + block.text.count("\n", 0, start)
            line_end = block.line_start + block.text.count("\n", 0, end)
            position = min(words_before / total_words, 1.0) if total_words else 0.0
            sentence_rows.append((article_id, sentence_id, block_id, round(position, 6), text, paragraph,
                                  line_start, line_end, start, end, n_words))
            words_before += n_words

    from_text = _text_metadata(raw, blocks)
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
        "headline": normalize_space(headline.text) if headline else "",
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
        "n_lines": len(raw.lines),
        "n_body_blocks": len(body),
        "n_sentences": sentence_id,
        "n_removed_lines": sum(1 for label in labels if label.role != "body"),
    }
    return article, block_rows, sentence_rows, line_rows


def build_corpus(folder: Path, use_manifest: bool = True, codebook_dir=None, progress=None) -> Corpus:
    files = list_article_files(folder)
    manifest = read_manifest(folder) if use_manifest else None
    if manifest is not None:
        present = {f.name for f in files}
        for name in sorted(set(manifest) - present):
            warn_input(folder / MANIFEST_NAME, f"lists {name!r}, which is not in the corpus folder")
        for name in sorted(present - set(manifest)):
            warn_input(name, f"not listed in {MANIFEST_NAME}; outlet, date and agency taken from the text")

    patterns = load_patterns(codebook_dir)
    raws: list[RawArticle] = []
    seen: dict[str, str] = {}
    for index, path in enumerate(files):
        raw = read_article(path)
        if progress:
            progress(index + 1, len(files), path.name)
        if raw.sha256 in seen:
            warn_input(path.name, f"same content as {seen[raw.sha256]}; skipped as a duplicate")
            continue
        seen[raw.sha256] = path.name
        if not raw.text.strip():
            warn_input(path.name, "empty file (no text); skipped")
            continue
        raws.append(raw)
    if not raws:
        raise CorpusError(folder, "no usable article files (all empty or duplicates)")

    templates = template_keys(raws)
    articles, blocks, sentences, lines = [], [], [], []
    for raw in raws:
        row = manifest.get(raw.path.name) if manifest else None
        if row and row.get("sha256") and row["sha256"] != raw.sha256:
            warn_input(raw.path.name, f"sha256 differs from {MANIFEST_NAME}: the raw file changed since the manifest was written")
        labels = label_lines(raw.lines, patterns, templates, outlet=(row or {}).get("outlet"))
        grouped = group_blocks(raw.lines, labels)
        if not any(b.role == "body" for b in grouped):
            warn_input(raw.path.name, "no body text found: every line was classified as headline, meta or debris (see blocks)")
        article, b, s, l = _article_rows(raw, raw.path.stem, labels, grouped, row)
        articles.append(article)
        blocks.extend(b)
        sentences.extend(s)
        lines.extend(l)

    return Corpus(
        path=folder,
        articles=pd.DataFrame(articles, columns=ARTICLE_COLUMNS),
        blocks=pd.DataFrame(blocks, columns=BLOCK_COLUMNS),
        sentences=pd.DataFrame(sentences, columns=SENTENCE_COLUMNS),
        lines=pd.DataFrame(lines, columns=LINE_COLUMNS),
    )
