"""prominence._display_units as it was at de023f4 (each article's texts joined by a
per-group Python aggregation in pandas), kept verbatim as the oracle of the dict version."""
import pandas as pd

from analysis.prominence import UNIT_COLUMNS


def _display_units(corpus, role: str) -> pd.DataFrame:
    """Headline or dek per article: the cleaner's blocks of that role when there are any,
    else the article table's field; articles with neither get no unit."""
    blocks = corpus.blocks[corpus.blocks["role"] == role]
    from_blocks = blocks.groupby("article_id", sort=False).agg(block_id=("block_id", "first"), text=("text", lambda t: " ".join(" ".join(t).split())))
    block_of = dict(zip(from_blocks.index, zip(from_blocks["block_id"].tolist(), from_blocks["text"].tolist())))
    rows = []
    for article_id, field in zip(corpus.articles["article_id"], corpus.articles[role].fillna("")):
        if article_id in block_of:
            block_id, text = block_of[article_id]
            source = "blocks"
        elif str(field).strip():
            block_id, text, source = pd.NA, " ".join(str(field).split()), "articles"
        else:
            continue
        rows.append((article_id, role, block_id, pd.NA, pd.NA, pd.NA, text, len(text.split()), source))
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)

