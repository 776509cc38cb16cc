"""Every path the suite uses, anchored on the project root so notebooks, tests and the
command line agree whatever the working directory."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT / "data" / "raw"
CODEBOOK_DIR = ROOT / "data" / "codebook"
FIGURES_DIR = ROOT / "figures"
TABLES_DIR = ROOT / "results" / "tables"
NOTEBOOKS_DIR = ROOT / "notebooks"

MANIFEST_NAME = "sources.csv"


def resolve_dir(path, default: Path) -> Path:
    """A user-supplied directory (str, Path or None) as an absolute Path; None means default."""
    return Path(default if path is None else path).expanduser().resolve()
