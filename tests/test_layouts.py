"""The same article laid out differently gets the same roles: paragraphs separated by blank
lines, one paragraph per line without blank lines, or hard-wrapped at a fixed width."""
import textwrap

import pytest

from analysis.cleaning import group_blocks, hard_wrap_width, label_lines
from analysis.config import RAW_DIR
from helpers import PATTERNS

SEEDS = sorted(RAW_DIR.glob("*.txt"))


def roles_by_line(lines):
    return {l.line: l.role for l in label_lines(lines, PATTERNS)}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_roles_do_not_depend_on_blank_lines(path):
    raw = path.read_text(encoding="utf-8").split("\n")
    dense = [line for line in raw if line.strip()]
    source = [n for n, line in enumerate(raw, 1) if line.strip()]
    original = roles_by_line(raw)
    assert {n: original[source[n - 1]] for n in roles_by_line(dense)} == roles_by_line(dense)


@pytest.mark.parametrize("width", [45, 72, 100])
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_roles_survive_hard_wrapping(path, width):
    raw = path.read_text(encoding="utf-8").split("\n")
    original = roles_by_line(raw)
    wrapped, source = [], []
    for n, line in enumerate(raw, 1):
        parts = textwrap.wrap(line, width) or [""]
        wrapped += parts
        source += [n] * len(parts)
    labels = label_lines(wrapped, PATTERNS)
    assert {l.line: l.role for l in labels} == {l.line: original[source[l.line - 1]] for l in labels}
    # each original body paragraph is one block again
    body_blocks = [b for b in group_blocks(wrapped, labels) if b.role == "body"]
    assert len(body_blocks) == len([b for b in group_blocks(raw, label_lines(raw, PATTERNS)) if b.role == "body"])
    assert all("hard-wrapped lines" in b.reason or "broken across lines" in b.reason
               for b in body_blocks if b.line_end > b.line_start)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_one_paragraph_per_line_is_not_taken_for_hard_wrapping(path):
    raw = path.read_text(encoding="utf-8").split("\n")
    assert hard_wrap_width(raw) is None
    assert hard_wrap_width([line for line in raw if line.strip()]) is None
