"""Dot-and-interval chart of the claims several outlets state (notebook 02)."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from .plotting import HIGHLIGHT_COLOR, NEUTRAL_COLOR


def claim_interval_frame(discrepancies: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """The rows the chart draws: claims stated by at least `min_articles` articles."""
    shared = discrepancies[discrepancies["n_articles"] >= min_articles]
    return shared[["claim_id", "description", "status", "outlet", "article_id", "surface", "value", "low", "high", "hedge"]] \
        .reset_index(drop=True)


def plot_claim_intervals(frame: pd.DataFrame, palette: dict[str, str], ncols: int = 2):
    """One panel per claim: each outlet's stated value (dot; hollow when only an interval is
    stated) and the interval its hedge admits (line; an arrow when open-ended). Conflicting
    claims get a highlighted title and frame. Each panel has its own scale."""
    claims = list(dict.fromkeys(frame["claim_id"]))
    nrows = max(1, math.ceil(len(claims) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(10, 1.0 + 1.7 * nrows), squeeze=False)
    for ax, claim_id in zip(axes.flat, claims):
        rows = frame[frame["claim_id"] == claim_id].reset_index(drop=True)
        finite = pd.concat([rows["low"], rows["high"], rows["value"]]).replace([math.inf, -math.inf], math.nan).dropna()
        lo, hi = float(finite.min()), float(finite.max())
        pad = max((hi - lo) * 0.15, 1.0)
        right = hi + pad
        for y, row in rows.iterrows():
            colour = palette.get(row["outlet"], NEUTRAL_COLOR)
            high = row["high"] if math.isfinite(row["high"]) else right
            ax.plot([row["low"], high], [y, y], color=colour, lw=2.5, solid_capstyle="butt")
            if not math.isfinite(row["high"]):
                ax.annotate("", xy=(right, y), xytext=(right - pad * 0.6, y),
                            arrowprops=dict(arrowstyle="->", color=colour, lw=2))
            value = row["value"] if not math.isnan(row["value"]) else (row["low"] + row["high"]) / 2
            hollow = math.isnan(row["value"])
            ax.plot([value], [y], "o", ms=7, color=colour, markerfacecolor="white" if hollow else colour)
            ax.annotate(row["surface"], (value, y), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=7.5)
        ax.set_yticks(range(len(rows)), rows["outlet"], fontsize=8)
        ax.set_ylim(len(rows) - 0.4, -0.7)
        ax.set_xlim(lo - pad, right + pad * 0.2)
        conflict = (rows["status"] == "conflict").any()
        title = f"CONFLICT: {claim_id}" if conflict else f"{claim_id} ({rows['status'].iloc[0]})"
        ax.set_title(title, fontsize=9, color=HIGHLIGHT_COLOR if conflict else NEUTRAL_COLOR,
                     fontweight="bold" if conflict else "normal")
        if conflict:  # a heavy frame, so conflicts stand out in print and in grey scale
            for spine in ax.spines.values():
                spine.set_visible(True)
                spine.set_color(HIGHLIGHT_COLOR)
                spine.set_linewidth(2.0)
        ax.set_xlabel("stated value and admitted interval", fontsize=8)
        ax.ticklabel_format(axis="x", style="plain", useOffset=False)
    for ax in list(axes.flat)[len(claims):]:
        ax.set_visible(False)
    fig.suptitle("Claims stated by several outlets: value and the interval each hedge admits", x=0.0, ha="left",
                 fontweight="bold")
    fig.tight_layout()
    return fig
