"""Figures of notebook 05 (trace reuse): the reuse matrix, shared passages side by side, and
each outlet's words before and after netting out shared passages."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from .plotting import HIGHLIGHT_COLOR, NEUTRAL_COLOR


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """A short label per article: its outlet, with the article_id added where one outlet has
    several articles."""
    counts = articles["outlet"].value_counts()
    return {aid: outlet if counts[outlet] == 1 else f"{outlet} ({aid})"
            for aid, outlet in zip(articles["article_id"], articles["outlet"])}


def reuse_heatmap(share: pd.DataFrame, articles: pd.DataFrame):
    """Heatmap of `reuse.shared_share`: row article's share of body words shared with the
    column article, annotated in percent."""
    labels = article_labels(articles)
    ids = sorted(articles["article_id"])
    matrix = share.pivot(index="article_id", columns="other_article_id", values="share").reindex(index=ids, columns=ids)
    values = matrix.to_numpy(dtype=float)
    cmap = LinearSegmentedColormap.from_list("reuse", ["#ffffff", HIGHLIGHT_COLOR])
    size = max(4.0, 0.9 * len(ids) + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    top = max(0.05, float(np.nanmax(values)) if np.isfinite(values).any() else 0.05)
    image = ax.imshow(np.nan_to_num(values, nan=0.0), cmap=cmap, vmin=0, vmax=top)
    ax.grid(False)
    names = [labels[i] for i in ids]
    ax.set_xticks(range(len(ids)), names, rotation=35, ha="right")
    ax.set_yticks(range(len(ids)), names)
    if len(ids) <= 15:
        for r in range(len(ids)):
            for c in range(len(ids)):
                text = "—" if r == c else f"{values[r, c]:.0%}"
                ax.text(c, r, text, ha="center", va="center", fontsize=8,
                        color="white" if r != c and values[r, c] > top * 0.6 else NEUTRAL_COLOR)
    ax.set_xlabel("shared with this article")
    ax.set_ylabel("share of this article's body words")
    ax.set_title("How much of each article is shared with each other one")
    bar = fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="share of body words")
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    fig.tight_layout()  # keeps the rotated labels clear of the source note save_figure adds below
    return fig


def passages_figure(reuse: pd.DataFrame, articles: pd.DataFrame, palette: dict[str, str], max_rows: int = 6,
                    width: int = 48):
    """The most similar shared passages, original copy left and later copy right, each in its
    outlet's colour, with the similarity between them."""
    labels = article_labels(articles)
    rows = reuse.sort_values(["similarity", "article_a", "sentence_id_a"], ascending=[False, True, True]).head(max_rows)
    wrapped = [(textwrap.fill(r.text_a, width), textwrap.fill(r.text_b, width)) for r in rows.itertuples()]
    heights = [max(a.count("\n"), b.count("\n")) + 3 for a, b in wrapped] or [3]
    fig, ax = plt.subplots(figsize=(10, 0.6 + 0.19 * sum(heights)))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(sum(heights), 0)
    y = 0.0
    for row, (text_a, text_b), height in zip(rows.itertuples(), wrapped, heights):
        for x, aid, outlet, text, sid in ((0.0, row.article_a, row.outlet_a, text_a, row.sentence_id_a),
                                          (0.54, row.article_b, row.outlet_b, text_b, row.sentence_id_b)):
            ax.text(x, y, f"{labels.get(aid, outlet)}, sentence {sid}", fontsize=8, fontweight="bold",
                    color=palette.get(outlet, NEUTRAL_COLOR), va="top")
            ax.text(x, y + 1.1, text, fontsize=8, va="top", family="DejaVu Sans")
        ax.text(0.505, y + 1.1, f"{row.similarity:.2f}", fontsize=8, ha="center", va="top", color=NEUTRAL_COLOR)
        y += height
    if rows.empty:
        ax.text(0, 1, "No shared passages above the thresholds.", fontsize=9, color=NEUTRAL_COLOR, va="top")
    ax.set_title("Shared passages side by side (original copy left, similarity between)")
    fig.tight_layout()
    return fig


def netting_chart(summary: pd.DataFrame, palette: dict[str, str]):
    """Body words per outlet before (outline) and after (filled) netting out shared passages."""
    data = summary.sort_values("outlet", ascending=False)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(data) + 1.5))
    y = np.arange(len(data))
    colours = [palette.get(o, NEUTRAL_COLOR) for o in data["outlet"]]
    ax.barh(y, data["words_before"], color="none", edgecolor=colours, linewidth=1.2)
    ax.barh(y, data["words_after"], color=colours)
    ax.set_yticks(y, data["outlet"])
    ax.set_xlim(0, 1.45 * max(1, int(data["words_before"].max())))  # room for the legend
    ax.set_xlabel("body words")
    ax.set_ylabel("outlet")
    ax.set_title("Each outlet's own contribution once shared passages are netted out")
    handles = [Patch(facecolor="none", edgecolor=NEUTRAL_COLOR, label="all body words"),
               Patch(color=NEUTRAL_COLOR, label="own words (netted)")]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig
