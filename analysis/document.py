"""An article's body as one string, rebuilt from its sentences in order, with a map from
character offsets back to sentence_id.

Quotations, appositions and attributions cross the sentence splitter's boundaries (a quote can
run over several sentences or paragraphs, a splitter can cut a closing mark off into its own
"sentence"), so analyses that read across sentences work on this text and report the
sentence_id of the offset where a finding starts."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

SENTENCE_JOINER = " "
PARAGRAPH_JOINER = "\n\n"


@dataclass(frozen=True)
class Document:
    article_id: str
    text: str
    sentence_ids: tuple[int, ...]
    starts: tuple[int, ...]  # offset of each sentence in text
    ends: tuple[int, ...]
    paragraph_starts: tuple[int, ...]  # offset where each paragraph begins

    def sentence_at(self, offset: int) -> int:
        """The sentence_id of the sentence holding `offset` (a joiner belongs to the next one)."""
        if not self.sentence_ids:
            raise ValueError(f"article {self.article_id} has no sentences")
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.sentence_ids[max(index, 0)]

    def sentence_span(self, sentence_id: int) -> tuple[int, int]:
        index = self.sentence_ids.index(sentence_id)
        return self.starts[index], self.ends[index]

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding `offset`."""
        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        start = self.paragraph_starts[max(index, 0)]
        end = self.paragraph_starts[index + 1] - len(PARAGRAPH_JOINER) if index + 1 < len(self.paragraph_starts) else len(self.text)
        return start, end


def build_document(article_id: str, sentences: pd.DataFrame) -> Document:
    """One article's sentences (any order) as a Document: sentences of a paragraph joined by a
    space, paragraphs by a blank line."""
    return _assemble(article_id, _rows(sentences))


def _rows(sentences: pd.DataFrame) -> list[tuple]:
    """(sentence_id, paragraph, text) per row as plain Python values: reading columns once
    is far cheaper than pandas row iteration or a sort per article."""
    return list(zip(sentences["sentence_id"].tolist(), sentences["paragraph"].tolist(), sentences["text"].tolist()))


def _assemble(article_id: str, rows: list[tuple]) -> Document:
    parts: list[str] = []
    ids, starts, ends, paragraph_starts = [], [], [], []
    offset, previous_paragraph = 0, None
    for sentence_id, paragraph, text in sorted(rows, key=lambda row: row[0]):
        if previous_paragraph is not None:
            joiner = SENTENCE_JOINER if paragraph == previous_paragraph else PARAGRAPH_JOINER
            parts.append(joiner)
            offset += len(joiner)
        if paragraph != previous_paragraph:
            paragraph_starts.append(offset)
        text = str(text)
        ids.append(int(sentence_id))
        starts.append(offset)
        parts.append(text)
        offset += len(text)
        ends.append(offset)
        previous_paragraph = paragraph
    return Document(article_id, "".join(parts), tuple(ids), tuple(starts), tuple(ends), tuple(paragraph_starts))


def sentences_from_text(text: str, article_id: str = "text") -> pd.DataFrame:
    """Sentences (the columns analyses read: article_id, sentence_id, paragraph, text) of a
    plain text whose paragraphs are separated by blank lines, split by the suite's splitter:
    for scoring text outside a corpus and for tests."""
    from .sentences import split_sentences

    rows = []
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for paragraph, block in enumerate(paragraphs):
        block = " ".join(block.split())
        for start, end in split_sentences(block):
            rows.append((article_id, len(rows) + 1, paragraph, block[start:end]))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "paragraph", "text"])


def build_documents(sentences: pd.DataFrame) -> dict[str, Document]:
    """A Document per article_id present in `sentences`, in order of first appearance
    (rows without an article_id are left out, as a pandas groupby would)."""
    groups: dict = {}
    for aid, row in zip(sentences["article_id"].tolist(), _rows(sentences)):
        if pd.isna(aid):
            continue
        groups.setdefault(aid, []).append(row)
    return {str(aid): _assemble(str(aid), rows) for aid, rows in groups.items()}
