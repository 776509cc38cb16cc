"""Figures for the readability notebook: a dot-and-interval panel per metric across outlets,
and per-outlet distributions (sentence lengths, paragraph scores). Functions return the
figure and the frame they plotted; saving is the caller's (save_figure)."""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

from .plotting import NEUTRAL_COLOR

JITTER_SEED = 0


def interval_chart(intervals: pd.DataFrame, palette: Mapping[str, str], labels: Mapping[str, str],
                   metrics: Sequence[str], title: str, ncols: int = 3):
    """One panel per metric: each outlet's estimate as a dot, its interval as a line.
    Outlets with an article below the metric's minimum length get a hollow dot."""
    rows = math.ceil(len(metrics) / ncols)
    outlets = sorted(intervals["outlet"].unique())
    fig, axes = plt.subplots(rows, ncols, figsize=(3.9 * ncols, (0.34 * len(outlets) + 1.0) * rows),
                             sharey=True, squeeze=False)
    plotted = intervals[intervals["metric"].isin(metrics)].copy()
    for ax, metric in zip(axes.flat, metrics):
        part = plotted[plotted["metric"] == metric].set_index("outlet").reindex(outlets)
        for y, (outlet, row) in enumerate(part.iterrows()):
            colour = palette[outlet]
            if not np.isnan(row["low"]):
                ax.plot([row["low"], row["high"]], [y, y], color=colour, linewidth=2.2,
                        solid_capstyle="butt")
            short = row["short_articles"] > 0
            ax.plot(row["estimate"], y, "o", markersize=7, color=colour,
                    markerfacecolor="white" if short else colour, markeredgewidth=1.6)
        first = part.iloc[0]
        arrow = "harder →" if first["harder_when"] == "higher" else "← harder"
        note = "" if part["low"].notna().any() else "  (no interval)"
        ax.set_title(f"{first['label']}{note}", fontsize=9.5, loc="left")
        ax.set_xlabel(f"score ({arrow})", fontsize=8.5)
        ax.set_yticks(range(len(outlets)), [labels.get(o, o) for o in outlets], fontsize=8.5)
        ax.grid(axis="y", visible=False)
    axes[0, 0].invert_yaxis()  # shared y: first outlet on top in every panel
    for ax in list(axes.flat)[len(metrics):]:
        ax.set_visible(False)
    fig.suptitle(title, x=0.0, ha="left", fontweight="bold")
    fig.text(0.0, 0.0, "Dot: mean article score (textstat). Line: bootstrap interval. "
             "Hollow dot: an article is shorter than the formula's minimum.",
             fontsize=8, color=NEUTRAL_COLOR, ha="left", va="top")
    fig.tight_layout()
    return fig, plotted


def distribution_chart(values: pd.DataFrame, value: str, palette: Mapping[str, str],
                       labels: Mapping[str, str], title: str, xlabel: str, marker_line=None,
                       marker_label: str = ""):
    """Per outlet: a box (quartiles, median) over every value as a jittered dot, so a reader
    sees both the typical value and how much single sentences or paragraphs vary."""
    outlets = sorted(values["outlet"].unique())
    rng = np.random.default_rng(JITTER_SEED)
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(outlets) + 1.4))
    groups = [values.loc[values["outlet"] == o, value].dropna().to_numpy() for o in outlets]
    box = ax.boxplot(groups, positions=range(len(outlets)), orientation="horizontal", widths=0.55,
                     showfliers=False, patch_artist=True, medianprops={"color": "black"})
    for patch, outlet in zip(box["boxes"], outlets):
        patch.set_facecolor(palette[outlet])
        patch.set_alpha(0.25)
    for y, (outlet, group) in enumerate(zip(outlets, groups)):
        ax.scatter(group, y + rng.uniform(-0.18, 0.18, len(group)), s=10, color=palette[outlet],
                   alpha=0.75, linewidths=0, zorder=3)
    if marker_line is not None:
        ax.axvline(marker_line, color=NEUTRAL_COLOR, linestyle="--", linewidth=1)
        ax.text(marker_line, 0.01, f" {marker_label}", color=NEUTRAL_COLOR, fontsize=8, va="bottom",
                transform=ax.get_xaxis_transform())
    ax.set_yticks(range(len(outlets)), [labels.get(o, o) for o in outlets])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel("outlet")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    return fig, values


def interval_table(intervals: pd.DataFrame, metrics: Sequence[str], digits: int = 1) -> pd.DataFrame:
    """Outlets x metrics, each cell 'estimate [low, high]' (or just the estimate where the
    metric has no interval), for display."""
    def cell(row):
        if np.isnan(row["low"]):
            return f"{row['estimate']:.{digits}f}"
        return f"{row['estimate']:.{digits}f} [{row['low']:.{digits}f}, {row['high']:.{digits}f}]"

    part = intervals[intervals["metric"].isin(metrics)]
    table = part.assign(cell=part.apply(cell, axis=1)).pivot(index="outlet", columns="label", values="cell")
    labels = part.drop_duplicates("metric").set_index("metric")["label"]
    return table[[labels[m] for m in metrics]].rename_axis(columns=None)
