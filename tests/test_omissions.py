"""Omissions: what most other outlets carry and one does not."""
import pandas as pd
import pytest

from analysis.omissions import OMISSION_COLUMNS, find_omissions, omission_matrix, outlet_presence

OUTLETS = ["A", "B", "C", "D"]


def emphasis_rows(carried: dict[str, set[str]], topics=("visit", "strikes", "energy")):
    rows = []
    for i, outlet in enumerate(OUTLETS):
        for topic in topics:
            rows.append(dict(article_id=f"art{i}", outlet=outlet, topic=topic, label=topic.title(),
                             n_sentences=2 if topic in carried.get(outlet, set()) else 0, in_headline=False, in_dek=False))
    return pd.DataFrame(rows)


EMPHASIS = emphasis_rows({"A": {"visit", "strikes"}, "B": {"visit", "strikes"}, "C": {"visit", "strikes", "energy"}, "D": {"visit"}})
ACTORS = pd.DataFrame({
    "article_id": ["art0", "art1", "art2", "art3", "art2"],
    "outlet": ["A", "B", "C", "D", "C"],
    "actor": ["Putin", "Putin", "Putin", "Zelensky", "Zelensky"],
    "camp": ["russia", "russia", "russia", "ukraine", "ukraine"],
    "mentions": [3, 1, 2, 0, 1],
    "quotes": [0, 0, 0, 1, 0],
})
# a discrepancies-like frame: claim c1 (the drone count) carried by A, B and C; c2 by D only
DISCREPANCIES = pd.DataFrame({
    "claim_id": ["c1", "c1", "c1", "c2"],
    "description": ["drones launched at Kyiv"] * 3 + ["Russian troops in Belarus"],
    "article_id": ["art0", "art1", "art2", "art3"],
    "outlet": ["A", "B", "C", "D"],
    "surface": ["23", "35", "more than 20", "9,000"],
    "value": [23, 35, 20, 9000], "low": [23, 35, 21, 9000], "high": [23, 35, None, 9000],
    "hedge": ["exact", "exact", "more_than", "exact"],
    "status": ["conflict", "conflict", "conflict", "single"],
})


def test_presence_is_complete_grid():
    presence = outlet_presence(EMPHASIS, ACTORS, DISCREPANCIES)
    assert len(presence) == len(OUTLETS) * (3 + 2 + 2)
    assert presence.set_index(["outlet", "kind", "item"]).loc[("D", "actor", "Zelensky"), "carried"]  # quoted, not mentioned


def test_omissions_with_claims():
    omissions = find_omissions(outlet_presence(EMPHASIS, ACTORS, DISCREPANCIES))
    assert list(omissions.columns) == OMISSION_COLUMNS
    found = set(zip(omissions["outlet"], omissions["kind"], omissions["item"]))
    assert found == {("D", "topic", "strikes"), ("D", "actor", "Putin"), ("D", "claim", "c1"),
                     ("A", "actor", "Zelensky"), ("B", "actor", "Zelensky")}  # 2 of 3 others carry Zelensky
    claim = omissions[omissions["kind"] == "claim"].iloc[0]
    assert claim["carried_by"] == 3 and claim["n_other_outlets"] == 3 and claim["share_of_others"] == 1.0
    assert claim["description"] == "drones launched at Kyiv"
    assert not any(item == "energy" for _, _, item in found)  # only 1 of 4 outlets carries it


def test_majority_threshold_is_strict_and_uses_other_outlets():
    presence = outlet_presence(EMPHASIS, ACTORS)
    # Zelensky: carried by C and D; for A, 2 of 3 others carry it (0.67 > 0.5): an omission
    default = find_omissions(presence)
    assert {("A", "Zelensky"), ("B", "Zelensky")} <= set(zip(default["outlet"], default["item"]))
    strict = find_omissions(presence, majority=0.7)
    assert ("A", "Zelensky") not in set(zip(strict["outlet"], strict["item"]))
    assert ("D", "strikes") in set(zip(strict["outlet"], strict["item"]))  # 3 of 3
    with pytest.raises(ValueError):
        find_omissions(presence, majority=1)


def test_without_claims_and_with_headline_only_topic():
    emphasis = EMPHASIS.copy()
    mask = (emphasis["outlet"] == "D") & (emphasis["topic"] == "strikes")
    emphasis.loc[mask, "in_headline"] = True  # carried in the headline, no body sentence
    omissions = find_omissions(outlet_presence(emphasis, ACTORS))
    assert "claim" not in set(omissions["kind"])
    assert ("D", "strikes") not in set(zip(omissions["outlet"], omissions["item"]))


def test_single_outlet_has_no_omissions():
    one = EMPHASIS[EMPHASIS["outlet"] == "A"]
    assert find_omissions(outlet_presence(one)).empty


def test_omission_matrix_statuses():
    matrix = omission_matrix(outlet_presence(EMPHASIS, ACTORS, DISCREPANCIES))
    assert set(matrix["status"]) <= {"carried", "omitted", "absent"}
    items = set(zip(matrix["kind"], matrix["item"]))
    assert ("topic", "energy") not in items and ("claim", "c2") not in items  # nobody omits them
    status = matrix.set_index(["outlet", "kind", "item"])["status"]
    assert status[("D", "claim", "c1")] == "omitted" and status[("A", "claim", "c1")] == "carried"


def test_inputs_are_not_mutated():
    before = EMPHASIS.copy(), ACTORS.copy(), DISCREPANCIES.copy()
    find_omissions(outlet_presence(EMPHASIS, ACTORS, DISCREPANCIES))
    for frame, copy in zip((EMPHASIS, ACTORS, DISCREPANCIES), before):
        pd.testing.assert_frame_equal(frame, copy)
