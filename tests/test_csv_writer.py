"""csv_writer writes exactly what pandas' to_csv writes, for every dtype the export uses, on
traps (quotes, commas, newlines, missing values, -0.0, huge and tiny floats) and generated
frames; anything it does not model goes to pandas itself."""
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import csv_writer
from analysis.csv_writer import write_frame_csv


def pandas_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def fast_csv(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    write_frame_csv(frame, buffer)
    return buffer.getvalue()


TRAP_TEXTS = ["plain", "", "a,b", 'say "no"', '"', "line\nbreak", "carriage\rreturn", " padded ", "tab\there",
              "é ü — “curly”", "\x00nul", "a\u2028b", ",", "\n", "nan", "None", "1.0"]
TRAP_FLOATS = [0.0, -0.0, 1.0, 0.1, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 5e-324,
               1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 2.5, -7.25]


def test_trap_frame_of_every_dtype():
    n = len(TRAP_FLOATS)
    texts = (TRAP_TEXTS * 2)[:n]
    frame = pd.DataFrame({
        "text": pd.Series(texts, dtype="str"),
        "text, missing": pd.Series([None if i % 3 == 0 else t for i, t in enumerate(texts)], dtype="str"),
        'say "x"': pd.Series(texts, dtype=object),
        "score": TRAP_FLOATS,
        "count": np.arange(n, dtype="int64") * 1_000_003 - 5,
        "small": np.arange(n, dtype="int32"),
        "flag": [i % 2 == 0 for i in range(n)],
        "maybe": pd.array([None if i % 4 == 0 else i for i in range(n)], dtype="Int64"),
        "mixed": pd.Series([None, 1.5, "x,y", 3, float("nan"), pd.NA, True, [1, 2]] * 2 + [0.1], dtype=object),
    })
    assert fast_csv(frame) == pandas_csv(frame)


def test_empty_frame_writes_its_header():
    frame = pd.DataFrame({"a": pd.Series([], dtype="str"), "b": pd.Series([], dtype="float64")})
    assert fast_csv(frame) == pandas_csv(frame) == "a,b\n"


def test_chunks_join_seamlessly(monkeypatch):
    monkeypatch.setattr(csv_writer, "CHUNK_ROWS", 3)
    frame = pd.DataFrame({"word": [f"w{i % 4}" for i in range(10)], "z": np.linspace(-1, 1, 10)})
    assert fast_csv(frame) == pandas_csv(frame)


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"only": ["", "a", None]}),  # csv.writer quotes a lone empty field
    pd.DataFrame({"when": pd.to_datetime(["2022-12-19", None]), "n": [1, 2]}),
    pd.DataFrame({0: ["a", "b"], 1: [1.5, 2.5]}),  # column names that are not strings
    pd.DataFrame({"f32": np.array([0.1, 2.5], dtype="float32"), "n": [1, 2]}),
    pd.DataFrame({"cat": pd.Categorical(["x", "y"]), "n": [1, 2]}),
], ids=["one column", "datetimes", "integer names", "float32", "categorical"])
def test_frames_outside_the_fast_path_are_written_by_pandas(frame):
    assert not csv_writer._fast_path_applies(frame)
    assert fast_csv(frame) == pandas_csv(frame)


def test_the_quoting_model_is_probed_from_the_running_csv_module():
    assert csv_writer._NEEDS_QUOTES is not None
    for char in ',"\n':
        assert csv_writer._quoted(f"a{char}b").startswith('"')


texts = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\té—“') + ["\x00"]), max_size=8)
floats = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(TRAP_FLOATS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, st.none() | texts, floats, st.integers(-2**63, 2**63 - 1), st.booleans(),
                          st.none() | st.integers(-10**6, 10**6)), max_size=30))
def test_generated_frames_match_pandas(rows):
    frame = pd.DataFrame({
        "text": pd.Series([r[0] for r in rows], dtype="str"),
        "maybe text": pd.Series([r[1] for r in rows], dtype="str"),
        "objects": pd.Series([r[1] for r in rows], dtype=object),
        "score": pd.Series([r[2] for r in rows], dtype="float64"),
        "count": pd.Series([r[3] for r in rows], dtype="int64"),
        "flag": pd.Series([r[4] for r in rows], dtype="bool"),
        "maybe count": pd.array([r[5] for r in rows], dtype="Int64"),
    })
    assert fast_csv(frame) == pandas_csv(frame)


def test_bundled_tables_are_written_as_pandas_writes_them(sample_corpus):
    from analysis.export import Context, written_tables

    context = Context(sample_corpus)
    for name in written_tables():
        frame = context.table(name)
        assert fast_csv(frame) == pandas_csv(frame), name
