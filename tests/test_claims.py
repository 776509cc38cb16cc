import math

import pandas as pd
import pytest

from analysis.claims import (
    DISCREPANCY_COLUMNS, STATUSES, assign_claims, build_figures, claim_status, claims_by_outlet, derive_figures,
    find_discrepancies, load_claims,
)
from analysis.errors import CodebookError
from analysis.numbers import FIGURE_COLUMNS, extract_figures, load_lexicon


@pytest.mark.parametrize("intervals, status", [
    ([("a", 23, 23), ("b", 21, math.inf)], "consistent"),  # "more than 20" against 23
    ([("a", 18, 18), ("b", 13.5, 16.5)], "conflict"),  # 18 against "about 15"
    ([("a", 23, 23)], "single"),
    ([("a", 23, 23), ("a", 22, 22)], "single"),  # one article twice is still one report
    ([("a", 8100, 9900), ("b", 0, 9000), ("c", 3000, 9000)], "consistent"),
    ([("a", 2018, 2018), ("b", 2019, 2019), ("c", 2019, 2020)], "conflict"),
])
def test_claim_status(intervals, status):
    assert claim_status(intervals) == status


def _articles(ids, published=None):
    return pd.DataFrame({"article_id": ids, "outlet": [f"Outlet {i}" for i in ids],
                         "published": published or [""] * len(ids)})


def _figures(rows):
    sentences = pd.DataFrame(rows, columns=["article_id", "sentence_id", "text"])
    return extract_figures(sentences, load_lexicon())


def test_alignment_separates_scopes_and_flags_the_conflict():
    figures = _figures([
        ("a", 1, "Russia launched 23 drones over Kyiv, but forces shot down 18 of them."),
        ("b", 1, "Kiev alone was attacked by more than 20 combat drones."),
        ("b", 2, "About 15 of them were shot down by air defence."),
        ("c", 1, "Russia had flown 35 attack drones across the country, including 23 over Kyiv."),
        ("c", 2, "Ukraine said it shot down 30 of the air weapons."),
    ])
    claims = load_claims()
    figures = assign_claims(figures, claims)
    table = find_discrepancies(figures, _articles(["a", "b", "c"]), claims)
    assert list(table.columns) == DISCREPANCY_COLUMNS
    status = table.drop_duplicates("claim_id").set_index("claim_id")["status"].to_dict()
    assert status["drones_launched_kyiv"] == "consistent"
    assert status["drones_downed_kyiv"] == "conflict"
    assert status["drones_launched_countrywide"] == "single"
    assert status["drones_downed_countrywide"] == "single"  # 30 country-wide is not 18 over Kyiv
    assert set(table.loc[table["claim_id"] == "drones_downed_kyiv", "article_id"]) == {"a", "b"}


def test_automatic_proposals_group_unknown_claims_across_articles():
    figures = _figures([
        ("a", 1, "Floods killed 12 sheep in Odesa."),
        ("b", 1, "The floods killed about 12 sheep."),
        ("c", 1, "Floods killed 40 goats."),
    ])
    empty = pd.DataFrame(columns=["claim_id", "description", "kind", "counted", "predicate", "place", "unit",
                                  "preposition", "context"])
    figures = assign_claims(figures, empty)
    assert figures.loc[figures["article_id"].isin(["a", "b"]), "claim_id"].tolist() == ["auto:sheep|killed|anywhere"] * 2
    assert figures.loc[figures["article_id"] == "c", "claim_id"].tolist() == [""]  # only one article


def test_automatic_proposal_needs_the_same_place():
    figures = _figures([("a", 1, "Russia launched 12 drones over Kyiv."), ("b", 1, "Russia launched 12 drones across the country.")])
    figures = assign_claims(figures, load_claims().iloc[0:0])
    assert (figures["claim_id"] == "").all()


def test_derived_year_from_in_n_years():
    figures = _figures([("a", 1, "It was Putin's first visit in three years."), ("b", 1, "The visit, the first since 2018, drew fears.")])
    derived = derive_figures(figures, _articles(["a", "b"], ["2022-12-20", ""]))
    row = derived[derived["derived_from"] != ""].iloc[0]
    assert (row["value"], row["low"], row["high"], row["preposition"]) == (2019, 2019, 2020, "since")
    claims = load_claims()
    table = find_discrepancies(assign_claims(derived, claims), _articles(["a", "b"]), claims)
    assert table.loc[table["claim_id"] == "previous_visit_year", "status"].unique().tolist() == ["conflict"]


def test_no_derived_year_without_a_publication_date():
    figures = _figures([("a", 1, "It was Putin's first visit in three years.")])
    assert len(derive_figures(figures, _articles(["a"]))) == len(figures)


def test_conversion_is_not_a_second_statement():
    figures = assign_claims(_figures([("a", 1, "The price cap was set at 180 euros ($190) per megawatt hour.")]), load_claims())
    assert figures["claim_id"].tolist() == ["gas_price_cap_eur", ""]


def test_claim_codebook_errors_name_row_and_column(tmp_path):
    (tmp_path / "claims.csv").write_text("claim_id,description,kind,counted,predicate,place\nx,desc,counts,drone,,\n")
    with pytest.raises(CodebookError, match=r"row 2, column 'kind'"):
        load_claims(tmp_path)
    (tmp_path / "claims.csv").write_text("claim_id,description,kind,counted,predicate,place\nx,desc,count,(drone,,\n")
    with pytest.raises(CodebookError, match=r"column 'counted'"):
        load_claims(tmp_path)


def test_claims_by_outlet_pivot():
    claims = load_claims()
    figures = assign_claims(_figures([("a", 1, "Russia launched 23 drones over Kyiv."), ("b", 1, "Kiev alone was attacked by more than 20 drones.")]), claims)
    table = claims_by_outlet(find_discrepancies(figures, _articles(["a", "b"]), claims))
    row = table.set_index("claim_id").loc["drones_launched_kyiv"]
    assert (row["Outlet a"], row["Outlet b"], row["status"]) == ("23", "more than 20", "consistent")


# ---- the five seed articles --------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_tables(sample_corpus):
    figures = build_figures(sample_corpus)
    return figures, find_discrepancies(figures, sample_corpus.articles, load_claims())


def test_seed_figures_table_columns(seed_tables):
    figures, _ = seed_tables
    assert list(figures.columns) == FIGURE_COLUMNS
    assert figures["figure_id"].is_unique


@pytest.mark.parametrize("claim_id, status, articles", [
    ("drones_launched_kyiv", "consistent", {"000", "001", "002"}),
    ("drones_downed_kyiv", "conflict", {"000", "001"}),
    ("drones_launched_countrywide", "single", {"002"}),
    ("drones_downed_countrywide", "single", {"002"}),
    ("russian_troops_belarus", "consistent", {"001", "002", "004"}),
    ("regions_blackout", "consistent", {"000", "002"}),
    ("previous_visit_year", "conflict", {"000", "001", "003", "004"}),
    ("months_of_war", "consistent", {"002", "004"}),
])
def test_seed_claims(seed_tables, claim_id, status, articles):
    _, table = seed_tables
    rows = table[table["claim_id"] == claim_id]
    assert set(rows["status"]) == {status}
    assert {a[:3] for a in rows["article_id"]} == articles


def test_seed_conflict_outlier_is_the_2018_year(seed_tables):
    _, table = seed_tables
    rows = table[table["claim_id"] == "previous_visit_year"]
    assert rows.loc[rows["agrees_with"].idxmin(), "surface"] == "2018"


def test_export_writes_both_tables_with_contract_columns_first(sample_corpus, tmp_path):
    from analysis.export import Context, export

    export(Context(sample_corpus), tmp_path, ["figures.csv", "discrepancies.csv"])
    figures = pd.read_csv(tmp_path / "figures.csv", keep_default_na=False)
    assert list(figures.columns[:11]) == ["article_id", "sentence_id", "surface", "value", "low", "high", "hedge",
                                          "kind", "counted", "predicate", "claim_id"]
    table = pd.read_csv(tmp_path / "discrepancies.csv", keep_default_na=False)
    assert list(table.columns[:10]) == ["claim_id", "description", "article_id", "outlet", "surface", "value", "low",
                                        "high", "hedge", "status"]
    assert set(table["status"]) <= set(STATUSES)
