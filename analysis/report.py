"""One self-contained HTML report from the executed notebooks: narrative, tables and figures
in notebook order, without code, with a table of contents.

The page needs nothing from the network: nbconvert's `basic` template emits only the cells
(no MathJax or require.js tags), images are embedded as data URIs, the style sheet is inline.
The bytes depend only on the notebooks, so the committed report changes only when they do."""
from __future__ import annotations

import base64
import html
import mimetypes
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import nbformat

# Cells that only carry run machinery, never narrative.
HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell", "hide-cell"}

CSS = """
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;line-height:1.5;color:#222;margin:0;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
header.report{border-bottom:2px solid #0072B2;margin-bottom:1.5rem}
nav.toc{background:#f6f6f6;padding:.6rem 1.2rem;border-radius:4px}
nav.toc ol{margin:.2rem 0;padding-left:1.4rem}nav.toc ol ol{font-size:.92em}
section.notebook{border-top:1px solid #ccc;margin-top:2.5rem;padding-top:.5rem}
p.notebook-file{color:#666;font-size:.85em;margin:0}
a.anchor-link{display:none}
.output_html{overflow-x:auto}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88em}
th,td{border:0;border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:right;vertical-align:top}
td{min-width:4em;max-width:28em}
th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}
img,svg{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f8f8f8;padding:.5rem;font-size:.85em;overflow-x:auto}
.output_stderr pre,.output_error pre{background:#fdeaea}
.run-notice{background:#fff4e0;border-left:4px solid #E69F00;padding:.4rem .8rem}
@media print{nav.toc{display:none}section.notebook{page-break-before:always}}
""".strip()

_HEADING = re.compile(r"<h([12])\s+id=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_ID_OR_ANCHOR = re.compile(r"(\bid=\"|\bhref=\"#)([^\"]+)\"")
_IMG_SRC = re.compile(r"(<img\b[^>]*?\bsrc=\")([^\"]+)(\")")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Section:
    """One notebook in the report: a stable anchor, its title, its sub-headings, its HTML."""

    anchor: str
    title: str
    headings: tuple[tuple[str, str], ...]  # (anchor, text) of level-2 headings
    body: str


def _visible(cell) -> bool:
    return not (set(cell.get("metadata", {}).get("tags", [])) & HIDDEN_TAGS)


@lru_cache(maxsize=1)
def _exporter():
    """Built once: loading nbconvert's templates takes about a second."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )


def _embed_local_images(body: str, base: Path) -> str:
    """Inline images a markdown cell links by relative path, so the report travels alone."""

    def inline(match):
        src = match.group(2)
        if src.startswith(("data:", "http:", "https:")):
            return match.group(0)
        path = (base / html.unescape(src)).resolve()
        if not path.is_file():
            return match.group(0)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"{match.group(1)}data:{kind};base64,{data}{match.group(3)}"

    return _IMG_SRC.sub(inline, body)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


def notebook_section(path: Path, notice: str | None = None) -> Section:
    """Render one executed notebook without its code; ids are prefixed with the notebook's
    name so headings that recur across notebooks ("How to read it") keep distinct anchors."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [cell for cell in notebook.cells if _visible(cell)]
    body, _ = _exporter().from_notebook_node(notebook)
    anchor = path.stem
    body = _ID_OR_ANCHOR.sub(lambda m: f'{m.group(1)}{anchor}--{m.group(2)}"', body)
    body = _embed_local_images(body, path.parent)
    headings = [(level, ident, _text(text)) for level, ident, text in _HEADING.findall(body)]
    title = next((text for level, _, text in headings if level == "1"), anchor)
    subheadings = tuple((ident, text) for level, ident, text in headings if level == "2")
    if notice:
        body = f'<p class="run-notice">{html.escape(notice)}</p>\n{body}'
    return Section(anchor, title, subheadings, body)


def render_report(sections: Iterable[Section], title: str, subtitle: str = "") -> str:
    sections = list(sections)
    toc = []
    for section in sections:
        toc.append(f'<li><a href="#{section.anchor}">{html.escape(section.title)}</a>')
        if section.headings:
            items = "".join(f'<li><a href="#{ident}">{html.escape(text)}</a></li>' for ident, text in section.headings)
            toc.append(f"<ol>{items}</ol>")
        toc.append("</li>")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        '<header class="report">',
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(subtitle)}</p>" if subtitle else "",
        "</header>",
        '<nav class="toc"><h2>Contents</h2><ol>',
        *toc,
        "</ol></nav>",
    ]
    for section in sections:
        parts += [
            f'<section class="notebook" id="{section.anchor}">',
            f'<p class="notebook-file">{html.escape(section.anchor)}.ipynb</p>',
            section.body,
            "</section>",
        ]
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(part for part in parts if part != "")


def write_report(notebooks: Iterable[Path], out: Path, title: str, subtitle: str = "",
                 notices: dict[str, str] | None = None) -> Path:
    """Write the report for `notebooks` (in the order given) to `out`; returns the path.

    `notices` maps a notebook's stem to a line shown above it (e.g. why it did not run)."""
    notices = notices or {}
    sections = [notebook_section(Path(nb), notices.get(Path(nb).stem)) for nb in notebooks]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(sections, title, subtitle), encoding="utf-8", newline="\n")
    return out
