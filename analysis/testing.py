"""In-memory corpora for tests and benchmarks: build a Corpus from block texts and roles
without files on disk, so a test can put site debris next to body text and check what
reaches an analysis. Body blocks are split and words counted exactly as for a real corpus."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import ARTICLE_COLUMNS, BLOCK_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, Corpus
from .sentences import split_sentences
from .text import count_words, normalize_space


def make_corpus(articles: dict[str, dict], path: str = "synthetic") -> Corpus:
    """A Corpus from {article_id: {"outlet": ..., "blocks": [(role, text), ...], and
    optionally any other articles column such as "translated" or "channel"}}."""
    arts, blocks, sents = [], [], []
    for aid, spec in articles.items():
        sid = paragraph = 0
        for bid, (role, text) in enumerate(spec["blocks"], 1):
            blocks.append(dict(article_id=aid, block_id=bid, line_start=bid, line_end=bid, role=role,
                               reason="synthetic", text=text, n_words=count_words(text)))
            if role != "body":
                continue
            for start, end in split_sentences(text):
                sid += 1
                sentence = normalize_space(text[start:end])
                sents.append(dict(article_id=aid, sentence_id=sid, block_id=bid, position=0.0,
                                  text=sentence, paragraph=paragraph, line_start=bid, line_end=bid,
                                  char_start=start, char_end=end, n_words=count_words(sentence)))
            paragraph += 1
        extra = {k: v for k, v in spec.items() if k in ARTICLE_COLUMNS}
        arts.append({c: "" for c in ARTICLE_COLUMNS} | dict(
            article_id=aid, file=f"{aid}.txt", translated="no", channel="original") | extra)
    sentences = pd.DataFrame(sents, columns=SENTENCE_COLUMNS).astype(
        {"sentence_id": int, "block_id": int, "paragraph": int, "n_words": int})
    totals = sentences.groupby("article_id")["n_words"].transform("sum")
    before = sentences.groupby("article_id")["n_words"].cumsum() - sentences["n_words"]
    sentences["position"] = (before / totals.where(totals > 0, 1)).astype(float)
    return Corpus(Path(path), pd.DataFrame(arts, columns=ARTICLE_COLUMNS),
                  pd.DataFrame(blocks, columns=BLOCK_COLUMNS), sentences,
                  pd.DataFrame(columns=LINE_COLUMNS))
