"""The export command as a user runs it."""
import subprocess
import sys

import pandas as pd

from analysis.config import ROOT
from helpers import PARAGRAPH_A, PARAGRAPH_B, write_corpus

CONTRACT = {
    "articles.csv": ["article_id", "file", "outlet", "headline", "published", "agency", "word_count", "sha256"],
    "blocks.csv": ["article_id", "block_id", "line_start", "line_end", "role", "reason", "text"],
    "sentences.csv": ["article_id", "sentence_id", "block_id", "position", "text"],
}


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_export_writes_contract_tables(tmp_path):
    result = run_cli("export", "--corpus", ROOT / "data" / "raw", "--out", tmp_path, "--tables", *CONTRACT)
    assert result.returncode == 0, result.stderr
    for name, columns in CONTRACT.items():
        frame = pd.read_csv(tmp_path / name)
        assert list(frame.columns[: len(columns)]) == columns
        assert len(frame) > 0


def test_export_on_a_folder_without_manifest(tmp_path):
    folder = write_corpus(tmp_path / "in", {"story one.txt": f"{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n"})
    result = run_cli("export", "--corpus", folder, "--out", tmp_path / "out", "--tables", "articles.csv", "sentences.csv")
    assert result.returncode == 0, result.stderr
    assert pd.read_csv(tmp_path / "out" / "articles.csv")["outlet"].tolist() == ["story one"]


def test_missing_corpus_is_one_line_without_traceback(tmp_path):
    result = run_cli("export", "--corpus", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope'}: corpus folder not found"]
