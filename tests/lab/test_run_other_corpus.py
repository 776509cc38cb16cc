"""`make run CORPUS=... OUT=...` on articles about another event: every notebook runs with
injected parameters, tables, figures and the report land under OUT, the checkout is untouched.
Slow (real kernels), so it lives beside the JupyterLab check, outside `make unit`."""
import shutil
import subprocess

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.config import CODEBOOK_DIR, ROOT
from analysis.runner import discover_notebooks, run

OTHER_EVENT = ROOT / "tests" / "fixtures" / "other_event"


def probe_notebook(folder, name="98-probe-parameters.ipynb", body=None):
    """A notebook following the suite's convention, drawing one figure from the corpus."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    parameters = new_code_cell(
        "CORPUS = None  # folder of articles; None = the bundled sample (data/raw)\n"
        "CODEBOOK = None  # codebook folder; None = data/codebook\n"
        "FIGURES = None  # where figures go; None = figures/"
    )
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        new_markdown_cell("# Probe the parameters\n\nWhich corpus did the runner pass in?"),
        parameters,
        new_code_cell(body or (
            "import matplotlib.pyplot as plt\n"
            "from analysis import load_corpus\n"
            "from analysis.plotting import outlet_palette, save_figure, use_style\n"
            "use_style()\n"
            "corpus = load_corpus(CORPUS)\n"
            "palette = outlet_palette(corpus.articles['outlet'])\n"
            "fig, ax = plt.subplots()\n"
            "ax.barh(corpus.articles['outlet'], corpus.articles['word_count'], color=[palette[o] for o in corpus.articles['outlet']])\n"
            "ax.set_title('Words per article'); ax.set_xlabel('Words'); ax.set_ylabel('Outlet')\n"
            "save_figure(fig, '98-probe-words', data=corpus.articles[['outlet', 'word_count']], source=corpus.source_note, out_dir=FIGURES)\n"
            "print(corpus.source_note)"
        )),
    ]
    path = folder / name
    nbformat.write(nb, path)
    return path


def git_status():
    try:
        return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")


def test_run_on_another_event_writes_everything_under_out(tmp_path):
    before = git_status()
    probe = probe_notebook(tmp_path)
    out = tmp_path / "results"
    lines = []
    result = run(OTHER_EVENT, out, notebooks=[*discover_notebooks(), probe], log=lines.append)

    assert result.ok, result.failed
    assert git_status() == before, "the run changed the checkout"
    # tables
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert sorted(articles["file"]) == sorted(p.name for p in OTHER_EVENT.glob("*.txt"))
    assert {"Harbour Ledger", "Coastal Wire"} <= set(articles["outlet"])
    # notebooks ran with the injected corpus
    executed = nbformat.read(out / "notebooks" / probe.name, as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "Source: 3 articles from 3 outlets (tests/fixtures/other_event)" in printed
    assert [p.name for p in result.executed] == [p.name for p in [*discover_notebooks(), probe]]
    # figures: PNG, SVG and the plotted data, for the other corpus
    assert {p.name for p in (out / "figures").glob("98-probe-words.*")} == {"98-probe-words.png", "98-probe-words.svg", "98-probe-words.csv"}
    assert pd.read_csv(out / "figures" / "98-probe-words.csv")["word_count"].tolist() == articles["word_count"].tolist()
    # report
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "Probe the parameters" in report and "Corpus: other_event." in report
    assert "save_figure(" not in report and "data:image/png;base64," in report
    # a small folder loads without a progress line; the bundled codebook's event files are named
    assert not any(line.startswith("loading articles") for line in lines)
    assert any(line.startswith("no --codebook given") for line in lines) or set(result.codebook_use) <= {"boilerplate.csv"}


def test_a_notebook_needing_a_missing_codebook_file_is_skipped_and_named(tmp_path):
    codebook = tmp_path / "codebook"
    codebook.mkdir()
    shutil.copy(CODEBOOK_DIR / "boilerplate.csv", codebook)
    needs_topics = probe_notebook(tmp_path, "97-needs-topics.ipynb", body=(
        "from analysis.codebook import Column, codebook_path, read_codebook\n"
        "read_codebook(codebook_path('topics.csv', CODEBOOK), [Column('topic')])"
    ))
    fine = probe_notebook(tmp_path)
    lines = []
    result = run(OTHER_EVENT, tmp_path / "out", codebook, notebooks=[needs_topics, fine], log=lines.append)

    assert result.needs_codebook["97-needs-topics"] == "topics.csv"
    assert "98-probe" not in " ".join(result.needs_codebook)  # tables need codebooks too; the probe does not
    assert result.ok and (tmp_path / "out" / "figures" / "98-probe-words.png").is_file()
    assert any("97-needs-topics was skipped; add topics.csv" in line for line in lines)
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Not run: this notebook needs topics.csv in the codebook folder." in report
