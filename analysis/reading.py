"""Reading one article file: bytes to lines, without losing or altering anything.

Line numbers are those of the raw file: CRLF, CR and LF all end a line. Text that is not
UTF-8 is decoded as Windows-1252 (a superset of Latin-1 for printable text, and what
typographic quotes in legacy files usually are) with a warning naming the file."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, warn_input

LINE_BREAK = re.compile(r"\r\n|\r|\n")
BINARY_SAMPLE = 8192


@dataclass(frozen=True)
class RawArticle:
    path: Path
    sha256: str
    text: str
    lines: list[str]
    encoding: str


def decode(data: bytes, path) -> tuple[str, str]:
    """(text, encoding name); raises CorpusError for binary data."""
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise CorpusError(path, "binary file (contains NUL bytes), not article text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        warn_input(path, f"not valid UTF-8 (byte {exc.start}); read as Windows-1252")
        return data.decode("cp1252", errors="replace"), "cp1252"


def read_article(path: Path) -> RawArticle:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read file ({exc.strerror})") from None
    text, encoding = decode(data, path)
    return RawArticle(path, hashlib.sha256(data).hexdigest(), text, LINE_BREAK.split(text), encoding)
