"""Command line: `python -m analysis export --corpus DIR --out DIR`.

Problems with the input are printed one per line, naming the file and the problem:
  warning: FILE: PROBLEM   recoverable; the file is used (see the README, Troubleshooting)
  skipped: FILE: PROBLEM   the file is left out; also listed in skipped.csv
  error: FILE: PROBLEM     the run stops, exit status 2, no table is written or changed
No traceback for problems with the input; tables are written all at once at the end, so an
interrupted or failed run leaves the output folder as it was."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .config import CODEBOOK_DIR, RAW_DIR, resolve_dir
from .errors import CorpusError, InputWarning, SkippedWarning

EXIT_INPUT = 2
EXIT_INTERRUPTED = 130


def _warning_line(message, category, filename, lineno, file=None, line=None):
    prefix = "skipped" if issubclass(category, SkippedWarning) else "warning"
    print(f"{prefix}: {message}", file=sys.stderr)


def _error(message) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    export_cmd = commands.add_parser("export", help="run every analysis and write the contract tables")
    export_cmd.add_argument("--corpus", default=str(RAW_DIR), help="folder of article files (default: bundled sample)")
    export_cmd.add_argument("--out", required=True, help="folder to write the CSV tables to")
    export_cmd.add_argument("--codebook", default=str(CODEBOOK_DIR), help="codebook folder (default: data/codebook)")
    export_cmd.add_argument("--tables", nargs="*", help="only these tables (e.g. articles.csv)")
    export_cmd.add_argument("--max-file-mb", type=float, default=None,
                            help="skip article files larger than this many MB (default 5; 0 = no limit)")
    export_cmd.add_argument("--strict", action="store_true",
                            help="stop at the first warning or skipped file instead of going on")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():  # so main() called from Python leaves the caller's warnings as they were
        warnings.showwarning = _warning_line
        warnings.simplefilter("error" if args.strict else "always", InputWarning)  # nothing shown once only, or hidden
        return _export(args)


def _export(args) -> int:
    from . import tables  # noqa: F401  (registers every builder)
    from .export import TABLES, Context, export
    from .loading import build_corpus
    from .reading import MAX_FILE_BYTES

    unknown = sorted(set(args.tables or ()) - set(TABLES))
    if unknown:
        return _error(f"unknown table(s): {', '.join(unknown)}; known: {', '.join(TABLES)}")
    corpus_dir = resolve_dir(args.corpus, RAW_DIR)
    out_dir = resolve_dir(args.out, RAW_DIR)
    codebook_dir = resolve_dir(args.codebook, CODEBOOK_DIR)
    if out_dir == corpus_dir or corpus_dir in out_dir.parents:
        return _error(f"{out_dir}: inside the corpus folder; raw data stays read-only, so write the tables elsewhere")
    max_bytes = MAX_FILE_BYTES if args.max_file_mb is None else (int(args.max_file_mb * 1e6) or None)

    try:
        corpus = build_corpus(corpus_dir, codebook_dir=codebook_dir, max_bytes=max_bytes)
        written = export(Context(corpus, codebook_dir=codebook_dir), out_dir, args.tables)
    except CorpusError as error:
        return _error(error)
    except InputWarning as warning:  # --strict
        return _error(f"{warning} (stopped by --strict)")
    except OSError as error:
        return _error(f"{error.filename or out_dir}: {error.strerror or error}")
    except KeyboardInterrupt:
        print("interrupted: no table in the output folder is half-written; run again to complete it", file=sys.stderr)
        return EXIT_INTERRUPTED
    for name, rows in written.items():
        print(f"wrote {name} ({rows} rows)")
    if len(corpus.skipped):
        where = f"listed in {Path(out_dir) / 'skipped.csv'}" if "skipped.csv" in written else "see the lines above"
        print(f"{len(corpus.skipped)} input file(s) skipped ({where})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
