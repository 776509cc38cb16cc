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

from .cache import DEFAULT_CACHE_DIR
from .collection import fewer_collections
from .config import CODEBOOK_DIR, RAW_DIR, resolve_dir
from .parallel import ENGINES
from .errors import CorpusError, InputWarning, print_warning_line

EXIT_INPUT = 2
EXIT_INTERRUPTED = 130


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
    scale = export_cmd.add_argument_group("scale", "parallel runs and the per-article cache (tables are identical either way)")
    scale.add_argument("--workers", type=_positive, default=1,
                       help="processes for the per-article work (default 1; with --engine dask, LocalCluster workers)")
    scale.add_argument("--engine", choices=ENGINES, default="processes",
                       help="processes: a pool on this machine; dask: dask.distributed (default processes)")
    scale.add_argument("--scheduler", help="with --engine dask: address of a running scheduler (tcp://host:8786); "
                                           "default: a LocalCluster of --workers processes")
    scale.add_argument("--cache", default=str(DEFAULT_CACHE_DIR),
                       help="folder of cached per-article results (default .cache/ in the project)")
    scale.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():  # so main() called from Python leaves the caller's warnings as they were
        warnings.showwarning = print_warning_line
        warnings.simplefilter("error" if args.strict else "always", InputWarning)  # nothing shown once only, or hidden
        return _export(args)


def _export(args) -> int:
    from . import tables  # noqa: F401  (registers every builder)
    from .export import written_tables
    from .reading import MAX_FILE_BYTES

    known = written_tables()
    unknown = sorted(set(args.tables or ()) - set(known))
    if unknown:
        return _error(f"unknown table(s): {', '.join(unknown)}; known: {', '.join(known)}")
    if args.scheduler and args.engine != "dask":
        return _error("--scheduler needs --engine dask")
    corpus_dir = resolve_dir(args.corpus, RAW_DIR)
    out_dir = resolve_dir(args.out, RAW_DIR)
    codebook_dir = resolve_dir(args.codebook, CODEBOOK_DIR)
    if out_dir == corpus_dir or corpus_dir in out_dir.parents:
        return _error(f"{out_dir}: inside the corpus folder; raw data stays read-only, so write the tables elsewhere")
    max_bytes = MAX_FILE_BYTES if args.max_file_mb is None else (int(args.max_file_mb * 1e6) or None)

    try:
        with fewer_collections():
            written, skipped = _build_and_write(args, corpus_dir, codebook_dir, out_dir, max_bytes)
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
    if skipped:
        where = f"listed in {Path(out_dir) / 'skipped.csv'}" if "skipped.csv" in written else "see the lines above"
        print(f"{skipped} input file(s) skipped ({where})", file=sys.stderr)
    return 0


def _build_and_write(args, corpus_dir: Path, codebook_dir: Path, out_dir: Path, max_bytes) -> tuple[dict[str, int], int]:
    """(table -> rows written, files skipped). The serial loader for a plain run; partitions
    (and the cache) otherwise. Both write the same tables, byte for byte."""
    from .corpus import load_corpus
    from .export import Context, export, written_tables

    if args.no_cache and args.workers == 1 and args.engine == "processes":
        corpus = load_corpus(corpus_dir, codebook_dir=codebook_dir, max_bytes=max_bytes)
        return export(Context(corpus, codebook_dir=codebook_dir), out_dir, args.tables), len(corpus.skipped)
    from .cache import ArticleCache, version_key
    from .loading import read_corpus
    from .parallel import export_at_scale

    cache = None if args.no_cache else ArticleCache(resolve_dir(args.cache, DEFAULT_CACHE_DIR), version_key(codebook_dir))
    read = read_corpus(corpus_dir, codebook_dir=codebook_dir, max_bytes=max_bytes)
    written = export_at_scale(read, codebook_dir, out_dir, list(args.tables or written_tables()), engine=args.engine,
                              workers=args.workers, scheduler=args.scheduler, cache=cache)
    return written, len(read.audit.rows)


if __name__ == "__main__":
    sys.exit(main())
