"""save_figure writes the same bytes on every run, so committed figures change only when the
data or the code do (checked across two separately drawn figures, as two runs would)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.plotting import outlet_palette, save_figure, use_style  # noqa: E402

DATA = pd.DataFrame({"outlet": ["Daily Planet", "Harbour Ledger", "Coastal Wire"], "share": [0.42, 0.31, 0.27]})


def draw_and_save(out_dir, data=DATA):
    use_style()
    palette = outlet_palette(data["outlet"])
    fig, ax = plt.subplots()
    ax.bar(data["outlet"], data["share"], color=[palette[o] for o in data["outlet"]])
    ax.set_title("Share of sentences about the evacuation")
    ax.set_xlabel("Outlet")
    ax.set_ylabel("Share")
    try:
        return save_figure(fig, "99-determinism", data=data, source="Source: test.", out_dir=out_dir)
    finally:
        plt.close(fig)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures")
    return draw_and_save(folder / "a"), draw_and_save(folder / "b")


def test_two_runs_write_identical_bytes(two_runs):
    first, second = two_runs
    assert set(first) == {"png", "svg", "csv"}
    for kind in first:
        assert first[kind].stat().st_size > 0
        assert first[kind].read_bytes() == second[kind].read_bytes(), f"{kind} differs between runs"


def test_outputs_carry_no_run_metadata(two_runs):
    paths = two_runs[0]
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert b"Software" not in paths["png"].read_bytes()[:2000]


def test_different_data_gives_different_figures(two_runs, tmp_path):
    first = two_runs[0]
    second = draw_and_save(tmp_path / "b", DATA.assign(share=[0.2, 0.5, 0.3]))
    for kind in first:
        assert first[kind].read_bytes() != second[kind].read_bytes(), f"{kind} ignores the data"
