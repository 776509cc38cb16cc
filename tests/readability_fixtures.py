"""Fixed texts shared by the readability tests (and the in-memory corpus builder)."""
import textstat

from analysis.testing import make_corpus  # noqa: F401  (re-exported for the tests)

PLAIN = " ".join([
    "The dog ran to the park.", "It was a warm day.", "Kids played on the grass.",
    "A man sold cold drinks.", "The sun set at six.", "We all went home to eat.",
] * 5)
DENSE = ("Governmental authorities characterised the unprecedented infrastructure "
         "deterioration as fundamentally unsustainable, notwithstanding considerable "
         "international reconstruction commitments. Administrative representatives "
         "emphasised institutional accountability, environmental responsibility and "
         "comprehensive economic diversification. ") * 4
NEWS = ("Officials said on Monday that the new bridge would open next spring. "
        "The project, which cost about 40 million dollars, was delayed twice by floods. "
        "Residents welcomed the news but asked why repairs to older roads had stalled. "
        "The mayor promised a public meeting before the end of the month. ") * 3
# Site debris that must never reach the formulas: long words, no sentence ends.
DEBRIS = ("Subscribe notifications newsletter personalisation advertisement preferences "
          "unsubscribe acknowledgement telecommunications infrastructure")

# Direct textstat calls behind each readability.csv column (what the table must equal).
TEXTSTAT_CALLS = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall_readability_score": textstat.dale_chall_readability_score,
    "linsear_write_formula": textstat.linsear_write_formula,
    "consensus_grade": lambda text: textstat.text_standard(text, float_output=True),
    "syllables_per_word": textstat.avg_syllables_per_word,
    "difficult_words": textstat.difficult_words,
}
