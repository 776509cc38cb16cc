"""Property tests on whatever bytes and text a scraper produces: decoding never loses a byte,
line endings never change the lines, and arbitrary text goes through cleaning, sentence
splitting, figure and quote extraction without an exception and with every non-blank line
accounted for."""
from __future__ import annotations

import codecs
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import ROLES
from analysis.errors import CodebookError, CorpusError, InputWarning, SkippedInput
from analysis.loading import build_corpus
from analysis.reading import LINE_BREAK, decode
from helpers import PARAGRAPH_A, PARAGRAPH_B

# Text as scraped pages hold it: any character but surrogates and line breaks, with the odd
# white space that str.strip() knows and a line splitter might not (NBSP, U+2028, form feed).
LINE = st.one_of(
    st.sampled_from([PARAGRAPH_A, PARAGRAPH_B, "“Quote,” he said.", "Share", "20/12/2022", "About 40 people, some 9 million.", "", "  "]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\x0c\u2028\u00a0"), max_size=60),
)
LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
CORPUS_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def encode_back(text: str, encoding: str) -> bytes:
    """The bytes `decode` read `text` from (the inverse the loader promises)."""
    if encoding == "cp1252":
        return b"".join(ch.encode("cp1252") if _in_cp1252(ch) else ch.encode("latin-1") for ch in text)
    return text.encode(encoding)


def _in_cp1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.text(st.characters(max_codepoint=0xFF), max_size=100).map(lambda t: t.encode("latin-1")),
                 st.binary(max_size=100).map(lambda b: codecs.BOM_UTF8 + b)))
def test_decoding_keeps_every_byte(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            text, encoding = decode(data, "x.txt")
        except SkippedInput as skipped:
            assert skipped.problem
            return
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) and encoding in ("cp1252", "utf-8-sig") else b""
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    assert bom + encode_back(text, encoding) == data


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=30), LINE_ENDINGS, st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_line_endings_and_encodings_never_change_the_lines(lines, ending, encoding):
    data = ending.join(lines).encode(encoding, errors="replace")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            text, _ = decode(data, "x.txt")
        except SkippedInput:  # utf-16 without a BOM reads as binary; say so, don't guess
            assert encoding == "utf-16" or b"\x00" in data
            return
    expected = ending.join(lines).encode(encoding, errors="replace").decode(encoding)
    assert LINE_BREAK.split(text) == LINE_BREAK.split(expected)
    assert len(LINE_BREAK.split(text)) == max(len(lines), 1)


def _load(articles: dict[str, bytes]):
    """build_corpus over a fresh folder holding `articles`; None when nothing is usable."""
    with tempfile.TemporaryDirectory(prefix="prop-") as name, warnings.catch_warnings():
        folder = Path(name)
        for file, data in articles.items():
            (folder / file).write_bytes(data)
        warnings.simplefilter("ignore", InputWarning)
        try:
            return build_corpus(folder)
        except CorpusError as error:
            assert "no usable article files" in str(error)
            return None


@CORPUS_SETTINGS
@given(st.lists(LINE, max_size=25), LINE_ENDINGS)
def test_every_non_blank_line_is_accounted_for(lines, ending):
    data = ending.join(lines).encode("utf-8")
    corpus = _load({"a.txt": data})
    non_blank = [(n, text) for n, text in enumerate(lines, start=1) if text.strip()]
    if corpus is None:
        assert not non_blank
        return
    assert list(zip(corpus.lines["line"], corpus.lines["text"])) == non_blank
    assert set(corpus.blocks["role"]) <= set(ROLES)
    covered = sorted(n for start, end in zip(corpus.blocks["line_start"], corpus.blocks["line_end"])
                     for n in range(start, end + 1) if lines[n - 1].strip())
    assert covered == [n for n, _ in non_blank]
    body = corpus.blocks[corpus.blocks["role"] == "body"].set_index("block_id")
    for block_id, line_start, line_end, char_end in corpus.sentences[["block_id", "line_start", "line_end", "char_end"]].itertuples(index=False):
        block = body.loc[block_id]
        assert block.line_start <= line_start <= line_end <= block.line_end
        assert char_end <= len(block.text)
    assert corpus.articles.loc[0, "word_count"] == corpus.sentences["n_words"].sum() or corpus.sentences.empty


def _sentences_of(texts: list[str]) -> pd.DataFrame | None:
    corpus = _load({f"{k}.txt": text.encode("utf-8") for k, text in enumerate(texts)})
    return None if corpus is None else corpus.sentences


PARAGRAPHS = st.lists(st.lists(LINE, min_size=1, max_size=6).map("\n\n".join), min_size=1, max_size=3)


@CORPUS_SETTINGS
@given(PARAGRAPHS)
def test_figure_extraction_takes_any_text(texts):
    numbers = pytest.importorskip("analysis.numbers")  # branch `figures`
    try:
        lexicon = numbers.load_lexicon()
    except CodebookError as missing:
        pytest.skip(f"figure codebooks not here yet: {missing}")
    sentences = _sentences_of(texts)
    if sentences is None:
        return
    figures = numbers.extract_figures(sentences, lexicon)
    known = set(zip(sentences["article_id"], sentences["sentence_id"]))
    assert set(zip(figures["article_id"], figures["sentence_id"])) <= known
    assert set(figures["hedge"]) <= set(numbers.HEDGES)
    assert set(figures["kind"]) <= set(numbers.KINDS)
    assert (figures["low"].astype(float) <= figures["high"].astype(float)).all()


@CORPUS_SETTINGS
@given(PARAGRAPHS)
def test_quote_extraction_takes_any_text(texts):
    quotes = pytest.importorskip("analysis.quotes")  # branch `framing`
    try:
        referents = quotes.Referents.load()
    except CodebookError as missing:
        pytest.skip(f"quote codebooks not here yet: {missing}")
    sentences = _sentences_of(texts)
    if sentences is None:
        return
    found = quotes.find_quotes(sentences, referents)
    ids = sentences.groupby("article_id")["sentence_id"].agg(set)
    body = " ".join(sentences["text"])
    for row in found.itertuples(index=False):
        assert row.sentence_id in ids[row.article_id]
        assert row.sentence_id <= row.sentence_id_end
        assert row.quote and all(part in body for part in row.quote.split())
