import pytest

from analysis import CodebookError, load_corpus
from helpers import PARAGRAPH_A, PARAGRAPH_B, write_corpus

ARTICLE = f"Minister arrives in Vienna for energy talks\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"


def test_manifest_supplies_metadata(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE}, "file,outlet,published,agency\na.txt,The Courier,2023-01-05,AFP\n")
    row = load_corpus(folder).articles.iloc[0]
    assert (row.outlet, row.published, row.agency, row.headline) == ("The Courier", "2023-01-05", "AFP", "Minister arrives in Vienna for energy talks")


@pytest.mark.parametrize(
    "manifest, message",
    [
        ("file,outlet,published\na.txt,The Courier,5 Jnuary\n", "sources.csv: row 2, column 'published': bad date '5 Jnuary'; write it as YYYY-MM-DD"),
        ("file,outlet\n../a.txt,The Courier\n", "sources.csv: row 2, column 'file': '../a.txt' points outside the corpus folder"),
        ("name,outlet\na.txt,The Courier\n", "sources.csv: missing column(s) file; found name, outlet"),
        ("file,outlet\na.txt,X\na.txt,Y\n", "sources.csv: row 3, column 'file': duplicate file 'a.txt'"),
    ],
)
def test_bad_manifest_names_file_row_and_column(tmp_path, manifest, message):
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE}, manifest)
    with pytest.raises(CodebookError) as error:
        load_corpus(folder)
    assert str(error.value) == f"{tmp_path / 'sources.csv'}{message.removeprefix('sources.csv')}"


def test_manifest_mismatches_warn_and_name_the_file(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE + "More.\n"},
                          "file,outlet,sha256\na.txt,The Courier,deadbeef\nmissing.txt,Gone,\n")
    with pytest.warns(UserWarning) as caught:
        corpus = load_corpus(folder)
    messages = [str(w.message) for w in caught]
    assert any("a.txt: sha256 differs" in m for m in messages)
    assert any("'missing.txt', which is not in the corpus folder" in m for m in messages)
    assert any(m.startswith("b.txt: not listed in sources.csv") for m in messages)
    assert len(corpus.articles) == 2
