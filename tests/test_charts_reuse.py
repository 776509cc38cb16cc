import matplotlib

matplotlib.use("Agg")

from analysis.charts_reuse import article_labels, netting_chart, passages_figure, reuse_heatmap  # noqa: E402
from analysis.plotting import close, outlet_palette  # noqa: E402
from analysis.reuse import exclude_shared, find_reuse, netting_summary, shared_share  # noqa: E402


def test_article_labels_add_the_id_only_where_an_outlet_has_several_articles():
    import pandas as pd

    articles = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["A", "A", "B"]})
    assert article_labels(articles) == {"1": "A (1)", "2": "A (2)", "3": "B"}


def test_reuse_figures_have_titles_labels_and_one_cell_per_pair(sample_corpus):
    corpus = sample_corpus
    reuse = find_reuse(corpus.sentences, corpus.articles)
    palette = outlet_palette(corpus.articles["outlet"])
    heat = reuse_heatmap(shared_share(reuse, corpus.sentences), corpus.articles)
    ax = heat.axes[0]
    n = len(corpus.articles)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert ax.images[0].get_array().shape == (n, n)
    passages = passages_figure(reuse, corpus.articles, palette, max_rows=1)
    texts = [t.get_text() for t in passages.axes[0].texts]
    assert reuse.sort_values("similarity", ascending=False).iloc[0]["text_a"][:20] in " ".join(texts).replace("\n", " ")
    summary = netting_summary(corpus.sentences, exclude_shared(corpus.sentences, reuse), corpus.articles)
    bars = netting_chart(summary, palette)
    assert len(bars.axes[0].patches) == 2 * len(summary)
    for fig in (heat, passages, bars):
        close(fig)
