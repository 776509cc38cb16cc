"""prominence._display_units (and so text_units) equals its de023f4 version exactly: on
the seeds, the second-event fixture and generated blocks (several blocks of a role per
article, articles with the field only, with neither, white space to collapse)."""
from types import SimpleNamespace

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_display_units_de023f4 as reference
from analysis.loading import build_corpus
from analysis.config import ROOT
from analysis.prominence import _display_units


def assert_same(corpus):
    for role in ("headline", "dek"):
        got, expected = _display_units(corpus, role), reference._display_units(corpus, role)
        pd.testing.assert_frame_equal(got, expected)
        assert got.to_csv() == expected.to_csv()


def test_seeds_and_second_event(sample_corpus):
    assert_same(sample_corpus)
    assert_same(build_corpus(ROOT / "tests" / "fixtures" / "other_event"))


TEXT = st.sampled_from(["Drones hit Kyiv", "  spaced \\n  out  ", "", "Dek line", "x"])
BLOCKS = st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3"]), st.sampled_from(["headline", "dek", "body"]), TEXT),
                  max_size=12)
FIELDS = st.fixed_dictionaries({a: st.tuples(st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT))
                                for a in ("a1", "a2", "a3", "a4")})


@settings(max_examples=100, deadline=None)
@given(BLOCKS, FIELDS)
def test_generated_blocks(blocks, fields):
    frame = pd.DataFrame([(a, i + 1, role, text) for i, (a, role, text) in enumerate(blocks)],
                         columns=["article_id", "block_id", "role", "text"]).astype({"block_id": "int64"})
    articles = pd.DataFrame([(a, h, d) for a, (h, d) in fields.items()], columns=["article_id", "headline", "dek"])
    assert_same(SimpleNamespace(blocks=frame, articles=articles))
