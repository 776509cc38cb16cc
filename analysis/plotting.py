"""One style, one outlet palette and one save helper for every figure of the suite.

`save_figure` is the only way figures leave a notebook: it writes NAME.png (300 dpi),
NAME.svg and, when given, NAME.csv with the data plotted, byte for byte the same on every
run (no timestamps, fixed SVG ids)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Mapping

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from .config import FIGURES_DIR

# Okabe & Ito (2008) colour-blind-safe set, yellow last because it is faint on white; then
# Paul Tol's muted set for corpora with more than seven outlets. Black is kept out of the
# outlet colours: it is the highlight (conflicts, omissions), so it never means an outlet.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
OVERFLOW_COLOR = "#888888"
HIGHLIGHT_COLOR = "#000000"
NEUTRAL_COLOR = "#666666"

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
    "figure.dpi": 100,
    "figure.figsize": (8, 4.5),
    "savefig.dpi": 300,
    "savefig.bbox": "tight",
    "svg.fonttype": "path",
    "svg.hashsalt": "coverage-compare",  # fixed ids in SVG output
    "legend.frameon": False,
}


def use_style() -> None:
    """Apply the suite's matplotlib style (idempotent)."""
    mpl.rcParams.update(STYLE)


def outlet_palette(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet, assigned in sorted order so every figure of a corpus agrees.

    Pass the corpus's full outlet list (not a figure's subset) to keep colours stable."""
    names = sorted({str(o) for o in outlets})
    colours = OKABE_ITO + TOL_MUTED
    return {name: colours[i] if i < len(colours) else OVERFLOW_COLOR for i, name in enumerate(names)}


def _has_title(fig) -> bool:
    if fig._suptitle is not None and fig._suptitle.get_text():
        return True
    return any(ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right"))


def save_figure(
    fig,
    name: str,
    data: pd.DataFrame | None = None,
    *,
    source: str | None = None,
    out_dir: str | os.PathLike | None = None,
) -> dict[str, Path]:
    """Write NAME.png, NAME.svg (and NAME.csv from `data`) to out_dir (default figures/).

    The figure must carry a title; `source` is printed as a note under the plot."""
    if not _has_title(fig):
        raise ValueError(f"figure {name!r} has no title; set one before saving")
    out = Path(out_dir or FIGURES_DIR)
    out.mkdir(parents=True, exist_ok=True)
    if source:
        fig.text(0.0, -0.02, source, ha="left", va="top", fontsize=7.5, color=NEUTRAL_COLOR,
                 transform=fig.transFigure)
    paths = {
        "png": out / f"{name}.png",
        "svg": out / f"{name}.svg",
    }
    with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
        fig.savefig(paths["png"], format="png", metadata={"Software": None})
        fig.savefig(paths["svg"], format="svg", metadata={"Date": None, "Creator": None})
    if data is not None:
        paths["csv"] = out / f"{name}.csv"
        data.to_csv(paths["csv"], index=False, lineterminator="\n")
    return paths


def outlet_legend(ax, palette: Mapping[str, str], outlets: Iterable[str] | None = None, **kwargs):
    """A legend of outlet colour patches (all outlets of the palette unless given)."""
    from matplotlib.patches import Patch

    names = list(outlets) if outlets is not None else list(palette)
    handles = [Patch(color=palette[n], label=n) for n in names]
    return ax.legend(handles=handles, **kwargs)


def close(fig) -> None:
    plt.close(fig)
