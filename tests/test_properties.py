"""Property tests: whatever the text, every non-blank raw line lands in exactly one block,
block text equals the raw lines it cites, and sentences stay inside body blocks."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.cleaning import group_blocks, label_lines
from analysis.corpus import ROLES
from analysis.sentences import split_sentences
from helpers import PARAGRAPH_A, PATTERNS

SAMPLE_LINES = [
    PARAGRAPH_A, "Share", "facebooktwitter", "+ A", "dpa", "Moscow", "20/12/2022", "Source link",
    "You May Also Like", "Talks resume", "who said so.", "Also, in early December,", "“Quote,” he said.",
    "© 2022 Site", "Leave a Reply", "10", "Headline about a visit to the capital", "…", "", "   ",
]
line = st.one_of(st.sampled_from(SAMPLE_LINES), st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=80))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=40))
def test_every_non_blank_line_in_exactly_one_block(lines):
    labels = label_lines(lines, PATTERNS)
    non_blank = [i + 1 for i, text in enumerate(lines) if text.strip()]
    assert [l.line for l in labels] == non_blank
    assert all(l.role in ROLES and l.reason for l in labels)
    blocks = group_blocks(lines, labels)
    covered = [n for b in blocks for n in range(b.line_start, b.line_end + 1) if lines[n - 1].strip()]
    assert covered == non_blank  # each once, in order
    for b in blocks:
        assert b.text == "\n".join(lines[b.line_start - 1:b.line_end])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_sentences_are_ordered_non_overlapping_spans(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
    # nothing but white space falls between sentences... except nothing: all text is covered
    uncovered = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    assert uncovered.strip() == ""
