"""The corpus stage as it was on main at de023f4, kept verbatim (only the imports of unchanged
modules point at analysis.*) as the oracle for the faster versions: reading (line splitting),
manifest (per-row dates and paths), dates (find_dates), text (word counts and line-end tests), sentences,
cleaning (line labels and blocks) and loading (per-article rows and assemble_corpus)."""
