"""results/report.html is the report of the committed notebooks, byte for byte: after
re-executing a notebook, `make report` (or `make run`) must be run and its result committed."""
from analysis.report import write_report
from analysis.runner import BUNDLED_REPORT, REPORT_TITLE, RunPlan, discover_notebooks, report_subtitle


def test_committed_report_matches_the_committed_notebooks(tmp_path):
    notebooks = discover_notebooks()
    assert BUNDLED_REPORT.is_file(), "results/report.html is missing: run `make run` and commit it"
    fresh = write_report(notebooks, tmp_path / "report.html", REPORT_TITLE,
                         report_subtitle(RunPlan.make(notebooks=notebooks), len(notebooks)))
    assert fresh.read_bytes() == BUNDLED_REPORT.read_bytes(), (
        "results/report.html is out of date with notebooks/: run `make report` and commit it")
