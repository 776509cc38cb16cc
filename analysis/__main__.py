"""Command line: `python -m analysis export --corpus DIR --out DIR`.

Problems with the input are printed as one line naming the file and the problem, with a
non-zero exit status; no traceback."""
from __future__ import annotations

import argparse
import sys
import warnings

from .config import CODEBOOK_DIR, RAW_DIR, resolve_dir
from .errors import CorpusError


def _warning_line(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {message}", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    export_cmd = commands.add_parser("export", help="run every analysis and write the contract tables")
    export_cmd.add_argument("--corpus", default=str(RAW_DIR), help="folder of article files (default: bundled sample)")
    export_cmd.add_argument("--out", required=True, help="folder to write the CSV tables to")
    export_cmd.add_argument("--codebook", default=str(CODEBOOK_DIR), help="codebook folder (default: data/codebook)")
    export_cmd.add_argument("--tables", nargs="*", help="only these tables (e.g. articles.csv)")
    args = parser.parse_args(argv)

    warnings.showwarning = _warning_line
    from .corpus import load_corpus
    from .export import Context, export

    try:
        corpus = load_corpus(args.corpus)
        context = Context(corpus, codebook_dir=resolve_dir(args.codebook, CODEBOOK_DIR))
        written = export(context, resolve_dir(args.out, RAW_DIR), args.tables)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for name, rows in written.items():
        print(f"wrote {name} ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
