"""The HTML report: narrative, tables and figures of every notebook, no code, readable offline."""
import base64
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.report import notebook_section, render_report, write_report

# A 1x1 PNG; the report must carry it inline.
PIXEL = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e5272ade0000000049454e44ae426082"
)).decode()
SECRET_CODE = "compute_the_secret_number()"


def executed_notebook(folder, name, title, extra_cells=()):
    """A notebook as the runner leaves it: parameters cell, outputs, markdown headings."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    parameters = new_code_cell("CORPUS = None\nCODEBOOK = None\nFIGURES = None")
    parameters.metadata["tags"] = ["parameters"]
    injected = new_code_cell('CORPUS = "/home/someone/private/articles"')
    injected.metadata["tags"] = ["injected-parameters"]
    injected.outputs = [new_output("stream", name="stdout", text="/home/someone/private/articles\n")]
    table = new_code_cell(SECRET_CODE, execution_count=3)
    table.outputs = [new_output("execute_result", data={
        "text/html": "<table class=\"dataframe\"><tr><th>outlet</th><th>share</th></tr><tr><td>Daily Planet</td><td>0.42</td></tr></table>",
        "text/plain": "outlet share",
    }, execution_count=3)]
    figure = new_code_cell("plot()", execution_count=4)
    figure.outputs = [new_output("display_data", data={"image/png": PIXEL, "text/plain": "<Figure>"})]
    nb.cells = [
        new_markdown_cell(f"# {title}\n\nWhich outlet stresses what."),
        parameters, injected, table,
        new_markdown_cell("## How to read it\n\nLonger bars mean more emphasis."),
        figure, *extra_cells,
    ]
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def two_notebooks(tmp_path):
    return [
        executed_notebook(tmp_path, "01-compare-emphasis.ipynb", "Compare emphasis"),
        executed_notebook(tmp_path, "02-check-figures.ipynb", "Check the figures"),
    ]


def test_section_keeps_narrative_tables_and_figures_but_no_code(two_notebooks):
    section = notebook_section(two_notebooks[0])
    assert section.title == "Compare emphasis"
    assert "Which outlet stresses what." in section.body
    assert "Daily Planet" in section.body and "0.42" in section.body
    assert f"data:image/png;base64,{PIXEL}" in section.body
    assert SECRET_CODE not in section.body and "plot()" not in section.body
    # parameters (default or injected by papermill) are run machinery, not narrative
    assert "/home/someone" not in section.body


def test_report_has_a_table_of_contents_in_notebook_order(two_notebooks):
    html = render_report([notebook_section(nb) for nb in two_notebooks], "Report", "sub")
    toc = html[html.index('<nav class="toc">'):html.index("</nav>")]
    assert toc.index("Compare emphasis") < toc.index("Check the figures")
    for anchor in re.findall(r'href="#([^"]+)"', toc):
        assert html.count(f'id="{anchor}"') == 1, f"TOC link #{anchor} has no unique target"


def test_repeated_headings_keep_distinct_anchors(two_notebooks):
    html = render_report([notebook_section(nb) for nb in two_notebooks], "Report")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert sum("How-to-read-it" in i for i in ids) == 2


def test_report_needs_nothing_from_the_network(two_notebooks, tmp_path):
    out = write_report(two_notebooks, tmp_path / "report.html", "Report")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert not re.search(r'\b(?:src|href)="(?:https?:)?//', html), "the report loads something from the network"
    assert not re.search(r'<link\b', html), "style sheets must be inline"
    assert "mathjax" not in html.lower() and "require.js" not in html.lower()


def test_report_bytes_are_deterministic(two_notebooks, tmp_path):
    first = write_report(two_notebooks, tmp_path / "a.html", "Report").read_bytes()
    second = write_report(two_notebooks, tmp_path / "b.html", "Report").read_bytes()
    assert first == second


def test_images_linked_from_markdown_are_embedded(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "map.png").write_bytes(base64.b64decode(PIXEL))
    notebook = executed_notebook(tmp_path, "03-map.ipynb", "Map", [new_markdown_cell("![the map](figures/map.png)")])
    body = notebook_section(notebook).body
    assert 'src="figures/map.png"' not in body
    assert f"data:image/png;base64,{PIXEL}" in body


def test_notice_is_shown_above_a_notebook(two_notebooks, tmp_path):
    out = write_report(two_notebooks, tmp_path / "r.html", "Report",
                       notices={"02-check-figures": "Not run: this notebook needs claims.csv in the codebook folder."})
    html = out.read_text(encoding="utf-8")
    section = html[html.index('id="02-check-figures"'):]
    assert section.index("needs claims.csv") < section.index("Check the figures")
    assert "needs claims.csv" not in html[:html.index('id="02-check-figures"')]


def test_notebook_without_title_uses_its_file_name(tmp_path):
    nb = new_notebook()
    nb.cells = [new_markdown_cell("Just a paragraph.")]
    nbformat.write(nb, tmp_path / "04-untitled.ipynb")
    assert notebook_section(tmp_path / "04-untitled.ipynb").title == "04-untitled"
