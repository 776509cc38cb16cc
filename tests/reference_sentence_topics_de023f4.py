"""topics.sentence_topics as it was at de023f4 (an evidence dict built for every unit,
matched or not), kept verbatim as the oracle of the one that skips units without a match."""
import pandas as pd

from analysis.topics import EVIDENCE_COLUMNS, TopicMatcher


def sentence_topics(units: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """One row per (text unit, topic it carries), with the evidence.

    units: article_id, unit (headline | dek | body), block_id, sentence_id, position, text,
    n_words (as from prominence.text_units; body sentences of corpus.sentences work too,
    with unit taken as body).

    A unit carrying k topics gives each of them n_words / k words (`words`), so that shares
    of body words over topics never add up to more than the body: the split is even because
    a sentence is read as being about each of its topics equally, whatever the number of
    terms that signalled them. hits counts the matches; terms lists the codebook terms that
    matched (';'-separated, first occurrence order) and surfaces the text as written."""
    matcher = TopicMatcher(topics)
    frame = units if "unit" in units.columns else units.assign(unit="body")
    rows = []
    columns = ["article_id", "unit", "block_id", "sentence_id", "position", "n_words", "text"]
    for article_id, unit, block_id, sentence_id, position, n_words, text in zip(*(frame[c].tolist() for c in columns)):
        by_topic: dict[str, list[tuple[str, str]]] = {}
        for topic, term, surface, _, _ in matcher.matches(str(text)):
            by_topic.setdefault(topic, []).append((term, surface))
        for topic, evidence in by_topic.items():
            rows.append((
                article_id, unit, block_id, sentence_id, position, topic, len(by_topic), n_words,
                n_words / len(by_topic), len(evidence),
                ";".join(dict.fromkeys(term for term, _ in evidence)),
                ";".join(dict.fromkeys(surface for _, surface in evidence)),
            ))
    result = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return result.astype({"sentence_id": "Int64", "block_id": "Int64"})
