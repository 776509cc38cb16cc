"""The corpus stage gives exactly what main at de023f4 gave (tests/corpus_reference_de023f4):
word counts (with new tokens among known ones), the line-end tests that replaced regex scans,
sentence spans, line splitting, manifest rows, line labels and blocks, whole per-article rows
and the assembled frames; on synthetic traps, random texts (hypothesis) and the bundled corpora."""
from __future__ import annotations

import random
import warnings

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import text as text_module
from analysis.boilerplate import load_patterns
from analysis.cleaning import _starts_continuation, group_blocks, label_lines
from analysis import dates as dates_module
from analysis.config import RAW_DIR, ROOT
from analysis.dates import find_dates
from analysis.errors import CodebookError
from analysis.loading import ArticleTask, assemble_corpus, read_corpus, template_keys
from analysis.manifest import read_manifest
from analysis.reading import LINE_BREAK, RawArticle, split_lines
from analysis.sentences import split_sentences
from analysis.text import count_token_words, count_words, ends_continuing, ends_with_ellipsis
from corpus_reference_de023f4 import cleaning as ref_cleaning
from corpus_reference_de023f4.text import CONTINUING_END, ELLIPSIS_END
from corpus_reference_de023f4 import dates as ref_dates
from corpus_reference_de023f4 import loading as ref_loading
from corpus_reference_de023f4 import manifest as ref_manifest
from corpus_reference_de023f4 import sentences as ref_sentences
from corpus_reference_de023f4 import text as ref_text
from test_corpus_stage_equivalence import TRAP_CHARS, _debris_lines, _hard_wrapped, plain, trap_text, word_text

FIXTURE = ROOT / "tests" / "fixtures" / "other_event"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATTERNS = load_patterns()

# Line ends: the characters the end tests look at, a final newline, and look-alikes.
END_CHARS = list(".…,;:–—-\"'”’»)]([ \n\r\tax") + ["\u2028", "\u00a0", "‘", "“", "«"]
end_text = st.text(alphabet=st.sampled_from(END_CHARS), max_size=12)


@SETTINGS
@given(st.one_of(end_text, trap_text, st.text(max_size=20)))
@example("wait...\n")
@example("wait…)\n")
@example("wait...\n\n")
@example("and so,\n")
@example("and so,\n\n")
@example(".. .")
def test_line_end_tests_equal_the_regexes(text):
    assert ends_with_ellipsis(text) == bool(ELLIPSIS_END.search(text))
    assert ends_continuing(text) == bool(CONTINUING_END.search(text))


@SETTINGS
@given(st.lists(st.one_of(trap_text, word_text, st.text(max_size=30)), min_size=1, max_size=6))
def test_count_token_words_with_new_tokens_among_known_ones(texts):
    known = " ".join(texts[::2])
    count_words(known)  # some tokens known, others new: the new ones alone are counted
    for text in texts:
        assert count_token_words(text.split()) == ref_text.count_words(text)
        assert count_words(text) == ref_text.count_words(text)


def test_count_words_memo_starts_over_with_new_tokens_only(monkeypatch):
    monkeypatch.setattr(text_module, "_TOKEN_WORDS_LIMIT", 4)
    text_module._TOKEN_WORDS.clear()
    texts = ["one two three four", "four five-six seven. eight", "one two nine", "a..b a.b a.b"]
    assert [count_words(t) for t in texts] == [ref_text.count_words(t) for t in texts]


@pytest.mark.parametrize("text", ["Ⓐ and so on", "and so", "And so", "“and so", "(who knew", "Ⅻ and", "İ and", "", "_and", "9 and"])
def test_starts_continuation_shortcut(text):
    assert _starts_continuation(text) == ref_cleaning._starts_continuation(text)


@SETTINGS
@given(st.one_of(trap_text, word_text, st.text(max_size=80)))
@example("  Leading space. Trailing space.  ")
@example("A.  \n B")
@example("   ")
@example("x. \n\n ")
def test_split_sentences_random(text):
    assert split_sentences(text) == ref_sentences.split_sentences(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab \r\n\t") + ["\u2028", "\x0b", "\x85"]), max_size=30))
def test_split_lines_equals_the_line_break_regex(text):
    assert split_lines(text) == LINE_BREAK.split(text)


# Body paragraphs of several sentences whose white space is not always one plain space (tabs,
# no-break and ideographic spaces, vertical tab, line separator, soft hyphen): the sentences of
# a one-line paragraph take their word counts from the line's tokens.
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "\x0b", " \u00ad", "\u200b "]
PARAGRAPH_WORDS = ["Dec.", "U.S.", "J.", "Kyiv.", "said", "“We", "won.”", "3.5", "—", "who", "The", "isn't", "x", "Why?", "...", "(AP)"]
paragraph = st.lists(st.tuples(st.sampled_from(PARAGRAPH_WORDS), st.sampled_from(SPACES)), min_size=6, max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs).rstrip(" ") + ".")
article_lines = st.lists(st.one_of(st.sampled_from(_debris_lines() + ["Ⓐ and more words to come here,", "who knew that it would end."]),
                                   st.just(""), st.just("   "), word_text.map(lambda t: t.replace("\n", " ")), paragraph,
                                   paragraph.map(lambda t: "  " + t + " \t")),
                         min_size=1, max_size=30)


@SETTINGS
@given(article_lines, st.sampled_from([None, "", "Daily Beacon", "The Daily Beacon", "The", "!!"]), st.booleans())
def test_label_lines_and_blocks_random(lines, outlet, with_templates):
    templates = frozenset({"world", "related", "subhead without stop"}) if with_templates else frozenset()
    labels = label_lines(lines, PATTERNS, templates, outlet)
    assert plain(labels) == plain(ref_cleaning.label_lines(lines, PATTERNS, templates, outlet))
    assert plain(group_blocks(lines, labels)) == plain(ref_cleaning.group_blocks(lines, labels))


@pytest.mark.parametrize("seed", range(5))
def test_label_lines_hard_wrapped(seed):
    lines = _hard_wrapped(seed)
    labels = label_lines(lines, PATTERNS)
    assert any(label.wrapped for label in labels)
    assert plain(labels) == plain(ref_cleaning.label_lines(lines, PATTERNS))


def _rows(task_class, lines_of_articles, patterns):
    out = []
    for k, lines in enumerate(lines_of_articles):
        raw = RawArticle.of_text(path=RAW_DIR / f"synthetic_{k}.txt", sha256=str(k), text="\n".join(lines),
                         encoding="utf-8", extracted_from="", metadata={})
        assert raw.lines == lines
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out.append(task_class(raw, f"a{k}", None, False, patterns, frozenset({"world"})).rows())
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_lines, min_size=1, max_size=4))
def test_article_rows_and_frames_random(articles):
    new = _rows(ArticleTask, articles, PATTERNS)
    old = _rows(ref_loading.ArticleTask, articles, PATTERNS)
    for a, b in zip(new, old):
        assert (a.article, a.blocks, a.sentences, a.lines) == (b.article, b.blocks, b.sentences, b.lines)
    _assert_same_corpus(assemble_corpus(RAW_DIR, new, _skipped()), ref_loading.assemble_corpus(RAW_DIR, old, _skipped()))


def _skipped():
    import pandas as pd

    return pd.DataFrame(columns=["file", "problem"])


def _assert_same_corpus(new, old):
    for name in ("articles", "blocks", "sentences", "lines", "skipped"):
        a, b = getattr(new, name), getattr(old, name)
        if a is None or b is None:
            assert a is b, name
            continue
        assert a.equals(b) and a.dtypes.equals(b.dtypes) and list(a.columns) == list(b.columns), name


def _hard_wrapped_file(seed: int) -> str:
    return "\n".join(_hard_wrapped(seed)) + "\n"


MANIFEST_DATES = ["2022-12-19", "19/12/2022", "2022-12-19", '"December 19, 2022"']


@pytest.fixture(scope="module")
def trap_folder(tmp_path_factory):
    """A corpus with a manifest (repeated and day-first dates), CRLF and CR files, hard-wrapped
    text, site templates and a file the manifest does not list."""
    folder = tmp_path_factory.mktemp("traps")
    rng = random.Random(7)
    lines = _debris_lines()
    manifest = ["file,outlet,published"]
    for k in range(8):
        body = [rng.choice(lines) for _ in range(12)] + ["World", "Related"]
        text = "\n\n".join(body) + "\n"
        if k == 3:
            text = text.replace("\n", "\r\n")
        if k == 4:
            text = text.replace("\n", "\r")
        if k == 5:
            text = _hard_wrapped_file(k)
        (folder / f"story_{k}.txt").write_bytes(text.encode("utf-8"))
        if k != 6:
            manifest.append(f"story_{k}.txt,Daily Beacon,{MANIFEST_DATES[k % 4]}")
    (folder / "sources.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("which", ["seeds", "other_event", "traps"])
def test_whole_corpus_on_bundled_and_trap_folders(which, trap_folder):
    folder = {"seeds": RAW_DIR, "other_event": FIXTURE, "traps": trap_folder}[which]
    with warnings.catch_warnings(record=True) as new_warnings:
        warnings.simplefilter("always")
        new = read_corpus(folder)
        new_rows = [task.rows() for task in new.tasks]
    with warnings.catch_warnings(record=True) as old_warnings:
        warnings.simplefilter("always")
        old = ref_loading.read_corpus(folder)
        old_rows = [task.rows() for task in old.tasks]
    assert [str(w.message) for w in new_warnings] == [str(w.message) for w in old_warnings]
    assert [t.raw.lines for t in new.tasks] == [t.raw.lines for t in old.tasks]
    assert [t.manifest_row for t in new.tasks] == [t.manifest_row for t in old.tasks]
    assert template_keys([t.raw for t in new.tasks]) == ref_loading.template_keys([t.raw for t in old.tasks])
    assert new.audit.rows == old.audit.rows
    for a, b in zip(new_rows, old_rows, strict=True):
        assert (a.article, a.blocks, a.sentences, a.lines) == (b.article, b.blocks, b.sentences, b.lines)
    _assert_same_corpus(assemble_corpus(folder, new_rows, new.audit.frame()),
                        ref_loading.assemble_corpus(folder, old_rows, old.audit.frame()))
    _assert_same_corpus(assemble_corpus(folder, new_rows, new.audit.frame(), with_lines=False),
                        ref_loading.assemble_corpus(folder, old_rows, old.audit.frame(), with_lines=False))


@pytest.mark.parametrize("manifest", [
    "file,outlet,published\na.txt,X,2022-12-19\nb.txt,Y,2022-12-19\nc.txt,Z,19/12/2022\n",
    "file,outlet,published\na.txt,X,2022-12-19\nb.txt,Y,5 Jnuary\n",  # a bad date after a good one
    "file,outlet,published\na.txt,X,5 Jnuary\nb.txt,Y,5 Jnuary\n",
    "file,outlet\n../a.txt,X\n",
    "file,outlet\nsub/../a.txt,X\n",
])
def test_read_manifest_as_before(tmp_path, manifest):
    (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")

    def outcome(read):
        try:
            return read(tmp_path)
        except CodebookError as error:
            return str(error)

    assert outcome(read_manifest) == outcome(ref_manifest.read_manifest)


def test_read_manifest_links_as_before(tmp_path):
    """A plain name that is a symbolic link out of the folder is still refused; one that
    links inside it is read."""
    folder, outside = tmp_path / "corpus", tmp_path / "elsewhere.txt"
    folder.mkdir()
    outside.write_text("x", encoding="utf-8")
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (folder / "out.txt").symlink_to(outside)
    (folder / "in.txt").symlink_to(folder / "a.txt")
    for rows in ("a.txt,X\nin.txt,Y\n", "a.txt,X\nout.txt,Y\n", "./a.txt,X\n", "missing.txt,X\n"):
        (folder / "sources.csv").write_text("file,outlet\n" + rows, encoding="utf-8")
        outcomes = []
        for read in (read_manifest, ref_manifest.read_manifest):
            try:
                outcomes.append(read(folder))
            except CodebookError as error:
                outcomes.append(str(error))
        assert outcomes[0] == outcomes[1]
        assert ("points outside" in str(outcomes[0])) == ("out.txt" in rows)


DATE_TEXTS = ["December 19, 2022", "19 Dec 2022", "05/06/2022", "20/12/2022 10:45", "2022-12-19", "2022-02-30", "Moscow",
              "Dec. 13, 2022 and 2023-01-02", "31.12.2022", "3rd of May, 2021", ""]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(DATE_TEXTS), st.text(alphabet=st.sampled_from(list("0123456789/.- ,Decmbr")), max_size=20)),
                min_size=1, max_size=6))
def test_find_dates_memo_answers_as_before(texts):
    for text in texts + texts:  # the second time from the memo
        found = find_dates(text)
        assert [tuple(vars(f).values()) for f in found] == [tuple(vars(f).values()) for f in ref_dates.find_dates(text)]
        found.append("mutated")  # a caller's list is its own: the memo keeps its copy
        assert "mutated" not in find_dates(text)


def test_find_dates_memo_starts_over_when_full(monkeypatch):
    monkeypatch.setattr(dates_module, "_FOUND_LIMIT", 2)
    monkeypatch.setattr(dates_module, "_FOUND", {})
    for text in DATE_TEXTS:
        assert [f.iso for f in find_dates(text)] == [f.iso for f in ref_dates.find_dates(text)]
    assert 0 < len(dates_module._FOUND) <= 2
