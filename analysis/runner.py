"""Run the whole suite on a corpus: notebooks, tables, figures and the HTML report.

    python -m analysis.runner                          # bundled sample, in place
    python -m analysis.runner --corpus DIR [--out DIR] [--codebook DIR]

Without arguments the committed notebooks are executed in place (nbconvert, no timing
metadata, so an unchanged run leaves `git status` clean), tables go to results/tables and
the report to results/report.html. With --corpus (or --codebook, or --out) nothing in the
checkout is touched: papermill injects CORPUS, CODEBOOK and FIGURES into each notebook's
"parameters" cell and everything is written under --out (default out/<corpus folder name>):
notebooks/, figures/, tables/ and report.html.

A notebook or table that cannot run for want of a codebook file is reported and skipped; the
others still run. On a corpus about another event, analyses that read the bundled
(event-specific) codebook are listed so their results are read with that in mind."""
from __future__ import annotations

import argparse
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .config import CODEBOOK_DIR, NOTEBOOKS_DIR, RAW_DIR, ROOT, TABLES_DIR, resolve_dir
from .errors import CodebookError, CorpusError, print_warning_line

NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"
REPORT_NAME = "report.html"
BUNDLED_REPORT = ROOT / "results" / REPORT_NAME
DEFAULT_OUT_PARENT = ROOT / "out"
# Codebook files that describe web-page furniture, not an event: right for any corpus.
EVENT_NEUTRAL_CODEBOOKS = frozenset({"boilerplate.csv"})
# Folders of the checkout a run on a user corpus must never write into.
PROTECTED_DIRS = (ROOT, ROOT / "notebooks", ROOT / "figures", ROOT / "results", ROOT / "data", ROOT / "analysis", ROOT / "tests")
KERNEL_TIMEOUT = 600  # seconds per cell

Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def discover_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks (NN-verb-topic.ipynb) in the order they are meant to be read."""
    return sorted(Path(folder).glob(NOTEBOOK_PATTERN))


class ProgressLine:
    """A `progress(done, total, name)` hook that prints 'loading articles: 120/800' to stderr
    at most once per `interval` seconds (and at the end); silent for small folders."""

    def __init__(self, label: str = "loading articles", min_total: int = 50, interval: float = 1.0,
                 log: Log = _stderr, clock: Callable[[], float] = time.monotonic):
        self.label, self.min_total, self.interval = label, min_total, interval
        self.log, self.clock = log, clock
        self._last: float | None = None

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < self.min_total:
            return
        now = self.clock()
        if done == total or self._last is None or now - self._last >= self.interval:
            self._last = now
            self.log(f"{self.label}: {done}/{total} ({100 * done // total}%) {name}")


@dataclass(frozen=True)
class RunPlan:
    """Where one run reads and writes. `in_place` is the bundled run over the checkout."""

    corpus: Path
    codebook: Path
    in_place: bool
    out: Path | None = None
    notebooks: tuple[Path, ...] = ()

    @classmethod
    def make(cls, corpus=None, out=None, codebook=None, notebooks=None) -> "RunPlan":
        found = tuple(Path(nb) for nb in notebooks) if notebooks is not None else tuple(discover_notebooks())
        if corpus is None and out is None and codebook is None:
            return cls(RAW_DIR, CODEBOOK_DIR, True, None, found)
        corpus_dir = resolve_dir(corpus, RAW_DIR)
        out_dir = resolve_dir(out, DEFAULT_OUT_PARENT / corpus_dir.name)
        for protected in PROTECTED_DIRS:
            if out_dir == protected or (protected != ROOT and protected in out_dir.parents):
                raise CorpusError(out_dir, "refusing to write a run's results into the suite's own folders; choose another --out")
        if out_dir == corpus_dir or corpus_dir in out_dir.parents:
            raise CorpusError(out_dir, "refusing to write inside the corpus folder (raw data stays read-only); choose another --out")
        return cls(corpus_dir, resolve_dir(codebook, CODEBOOK_DIR), False, out_dir, found)

    @property
    def tables_dir(self) -> Path:
        return TABLES_DIR if self.in_place else self.out / "tables"

    @property
    def figures_dir(self) -> Path | None:
        return None if self.in_place else self.out / "figures"

    @property
    def notebooks_dir(self) -> Path:
        return NOTEBOOKS_DIR if self.in_place else self.out / "notebooks"

    @property
    def report_path(self) -> Path:
        return BUNDLED_REPORT if self.in_place else self.out / REPORT_NAME

    @property
    def custom_codebook(self) -> bool:
        return self.codebook != CODEBOOK_DIR

    def parameters(self) -> dict[str, str | None]:
        """Values for the notebooks' parameters cell (None keeps a notebook's default)."""
        return {
            "CORPUS": str(self.corpus),
            "CODEBOOK": str(self.codebook) if self.custom_codebook else None,
            "FIGURES": str(self.figures_dir),
        }


@dataclass
class RunResult:
    plan: RunPlan
    executed: list[Path] = field(default_factory=list)  # notebooks written (in report order)
    failed: dict[str, str] = field(default_factory=dict)  # notebook or table -> one-line reason
    needs_codebook: dict[str, str] = field(default_factory=dict)  # notebook or table -> missing file
    tables: dict[str, int] = field(default_factory=dict)  # table -> rows
    codebook_use: dict[str, list[str]] = field(default_factory=dict)  # codebook file -> tables reading it
    report: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


# --- which codebook files each table reads, observed rather than declared ------------------

_open_recorders: list[tuple[Path, set[str]]] = []
_hook_installed = False


def _record_open(event: str, args) -> None:
    if event != "open" or not _open_recorders or not isinstance(args[0], (str, os.PathLike)):
        return
    try:
        path = Path(os.fspath(args[0])).resolve()
    except (OSError, ValueError, TypeError):
        return
    for folder, names in _open_recorders:
        if path.parent == folder:
            names.add(path.name)


@contextmanager
def files_opened_in(folder: Path):
    """Collect the names of files opened directly inside `folder` while the block runs."""
    global _hook_installed
    if not _hook_installed:  # audit hooks cannot be removed: install one, switch it by the stack
        sys.addaudithook(_record_open)
        _hook_installed = True
    names: set[str] = set()
    _open_recorders.append((Path(folder).resolve(), names))
    try:
        yield names
    finally:
        _open_recorders.pop()


def _missing_codebook_file(error: CodebookError) -> str | None:
    if error.problem == "codebook file not found" and error.file:
        return Path(error.file).name
    return None


# --- the three steps -----------------------------------------------------------------------

def export_tables(plan: RunPlan, result: RunResult, log: Log) -> None:
    """Every registered table, one by one, so one missing codebook file skips only the
    tables that need it; records which codebook files each table read."""
    from . import tables  # noqa: F401  (registers every builder)
    from .corpus import load_corpus
    from .export import Context, export, written_tables

    with files_opened_in(plan.codebook) as read:
        corpus = load_corpus(plan.corpus, codebook_dir=plan.codebook, progress=ProgressLine(log=log))
    for name in sorted(read):
        result.codebook_use.setdefault(name, []).append("(corpus loading)")
    context = Context(corpus, codebook_dir=plan.codebook)
    for name in written_tables():  # not the intermediates (TableSpec.written=False)
        with files_opened_in(plan.codebook) as read:
            try:
                result.tables.update(export(context, plan.tables_dir, [name]))
            except CodebookError as error:
                missing = _missing_codebook_file(error)
                if missing:
                    result.needs_codebook[name] = missing
                else:
                    result.failed[name] = str(error)
        for file in sorted(read):
            result.codebook_use.setdefault(file, []).append(name)
    log(f"tables: {len(result.tables)} written to {_shown(plan.tables_dir)}")


def _kernel_environment() -> None:
    """Kernels import this checkout's package whatever the caller's PYTHONPATH."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])


def execute_in_place(notebook: Path) -> None:
    """Execute a committed notebook and save it over itself, adding no run metadata."""
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    nb = nbformat.read(notebook, as_version=4)
    ExecutePreprocessor(timeout=KERNEL_TIMEOUT, record_timing=False, kernel_name="python3").preprocess(
        nb, {"metadata": {"path": str(notebook.parent)}}
    )
    nbformat.write(nb, notebook)


def has_parameters_cell(notebook: Path) -> bool:
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    return any("parameters" in cell.get("metadata", {}).get("tags", []) for cell in cells)


def execute_with_parameters(notebook: Path, output: Path, parameters: dict) -> None:
    import logging

    import papermill

    # papermill cannot parse comments such as "# None = data/codebook" when it guesses the
    # parameters' names and then warns about every one of them; the runner checks the tag itself.
    logging.getLogger("papermill").setLevel(logging.ERROR)
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook), str(output), parameters=parameters, cwd=str(notebook.parent),
        kernel_name="python3", progress_bar=False, log_output=False, execution_timeout=KERNEL_TIMEOUT,
    )


def _error_of(exc: BaseException) -> tuple[str, str]:
    """(exception class name, message) of a failure inside a notebook's kernel."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    return str(ename), str(evalue).strip().splitlines()[0] if str(evalue).strip() else str(ename)


def run_notebooks(plan: RunPlan, result: RunResult, log: Log) -> None:
    _kernel_environment()
    total = len(plan.notebooks)
    for index, notebook in enumerate(plan.notebooks, 1):
        started = time.monotonic()
        target = notebook if plan.in_place else plan.notebooks_dir / notebook.name
        if not plan.in_place and not has_parameters_cell(notebook):
            log(f"warning: {notebook.name} has no cell tagged 'parameters'; the corpus is passed in a cell added at the top")
        try:
            if plan.in_place:
                execute_in_place(notebook)
            else:
                execute_with_parameters(notebook, target, plan.parameters())
        except Exception as exc:  # a failing notebook must not stop the others
            ename, evalue = _error_of(exc)
            missing = None
            if ename == "CodebookError" and evalue.endswith("codebook file not found"):
                missing = Path(evalue[: -len(": codebook file not found")]).name
            if missing:
                result.needs_codebook[notebook.stem] = missing
            else:
                result.failed[notebook.stem] = f"{ename}: {evalue}"
            log(f"[{index}/{total}] {notebook.name}: did not finish ({ename}: {evalue})")
        else:
            log(f"[{index}/{total}] {notebook.name} ({time.monotonic() - started:.1f} s)")
        if target.is_file():
            result.executed.append(target)


REPORT_TITLE = "Comparative coverage report"


def report_subtitle(plan: RunPlan, n_notebooks: int) -> str:
    corpus = "the bundled sample" if plan.in_place else plan.corpus.name
    return f"Corpus: {corpus}. Notebooks: {n_notebooks}. Generated by coverage-compare."


def write_run_report(plan: RunPlan, result: RunResult, log: Log) -> None:
    from .report import write_report

    notices = {}
    for stem, file in result.needs_codebook.items():
        notices[stem] = f"Not run: this notebook needs {file} in the codebook folder."
    for stem, reason in result.failed.items():
        notices[stem] = f"This notebook stopped with an error: {reason}"
    subtitle = report_subtitle(plan, len(result.executed))
    result.report = write_report(result.executed, plan.report_path, REPORT_TITLE, subtitle, notices)
    log(f"report: {_shown(result.report)}")


def _shown(path: Path) -> str:
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


def missing_codebook_files(plan: RunPlan) -> list[str]:
    """Codebook files the bundled codebook has and a custom one lacks. Without the boilerplate
    patterns no corpus can be read, so that one is an error, not a warning."""
    if not plan.custom_codebook:
        return []
    if not plan.codebook.is_dir():
        raise CorpusError(plan.codebook, "codebook folder not found")
    missing = sorted(p.name for p in CODEBOOK_DIR.glob("*.csv") if not (plan.codebook / p.name).is_file())
    if "boilerplate.csv" in missing:
        raise CorpusError(plan.codebook, "the codebook folder has no boilerplate.csv (site-debris patterns, needed "
                                         "to read any corpus); copy data/codebook/boilerplate.csv into it")
    return missing


def codebook_advice(plan: RunPlan, result: RunResult) -> list[str]:
    """Lines telling the user which results depend on a codebook they did not supply."""
    lines = []
    for name, file in sorted(result.needs_codebook.items()):
        lines.append(f"needs a codebook: {name} was skipped; add {file} to {plan.codebook}")
    if not plan.in_place and not plan.custom_codebook:
        event_files = {f: users for f, users in sorted(result.codebook_use.items()) if f not in EVENT_NEUTRAL_CODEBOOKS}
        if event_files:
            lines.append("no --codebook given: these analyses used the bundled codebook, written for the "
                         "bundled event; for another event pass CODEBOOK=dir with your own versions:")
            lines += [f"  {file}: {', '.join(users)}" for file, users in event_files.items()]
    return lines


def rebuild_report(corpus=None, out=None, codebook=None, notebooks=None, log: Log = _stderr) -> RunResult:
    """Only the report, from notebooks a previous run executed (nothing is re-run)."""
    plan = RunPlan.make(corpus, out, codebook, notebooks)
    result = RunResult(plan)
    result.executed = [p for p in (plan.notebooks_dir / nb.name for nb in plan.notebooks) if p.is_file()]
    if not result.executed:
        raise CorpusError(plan.notebooks_dir, "no executed notebooks to build a report from; run the suite first")
    write_run_report(plan, result, log)
    return result


def run(corpus=None, out=None, codebook=None, notebooks=None, log: Log = _stderr) -> RunResult:
    """Run the suite (see module docstring); returns what was written and what was skipped."""
    plan = RunPlan.make(corpus, out, codebook, notebooks)
    if not plan.corpus.is_dir():
        raise CorpusError(plan.corpus, "corpus folder not found")
    result = RunResult(plan)
    for file in missing_codebook_files(plan):
        log(f"warning: the codebook folder has no {file}; analyses that need it will be skipped "
            f"(copy data/codebook/{file} if it suits your event)")
    log(f"corpus: {'bundled sample' if plan.in_place else plan.corpus}; {len(plan.notebooks)} notebooks")
    export_tables(plan, result, log)
    run_notebooks(plan, result, log)
    write_run_report(plan, result, log)
    for line in codebook_advice(plan, result):
        log(line)
    for name, reason in result.failed.items():
        log(f"failed: {name}: {reason}")
    return result


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The `run` options, shared by `python -m analysis.runner` and `python -m analysis run`."""
    parser.add_argument("--corpus", help="folder of article files (default: the bundled sample, run in place)")
    parser.add_argument("--out", help="folder for notebooks, figures, tables and report.html (default: out/<corpus name>)")
    parser.add_argument("--codebook", help="codebook folder for another event (default: data/codebook)")
    parser.add_argument("--report-only", action="store_true", help="only rebuild report.html from the executed notebooks")
    return parser


def command(args: argparse.Namespace) -> int:
    import warnings

    warnings.showwarning = print_warning_line
    try:
        steps = rebuild_report if getattr(args, "report_only", False) else run
        result = steps(args.corpus, args.out, args.codebook)
    except CorpusError as error:
        _stderr(f"error: {error}")
        return 2
    return 0 if result.ok else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.runner", description=__doc__.splitlines()[0])
    return command(add_arguments(parser).parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
