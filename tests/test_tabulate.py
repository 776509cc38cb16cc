import pandas as pd

from analysis.tabulate import count_table, value_table


def test_count_table():
    frame = pd.DataFrame({"outlet": ["A", "A", "B"], "kind": ["x", "y", "x"]})
    assert count_table(frame, "outlet", "kind").to_dict() == {"x": {"A": 1, "B": 1}, "y": {"A": 1, "B": 0}}
    empty = count_table(frame.iloc[0:0], "outlet", "kind")
    assert empty.empty and empty.index.name == "outlet" and empty.columns.name == "kind"


def test_value_table():
    frame = pd.DataFrame({"outlet": ["A", "B"], "camp": ["x", "y"], "share": [0.5, 1.0]})
    assert value_table(frame, "outlet", "camp", "share").to_dict() == {"x": {"A": 0.5, "B": 0.0}, "y": {"A": 0.0, "B": 1.0}}
    assert value_table(frame.iloc[0:0], "outlet", "camp", "share").empty
