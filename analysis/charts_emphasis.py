"""Charts of notebook 01 (coverage emphasis). Each function returns (figure, plotted data) so
the notebook can hand both to plotting.save_figure; colours come only from the outlet
palette and plotting.HIGHLIGHT_COLOR / NEUTRAL_COLOR."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap

from .plotting import HIGHLIGHT_COLOR, NEUTRAL_COLOR


def article_labels(frame: pd.DataFrame) -> pd.Series:
    """The outlet as row label, with the article id added when an outlet has several articles."""
    per_outlet = frame.drop_duplicates("article_id").groupby("outlet")["article_id"].size()
    several = frame["outlet"].map(per_outlet) > 1
    return frame["outlet"].where(~several, frame["outlet"] + " (" + frame["article_id"].astype(str) + ")")


def _ordered(emphasis: pd.DataFrame) -> pd.DataFrame:
    frame = emphasis.assign(row=article_labels(emphasis))
    return frame.sort_values(["outlet", "article_id"], kind="stable")


def topic_shares_chart(emphasis: pd.DataFrame, palette: dict[str, str]):
    """Small multiples, one panel per topic: each article's share of body words, in its
    outlet's colour, on a common scale so panels compare directly."""
    frame = _ordered(emphasis)
    topics = list(dict.fromkeys(frame["topic"]))
    labels = dict(zip(frame["topic"], frame["label"]))
    rows = list(dict.fromkeys(frame["row"]))
    columns = min(3, len(topics))
    lines = math.ceil(len(topics) / columns)
    fig, axes = plt.subplots(lines, columns, figsize=(3.2 * columns, 0.35 * len(rows) * lines + 1.6 * lines), sharex=True, sharey=True, squeeze=False)
    top = max(frame["share"].max(), 0.05) * 1.1
    for ax, topic in zip(axes.flat, topics):
        data = frame[frame["topic"] == topic].set_index("row").reindex(rows)
        ax.barh(range(len(rows)), data["share"], color=[palette[o] for o in data["outlet"]])
        ax.set_title(_wrap(labels[topic], 34), fontsize=9, loc="left")
        ax.set_yticks(range(len(rows)), rows, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, top)
        ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    for ax in axes.flat[len(topics):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("share of body words")
    for ax in axes[:, 0]:
        ax.set_ylabel("article")
    fig.suptitle("What each article's body is about: share of body words per topic", x=0.0, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig, frame[["outlet", "article_id", "topic", "label", "share", "n_sentences", "words", "body_words"]]


def prominence_heatmap(emphasis: pd.DataFrame):
    """Articles x topics, prominence as cell shade (white to the highlight colour) and value."""
    frame = _ordered(emphasis)
    table = frame.pivot_table(index="row", columns="label", values="prominence", sort=False)
    cmap = LinearSegmentedColormap.from_list("prominence", ["#ffffff", HIGHLIGHT_COLOR])
    fig, ax = plt.subplots(figsize=(1.15 * table.shape[1] + 2.5, 0.5 * table.shape[0] + 2))
    image = ax.imshow(table.to_numpy(dtype=float), cmap=cmap, vmin=0, vmax=max(float(np.nanmax(table.to_numpy(dtype=float))), 0.01), aspect="auto")
    ax.set_xticks(range(table.shape[1]), [_wrap(c) for c in table.columns], fontsize=8, rotation=0)
    ax.set_yticks(range(table.shape[0]), table.index, fontsize=8)
    ax.grid(False)
    for (i, j), value in np.ndenumerate(table.to_numpy(dtype=float)):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8, color="black" if value < 0.6 * image.get_clim()[1] else "white")
    ax.set_xlabel("topic")
    ax.set_ylabel("article")
    ax.set_title("Where topics are placed: prominence (headline, dek and lede weigh most)")
    fig.colorbar(image, ax=ax, shrink=0.8, label="prominence (0 to 1)")
    fig.tight_layout()
    data = frame[["outlet", "article_id", "topic", "label", "prominence", "first_position", "in_headline", "in_dek", "in_lede"]]
    return fig, data


def _wrap(text: str, width: int = 14) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def distinctive_words_chart(top: pd.DataFrame, palette: dict[str, str]):
    """One panel per outlet: its most distinctive words by z-score of the weighted log-odds."""
    outlets = sorted(top["outlet"].unique())
    columns = min(3, max(len(outlets), 1))
    lines = max(math.ceil(len(outlets) / columns), 1)
    n = int(top.groupby("outlet").size().max()) if len(top) else 1
    fig, axes = plt.subplots(lines, columns, figsize=(3.6 * columns, (0.28 * n + 1.2) * lines), squeeze=False)
    for ax, outlet in zip(axes.flat, outlets):
        data = top[top["outlet"] == outlet]
        ax.barh(range(len(data)), data["z"], color=palette[outlet])
        ax.set_yticks(range(len(data)), data["word"], fontsize=8)
        ax.invert_yaxis()
        ax.axvline(1.96, color=NEUTRAL_COLOR, linewidth=0.8, linestyle="--")
        ax.set_title(outlet, fontsize=9, loc="left")
        ax.set_xlabel("z-score (dashed: 1.96)")
        ax.set_ylabel("word")
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    fig.suptitle("Words each outlet uses more than the others (weighted log-odds, informative prior)", x=0.0, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig, top[["outlet", "word", "count", "count_rest", "delta", "z"]]


def omission_chart(matrix: pd.DataFrame, palette: dict[str, str]):
    """Outlets x commonly carried items: a filled dot in the outlet's colour where the outlet
    carries the item, a highlighted cross where it omits it, a small grey dot where it is
    absent without being an omission."""
    kinds = {"topic": 0, "actor": 1, "claim": 2}
    items = matrix.drop_duplicates(["kind", "item"])
    items = items.assign(_k=items["kind"].map(kinds)).sort_values(["_k", "item"], kind="stable")
    item_labels = [f"{k}: {i}" for k, i in zip(items["kind"], items["item"])]
    outlets = sorted(matrix["outlet"].unique())
    x_of = {(k, i): n for n, (k, i) in enumerate(zip(items["kind"], items["item"]))}
    y_of = {o: n for n, o in enumerate(outlets)}
    fig, ax = plt.subplots(figsize=(0.7 * len(item_labels) + 4.5, 0.45 * len(outlets) + 2.2))
    for row in matrix.itertuples(index=False):
        x, y = x_of[(row.kind, row.item)], y_of[row.outlet]
        if row.status == "carried":
            ax.scatter(x, y, s=90, color=palette[row.outlet])
        elif row.status == "omitted":
            ax.scatter(x, y, s=110, marker="X", color=HIGHLIGHT_COLOR)
        else:
            ax.scatter(x, y, s=14, color=NEUTRAL_COLOR)
    ax.set_xticks(range(len(item_labels)), item_labels, rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=8)
    ax.set_xlim(-0.6, len(item_labels) - 0.4)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlabel("topic, actor or claim that most other outlets carry")
    ax.set_ylabel("outlet")
    ax.set_title("What each outlet leaves out")
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", color=NEUTRAL_COLOR, markersize=8, label="carried (outlet colour)"),
               Line2D([], [], marker="X", linestyle="", color=HIGHLIGHT_COLOR, markersize=9, label="omitted"),
               Line2D([], [], marker="o", linestyle="", color=NEUTRAL_COLOR, markersize=4, label="absent, not an omission")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    fig.tight_layout()
    return fig, matrix

