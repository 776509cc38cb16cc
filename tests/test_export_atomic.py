"""Exports are all-or-nothing: a builder or a write that fails midway, or an interruption,
leaves the output folder exactly as it was (no half tables, no stray staging files)."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import export as export_module
from analysis.__main__ import main
from analysis.export import TABLES, Context, export
from helpers import PARAGRAPH_A, PARAGRAPH_B, write_corpus

ARTICLE = f"Minister arrives in Vienna for energy talks\n\n{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


@pytest.fixture()
def previous_run(tmp_path):
    """An output folder holding the tables of an earlier run."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.csv").write_text("article_id\nold\n")
    (out / "sentences.csv").write_text("article_id,sentence_id\nold,1\n")
    return out


@pytest.mark.parametrize("failure", [RuntimeError("builder bug"), KeyboardInterrupt()])
def test_a_builder_failing_midway_writes_nothing(sample_corpus, previous_run, monkeypatch, failure):
    def broken(ctx):
        raise failure

    monkeypatch.setitem(TABLES, "broken.csv", broken)
    before = _snapshot(previous_run)
    with pytest.raises(type(failure)):
        export(Context(sample_corpus), previous_run, ["articles.csv", "broken.csv", "sentences.csv"])
    assert _snapshot(previous_run) == before


def test_a_write_failing_midway_leaves_no_partial_file(sample_corpus, previous_run, monkeypatch):
    real_write = export_module._write_csv
    calls = []

    def disk_full_on_second_table(frame, path):
        calls.append(path.name)
        if len(calls) == 2:
            path.write_text("article_id,sentence_id\nhalf")  # a half-written file in staging
            raise OSError(28, "No space left on device")
        real_write(frame, path)

    monkeypatch.setattr(export_module, "_write_csv", disk_full_on_second_table)
    before = _snapshot(previous_run)
    with pytest.raises(OSError):
        export(Context(sample_corpus), previous_run, ["articles.csv", "blocks.csv", "sentences.csv"])
    assert calls == ["articles.csv", "blocks.csv"]
    assert _snapshot(previous_run) == before  # no staging folder, no new or changed table


def test_a_complete_export_replaces_every_table(sample_corpus, previous_run):
    written = export(Context(sample_corpus), previous_run, ["articles.csv", "sentences.csv"])
    assert sorted(p.name for p in previous_run.iterdir()) == ["articles.csv", "sentences.csv"]
    assert written["articles.csv"] == len(pd.read_csv(previous_run / "articles.csv")) == len(sample_corpus.articles)


def test_the_command_reports_an_interruption_in_one_line(tmp_path, previous_run, monkeypatch, capsys):
    def interrupted(ctx):
        raise KeyboardInterrupt

    monkeypatch.setitem(TABLES, "articles.csv", interrupted)
    corpus = write_corpus(tmp_path / "in", {"a.txt": ARTICLE})
    before = _snapshot(previous_run)
    status = main(["export", "--corpus", str(corpus), "--out", str(previous_run)])
    assert status == 130
    assert capsys.readouterr().err.strip().splitlines() == [
        "interrupted: no table in the output folder is half-written; run again to complete it"]
    assert _snapshot(previous_run) == before
