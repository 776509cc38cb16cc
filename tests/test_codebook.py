"""Codebook validation: every mistake names the file, the spreadsheet row and the column."""
import os

import pytest

from analysis.actors import load_actors
from analysis.boilerplate import load_patterns
from analysis.codebook import Column, read_codebook
from analysis.errors import CodebookError

COLUMNS = [
    Column("name"),
    Column("terms", kind="list"),
    Column("pattern", kind="regex", required=False, nonempty=False),
    Column("weight", kind="number", required=False, nonempty=False, default=1.0),
    Column("active", kind="bool"),
    Column("camp", kind="choice", choices=("a", "b")),
]


def write(tmp_path, text):
    path = tmp_path / "book.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_codebook_converts_cells(tmp_path):
    path = write(tmp_path, "name,terms,pattern,weight,active,camp,extra\nx, one ; two ;,^a+$,2.5,yes,a,kept\n\n# note,,,,,,\n")
    frame = read_codebook(path, COLUMNS)
    row = frame.iloc[0]
    assert len(frame) == 1
    assert (row["terms"], row["pattern"], row["weight"], row["active"], row["extra"], row["codebook_row"]) == (("one", "two"), "^a+$", 2.5, True, "kept", 2)


@pytest.mark.parametrize(
    "row, message",
    [
        ("x,t,(unclosed,1,yes,a", "row 2, column 'pattern': invalid regular expression '(unclosed'"),
        ("x,t,,heavy,yes,a", "row 2, column 'weight': expected a number, got 'heavy'"),
        ("x,t,,1,maybe,a", "row 2, column 'active': expected yes or no, got 'maybe'"),
        ("x,t,,1,yes,c", "row 2, column 'camp': 'c' is not one of a, b"),
        (",t,,1,yes,a", "row 2, column 'name': empty cell; this column must be filled"),
    ],
)
def test_bad_cell_names_row_and_column(tmp_path, row, message):
    path = write(tmp_path, "name,terms,pattern,weight,active,camp\n" + row + "\n")
    with pytest.raises(CodebookError) as error:
        read_codebook(path, COLUMNS)
    assert str(error.value).startswith(f"{path}: {message}")


def test_missing_column_and_missing_file(tmp_path):
    with pytest.raises(CodebookError, match=r"missing column\(s\) terms, active, camp"):
        read_codebook(write(tmp_path, "name,pattern\nx,y\n"), COLUMNS)
    with pytest.raises(CodebookError, match="codebook file not found"):
        read_codebook(tmp_path / "nope.csv", COLUMNS)


def test_duplicate_key(tmp_path):
    path = write(tmp_path, "name,terms,active,camp\nx,t,yes,a\nx,u,no,b\n")
    with pytest.raises(CodebookError, match=r"row 3, column 'name': duplicate name 'x'"):
        read_codebook(path, COLUMNS, unique="name")


def test_bundled_codebooks_load():
    assert len(load_patterns().patterns) >= 20
    actors = load_actors()
    assert actors.set_index("actor").loc["Vladimir Putin", "aliases"][0] == "Vladimir Putin"


def test_pattern_with_capitals_keeps_case_insensitive_matching(tmp_path):
    path = tmp_path / "boilerplate.csv"
    path.write_text("family,role,ends_article,max_words,reason,pattern\nx,boilerplate,no,5,shouting,^BREAKING\\b\n", encoding="utf-8")
    patterns = load_patterns(tmp_path)
    assert patterns.match("Breaking news") is not None and patterns.match("breaking: x") is not None


def test_empty_codebook_names_the_file(tmp_path):
    with pytest.raises(CodebookError, match="empty file; it needs a header row"):
        read_codebook(write(tmp_path, ""), COLUMNS)



def test_a_file_read_again_is_not_parsed_again_but_an_edit_is_seen(tmp_path, monkeypatch):
    import analysis.codebook as codebook

    columns = [Column("name"), Column("active", kind="bool")]
    path = write(tmp_path, "name,active\nx,yes\n")
    first = read_codebook(path, columns)
    first.loc[0, "name"] = "changed by a caller"
    first["added"] = 1
    parse, parsed = codebook._parse_codebook, []
    monkeypatch.setattr(codebook, "_parse_codebook", lambda *args: parsed.append(args) or parse(*args))
    second = read_codebook(path, columns)
    assert not parsed and list(second["name"]) == ["x"] and "added" not in second  # a copy each time
    stat = path.stat()
    path.write_text("name,active\ny,yes\n", encoding="utf-8")  # same size,
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time stamp: the content decides
    assert list(read_codebook(path, columns)["name"]) == ["y"] and len(parsed) == 1
    path.write_text("name,active\nz,maybe\n", encoding="utf-8")
    for _ in range(2):  # a failure is not remembered
        with pytest.raises(CodebookError, match="expected yes or no"):
            read_codebook(path, columns)
    assert len(parsed) == 3
