"""TEMPORARY naive loader (every paragraph body, naive sentence split) so analyses can be
developed against the right frame shapes; replaced by the real cleaner."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from .corpus import ARTICLE_COLUMNS, BLOCK_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, Corpus


def build_corpus(folder: Path, use_manifest=True, progress=None) -> Corpus:
    manifest = {}
    if use_manifest and (folder / "sources.csv").exists():
        m = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
        manifest = {r["file"]: r for _, r in m.iterrows()}
    arts, blocks, sents, lines = [], [], [], []
    for f in sorted(folder.glob("*.txt")):
        raw = f.read_bytes()
        text = raw.decode("utf-8")
        aid = f.stem
        row = manifest.get(f.name, {})
        raw_lines = text.split("\n")
        bid = 0
        body_words = 0
        for i, line in enumerate(raw_lines, 1):
            if not line.strip():
                continue
            bid += 1
            lines.append(dict(article_id=aid, line=i, role="body", reason="naive", block_id=bid, text=line))
            blocks.append(dict(article_id=aid, block_id=bid, line_start=i, line_end=i, role="body", reason="naive", text=line, n_words=len(line.split())))
            body_words += len(line.split())
        sid = 0
        for b in [b for b in blocks if b["article_id"] == aid]:
            for m in re.finditer(r"[^.!?]+[.!?]*", b["text"]):
                if m.group().strip():
                    sid += 1
                    sents.append(dict(article_id=aid, sentence_id=sid, block_id=b["block_id"], position=0.0, text=m.group().strip(), paragraph=b["block_id"] - 1, line_start=b["line_start"], line_end=b["line_end"], char_start=m.start(), char_end=m.end(), n_words=len(m.group().split())))
        n = sum(1 for s in sents if s["article_id"] == aid)
        k = 0
        for s in sents:
            if s["article_id"] == aid:
                s["position"] = k / max(n, 1)
                k += 1
        arts.append(dict(article_id=aid, file=f.name, outlet=row.get("outlet", aid), headline="", published=row.get("published", ""), agency=row.get("agency", ""), word_count=body_words, sha256=hashlib.sha256(raw).hexdigest(), dek="", dateline=row.get("dateline", ""), language=row.get("language", ""), translated=row.get("translated", ""), channel=row.get("channel", ""), url="", notes="", outlet_source="manifest", published_source="manifest", agency_source="manifest", n_lines=len(raw_lines), n_body_blocks=bid, n_sentences=n, n_removed_lines=0))
    return Corpus(folder, pd.DataFrame(arts, columns=ARTICLE_COLUMNS), pd.DataFrame(blocks, columns=BLOCK_COLUMNS), pd.DataFrame(sents, columns=SENTENCE_COLUMNS), pd.DataFrame(lines, columns=LINE_COLUMNS))
