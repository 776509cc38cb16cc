"""The straightforward implementations that the faster framing and figures code replaced
(documents, quote scan, quote text and masking, country mentions, tone, appositions, actor
surfaces, claim agreement, discrepancies), kept verbatim as references for the equivalence tests in
tests/test_framing_equivalence.py. Not used by the package."""
from __future__ import annotations

import math
import re

import pandas as pd

from analysis.claims import AUTO_PREFIX, DISCREPANCY_COLUMNS, _overlapping_articles, claim_status
from analysis.document import PARAGRAPH_JOINER, SENTENCE_JOINER, Document
from analysis.quotes import MASK, OPENING, QuoteSpan, _closes, _opens
from analysis.referents import Mention
from analysis.text import count_words
from analysis.tone import TONE_COLUMNS, VOICES


def build_document(article_id: str, sentences: pd.DataFrame) -> Document:
    ordered = sentences.sort_values("sentence_id")
    parts: list[str] = []
    ids, starts, ends, paragraph_starts = [], [], [], []
    offset, previous_paragraph = 0, None
    for sentence_id, paragraph, text in ordered[["sentence_id", "paragraph", "text"]].itertuples(index=False):
        if previous_paragraph is not None:
            joiner = SENTENCE_JOINER if paragraph == previous_paragraph else PARAGRAPH_JOINER
            parts.append(joiner)
            offset += len(joiner)
        if paragraph != previous_paragraph:
            paragraph_starts.append(offset)
        text = str(text)
        ids.append(int(sentence_id))
        starts.append(offset)
        parts.append(text)
        offset += len(text)
        ends.append(offset)
        previous_paragraph = paragraph
    return Document(article_id, "".join(parts), tuple(ids), tuple(starts), tuple(ends), tuple(paragraph_starts))


def build_documents(sentences: pd.DataFrame) -> dict[str, Document]:
    return {str(aid): build_document(str(aid), group) for aid, group in sentences.groupby("article_id", sort=False)}


def find_quote_spans(doc: Document) -> list[QuoteSpan]:
    """The character-by-character scan."""
    text = doc.text
    spans: list[QuoteSpan] = []
    paragraph_ends = {doc.paragraph_span(start)[1] for start in doc.paragraph_starts}
    opener, open_at, continuations = None, 0, []
    i = 0
    while i < len(text):
        if opener is None:
            if text[i] in OPENING and _opens(text, i):
                opener, open_at, continuations = text[i], i, []
        elif _closes(text, i, opener):
            spans.append(QuoteSpan(open_at, i, i + 1, tuple(continuations)))
            opener = None
        if opener is not None and i + 1 in paragraph_ends:
            following = text[i + 1:].lstrip()
            next_start = len(text) - len(following)
            if following and following[0] == opener and opener != "‘":
                continuations.append(next_start)
                i = next_start + 1
                continue
            spans.append(QuoteSpan(open_at, None, i + 1, tuple(continuations)))
            opener = None
        i += 1
    if opener is not None:
        spans.append(QuoteSpan(open_at, None, len(text), tuple(continuations)))
    return spans


def quote_inner(span: QuoteSpan, text: str) -> str:
    stop = span.close if span.close is not None else span.end
    skip = set(span.continuations)
    raw = "".join(ch for i, ch in enumerate(text[span.open + 1:stop], span.open + 1) if i not in skip)
    return " ".join(raw.split()).rstrip(" ,")


def masked_text(text: str, spans: list[QuoteSpan]) -> str:
    chars = list(text)
    for span in spans:
        stop = span.close if span.close is not None else span.end
        for i in range(span.open + 1, stop):
            if chars[i] != "\n":
                chars[i] = " "
        if stop > span.open + 1:
            chars[span.open + 1] = MASK
        if span.close is not None and text[span.close - 1] in ".!?":
            chars[span.close - 1] = text[span.close - 1]
    return "".join(chars)


def alternation(terms) -> re.Pattern | None:
    ordered = sorted(set(terms), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def referent_mentions(referents, text: str) -> list[Mention]:
    """Referents.mentions with the linear overlap check and unguarded patterns."""
    actors = alternation(referents.matcher.by_alias)
    found = [Mention(referents.matcher.by_alias[m.group()], referents.kind.get(referents.matcher.by_alias[m.group()], "person"),
                     m.group(), m.start(), m.end()) for m in actors.finditer(text)]
    countries = alternation(referents.country_by_alias)
    taken = [(m.start, m.end) for m in found]
    for match in countries.finditer(text):
        if not any(s <= match.start() < e for s, e in taken):
            found.append(Mention(referents.country_by_alias[match.group()], "country", match.group(), match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def split_voices(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[str, str]:
    own, inside = [], []
    cursor = start
    for q_start, q_end in sorted(quoted):
        a, b = max(q_start, start), min(q_end, end)
        if a >= b:
            continue
        own.append(text[cursor:a])
        inside.append(text[a:b])
        cursor = b
    own.append(text[cursor:end])
    strip = "“”\"‘’«»„"
    joined = lambda parts: " ".join(" ".join(p.strip(strip + " ") for p in parts).split())
    return joined(own), joined(inside)


def sentence_tone(sentences: pd.DataFrame, analyzer) -> pd.DataFrame:
    """VADER on every sentence part, every quotation checked against every sentence."""
    from analysis.quotes import quote_mask

    rows = []
    for article_id, doc in build_documents(sentences).items():
        quoted = quote_mask(doc, find_quote_spans(doc))
        for sentence_id, start, end in zip(doc.sentence_ids, doc.starts, doc.ends):
            for voice, part in zip(VOICES, split_voices(doc.text, start, end, quoted)):
                n = count_words(part)
                if not n:
                    continue
                scores = analyzer.polarity_scores(part)
                rows.append((article_id, sentence_id, voice, part, n, scores["compound"], scores["pos"], scores["neu"], scores["neg"]))
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


_APPOSITION_GAP = re.compile(r"^[\s,\-–—]*$")


def merge_appositions(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    if mentions.empty:
        return mentions
    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    ordered = mentions.sort_values(["article_id", "sentence_id", "char_start"], kind="stable")
    keep = []
    previous = None
    for row in ordered.itertuples():
        key = (row.article_id, row.sentence_id)
        if previous is not None and previous[0] == key and previous[1] == row.actor and \
                _APPOSITION_GAP.match(text[key][previous[2]:row.char_start]):
            previous = (key, row.actor, row.char_end)
            continue
        keep.append(row.Index)
        previous = (key, row.actor, row.char_end)
    return mentions.loc[keep]


def surfaces(mentions: pd.DataFrame) -> pd.Series:
    return mentions.groupby(["article_id", "actor"], sort=True)["surface"].agg(lambda s: ";".join(dict.fromkeys(s)))


def agrees_with(figures: pd.DataFrame) -> dict[tuple[str, str], int]:
    """agrees_with of each claimed figure, by (claim_id, figure_id)."""
    out = {}
    claimed = figures[figures["claim_id"] != ""]
    for claim_id, group in claimed.groupby("claim_id", sort=False):
        intervals = list(zip(group["article_id"], group["low"], group["high"]))
        for fig in group.itertuples(index=False):
            out[(claim_id, fig.figure_id)] = len({a for a, lo, hi in intervals if a != fig.article_id and lo <= fig.high and fig.low <= hi})
    return out


def _matches(claim, fig) -> bool:
    if fig.kind != claim.kind:
        return False
    if claim.counted and not any(re.search(p, fig.counted, re.IGNORECASE) for p in claim.counted):
        return False
    if claim.predicate and fig.predicate not in claim.predicate:
        return False
    if claim.place and fig.place not in claim.place:
        return False
    if claim.unit and fig.unit != claim.unit:
        return False
    if claim.preposition and fig.preposition not in claim.preposition:
        return False
    if claim.context and not re.search(claim.context, fig.sentence, re.IGNORECASE):
        return False
    return True


def cue_pattern() -> re.Pattern:
    """quotes._CUE without the first-letter lookahead."""
    from analysis.quotes import CUE_VERBS, PARTICIPLE_CUES, PHRASE_CUES

    return re.compile(
        r"(?<![\w’'])(?:" + "|".join(sorted(map(re.escape, PHRASE_CUES + tuple(CUE_VERBS) + tuple(PARTICIPLE_CUES)), key=len, reverse=True)) + r")(?![\w’'])",
        re.IGNORECASE,
    )


def assign_claims(figures: pd.DataFrame, claims: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    from analysis.claims import AUTO_PREFIX, CLAIM_KINDS

    out = figures.copy()
    claim_rows = list(claims.itertuples(index=False))
    ids = []
    for fig in out.itertuples(index=False):
        if fig.conversion_of:
            ids.append("")
            continue
        ids.append(next((c.claim_id for c in claim_rows if _matches(c, fig)), ""))
    out["claim_id"] = ids
    open_ = (out["claim_id"] == "") & out["kind"].isin(CLAIM_KINDS) & (out["head"] != "") & (out["conversion_of"] == "")
    keys = out.loc[open_, "kind"] + "|" + out.loc[open_, "head"] + "|" + out.loc[open_, "predicate"] + "|" \
        + out.loc[open_, "place"] + "|" + out.loc[open_, "unit"]
    spread = out.loc[open_, "article_id"].groupby(keys).nunique()
    shared = set(spread[spread >= min_articles].index)
    for index, key in keys.items():
        if key in shared:
            kind, head, predicate, place, _ = key.split("|")
            out.at[index, "claim_id"] = f"{AUTO_PREFIX}{head}|{predicate or 'any'}|{place or 'anywhere'}"
    return out


def find_discrepancies(figures: pd.DataFrame, articles: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """discrepancies.csv: one row per figure tied to a claim, with the claim's status.

    agrees_with counts the other articles stating the claim whose interval overlaps this
    figure's (in a conflict, the outlier is the row that agrees with fewest); consensus_low
    and consensus_high bound the values every article admits (empty on conflict)."""
    claimed = figures[figures["claim_id"] != ""]
    outlets = dict(zip(articles["article_id"], articles["outlet"]))
    descriptions = dict(zip(claims["claim_id"], claims["description"]))
    rows = []
    for claim_id, group in claimed.groupby("claim_id", sort=False):
        intervals = list(zip(group["article_id"], group["low"], group["high"]))
        status = claim_status(intervals)
        n_articles = group["article_id"].nunique()
        consensus = (max(lo for _, lo, _ in intervals), min(hi for _, _, hi in intervals))
        if status == "conflict":
            consensus = (math.nan, math.nan)
        if claim_id in descriptions:
            description, source = descriptions[claim_id], "codebook"
        else:
            _, predicate, place = claim_id[len(AUTO_PREFIX):].split("|")
            first = group.iloc[0]
            description = f"{first['counted'] or first['head']} ({predicate}, {place}); automatic proposal"
            source = "auto"
        overlapping = _overlapping_articles(intervals)
        for fig in group.itertuples(index=False):
            agrees = overlapping(fig.low, fig.high) - {fig.article_id}
            rows.append({
                "claim_id": claim_id, "description": description, "article_id": fig.article_id,
                "outlet": outlets.get(fig.article_id, ""), "surface": fig.surface, "value": fig.value,
                "low": fig.low, "high": fig.high, "hedge": fig.hedge, "status": status,
                "sentence_id": fig.sentence_id, "figure_id": fig.figure_id, "kind": fig.kind, "unit": fig.unit,
                "counted": fig.counted, "predicate": fig.predicate, "place": fig.place, "claim_source": source,
                "n_articles": n_articles, "agrees_with": len(agrees), "consensus_low": consensus[0],
                "consensus_high": consensus[1], "sentence": fig.sentence,
            })
    frame = pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)
    order = {cid: i for i, cid in enumerate(claims["claim_id"])}
    frame["_order"] = frame["claim_id"].map(lambda c: order.get(c, len(order)))
    frame = frame.sort_values(["_order", "claim_id", "article_id", "sentence_id"], kind="stable").drop(columns="_order")
    return frame.reset_index(drop=True)
