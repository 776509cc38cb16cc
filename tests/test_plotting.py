import hashlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.plotting import OKABE_ITO, outlet_palette, save_figure, use_style  # noqa: E402


def draw():
    use_style()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2])
    ax.set_title("A title")
    return fig


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_save_figure_is_byte_for_byte_deterministic(tmp_path):
    data = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    first = save_figure(draw(), "f", data=data, source="Source: test", out_dir=tmp_path / "1")
    second = save_figure(draw(), "f", data=data, source="Source: test", out_dir=tmp_path / "2")
    assert set(first) == {"png", "svg", "csv"}
    for kind in first:
        assert digest(first[kind]) == digest(second[kind])
    assert b"<dc:date>" not in first["svg"].read_bytes()
    plt.close("all")


def test_figure_without_title_is_refused(tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="no title"):
        save_figure(fig, "untitled", out_dir=tmp_path)
    plt.close("all")


def test_outlet_palette_is_stable_and_order_free():
    one = outlet_palette(["Zeta", "Alpha", "Mid", "Alpha"])
    two = outlet_palette(["Mid", "Zeta", "Alpha"])
    assert one == two == {"Alpha": OKABE_ITO[0], "Mid": OKABE_ITO[1], "Zeta": OKABE_ITO[2]}
    many = outlet_palette([f"o{i:02d}" for i in range(20)])
    assert len(set(list(many.values())[:17])) == 17
