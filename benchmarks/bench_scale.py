"""The whole export at scale: per-stage rates, peak memory, processes, cache, against plain
textstat on the same texts measured in the same run (the floor: textstat is the costliest
part we do not own).

    python -m benchmarks scale                       # default sizes (a few minutes)
    python -m benchmarks scale --sizes 1000 10000 100000 --workers 2

Per size, on a synthetic corpus shaped like real coverage (news_corpus.make_news_corpus:
distinct sentences, many outlets, planted wire reuse, a manifest):
  - stages, serially, in a fresh process: the first pass (read every file, site templates),
    the per-article stage (line roles, blocks, sentences), each per-article table, each
    corpus-level table and the CSV writing; CPU seconds, articles per second, and the peak
    resident memory of the process when the stage ends (it only grows: the stage where it
    rises is the one that set it). A table's time excludes the tables it builds first
    (actors.csv builds quotes.csv): each is timed alone;
  - the floor: every textstat call behind readability.csv on the same body texts, in a fresh
    process (textstat caches results per text, so nothing may have seen the texts before),
    measured before and after the exports; the lower of the two is the floor for the
    multi-process runs (other load on a shared machine only ever adds time, and a lower floor
    only makes the ratios larger);
  - the serial export against the floor run beside it, one on each core at the same time:
    these machines' speed drifts by a third within minutes, so a floor measured a few minutes
    apart moved the serial ratio by as much; side by side, a slower spell slows both;
  - the export command as a user runs it (`python -m analysis export`): serial, with N worker
    processes, and with the cache cold then warm; wall seconds, CPU seconds of all processes,
    the peak resident memory of the largest process (ru_maxrss) and the peak memory of the
    whole export: the sum of its processes' proportional set sizes (PSS), sampled every
    2 s (more often in the first second). Forked processes share the parent's pages, so each one's resident size counts
    them again and no single process says what the machine must hold; PSS splits every
    shared page among the processes sharing it, so the sum does;
  - that all four runs wrote byte-identical tables.
Multi-process figures are wall time (CPU time sums over processes); the machine may be shared,
so both are printed."""
from __future__ import annotations

import argparse
import math
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

import psutil

from analysis.config import ROOT

from .news_corpus import make_news_corpus

DEFAULT_SIZES = (1000,)  # a few minutes; pass --sizes 1000 10000 100000 for the full picture
TARGET_SERIAL_RATIO = 1.3  # whole export / plain textstat, one core
TARGET_WARM_SHARE = 0.10  # cached re-run / cold run
TARGET_100K_SECONDS = 360
TARGET_PEAK_MB = 2000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stages(folder: str) -> dict[str, tuple[float, float]]:
    """(CPU seconds, peak MB so far) of each stage of a serial export (runs in a fresh
    process)."""
    from analysis import tables  # noqa: F401
    from analysis.config import CODEBOOK_DIR
    from analysis.export import TABLES, Context, spec, write_tables, written_tables
    from analysis.loading import assemble_corpus, read_corpus

    warnings.simplefilter("ignore")
    times, clock = {}, time.process_time
    start = clock()
    read = read_corpus(Path(folder))
    times["read files + site templates"] = clock() - start, _peak_mb()
    start = clock()
    corpus = assemble_corpus(read.folder, [task.rows() for task in read.tasks], read.audit.frame())
    times["corpus stage (roles, blocks, sentences)"] = clock() - start, _peak_mb()

    nested = [0.0]  # CPU time of the tables built inside the one being timed

    class TimedContext(Context):
        def table(self, name):
            if name in self._built:
                return self._built[name]
            outer, nested[0] = nested[0], 0.0
            begin = clock()
            frame = super().table(name)
            spent = clock() - begin
            if name not in ("articles.csv", "blocks.csv", "sentences.csv", "skipped.csv"):
                times[f"{'per-article' if spec(name).per_article else 'corpus-level'} {name}"] = spent - nested[0], _peak_mb()
            nested[0] = outer + spent
            return frame

    context = TimedContext(corpus, codebook_dir=CODEBOOK_DIR)
    names = written_tables()
    for name in [n for n in TABLES if spec(n).per_article] + [n for n in names if not spec(n).per_article]:
        context.table(name)
    with tempfile.TemporaryDirectory() as out:
        start = clock()
        write_tables({name: context.table(name) for name in names}, out)
        times["write CSVs"] = clock() - start, _peak_mb()
    return times


def _floor(folder: str) -> float:
    """CPU seconds of plain textstat on every article's cleaned body text (fresh process)."""
    from analysis.loading import build_corpus

    from .bench_readability import plain_textstat

    warnings.simplefilter("ignore")
    texts = [text for text in build_corpus(Path(folder)).body_text()]
    start = time.process_time()
    for text in texts:
        plain_textstat(text)
    return time.process_time() - start


def _fresh(function, *args):
    """function(*args) in a new interpreter: no textstat cache or imported state carried over."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


# Runs a command and prints, last, the peak resident KB of its largest process. The children's
# ru_maxrss is the largest descendant a process has ever waited for, so each command gets a
# fresh parent: measured from here it would include the stage timings' process.
_PEAK_OF_COMMAND = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
                    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


PSS_INTERVAL = 2.0  # seconds between samples: one costs ~0.1 s of CPU when the export holds 4.5 GB


def tree_pss_mb(root: int) -> float:
    """MB: the proportional set sizes of every descendant of process `root`, summed (each
    shared page counted once over the processes sharing it). Processes that end while being
    read are left out."""
    try:
        processes = psutil.Process(root).children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    kb = 0
    for process in processes:
        try:
            rollup = Path(f"/proc/{process.pid}/smaps_rollup").read_text()
        except OSError:
            continue
        kb += int(rollup.split("\nPss:", 1)[1].split()[0])
    return kb / 1024


def _sample_peak(root: int, running: threading.Event, peak: list[float]) -> None:
    delay = 0.05  # often at first, so that a run of a second (a cached one) is seen too
    while running.is_set():
        peak[0] = max(peak[0], tree_pss_mb(root))
        time.sleep(delay)
        delay = min(PSS_INTERVAL, delay * 2)


def _export(folder: Path, out: Path, *options) -> tuple[float, float, float, float]:
    """(wall s, CPU s of every process, peak MB of the largest process, peak MB of the whole
    export's PSS) of one export command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "analysis", "export", "--corpus", str(folder), "--out", str(out), *map(str, options)]
    with subprocess.Popen([sys.executable, "-c", _PEAK_OF_COMMAND, *command], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, cwd=ROOT) as process:
        running, whole = threading.Event(), [0.0]
        running.set()
        sampler = threading.Thread(target=_sample_peak, args=(process.pid, running, whole), daemon=True)
        sampler.start()
        stdout, stderr = process.communicate()
        running.clear()
        sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        raise RuntimeError(f"export {' '.join(map(str, options))} failed:\n{stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, int(stdout.split()[-1]) / 1024, whole[0]


def _serial_beside_floor(folder: Path, out: Path) -> tuple[tuple[float, float, float, float], float]:
    """The serial export (`_export`) and the floor (`_floor`, in a fresh process) at the same
    time, one on each core: (the export's measurements, the floor's CPU seconds)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        floor = pool.apply_async(_floor, (str(folder),))
        measured = _export(folder, out, "--no-cache")
        return measured, floor.get()


def _tables(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def run(n: int, workers: int, stages: bool = True) -> tuple[float, float]:
    """Measure and print everything at n articles; (wall seconds with `workers` processes,
    peak MB of the whole export, the largest over the four runs)."""
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        corpus = root / "corpus"
        corpus.mkdir()
        make_news_corpus(corpus, n)
        print(f"-- {n:,} articles ({sum(p.stat().st_size for p in corpus.iterdir()) / 1e6:.1f} MB)")

        floor = _fresh(_floor, str(corpus))
        print(f"plain textstat (floor), 1 core     : {floor:8.1f} s CPU = {n / floor:8.1f} articles/s")
        if stages:
            times = _fresh(_stages, str(corpus))
            previous = 0.0
            for stage, (seconds, peak) in times.items():
                rise = f" (+{peak - previous:,.0f})" if peak > previous else ""
                print(f"  {stage:<38}: {seconds:8.2f} s CPU = {n / max(seconds, 1e-9):10.1f} articles/s; "
                      f"peak {peak:6,.0f} MB{rise}")
                previous = peak
            print(f"  {'all stages, serial':<38}: {sum(s for s, _ in times.values()):8.2f} s CPU; peak {previous:,.0f} MB")

        runs = {
            "serial (--no-cache)": ("--no-cache",),
            f"{workers} processes (--no-cache)": ("--no-cache", "--workers", workers),
            f"{workers} processes, cache cold": ("--workers", workers, "--cache", root / "cache"),
            f"{workers} processes, cache warm": ("--workers", workers, "--cache", root / "cache"),
        }
        measured, outputs = {}, []
        for i, (label, options) in enumerate(runs.items()):
            out = root / f"out{i}"
            if i == 0:
                measured[label], floor_beside = _serial_beside_floor(corpus, out)
            else:
                measured[label] = _export(corpus, out, *options)
            outputs.append(_tables(out))
            wall, cpu, peak, whole = measured[label]
            print(f"export, {label:<30}: {wall:8.1f} s wall, {cpu:8.1f} s CPU = {n / wall:8.1f} articles/s wall; "
                  f"peak {peak:,.0f} MB largest process, {whole:,.0f} MB whole export (PSS)")
        floor_after = _fresh(_floor, str(corpus))
        print(f"plain textstat (floor), after exports: {floor_after:8.1f} s CPU; the floor is the lower, {min(floor, floor_after):.1f} s")
        print(f"plain textstat beside the serial export: {floor_beside:6.1f} s CPU (each on its own core, at the same time)")
        floor = min(floor, floor_after)
        identical = all(output == outputs[0] for output in outputs)
        print(f"tables byte-identical across the four runs: {'yes' if identical else 'NO'}")

        serial_wall, serial_cpu = measured["serial (--no-cache)"][:2]
        parallel_wall = measured[f"{workers} processes (--no-cache)"][0]
        cold_wall, warm_wall = measured[f"{workers} processes, cache cold"][0], measured[f"{workers} processes, cache warm"][0]
        ratio = serial_cpu / floor_beside
        print(f"serial export / floor beside it (CPU): {ratio:.2f}x  (target <= {TARGET_SERIAL_RATIO}x: "
              f"{'met' if ratio <= TARGET_SERIAL_RATIO else 'NOT met'}); against the lower floor alone {serial_cpu / floor:.2f}x")
        print(f"{workers}-process export wall / floor CPU  : {parallel_wall / floor:.2f}x  (target < 1x: "
              f"{'met' if parallel_wall < floor else 'NOT met'}); speed-up over serial wall {serial_wall / parallel_wall:.2f}x")
        print(f"warm cache / cold run (wall)         : {warm_wall / cold_wall:.1%}  (target < {TARGET_WARM_SHARE:.0%}: "
              f"{'met' if warm_wall / cold_wall < TARGET_WARM_SHARE else 'NOT met'})")
        largest = max(peak for _, _, peak, _ in measured.values())
        whole = max(whole for _, _, _, whole in measured.values())
        print(f"peak memory, largest process         : {largest:,.0f} MB")
        print(f"peak memory, whole export (PSS)      : {whole:,.0f} MB (target < {TARGET_PEAK_MB:,} MB at 100,000 articles: "
              f"{('met' if whole < TARGET_PEAK_MB else 'NOT met') if n == 100_000 else 'not measured at this size'})")
        per_100k = parallel_wall / n * 100_000
        print(f"{workers}-process wall scaled to 100,000 articles: {per_100k / 60:,.0f} min "
              f"(target {TARGET_100K_SECONDS / 60:.0f} min{', measured' if n == 100_000 else ', linear extrapolation'})")
        return parallel_wall, whole


def growth(smaller: tuple[int, float], larger: tuple[int, float], n: int) -> tuple[float, float]:
    """(exponent k, value at n) of the power law value = c * size**k through two measurements
    (size, value): a stage that grows with the square of the corpus shows as k near 2."""
    (n1, v1), (n2, v2) = smaller, larger
    k = math.log(v2 / v1) / math.log(n2 / n1)
    return k, v2 * (n / n2) ** k


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="corpus sizes (articles)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-stages", action="store_true", help="skip the serial per-stage timing")
    args = parser.parse_args(argv if argv is not None else [])
    measured = {n: run(n, args.workers, stages=not args.no_stages) for n in sorted(set(args.sizes))}
    if len(measured) >= 2 and 100_000 not in measured:  # the two largest sizes, not a straight line from one
        (n1, (wall1, peak1)), (n2, (wall2, peak2)) = sorted(measured.items())[-2:]
        k_wall, wall = growth((n1, wall1), (n2, wall2), 100_000)
        k_peak, peak = growth((n1, peak1), (n2, peak2), 100_000)
        print(f"-- from {n1:,} to {n2:,} articles, {args.workers}-process wall grew as n^{k_wall:.2f} and peak memory "
              f"as n^{k_peak:.2f}: 100,000 articles would take {wall / 60:,.0f} min (target {TARGET_100K_SECONDS / 60:.0f}) "
              f"and {peak:,.0f} MB (target {TARGET_PEAK_MB:,})")
