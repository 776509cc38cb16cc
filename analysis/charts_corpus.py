"""The corpus notebook's figure: body text against everything else, per article."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .corpus import ROLES

ROLE_COLORS = {
    "body": "#0072B2",
    "headline": "#56B4E9",
    "dek": "#9AD0F0",
    "subhead": "#CFE8F7",
    "meta": "#999999",
    "boilerplate": "#D55E00",
}


def plot_words_by_role(by_role: pd.DataFrame, measure: str = "lines"):
    """Horizontal stacked bars: per article (labelled by outlet), `measure` per role."""
    table = by_role.pivot_table(index=["outlet", "article_id"], columns="role", values=measure, aggfunc="sum")
    table = table.reindex(columns=list(ROLES), fill_value=0).sort_index(ascending=False)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(table) + 1.6))
    left = pd.Series(0, index=table.index, dtype=float)
    labels = [f"{outlet} ({article_id[:3]})" for outlet, article_id in table.index]
    for role in ROLES:
        ax.barh(labels, table[role], left=left, color=ROLE_COLORS[role], label=role, edgecolor="white", linewidth=0.5)
        left += table[role]
    ax.set_xlabel(f"non-blank raw {measure}")
    ax.set_title(f"What the cleaner kept: body {measure} against headline, meta and site debris")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, title="role")
    return fig, table.reset_index()
