"""Figures of the framing notebook (04-compare-framing): a frame heatmap, sourcing balance by
camp and tone per outlet. Each returns (figure, the tidy frame it plots) for save_figure;
colours come only from the outlet palette and the suite's highlight and neutral colours."""
from __future__ import annotations

import textwrap
from typing import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D

from .plotting import HIGHLIGHT_COLOR, NEUTRAL_COLOR


def frame_heatmap(profile: pd.DataFrame, names: Mapping[str, str] | None = None):
    """Frames (rows) x outlets (columns), cells = share of sentences evoking the frame."""
    names = dict(names or {})
    data = profile.T.fillna(0.0)
    fig, ax = plt.subplots(figsize=(1.6 + 1.5 * data.shape[1], 0.9 + 0.38 * data.shape[0]))
    cmap = LinearSegmentedColormap.from_list("share", ["#ffffff", HIGHLIGHT_COLOR])
    image = ax.imshow(data.to_numpy(), cmap=cmap, vmin=0, vmax=max(float(data.to_numpy().max()), 1e-9), aspect="auto")
    ax.set_xticks(range(data.shape[1]), [textwrap.fill(str(c), 14) for c in data.columns])
    ax.set_yticks(range(data.shape[0]), [names.get(f, f.replace("_", " ").capitalize()) for f in data.index])
    ax.grid(False)
    top = float(data.to_numpy().max()) or 1.0
    for (i, j), value in np.ndenumerate(data.to_numpy()):
        ax.text(j, i, f"{value:.0%}", ha="center", va="center", fontsize=8, color="white" if value > 0.6 * top else "black")
    ax.set_xlabel("Outlet")
    ax.set_ylabel("Frame (Policy Frames Codebook)")
    ax.set_title("Share of each outlet's sentences that evoke each frame")
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02, format=lambda v, _: f"{v:.0%}")
    fig.tight_layout()  # keeps tick labels clear of the source note save_figure adds below
    tidy = data.rename_axis(index="frame", columns="outlet").stack().rename("score").reset_index()
    return fig, tidy


def sourcing_chart(balance: pd.DataFrame, palette: Mapping[str, str]):
    """One panel per camp: each outlet's share of quoted words given to that camp."""
    camps = list(balance.groupby("camp")["words"].sum().sort_values(ascending=False).index)
    outlets = sorted(balance["outlet"].unique())
    full = (balance.set_index(["outlet", "camp"]).reindex(pd.MultiIndex.from_product([outlets, camps], names=["outlet", "camp"]))
            .fillna({"quotes": 0, "words": 0, "share": 0.0}).reset_index())
    cols = min(3, len(camps)) or 1
    rows = int(np.ceil(len(camps) / cols)) or 1
    fig, axes = plt.subplots(rows, cols, figsize=(3.4 * cols, 0.45 * len(outlets) * rows + 1.2 * rows), squeeze=False)
    for index, ax in enumerate(axes.flat):
        if index >= len(camps):
            ax.set_visible(False)
            continue
        camp = camps[index]
        part = full[full["camp"] == camp].set_index("outlet").reindex(outlets)
        ax.barh(range(len(outlets)), part["share"], color=[palette[o] for o in outlets])
        ax.set_yticks(range(len(outlets)), outlets if index % cols == 0 else [])
        ax.set_ylim(len(outlets) - 0.5, -0.5)  # first outlet on top
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_title(camp.replace("_", " "), fontsize=10)
        if index % cols == 0:
            ax.set_ylabel("Outlet")
        if index + cols >= len(camps):  # lowest panel of its column
            ax.set_xlabel("Share of the outlet's quoted words")
        else:
            ax.tick_params(labelbottom=False)
    fig.suptitle("Whose words each outlet quotes, by camp", x=0.01, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig, full


def tone_chart(summary: pd.DataFrame, palette: Mapping[str, str]):
    """Mean VADER compound per outlet with bootstrap intervals; filled = own voice, hollow =
    quoted words."""
    outlets = sorted(summary["outlet"].unique())
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(outlets) + 1.4))
    offsets = {"own": -0.15, "quoted": 0.15}
    for row in summary.itertuples():
        y = outlets.index(row.outlet) + offsets.get(row.voice, 0)
        colour = palette[row.outlet]
        ax.plot([row.low, row.high], [y, y], color=colour, linewidth=2)
        ax.plot(row.mean, y, "o", markersize=8, color=colour, markerfacecolor=colour if row.voice == "own" else "white")
    ax.axvline(0, color=NEUTRAL_COLOR, linewidth=0.8)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlabel("Mean VADER compound score per sentence (−1 negative … +1 positive), 95% bootstrap interval")
    ax.set_ylabel("Outlet")
    ax.set_title("Lexicon tone: the outlet's own sentences and the words it quotes")
    handles = [Line2D([], [], marker="o", linestyle="", color=NEUTRAL_COLOR, label="own voice"),
               Line2D([], [], marker="o", linestyle="", color=NEUTRAL_COLOR, markerfacecolor="white", label="quoted words")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig, summary.reset_index(drop=True)
