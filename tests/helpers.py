"""Test helpers: build small corpora on disk and read line labels back."""
from __future__ import annotations

from pathlib import Path

from analysis.boilerplate import load_patterns
from analysis.cleaning import label_lines

PATTERNS = load_patterns()


def roles(text: str, outlet: str | None = None, templates=frozenset()) -> dict[str, tuple[str, str]]:
    """stripped line text -> (role, reason) for an article given as one string."""
    lines = text.split("\n")
    return {lines[l.line - 1].strip(): (l.role, l.reason) for l in label_lines(lines, PATTERNS, templates, outlet)}


def write_corpus(folder: Path, articles: dict[str, str | bytes], manifest: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if manifest is not None:
        (folder / "sources.csv").write_text(manifest, encoding="utf-8")
    return folder


PARAGRAPH_A = "The minister arrived in the capital on Tuesday for talks with his counterpart about energy."
PARAGRAPH_B = "Officials said the two sides agreed to continue the negotiations early next year in Vienna."
PARAGRAPH_C = "Critics of the deal argued that it would leave the country dependent on a single supplier."


# Articles at the edges of frame scoring: no headline, no body sentences, one term in many
# forms (make_corpus input).
FRAME_EDGE_ARTICLES = {
    "a1": {"outlet": "X", "headline": "Sanctions and missiles", "blocks": [
        ("body", "New sanctions. Prices rose and prices fell.\n"), ("body", "Troops moved. Nothing here.")]},
    "a2": {"outlet": "Y", "headline": "", "blocks": [("body", "Nothing at all.")]},
    "a3": {"outlet": "Y", "headline": "Quiet day", "blocks": [("headline", "Quiet day")]},  # no body sentences
    "a4": {"outlet": "Z", "headline": "Missiles", "blocks": [("body", "Missile, missiles; MISSILES and sanction.")]},
}


def article_runs(frame, articles, size: int):
    """`frame`'s rows in slices of the rows of `size` consecutive articles at a time (in the
    order of `articles`; a slice may be empty), as a spilled corpus or table gives them."""
    position = {article_id: i for i, article_id in enumerate(articles["article_id"].tolist())}
    at = frame["article_id"].map(position).to_numpy()
    for start in range(0, max(len(position), 1), size):
        yield frame[(at >= start) & (at < start + size)]


def sliced_corpus(corpus, size: int):
    """`corpus` whose `slices` give `size` articles at a time, as a spilled corpus gives them."""
    import dataclasses

    from analysis.corpus import SLICEABLE_FRAMES, Corpus

    @dataclasses.dataclass(frozen=True)
    class SlicedCorpus(Corpus):
        def slices(self, frame):
            assert frame in SLICEABLE_FRAMES
            return article_runs(getattr(self, frame), self.articles, size)

    return SlicedCorpus(**{field.name: getattr(corpus, field.name) for field in dataclasses.fields(corpus)})
