import pytest

from analysis.dates import find_dates, parse_iso_date


@pytest.mark.parametrize(
    "text, iso, ambiguous",
    [
        ("20/12/2022", "2022-12-20", False),
        ("12/20/2022", "2022-12-20", False),
        ("05/06/2022", "2022-06-05", True),
        ("All news articles on 2022-12-19", "2022-12-19", False),
        ("Published December 19, 2022", "2022-12-19", False),
        ("Updated 19 Dec 2022 10:42 GMT", "2022-12-19", False),
        ("on Dec. 3rd, 2021", "2021-12-03", False),
    ],
)
def test_find_dates(text, iso, ambiguous):
    found = find_dates(text)
    assert found and found[0].iso == iso and found[0].ambiguous is ambiguous


@pytest.mark.parametrize("text", ["Dec. 13", "31/02/2022", "the 2022 election", "S-400"])
def test_not_a_full_date(text):
    assert find_dates(text) == []


def test_parse_iso_date_accepts_whole_cell_only():
    assert parse_iso_date("2022-12-19") == "2022-12-19"
    assert parse_iso_date("19/12/2022") == "2022-12-19"
    assert parse_iso_date("2022-13-45") is None
    assert parse_iso_date("soon 2022-12-19") is None
