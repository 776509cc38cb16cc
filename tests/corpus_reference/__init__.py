"""The corpus stage and the figures extraction as they were at c412d6b, kept verbatim (only
the imports of unchanged modules point at analysis.*) as the oracles for the faster versions:
text.count_words, sentences.split_sentences, boilerplate.LinePatterns, cleaning.label_lines,
loading.ArticleTask.rows, numbers.extract_figures and claims.assign_claims."""
