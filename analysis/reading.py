"""Reading one article file: bytes to lines, without losing or altering anything.

- Line numbers are those of the raw file: CRLF, CR and LF all end a line.
- UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as
  such. Anything else is decoded as Windows-1252 (what typographic quotes in legacy and
  "Latin-1" files really are), with a warning naming the file and line of the first byte that
  is not UTF-8. The five bytes Windows-1252 leaves undefined become the Latin-1 control
  character of the same number, so decoding never replaces a byte: the text maps back to
  exactly the bytes of the file (and sha256 is always that of the raw bytes).
- A saved web page (.html/.htm, or a .txt whose content is an HTML document) is reduced to
  its article text with trafilatura; `extracted_from` says so, and line numbers then refer to
  the extracted text, not to the HTML source.
- A file that cannot be an article (binary, empty, larger than the size limit, an HTML page
  with no article text) raises SkippedInput: the corpus loads without it and lists it in its
  `skipped` audit. Oversized files are refused before they are read, so a stray dump costs
  neither memory nor time.
"""
from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SkippedInput, warn_input

LINE_BREAK = re.compile(r"\r\n|\r|\n")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Loading one file costs about 2.7 s of CPU and 16 MB of memory per MB of text, linearly
# (benchmarks/bench_large_files.py: 2 MB in 5.7 s CPU, 32 MB peak), so 50 MB would take over
# two minutes and most of a gigabyte. News articles are well under 0.5 MB (saved web pages
# with inline scripts reach a few MB): a bigger file is a dump, not an article.
MAX_FILE_BYTES = 5_000_000
BINARY_SAMPLE = 8192
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
MAX_CONTROL_SHARE = 0.05
MAGIC = {  # leading bytes of file types scrapers save by mistake
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Word/ODF document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "an RTF document",
    b"\x1f\x8b": "a gzip archive",
}
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
HTML_EXTRACTOR = "trafilatura"
HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _latin1_fallback(error: UnicodeDecodeError):
    """Decode a byte Windows-1252 leaves undefined as the Latin-1 character of that number."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("cp1252_latin1_fallback", _latin1_fallback)


@dataclass(frozen=True)
class RawArticle:
    """A file's article text as read (decoded, or extracted from HTML). The text is held as
    UTF-8 bytes and its lines split anew at each use: a corpus's first pass holds every raw
    article until its per-article stage, and a str of text with a curly quote takes two bytes
    a character, its lines as strings as much again (≈ 2.4 GB at 100,000 articles, not 0.55)."""

    path: Path
    sha256: str  # of the raw bytes of the file
    utf8: bytes  # the text; "surrogatepass" keeps any lone surrogate a decoder let through
    encoding: str
    extracted_from: str = ""  # "" for a text file; what the text was extracted from otherwise
    metadata: dict[str, str] = field(default_factory=dict)  # fields found outside the text (html)

    @classmethod
    def of_text(cls, path: Path, sha256: str, text: str, encoding: str, extracted_from: str = "",
                metadata: dict[str, str] | None = None) -> "RawArticle":
        return cls(path, sha256, text.encode("utf-8", "surrogatepass"), encoding, extracted_from, metadata or {})

    @property
    def text(self) -> str:
        return self.utf8.decode("utf-8", "surrogatepass")

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)


def split_lines(text: str) -> list[str]:
    """LINE_BREAK.split(text): the lines of a text, whichever of CRLF, CR and LF ends them
    (text without a CR, the common case, is split in C without the regex)."""
    return text.split("\n") if "\r" not in text else LINE_BREAK.split(text)


def nfc(name: str) -> str:
    """A file name in composed Unicode form (macOS stores names decomposed): the form used to
    match file names between the folder and the manifest."""
    return unicodedata.normalize("NFC", name)


_CONTROL_TABLE = bytes(sorted(CONTROL_BYTES))


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return "binary data (contains NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL_TABLE))  # counted in C, not per byte
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return "binary data (many control characters)"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return 1 + len(LINE_BREAK.findall(data[:offset].decode("latin-1")))


def declared_charset(data: bytes) -> str | None:
    """The Python codec a web page declares in a <meta> charset, when Python knows it."""
    match = HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii") else name  # as browsers read them (WHATWG)


def decode(data: bytes, path, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name); raises SkippedInput for binary data. `declared`: the encoding
    the file itself declares (a web page's charset), tried after UTF-8."""
    for bom in UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                raise SkippedInput(path, "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    kind = _binary_kind(data)
    if kind:
        raise SkippedInput(path, f"{kind}, not article text; save the article as plain text or HTML")
    body, encoding = (data[len(UTF8_BOM):], "utf-8-sig") if data.startswith(UTF8_BOM) else (data, "utf-8")
    try:
        return body.decode("utf-8"), encoding
    except UnicodeDecodeError as exc:
        if declared and declared not in ("utf-8", "cp1252"):
            try:
                return body.decode(declared), declared
            except UnicodeDecodeError:
                pass
        if declared == "cp1252":  # declared, so no surprise: no warning
            return body.decode("cp1252", errors="cp1252_latin1_fallback"), "cp1252"
        offset = exc.start + (len(data) - len(body))
        warn_input(path, f"not valid UTF-8 (first bad byte on line {_line_of(data, offset)}); "
                         "read as Windows-1252: if accents or quotes look wrong, re-save the file as UTF-8")
        return body.decode("cp1252", errors="cp1252_latin1_fallback"), "cp1252"


def is_html(path: Path, data: bytes) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or bool(HTML_START.match(data[:4096]))


def extract_html(html: str, path) -> tuple[str, dict[str, str]]:
    """Article text of a saved web page (paragraphs one per line) and its metadata (headline,
    outlet, published) as the page declares them."""
    import trafilatura  # imported here: a second or so, paid only when a page is met

    for name in ("trafilatura", "htmldate", "courlan"):  # their log lines would break one-line messages
        logging.getLogger(name).setLevel(logging.CRITICAL)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise SkippedInput(path, "HTML page with no article text that trafilatura could find; save the article text instead")
    metadata = {"headline": document.title, "outlet": document.sitename, "published": document.date}
    return text + "\n", {field: value.strip() for field, value in metadata.items() if value and value.strip()}


def html_extractor() -> str:
    import trafilatura

    return f"html ({HTML_EXTRACTOR} {trafilatura.__version__})"


def read_article(path: Path, max_bytes: int | None = MAX_FILE_BYTES) -> RawArticle:
    """Read one article file. Raises SkippedInput when the file cannot be an article."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise SkippedInput(path, f"{size / 1e6:.1f} MB, above the {max_bytes / 1e6:g} MB limit for one article; "
                                     "split it into one file per article (or raise the limit with --max-file-mb)")
        data = path.read_bytes()
    except OSError as exc:
        raise SkippedInput(path, f"cannot read file ({exc.strerror})") from None
    if not data.strip():
        raise SkippedInput(path, "empty file (no text)")
    html = is_html(path, data)
    text, encoding = decode(data, path.name, declared_charset(data) if html else None)
    extracted_from, metadata = "", {}
    if html:
        text, metadata = extract_html(text, path.name)
        extracted_from = html_extractor()
    elif not text.strip():
        raise SkippedInput(path, "empty file (only white space)")
    return RawArticle.of_text(path, hashlib.sha256(data).hexdigest(), text, encoding, extracted_from, metadata)
