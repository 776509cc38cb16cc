"""Codebook validation: every mistake names the file, the spreadsheet row and the column."""
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
