from analysis import audit


def test_words_by_role_covers_every_article_and_role(sample_corpus):
    table = audit.words_by_role(sample_corpus)
    assert len(table) == len(sample_corpus.articles) * len(audit.ROLES)
    lines = table.groupby("article_id")["lines"].sum()
    assert lines.to_dict() == sample_corpus.lines.groupby("article_id").size().to_dict()
    body_words = table[table["role"] == "body"].set_index("article_id")["words"]
    assert body_words.to_dict() == sample_corpus.articles.set_index("article_id")["word_count"].to_dict()


def test_removed_blocks_lists_every_non_body_line_once(sample_corpus):
    removed = audit.removed_blocks(sample_corpus)
    lines_covered = sum(
        int(((sample_corpus.lines["article_id"] == r.article_id) & sample_corpus.lines["line"].between(r.line_start, r.line_end)).sum())
        for r in removed.itertuples()
    )
    assert lines_covered == int((sample_corpus.lines["role"] != "body").sum())
    assert removed["text"].str.len().le(90).all()


def test_reasons_count_lines(sample_corpus):
    reasons = audit.reasons(sample_corpus)
    assert reasons["lines"].sum() == int((sample_corpus.lines["role"] != "body").sum())
    assert "after the end of the article" in set(reasons["reason"])


def test_joined_paragraphs(sample_corpus):
    joined = audit.joined_paragraphs(sample_corpus)
    assert list(zip(joined["line_start"], joined["line_end"])) == [(14, 16), (46, 50), (54, 56)]
