"""Bad input through the command line, as a user meets it: `python -m analysis export`.

Each case builds a corpus folder in a temporary directory, runs the export in a separate
process and checks the exit status, the lines on stderr and the tables written.

A new interpreter costs about a second here (most of it importing pandas), times some thirty
cases. So by default each case runs `analysis.__main__.main` in a process forked from this
one, with the modules already imported: the same code path as `python -m analysis`, with its
own warnings state, stdout and stderr. `test_fork_runs_match_the_real_command` checks that a
real `python -m analysis` prints the same; CLI_SUBPROCESS=1 runs every case that way."""
from __future__ import annotations

import contextlib
import hashlib
import io
import multiprocessing
import os
import shutil
import subprocess
import sys
import traceback
import unicodedata
import warnings
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import analysis.loading  # noqa: F401  (imported before forking, so children start warm)
import analysis.tables  # noqa: F401
from analysis.__main__ import main
from analysis.config import CODEBOOK_DIR, ROOT
from helpers import PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C, write_corpus

HEADLINE = "Minister arrives in Vienna for energy talks"
ARTICLE = f"{HEADLINE}\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"
OTHER = f"Critics question the new energy deal with Vienna\n\n{PARAGRAPH_C}\n\n{PARAGRAPH_A}\n"
# Windows-1252 bytes: “ ” ’ – and é, as a legacy editor saves them
LEGACY_PARAGRAPH = "\u201cWe will not give in,\u201d the minister\u2019s aide said in the caf\u00e9 \u2013 twice."
HTML_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADLINE}</title>
<meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2022-12-19T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{HEADLINE}</h1>
<p>{PARAGRAPH_A}</p><p>{PARAGRAPH_B}</p><p>{PARAGRAPH_C}</p></article>
<footer>Subscribe to our newsletter.</footer><script>var tracking = 1;</script></body></html>"""
BIG_BYTES = 50_000_000


@dataclass
class Run:
    corpus: Path
    out: Path
    returncode: int
    stderr: str
    stdout: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.strip().splitlines()

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.out / name, dtype=str, keep_default_na=False)

    def skipped(self) -> dict[str, str]:
        return dict(zip(*self.table("skipped.csv")[["file", "problem"]].T.values))

    def assert_one_error(self, message: str) -> None:
        """Exit status 2, no traceback, and the last stderr line is the error."""
        assert self.returncode == 2, self.stderr
        assert "Traceback" not in self.stderr
        assert [line for line in self.lines if line.startswith("error:")] == [message]
        assert self.lines[-1] == message
        assert not self.out.exists() or not any(self.out.iterdir())


CASES: dict[str, callable] = {}


def case(build):
    """Register a case: build(folder) writes the corpus and returns extra CLI arguments."""
    CASES[build.__name__] = build
    return build


@case
def empty_files(folder):
    write_corpus(folder, {"good.txt": ARTICLE, "empty.txt": b"", "blank.txt": b"  \r\n\t\n \n"})


@case
def binary_files(folder):
    write_corpus(folder, {"good.txt": ARTICLE, "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
                          "dump.txt": b"abc\x00def" * 100, "paper.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"})


@case
def nothing_usable(folder):
    write_corpus(folder, {"a.txt": b"", "b.txt": b"\x01\x02\x03 text \x04\x05\x06"})


@case
def cp1252_file(folder):
    legacy = f"{HEADLINE}\n\n{PARAGRAPH_A}\n\n{LEGACY_PARAGRAPH}\n".encode("cp1252")
    write_corpus(folder, {"legacy.txt": legacy})


@case
def latin1_file(folder):
    # ISO-8859-1 proper (« » é), plus 0x81, a byte Windows-1252 leaves undefined
    latin = f"{HEADLINE}\n\n{PARAGRAPH_A}\n\nLe ministre a dit \u00abnon\u00bb au caf\u00e9 de la gare, selon l\u2019AFP.\n".replace("\u2019", "'")
    write_corpus(folder, {"latin.txt": latin.encode("latin-1").replace(b"gare", b"g\x81are")})


@case
def byte_order_marks(folder):
    write_corpus(folder, {"bom8.txt": b"\xef\xbb\xbf" + ARTICLE.encode(), "bom16.txt": OTHER.encode("utf-16")})


@case
def line_endings(folder):
    write_corpus(folder, {"lf.txt": ARTICLE, "crlf.txt": OTHER.replace("\n", "\r\n"),
                          "cr.txt": (ARTICLE + PARAGRAPH_C + "\n").replace("\n", "\r")})


@case
def html_pages(folder):
    write_corpus(folder, {"page.html": HTML_PAGE, "saved as text.txt": HTML_PAGE.replace(PARAGRAPH_C, "It was cold."),
                          "script only.htm": "<html><head><script>var page = 1;</script></head><body></body></html>"})


RUSSIAN = "Президент прибыл в Минск в понедельник для переговоров о газе и нефти."


@case
def html_declared_charsets(folder):
    page = lambda charset, extra: HTML_PAGE.replace('charset="utf-8"', f'charset="{charset}"').replace(PARAGRAPH_C, extra)
    write_corpus(folder, {"ru.html": page("windows-1251", RUSSIAN).encode("cp1251"),
                          "fr.html": page("ISO-8859-1", LEGACY_PARAGRAPH).encode("cp1252")})


@case
def big_file(folder):
    write_corpus(folder, {"good.txt": ARTICLE})
    unit = f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\n".encode()
    with open(folder / "dump.txt", "wb") as handle:
        handle.write(unit * (BIG_BYTES // len(unit) + 1))


@case
def size_limit_option(folder):
    write_corpus(folder, {"small.txt": ARTICLE, "larger.txt": ARTICLE + PARAGRAPH_C * 20 + "\n"})
    return ["--max-file-mb", str(len(ARTICLE.encode()) / 1e6 + 0.0001)]


@case
def duplicates(folder):
    write_corpus(folder, {"a.txt": ARTICLE, "b copy.txt": ARTICLE, "c.txt": OTHER})


@case
def unusual_names(folder):
    decomposed = unicodedata.normalize("NFD", "Le Monde – été.txt")
    write_corpus(folder, {decomposed: ARTICLE, "story.txt": OTHER, "story.html": HTML_PAGE},
                 "file,outlet\nLe Monde – été.txt,Le Monde\nstory.txt,The Courier\nstory.html,The Courier\n")


@case
def other_entries(folder):
    write_corpus(folder, {"good.txt": ARTICLE, "notes.pdf": b"%PDF-1.4", ".DS_Store": b"\x00\x00"})
    (folder / "by outlet").mkdir()


@case
def only_sub_folders(folder):
    write_corpus(folder / "courier", {"a.txt": ARTICLE})


@case
def manifest_rows_without_files(folder):
    write_corpus(folder, {"a.txt": ARTICLE, "Story.txt": OTHER}, "file,outlet\na.txt,The Courier\ngone.txt,Gone\nstory.txt,The Post\n")


@case
def manifest_unknown_columns(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "file,outlet,publised,reporter\na.txt,The Courier,2022-12-19,Jane Roe\n")


@case
def manifest_missing_column(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "name,outlet\na.txt,The Courier\n")


@case
def manifest_bad_date(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "file,published\na.txt,2022-12-19\nb.txt,31/02/2022\n")


@case
def manifest_outside_path(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "file,outlet\n../secret.txt,X\n")


@case
def manifest_bad_choice(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "file,channel\na.txt,wires\n")


@case
def manifest_empty(folder):
    write_corpus(folder, {"a.txt": ARTICLE}, "")


@case
def manifest_saved_by_excel(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    (folder / "sources.csv").write_bytes("file,outlet\na.txt,Caf\u00e9 \u201cNews\u201d\n".encode("cp1252"))


def _changed(folder):
    write_corpus(folder, {"a.txt": ARTICLE, "b.txt": OTHER},
                 f"file,sha256\na.txt,{hashlib.sha256(b'the original bytes').hexdigest()}\n"
                 f"b.txt,{hashlib.sha256(OTHER.encode()).hexdigest().upper()}\n")


@case
def raw_file_changed(folder):
    _changed(folder)


@case
def raw_file_changed_strict(folder):
    _changed(folder)
    return ["--strict"]


@case
def codebook_bad_regex(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    codebook = shutil.copytree(CODEBOOK_DIR, folder.parent / f"{folder.name}-codebook")
    with open(codebook / "boilerplate.csv", "a", encoding="utf-8") as handle:
        handle.write('broken,boilerplate,no,5,a broken pattern,"^(unclosed"\n')
    return ["--codebook", codebook]


@case
def codebook_ragged_row(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    codebook = shutil.copytree(CODEBOOK_DIR, folder.parent / f"{folder.name}-codebook")
    with open(codebook / "boilerplate.csv", "a", encoding="utf-8") as handle:
        handle.write("ragged,boilerplate,no,5,too,many,cells,here\n")
    return ["--codebook", codebook]


@case
def corpus_is_a_file(folder):
    write_corpus(folder.parent, {f"{folder.name}": ARTICLE})


@case
def out_inside_corpus(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    return ["--out", folder / "tables"]


@case
def out_is_a_file(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    (folder.parent / f"{folder.name}-out-file").write_text("not a folder")
    return ["--out", folder.parent / f"{folder.name}-out-file"]


@case
def unknown_table(folder):
    write_corpus(folder, {"a.txt": ARTICLE})
    return ["--tables", "articles.csv", "figurez.csv"]


def _arguments(root: Path, name: str) -> tuple[Path, Path, list[str]]:
    """Build case `name` under root; (corpus, out, argv). A case may pass its own --out."""
    folder = root / name
    extra = [str(a) for a in (CASES[name](folder) or [])]
    out = Path(extra[extra.index("--out") + 1]) if "--out" in extra else root / f"{name}-out"
    argv = ["export", "--corpus", str(folder)] + ([] if "--out" in extra else ["--out", str(out)]) + extra
    return folder, out, argv


def _main_in_child(argv: list[str]) -> tuple[int, str, str]:
    """main(argv) in a forked process: (exit status, stdout, stderr), as the command gives them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.resetwarnings()  # the interpreter's defaults, as in a fresh `python -m analysis`
        warnings.simplefilter("default")
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:
            traceback.print_exc(file=err)
            status = 1
    return status, out.getvalue(), err.getvalue()


def _real_command(argv: list[str]) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "analysis", *argv], capture_output=True, text=True, cwd=ROOT)
    return result.returncode, result.stdout, result.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    root = tmp_path_factory.mktemp("bad_input")
    prepared = {name: _arguments(root, name) for name in CASES}
    argvs = [argv for _, _, argv in prepared.values()]
    if os.environ.get("CLI_SUBPROCESS"):
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(_real_command, argvs))
    else:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=4, mp_context=fork) as pool:
            results = list(pool.map(_main_in_child, argvs))
    return {name: Run(corpus, out, status, err, stdout)
            for (name, (corpus, out, _)), (status, stdout, err) in zip(prepared.items(), results)}


def test_fork_runs_match_the_real_command(runs, tmp_path):
    names = ("binary_files", "manifest_bad_date", "raw_file_changed_strict")
    argvs = [["export", "--corpus", str(runs[name].corpus), "--out", str(tmp_path / name)] + (["--strict"] if "strict" in name else [])
             for name in names]
    with ThreadPoolExecutor(max_workers=3) as pool:
        for name, (status, _, stderr) in zip(names, pool.map(_real_command, argvs)):
            run = runs[name]
            assert (status, stderr.replace(str(tmp_path / name), str(run.out))) == (run.returncode, run.stderr)


def test_empty_and_blank_files_are_skipped_and_audited(runs):
    run = runs["empty_files"]
    assert run.returncode == 0, run.stderr
    assert "skipped: empty.txt: empty file (no text)" in run.lines
    assert "skipped: blank.txt: empty file (no text)" in run.lines
    assert run.skipped() == {"blank.txt": "empty file (no text)", "empty.txt": "empty file (no text)"}
    assert run.table("articles.csv")["file"].tolist() == ["good.txt"]
    assert run.lines[-1].startswith("2 input file(s) skipped (listed in ")


def test_binary_files_are_skipped_naming_what_they_are(runs):
    run = runs["binary_files"]
    assert run.returncode == 0, run.stderr
    skipped = run.skipped()
    assert skipped["photo.txt"].startswith("a PNG image, not article text")
    assert skipped["dump.txt"].startswith("binary data (contains NUL bytes), not article text")
    assert skipped["paper.txt"].startswith("a PDF document, not article text")
    assert run.table("articles.csv")["file"].tolist() == ["good.txt"]


def test_a_folder_with_nothing_usable_stops_with_one_line(runs):
    run = runs["nothing_usable"]
    run.assert_one_error(f"error: {run.corpus}: no usable article files (all 2 were skipped; first a.txt: empty file (no text))")
    assert "skipped: b.txt: binary data (many control characters), not article text; save the article as plain text or HTML" in run.lines


def test_cp1252_is_decoded_with_a_warning_and_nothing_altered(runs):
    run = runs["cp1252_file"]
    assert run.returncode == 0, run.stderr
    assert ("warning: legacy.txt: not valid UTF-8 (first bad byte on line 5); read as Windows-1252: "
            "if accents or quotes look wrong, re-save the file as UTF-8") in run.lines
    article = run.table("articles.csv").iloc[0]
    raw = (run.corpus / "legacy.txt").read_bytes()
    assert (article.encoding, article.sha256) == ("cp1252", hashlib.sha256(raw).hexdigest())
    assert LEGACY_PARAGRAPH in run.table("sentences.csv")["text"].str.cat(sep=" ")


def test_latin1_bytes_are_all_kept(runs):
    run = runs["latin1_file"]
    assert run.returncode == 0, run.stderr
    blocks = run.table("blocks.csv")
    text = "\n\n".join(blocks["text"])
    assert "\u00abnon\u00bb au caf\u00e9 de la g\x81are" in text
    # every byte of the file is still there: the decoded lines map back to the raw bytes
    raw = (run.corpus / "latin.txt").read_bytes()
    assert text.encode("latin-1") in raw


def test_byte_order_marks_are_not_part_of_the_text(runs):
    run = runs["byte_order_marks"]
    assert run.returncode == 0, run.stderr
    assert not any(line.startswith("warning:") for line in run.lines)
    articles = run.table("articles.csv").set_index("file")
    assert articles.loc["bom8.txt", "headline"] == HEADLINE
    assert articles.loc["bom8.txt", "encoding"] == "utf-8-sig"
    assert articles.loc["bom16.txt", ["headline", "encoding"]].tolist() == ["Critics question the new energy deal with Vienna", "utf-16"]


def test_crlf_and_bare_cr_give_the_same_lines_as_lf(runs):
    run = runs["line_endings"]
    assert run.returncode == 0, run.stderr
    blocks = run.table("blocks.csv")
    spans = {aid: list(zip(g["line_start"], g["line_end"], g["role"])) for aid, g in blocks.groupby("article_id")}
    expected = [("1", "1", "headline"), ("3", "3", "body"), ("5", "5", "body")]
    assert spans["lf"] == spans["crlf"] == expected
    assert spans["cr"] == expected + [("6", "6", "body")]
    assert not blocks["text"].str.contains("\r").any()


def test_html_pages_are_extracted_and_say_so(runs):
    run = runs["html_pages"]
    assert run.returncode == 0, run.stderr
    articles = run.table("articles.csv").set_index("file")
    page = articles.loc["page.html"]
    assert page.extracted_from.startswith("html (trafilatura ")
    assert (page.headline, page.outlet, page.published, page.outlet_source) == (HEADLINE, "The Courier", "2022-12-19", "html metadata")
    assert articles.loc["saved as text.txt", "extracted_from"] == page.extracted_from  # sniffed from the content
    blocks = run.table("blocks.csv")
    assert (blocks["extracted_from"] == page.extracted_from).all()
    body = blocks[(blocks["article_id"] == "page") & (blocks["role"] == "body")]["text"].tolist()
    assert body == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]
    assert not blocks["text"].str.contains("<|tracking|Home", regex=True).any()
    assert run.skipped()["script only.htm"].startswith("HTML page with no article text")


def test_html_pages_are_read_in_the_charset_they_declare(runs):
    run = runs["html_declared_charsets"]
    assert run.returncode == 0, run.stderr
    assert not any(line.startswith("warning:") for line in run.lines)
    articles = run.table("articles.csv").set_index("file")
    assert articles["encoding"].to_dict() == {"fr.html": "cp1252", "ru.html": "cp1251"}
    text = "\n".join(run.table("blocks.csv")["text"])
    assert RUSSIAN in text and LEGACY_PARAGRAPH in text


def test_a_50_mb_file_is_refused_unread_and_the_rest_loads(runs):
    run = runs["big_file"]
    assert (run.corpus / "dump.txt").stat().st_size > BIG_BYTES
    assert run.returncode == 0, run.stderr
    assert run.skipped()["dump.txt"].startswith("50.0 MB, above the 5 MB limit for one article; split it")
    assert run.table("articles.csv")["file"].tolist() == ["good.txt"]


def test_the_size_limit_is_an_option(runs):
    run = runs["size_limit_option"]
    assert run.returncode == 0, run.stderr
    assert list(run.skipped()) == ["larger.txt"]
    assert run.table("articles.csv")["file"].tolist() == ["small.txt"]


def test_duplicates_are_skipped_naming_the_original(runs):
    run = runs["duplicates"]
    assert run.returncode == 0, run.stderr
    assert run.skipped() == {"b copy.txt": "same content as a.txt; skipped as a duplicate"}
    assert "skipped: b copy.txt: same content as a.txt; skipped as a duplicate" in run.lines
    assert run.table("articles.csv")["file"].tolist() == ["a.txt", "c.txt"]


def test_names_with_spaces_accents_and_shared_stems(runs):
    run = runs["unusual_names"]
    assert run.returncode == 0, run.stderr
    articles = run.table("articles.csv")
    by_id = articles.set_index("article_id")
    # the folder stores the name decomposed, the manifest composed: still the same file
    assert by_id.loc["Le Monde – été", "outlet"] == "Le Monde"
    assert not any("not listed" in line for line in run.lines)
    assert {"story.txt", "story.html"} <= set(articles["article_id"])
    assert articles["article_id"].is_unique


def test_other_entries_in_the_folder_are_audited(runs):
    run = runs["other_entries"]
    assert run.returncode == 0, run.stderr
    assert run.skipped() == {
        "by outlet": "a sub-folder; only files directly in the corpus folder are read",
        "notes.pdf": "not an article file (only .txt, .html, .htm files are read)",
    }


def test_a_folder_of_sub_folders_says_so(runs):
    run = runs["only_sub_folders"]
    run.assert_one_error(f"error: {run.corpus}: no article files (.txt, .html, .htm) in the corpus folder "
                         "(it has 1 sub-folder(s): only files directly in the folder are read)")


def test_manifest_rows_without_a_file_are_audited(runs):
    run = runs["manifest_rows_without_files"]
    assert run.returncode == 0, run.stderr
    assert "skipped: sources.csv: lists 'gone.txt', which is not in the corpus folder" in run.lines
    assert run.skipped() == {
        "gone.txt": "listed in sources.csv, but not in the corpus folder",
        "story.txt": "listed in sources.csv, but not in the corpus folder; did you mean 'Story.txt'? (names are case-sensitive)",
    }
    assert "warning: Story.txt: not listed in sources.csv; outlet, date and agency taken from the text" in run.lines
    assert run.table("articles.csv").set_index("file").loc["a.txt", "outlet"] == "The Courier"


def test_unknown_manifest_columns_are_named(runs):
    run = runs["manifest_unknown_columns"]
    assert run.returncode == 0, run.stderr
    manifest = run.corpus / "sources.csv"
    assert f"warning: {manifest}: unknown column 'publised' ignored; did you mean 'published'?" in run.lines
    assert any(line.startswith(f"warning: {manifest}: unknown column 'reporter' ignored; known columns: file, outlet") for line in run.lines)
    assert run.table("articles.csv").loc[0, "published"] == ""


@pytest.mark.parametrize("name, message", [
    ("manifest_missing_column", "missing column(s) file; found name, outlet"),
    ("manifest_bad_date", "row 3, column 'published': bad date '31/02/2022'; write it as YYYY-MM-DD"),
    ("manifest_outside_path", "row 2, column 'file': '../secret.txt' points outside the corpus folder"),
    ("manifest_bad_choice", "row 2, column 'channel': 'wires' is not one of original, wire, republished, aggregator_copy, rewrite"),
    ("manifest_empty", "empty file; write a header row starting with 'file' (or delete the manifest)"),
])
def test_bad_manifests_stop_with_one_line(runs, name, message):
    run = runs[name]
    run.assert_one_error(f"error: {run.corpus / 'sources.csv'}: {message}")


def test_a_manifest_saved_in_a_legacy_encoding_stops_with_one_line(runs):
    run = runs["manifest_saved_by_excel"]
    assert run.returncode == 2
    assert run.lines[-1].startswith(f"error: {run.corpus / 'sources.csv'}: not a readable UTF-8 CSV file")
    assert len(run.lines) == 1 and "Traceback" not in run.stderr


def test_a_changed_raw_file_warns_and_strict_stops(runs):
    run = runs["raw_file_changed"]
    assert run.returncode == 0, run.stderr
    changed = [line for line in run.lines if "sha256 differs" in line]
    assert changed == ["warning: a.txt: sha256 differs from sources.csv: the raw file changed since the manifest was written "
                       "(restore the original, or update the sha256 cell if the change is intended)"]  # b.txt: upper-case hex is the same hash
    strict = runs["raw_file_changed_strict"]
    strict.assert_one_error(f"{changed[0].replace('warning:', 'error:')} (stopped by --strict)")


def test_malformed_codebook_rows_stop_with_one_line(runs):
    run = runs["codebook_bad_regex"]
    codebook = run.corpus.parent / f"{run.corpus.name}-codebook" / "boilerplate.csv"
    lines = run.lines
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: {codebook}: row ")
    assert "column 'pattern': invalid regular expression '^(unclosed'" in lines[0]
    ragged = runs["codebook_ragged_row"]
    assert ragged.returncode == 2 and "Traceback" not in ragged.stderr
    assert len(ragged.lines) == 1 and "boilerplate.csv: not a readable UTF-8 CSV file" in ragged.lines[0]


def test_wrong_folders_and_tables_stop_with_one_line(runs):
    run = runs["corpus_is_a_file"]
    run.assert_one_error(f"error: {run.corpus}: not a folder; give the folder that holds the article files")
    run = runs["out_inside_corpus"]
    run.assert_one_error(f"error: {run.out}: inside the corpus folder; raw data stays read-only, so write the tables elsewhere")
    assert sorted(p.name for p in run.corpus.iterdir()) == ["a.txt"]
    run = runs["out_is_a_file"]
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.lines == [f"error: {run.out}: File exists"]
    assert run.out.read_text() == "not a folder"
    run = runs["unknown_table"]
    assert run.returncode == 2 and run.lines[0].startswith("error: unknown table(s): figurez.csv; known: articles.csv")
