"""Fixed texts and a tiny corpus builder shared by the readability tests."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.corpus import ARTICLE_COLUMNS, BLOCK_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, Corpus

PLAIN = " ".join([
    "The dog ran to the park.", "It was a warm day.", "Kids played on the grass.",
    "A man sold cold drinks.", "The sun set at six.", "We all went home to eat.",
] * 5)
DENSE = ("Governmental authorities characterised the unprecedented infrastructure "
         "deterioration as fundamentally unsustainable, notwithstanding considerable "
         "international reconstruction commitments. Administrative representatives "
         "emphasised institutional accountability, environmental responsibility and "
         "comprehensive economic diversification. ") * 4
NEWS = ("Officials said on Monday that the new bridge would open next spring. "
        "The project, which cost about 40 million dollars, was delayed twice by floods. "
        "Residents welcomed the news but asked why repairs to older roads had stalled. "
        "The mayor promised a public meeting before the end of the month. ") * 3
# Site debris that must never reach the formulas: long words, no sentence ends.
DEBRIS = ("Subscribe notifications newsletter personalisation advertisement preferences "
          "unsubscribe acknowledgement telecommunications infrastructure")


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def make_corpus(articles: dict[str, dict]) -> Corpus:
    """A Corpus from {article_id: {"outlet": ..., "blocks": [(role, text), ...],
    "translated": ..., "channel": ...}}; body blocks are split at . ! ? followed by space."""
    arts, blocks, sents = [], [], []
    for aid, spec in articles.items():
        sid = paragraph = 0
        for bid, (role, text) in enumerate(spec["blocks"], 1):
            blocks.append(dict(article_id=aid, block_id=bid, line_start=bid, line_end=bid, role=role,
                               reason="test", text=text, n_words=len(text.split())))
            if role != "body":
                continue
            for sentence in split_sentences(text):
                sid += 1
                start = text.index(sentence)
                sents.append(dict(article_id=aid, sentence_id=sid, block_id=bid, position=0.0,
                                  text=sentence, paragraph=paragraph, line_start=bid, line_end=bid,
                                  char_start=start, char_end=start + len(sentence),
                                  n_words=len(sentence.split())))
            paragraph += 1
        arts.append({c: "" for c in ARTICLE_COLUMNS} | dict(
            article_id=aid, file=f"{aid}.txt", outlet=spec["outlet"],
            translated=spec.get("translated", "no"), channel=spec.get("channel", "original")))
    return Corpus(Path("synthetic"), pd.DataFrame(arts, columns=ARTICLE_COLUMNS),
                  pd.DataFrame(blocks, columns=BLOCK_COLUMNS), pd.DataFrame(sents, columns=SENTENCE_COLUMNS),
                  pd.DataFrame(columns=LINE_COLUMNS))
