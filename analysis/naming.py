"""Naming choices that signal stance or house style (Kyiv or Kiev, Zelensky or Zelenskyy,
"special military operation" or war), from data/codebook/naming.csv: each variant is a
regular expression (case-sensitive unless it says (?i)), counted per article in the outlet's
own voice and inside quotations separately."""
from __future__ import annotations

import re

import pandas as pd

from .codebook import Column, codebook_path, read_codebook
from .quotes import QuotedDocuments, quote_mask, quoted_documents
from .word_starts import PatternSet

NAMING_FILE = "naming.csv"
NAMING_CODEBOOK_COLUMNS = [
    Column("concept"),
    Column("variant"),
    Column("pattern", kind="regex"),
    Column("note", nonempty=False),
]
NAMING_COLUMNS = ["article_id", "concept", "variant", "n_own", "n_quoted", "sentence_ids", "outlet"]


def load_naming(codebook_dir=None) -> pd.DataFrame:
    frame = read_codebook(codebook_path(NAMING_FILE, codebook_dir), NAMING_CODEBOOK_COLUMNS)
    duplicated = frame[frame.duplicated(["concept", "variant"])]
    if len(duplicated):
        from .errors import CodebookError

        row = duplicated.iloc[0]
        raise CodebookError(codebook_path(NAMING_FILE, codebook_dir), f"duplicate variant {row['variant']!r} of {row['concept']!r}",
                            row=int(row["codebook_row"]), column="variant")
    return frame


def count_naming(sentences: pd.DataFrame, naming: pd.DataFrame | None = None, codebook_dir=None,
                 documents: QuotedDocuments | None = None) -> pd.DataFrame:
    """One row per article x variant found: counts in own voice and in quotes, and the
    sentences that use it (outlet column empty: add it with Corpus.with_outlet).
    `documents`: quotes.quoted_documents(sentences), if already built."""
    naming = load_naming(codebook_dir) if naming is None else naming
    variants = list(naming[["concept", "variant"]].itertuples(index=False, name=None))
    patterns = PatternSet(re.compile(p) for p in naming["pattern"])
    rows = []
    for article_id, (doc, spans) in (quoted_documents(sentences) if documents is None else documents).items():
        quoted = quote_mask(doc, spans)
        for (concept, variant), matches in zip(variants, patterns.matches(doc.text)):
            if not matches:
                continue
            hits = [m.start() for m in matches]
            inside = sum(any(s <= h < e for s, e in quoted) for h in hits)
            ids = sorted({doc.sentence_at(h) for h in hits})
            rows.append((article_id, concept, variant, len(hits) - inside, inside, ";".join(map(str, ids))))
    return pd.DataFrame(rows, columns=NAMING_COLUMNS[:-1])


def naming_table(counts: pd.DataFrame, naming: pd.DataFrame, outlets, own_voice_only: bool = True) -> pd.DataFrame:
    """Concept x outlet: the variants an outlet uses with counts ('Kiev (4)'); '—' when the
    outlet never names the concept. `counts` needs an outlet column."""
    column = "n_own" if own_voice_only else None
    data = counts.assign(n=counts["n_own"] if column else counts["n_own"] + counts["n_quoted"])
    data = data[data["n"] > 0]
    order = {v: i for i, v in enumerate(naming["variant"])}
    data = data.groupby(["concept", "outlet", "variant"], as_index=False)["n"].sum()
    data = data.assign(rank=data["variant"].map(order)).sort_values(["concept", "outlet", "rank"])
    data["cell"] = data["variant"] + " (" + data["n"].astype(str) + ")"
    table = data.groupby(["concept", "outlet"])["cell"].agg("; ".join).unstack("outlet")
    concepts = list(dict.fromkeys(naming["concept"]))
    return table.reindex(index=concepts, columns=sorted(outlets)).astype(object).fillna("—")
