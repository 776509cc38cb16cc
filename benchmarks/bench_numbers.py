"""Figure extraction speed: sentences per second on one core, against a bare digit scan
(re.findall(r"\\d+")) over the same distinct sentences, measured in the same run."""
from __future__ import annotations

import os
import re

from analysis import load_corpus
from analysis.numbers import extract_sentence, load_lexicon

from .common import best_of

N_SENTENCES = 40_000
TARGET = 20_000  # sentences per second required


def distinct_sentences(n: int) -> list[str]:
    """n distinct sentences from the bundled corpus, each tagged with its index so that no
    per-text cache can help (the corpus mix: about one sentence in five carries a number)."""
    base = load_corpus(None).sentences["text"].tolist()
    return [f"{base[i % len(base)]} ({_letters(i)})" for i in range(n)]


def _letters(i: int) -> str:
    """A tag without digits, so the tag itself is never a figure."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out += chr(97 + r)
        if i == 0:
            return out


def main() -> None:
    lexicon = load_lexicon()
    sentences = distinct_sentences(N_SENTENCES)
    digits = re.compile(r"\d+")

    def extract():
        for text in sentences:
            extract_sentence(text, lexicon)

    def baseline():
        for text in sentences:
            digits.findall(text)

    extract_time = best_of(extract)
    baseline_time = best_of(baseline)
    rate = len(sentences) / extract_time
    base_rate = len(sentences) / baseline_time
    print(f"figures extractor: {rate:,.0f} sentences/s ({len(sentences):,} distinct sentences, one core)")
    print(f"baseline re.findall(r'\\d+'): {base_rate:,.0f} sentences/s")
    print(f"ratio extractor/baseline: {rate / base_rate:.3f} (extractor is {base_rate / rate:.1f}x slower than a bare digit scan)")
    print(f"target {TARGET:,} sentences/s: {'met' if rate >= TARGET else 'NOT met'}")
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores:
        # other processes share the cores: absolute rates drop, the ratio to the baseline holds
        print(f"note: load average {load:.1f} on {cores} cores; at an idle machine's baseline the rate scales by the ratio")


if __name__ == "__main__":
    main()
