"""Quotes of the five seed articles with their speakers, as a quotes-like frame for tests of
quote variants (the quote extractor lives in analysis.quotes; these tests must not depend on
it). Each quote is looked up in the loaded corpus, so a quote missing from the texts fails."""
import pandas as pd

# (article file prefix, speaker, quote as printed)
SEED_QUOTES = [
    ("000", "Vladimir Putin", "a single defence space"),
    ("000", "Vladimir Putin", "Russia isn’t interested in any kind of merger, it’s not feasible"),
    ("000", "Institute for the Study of War", "The capacity of the Russian military, even reinforced by elements of the Belarusian armed forces, to prepare and conduct effective large-scale mechanised offensive operations in the next few months remains questionable"),
    ("000", "Institute for the Study of War", "it is unlikely that Lukashenko will commit the Belarusian military (which would also have to be re-equipped) to the invasion of Ukraine."),
    ("000", "Volodymyr Zelensky", "A 100 percent air defence shield for Ukraine will be one of the most successful steps against Russian aggression"),
    ("000", "Volodymyr Zelensky", "This step is needed right now."),
    ("002", "Vladimir Putin", "united by a common history and spiritual values."),
    ("002", "Vladimir Putin", "closest allies and strategic partners"),
    ("002", "Vladimir Putin", "the wicked"),
    ("002", "Vladimir Putin", "Russia has no interest in absorbing anyone, this would simply not make sense"),
    ("002", "Alexander Lukashenko", "open to dialogue with other states, including European ones."),
    ("002", "Alexander Lukashenko", "I hope that soon they will listen to the voice of reason"),
    ("002", "Dmitry Peskov", "as completely stupid and baseless fabrications."),
    ("002", "Dmitry Peskov", "unacceptable"),
    ("002", "Volodymyr Zelensky", "Russian aggression can and must fail. And our task now is to speed it up"),
    ("003", "Dmitry Peskov", "number one ally"),
    ("003", "Dmitry Peskov", "special military operation"),
    ("003", "Dmitry Peskov", "stupid and unfounded fabrications."),
    ("004", "Vladimir Putin", "Our enemies seek to stop the integration of Russia and Belarus"),
    ("004", "Vladimir Putin", "absorb"),
    ("004", "Vladimir Putin", "common defense space"),
    ("004", "Vladimir Putin", "priority,"),
    ("004", "Vladimir Putin", "mutual deliveries of weapons and work together on the production of new military equipment."),
    ("004", "Dmitry Peskov", "political-military situation"),
    ("004", "Alexander Lukashenko", "older brother"),
    ("004", "Alexander Lukashenko", "Russia can manage without us, but we can't without Russia"),
    ("004", "Alexander Lukashenko", "Today we can unequivocally affirm: together we were able not only to survive, but also to find opportunities for the development of our economies"),
    ("004", "Institute for the Study of War", "It remains extremely unlikely that Belarusian forces would invade Ukraine without a Russian strike force"),
    ("004", "Institute for the Study of War", "It is not at all clear that Lukashenko would commit Belarusian forces to fight in Ukraine, even alongside Russian troops"),
    ("004", "Volodymyr Zelensky", "for all possible scenarios."),
    ("004", "Volodymyr Zelensky", "Protecting our border with both Russia and Belarus is our constant priority"),
]


def seed_quotes(corpus) -> pd.DataFrame:
    """article_id, sentence_id, speaker, quote for SEED_QUOTES; sentence_id is the sentence of
corpus.sentences in which the quote starts."""
    sentences = corpus.sentences
    rows = []
    for prefix, speaker, quote in SEED_QUOTES:
        # a quote may run over a sentence break: its opening locates the sentence it starts in
        opening = quote[:30]
        found = sentences[sentences["article_id"].str.startswith(prefix) & sentences["text"].str.contains(opening, regex=False)]
        assert len(found), f"quote not in article {prefix}: {quote!r}"
        first = found.iloc[0]
        rows.append({"article_id": first["article_id"], "sentence_id": int(first["sentence_id"]),
                     "speaker": speaker, "quote": quote})
    return pd.DataFrame(rows)
