"""Run every benchmark module (or those named on the command line: python -m benchmarks corpus).
Options after the names go to the named benchmark: python -m benchmarks scale --sizes 1000 10000."""
import importlib
import inspect
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    split = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    selected, options = argv[:split], argv[split:]
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [n for n in names if not selected or n.removeprefix("bench_") in selected]
    for name in wanted:
        print(f"== {name.removeprefix('bench_')}", flush=True)
        bench = importlib.import_module(f"benchmarks.{name}").main
        if inspect.signature(bench).parameters:
            bench(options)
        elif options:
            raise SystemExit(f"benchmark {name.removeprefix('bench_')} takes no options: {' '.join(options)}")
        else:
            bench()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
