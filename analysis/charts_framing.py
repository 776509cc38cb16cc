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

from .plotting import HIGHLIGHT_COLOR, NEUTRAL_COLOR, outlet_legend


def frame_heatmap(profile: pd.DataFrame, names: Mapping[str, str] | None = None):
    """Frames (rows) x outlets (columns), cells = share of sentences evoking the frame."""
    names = dict(names or {})
    data = profile.T.fillna(0.0)
    fig, ax = plt.subplots(figsize=(4 + 1.5 * data.shape[1], 1.2 + 0.38 * data.shape[0]))
    cmap = LinearSegmentedColormap.from_list("share", ["#ffffff", HIGHLIGHT_COLOR])
    image = ax.imshow(data.to_numpy(), cmap=cmap, vmin=0, vmax=max(float(data.to_numpy().max()), 1e-9), aspect="auto", interpolation="nearest")
    ax.set_xticks(range(data.shape[1]), [textwrap.fill(str(c), 12) for c in data.columns])
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
    """Camps (rows, most quoted first) x share of each outlet's quoted words, one dot per
    outlet, dodged vertically so outlets with equal shares stay visible."""
    camps = list(balance.groupby("camp")["words"].sum().sort_values(ascending=False, kind="stable").index)
    outlets = sorted(balance["outlet"].unique())
    full = (balance.set_index(["outlet", "camp"]).reindex(pd.MultiIndex.from_product([outlets, camps], names=["outlet", "camp"]))
            .fillna({"quotes": 0, "words": 0, "share": 0.0}).reset_index())
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(camps) + 1.6))
    step = 0.7 / max(len(outlets), 1)
    for k, outlet in enumerate(outlets):
        part = full[full["outlet"] == outlet].set_index("camp").reindex(camps)
        y = np.arange(len(camps)) - 0.35 + step * (k + 0.5)
        ax.hlines(y, 0, part["share"], color=palette[outlet], linewidth=1.2)
        ax.plot(part["share"], y, "o", color=palette[outlet], markersize=6)
    ax.set_yticks(range(len(camps)), [c.replace("_", " ") for c in camps])
    ax.set_ylim(len(camps) - 0.5, -0.5)
    ax.set_xlim(0, 1.03)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("Share of the outlet's quoted words")
    ax.set_ylabel("Camp of the speaker")
    ax.set_title("Whose words each outlet quotes, by camp")
    outlet_legend(ax, palette, outlets, loc="upper left", bbox_to_anchor=(1.0, 1.0))
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
