"""The emphasis tables through the export contract, on the seeds and on a synthetic corpus."""
import pandas as pd

from analysis import load_corpus
from analysis.export import Context, export

CONTRACT = {
    "emphasis.csv": ["article_id", "topic", "share", "prominence", "first_position", "outlet"],
    "actors.csv": ["article_id", "actor", "mentions", "quotes", "first_position", "camp", "outlet"],
    "topic_evidence.csv": ["article_id", "unit", "block_id", "sentence_id", "position", "topic"],
    "distinctive_words.csv": ["outlet", "word", "count", "count_rest", "total", "total_rest", "prior", "delta", "variance", "z"],
    "omissions.csv": ["outlet", "kind", "item", "carried_by", "n_other_outlets", "share_of_others", "description"],
}


def test_export_writes_contract_columns_first(sample_corpus, tmp_path):
    export(Context(sample_corpus), tmp_path, list(CONTRACT))
    for name, columns in CONTRACT.items():
        frame = pd.read_csv(tmp_path / name)
        assert list(frame.columns[: len(columns)]) == columns, name
    emphasis = pd.read_csv(tmp_path / "emphasis.csv")
    assert emphasis["share"].between(0, 1).all()
    assert (emphasis.groupby("article_id")["share"].sum() <= 1 + 1e-9).all()


def test_synthetic_corpus_end_to_end(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text(
        "Russian drones hit Kyiv overnight, the city administration said on Monday morning.\n\n"
        "Hours later Putin began a rare visit to Minsk, his first to the country in three years.\n", encoding="utf-8")
    (corpus_dir / "b.txt").write_text(
        "Putin met Lukashenko in Minsk on Monday for talks about closer ties between the countries.\n\n"
        "Gas prices and Western sanctions were also discussed, the Kremlin said after the meeting.\n", encoding="utf-8")
    (corpus_dir / "c.txt").write_text(
        "Drone strikes hit Kyiv again on Monday as Putin arrived in Minsk for talks with his ally.\n\n"
        "Officials said most of the drones were shot down before they reached the city centre.\n", encoding="utf-8")
    (corpus_dir / "sources.csv").write_text(
        "file,outlet,published,agency,dateline,url,language,translated,channel,sha256,notes\n"
        "a.txt,Outlet A,,,,,en,no,original,,\nb.txt,Outlet B,,,,,en,no,original,,\nc.txt,Outlet C,,,,,en,no,original,,\n",
        encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    ctx = Context(corpus)
    emphasis = ctx.table("emphasis.csv").set_index(["article_id", "topic"])
    assert emphasis.loc[("a", "drone_strikes_toll"), "share"] > 0
    assert emphasis.loc[("b", "drone_strikes_toll"), "share"] == 0
    omissions = ctx.table("omissions.csv")
    # two of three articles carry the strikes: for b, both others do, so it is an omission
    assert ((omissions["outlet"] == "Outlet B") & (omissions["item"] == "drone_strikes_toll")).any()
    assert not ((omissions["outlet"] == "Outlet A") & (omissions["item"] == "drone_strikes_toll")).any()
