"""The five seed articles: every paragraph of article text kept, every debris line removed
with a reason, headlines where the text has one, metadata from manifest and text."""
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.config import RAW_DIR

# 1-based raw line -> role, for every line that is NOT body; all other non-blank lines are body.
EXPECTED_NOT_BODY = {
    "000_98ace04d523169a9": {1: "headline", 3: "boilerplate", 5: "boilerplate", 53: "boilerplate"},
    "001_bd9049570a314394": {1: "boilerplate", 2: "boilerplate", 3: "boilerplate", 4: "boilerplate", 5: "meta",
                             7: "meta", 9: "meta", 55: "boilerplate", 56: "meta", 57: "boilerplate"},
    "002_4f0a797eae757a4d": {1: "headline", 31: "subhead", 45: "subhead", 59: "subhead", 69: "boilerplate", 71: "boilerplate"},
    "003_22aaae1019e4815d": {line: "boilerplate" for line in range(21, 48, 2)},
    "004_88d805a741128794": {1: "meta", 3: "boilerplate", 5: "headline", 8: "dek", 60: "subhead",
                             98: "boilerplate", 103: "boilerplate", 105: "boilerplate", 108: "boilerplate",
                             110: "boilerplate", 112: "boilerplate", 114: "boilerplate", 116: "meta", 118: "meta",
                             120: "boilerplate", 123: "boilerplate", 125: "boilerplate", 126: "boilerplate"},
}


@pytest.mark.parametrize("article_id", sorted(EXPECTED_NOT_BODY))
def test_every_line_has_the_expected_role(sample_corpus, article_id):
    lines = sample_corpus.lines[sample_corpus.lines["article_id"] == article_id]
    got = dict(zip(lines["line"], lines["role"]))
    raw = (RAW_DIR / f"{article_id}.txt").read_text(encoding="utf-8").split("\n")
    expected = {n: EXPECTED_NOT_BODY[article_id].get(n, "body") for n, text in enumerate(raw, 1) if text.strip()}
    assert got == expected
    assert lines["reason"].str.len().gt(0).all()


def test_headlines_found_where_the_text_has_one(sample_corpus):
    headlines = dict(zip(sample_corpus.articles["article_id"], sample_corpus.articles["headline"]))
    assert headlines["000_98ace04d523169a9"].startswith("Putin sparks attack fears")
    assert headlines["002_4f0a797eae757a4d"].startswith("Putin insists that there is no plan")
    assert headlines["004_88d805a741128794"].startswith("Putin strengthens ties with Lukashenko")
    assert headlines["001_bd9049570a314394"] == "" and headlines["003_22aaae1019e4815d"] == ""


def test_broken_paragraphs_are_joined(sample_corpus):
    blocks = sample_corpus.blocks
    body = blocks[(blocks["article_id"] == "004_88d805a741128794") & (blocks["role"] == "body")]
    spans = set(zip(body["line_start"], body["line_end"]))
    assert {(14, 16), (46, 50), (54, 56)} <= spans
    assert (70, 70) in spans  # lower-case "kyiv" starts its own paragraph


def test_block_text_is_exactly_the_raw_lines(sample_corpus):
    for block in sample_corpus.blocks.itertuples():
        raw = (RAW_DIR / f"{block.article_id}.txt").read_text(encoding="utf-8").split("\n")
        assert block.text == "\n".join(raw[block.line_start - 1:block.line_end])


def test_sentences_trace_back_to_their_block(sample_corpus):
    blocks = sample_corpus.blocks.set_index(["article_id", "block_id"])
    for s in sample_corpus.sentences.itertuples():
        block_text = blocks.loc[(s.article_id, s.block_id), "text"]
        assert " ".join(block_text[s.char_start:s.char_end].split()) == s.text
    positions = sample_corpus.sentences.groupby("article_id")["position"]
    assert (positions.min() == 0).all() and (positions.max() < 1).all()
    assert positions.apply(lambda p: p.is_monotonic_increasing).all()


def test_articles_metadata_from_manifest(sample_corpus):
    a = sample_corpus.articles.set_index("article_id")
    assert a.loc["001_bd9049570a314394", ["outlet", "agency", "published", "dateline"]].tolist() == ["Qatar Tribune", "dpa", "2022-12-20", "Moscow"]
    assert a.loc["004_88d805a741128794", "translated"] == "yes"
    assert (a["outlet_source"] == "manifest").all()
    assert a["word_count"].between(300, 1500).all()


def test_metadata_from_text_without_manifest():
    a = load_corpus(RAW_DIR, manifest=False).articles.set_index("article_id")
    assert a.loc["001_bd9049570a314394", ["outlet", "agency", "published", "dateline"]].tolist() == ["Qatar tribune", "dpa", "2022-12-20", "Moscow"]
    assert a.loc["004_88d805a741128794", ["outlet", "published"]].tolist() == ["The Limited Times", "2022-12-19"]
    assert a.loc["000_98ace04d523169a9", ["outlet", "outlet_source"]].tolist() == ["000_98ace04d523169a9", "file name"]


def test_manifest_hashes_match_the_raw_files(sample_corpus):
    manifest = pd.read_csv(RAW_DIR / "sources.csv", dtype=str)
    assert dict(zip(manifest["file"], manifest["sha256"])) == dict(zip(sample_corpus.articles["file"], sample_corpus.articles["sha256"]))


def test_body_text_contains_no_debris(sample_corpus):
    body = " ".join(sample_corpus.body_text())
    for debris in ("facebooktwitter", "sign-up", "You May Also Like", "Leave a Reply", "Subscribe", "©", "Source"):
        assert debris not in body
