"""The runner's planning, progress line and codebook bookkeeping (no kernels: fast)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import runner
from analysis.codebook import Column, codebook_path, read_codebook
from analysis.config import CODEBOOK_DIR, RAW_DIR, ROOT, TABLES_DIR
from analysis.errors import CorpusError
from analysis.export import TABLES
from analysis.runner import ProgressLine, RunPlan, RunResult, codebook_advice, discover_notebooks, export_tables

OTHER_EVENT = ROOT / "tests" / "fixtures" / "other_event"


def test_discovery_takes_numbered_notebooks_in_order(tmp_path):
    for name in ["10-trace-reuse.ipynb", "00-inspect-corpus.ipynb", "02-b.ipynb", "scratch.ipynb",
                 "1-short.ipynb", "03-notes.md", "AB-letters.ipynb"]:
        (tmp_path / name).write_text("{}")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "04-x-checkpoint.ipynb").write_text("{}")
    assert [p.name for p in discover_notebooks(tmp_path)] == ["00-inspect-corpus.ipynb", "02-b.ipynb", "10-trace-reuse.ipynb"]


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("total", [1, 10, 49])
def test_progress_is_silent_for_small_folders(total):
    lines = []
    progress = ProgressLine(log=lines.append)
    for done in range(1, total + 1):
        progress(done, total, f"{done}.txt")
    assert lines == []


def test_progress_prints_at_most_once_per_interval_and_at_the_end():
    lines, clock = [], FakeClock()
    progress = ProgressLine(log=lines.append, clock=clock, interval=1.0)
    for done in range(1, 201):
        clock.now = done * 0.1  # 10 files a second
        progress(done, 200, f"{done:03d}.txt")
    assert lines[0] == "loading articles: 1/200 (0%) 001.txt"
    assert lines[-1] == "loading articles: 200/200 (100%) 200.txt"
    assert 18 <= len(lines) <= 22  # 20 seconds of loading, one line a second


def test_plan_without_arguments_runs_the_bundled_sample_in_place():
    plan = RunPlan.make(notebooks=[])
    assert plan.in_place and plan.corpus == RAW_DIR and plan.codebook == CODEBOOK_DIR
    assert plan.tables_dir == TABLES_DIR and plan.report_path == ROOT / "results" / "report.html"
    assert plan.figures_dir is None


def test_plan_for_a_user_corpus_writes_only_under_out(tmp_path):
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "results", notebooks=[])
    assert not plan.in_place
    for path in (plan.tables_dir, plan.figures_dir, plan.notebooks_dir, plan.report_path):
        assert (tmp_path / "results") in path.parents
    assert plan.parameters() == {"CORPUS": str(OTHER_EVENT), "CODEBOOK": None, "FIGURES": str(tmp_path / "results" / "figures")}


def test_plan_default_out_is_named_after_the_corpus():
    plan = RunPlan.make(OTHER_EVENT, notebooks=[])
    assert plan.out == ROOT / "out" / "other_event"


def test_plan_passes_a_custom_codebook(tmp_path):
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "o", tmp_path / "cb", notebooks=[])
    assert plan.parameters()["CODEBOOK"] == str(tmp_path / "cb")


@pytest.mark.parametrize("out", [".", "figures", "notebooks", "results", "data/raw", "notebooks/sub"])
def test_plan_refuses_to_write_into_the_checkout(out):
    with pytest.raises(CorpusError, match="refusing"):
        RunPlan.make(OTHER_EVENT, ROOT / out, notebooks=[])


@pytest.mark.parametrize("inside", ["", "results"])
def test_plan_refuses_to_write_into_the_corpus(tmp_path, inside):
    with pytest.raises(CorpusError, match="inside the corpus folder"):
        RunPlan.make(tmp_path, tmp_path / inside, notebooks=[])


def test_files_opened_in_records_only_that_folder(tmp_path):
    inside, outside = tmp_path / "cb", tmp_path / "elsewhere"
    inside.mkdir(), outside.mkdir()
    (inside / "topics.csv").write_text("a\n1\n")
    (outside / "other.csv").write_text("a\n1\n")
    with runner.files_opened_in(inside) as read:
        pd.read_csv(inside / "topics.csv")
        pd.read_csv(outside / "other.csv")
    pd.read_csv(inside / "topics.csv")  # after the block: not recorded
    assert read == {"topics.csv"}


@pytest.fixture
def event_table(monkeypatch):
    """A temporary table that reads an event codebook (topics.csv), as analyses do."""

    def topics_table(ctx):
        topics = read_codebook(codebook_path("topics.csv", ctx.codebook_dir), [Column("topic")])
        return pd.DataFrame({"article_id": ctx.corpus.articles["article_id"], "n_topics": len(topics)})

    monkeypatch.setitem(TABLES, "test_topics.csv", topics_table)
    return "test_topics.csv"


def test_tables_report_which_codebook_files_they_read(event_table, tmp_path):
    codebook = tmp_path / "codebook"
    codebook.mkdir()
    shutil.copy(CODEBOOK_DIR / "boilerplate.csv", codebook)
    (codebook / "topics.csv").write_text("topic\nfire\nevacuation\n")
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "out", codebook, notebooks=[])
    result = RunResult(plan)
    export_tables(plan, result, log=lambda line: None)
    assert event_table in result.codebook_use["topics.csv"]
    assert result.codebook_use["boilerplate.csv"] == ["(corpus loading)"]
    assert pd.read_csv(plan.tables_dir / event_table)["n_topics"].tolist() == [2, 2, 2]
    assert result.tables["articles.csv"] == 3


def test_a_missing_codebook_file_skips_only_the_tables_that_need_it(event_table, tmp_path):
    codebook = tmp_path / "codebook"
    codebook.mkdir()
    shutil.copy(CODEBOOK_DIR / "boilerplate.csv", codebook)
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "out", codebook, notebooks=[])
    result = RunResult(plan)
    export_tables(plan, result, log=lambda line: None)
    assert result.needs_codebook[event_table] == "topics.csv"
    assert set(result.needs_codebook.values()) <= {"topics.csv", "actors.csv", "claims.csv", "frames.csv",
                                                    "labels.csv", "naming.csv", "predicates.csv", "places.csv",
                                                    "countries.csv", "paraphrases.csv"}
    assert not (plan.tables_dir / event_table).exists()
    assert (plan.tables_dir / "articles.csv").is_file() and result.ok
    assert any("add topics.csv" in line for line in codebook_advice(plan, result))


def test_without_a_codebook_the_event_specific_analyses_are_named(event_table, tmp_path):
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "out", notebooks=[])
    result = RunResult(plan, codebook_use={"boilerplate.csv": ["(corpus loading)"], "topics.csv": [event_table]})
    advice = codebook_advice(plan, result)
    assert advice[0].startswith("no --codebook given")
    assert f"  topics.csv: {event_table}" in advice
    assert not any("boilerplate.csv" in line for line in advice)  # web furniture, not the event
    assert codebook_advice(RunPlan.make(notebooks=[]), result) == []  # the bundled run needs no advice


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis.runner", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args, message", [
    (["--corpus", "tests/fixtures/no_such_folder", "--out", "{tmp}"], "corpus folder not found"),
    (["--corpus", "tests/fixtures/other_event", "--out", "figures"], "refusing"),
    (["--corpus", "tests/fixtures/other_event", "--out", "{tmp}", "--codebook", "{tmp}/nope"], "codebook folder not found"),
    (["--corpus", "tests/fixtures/other_event", "--out", "{tmp}/o", "--codebook", "{tmp}"], "no boilerplate.csv"),
    (["--report-only", "--corpus", "tests/fixtures/other_event", "--out", "{tmp}"], "no executed notebooks"),
])
def test_cli_reports_bad_input_in_one_line(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert runner.main([a.replace("{tmp}", str(tmp_path)) for a in args]) == 2
    stderr = capsys.readouterr().err
    assert stderr.strip().splitlines()[-1].startswith("error: ") and message in stderr


def test_cli_entry_point_exits_with_status_2_and_no_traceback(tmp_path):
    result = run_cli("--corpus", tmp_path / "missing", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_a_partial_codebook_is_named_before_the_run(tmp_path):
    codebook = tmp_path / "codebook"
    codebook.mkdir()
    shutil.copy(CODEBOOK_DIR / "boilerplate.csv", codebook)
    plan = RunPlan.make(OTHER_EVENT, tmp_path / "out", codebook, notebooks=[])
    expected = sorted(p.name for p in CODEBOOK_DIR.glob("*.csv") if p.name != "boilerplate.csv")
    assert runner.missing_codebook_files(plan) == expected
    assert runner.missing_codebook_files(RunPlan.make(OTHER_EVENT, tmp_path / "out", notebooks=[])) == []
