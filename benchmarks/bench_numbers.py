"""Figure extraction speed: sentences per second on one core, against a bare digit scan
(re.findall(r"\\d+")) over the same distinct sentences, measured in the same run."""
from __future__ import annotations

import os
import re
import time

from analysis import load_corpus
from analysis.numbers import extract_sentence, load_lexicon

from .common import best_of, letter_tag

N_SENTENCES = 40_000
TARGET = 20_000  # sentences per second required


def distinct_sentences(n: int) -> list[str]:
    """n distinct sentences from the bundled corpus, each tagged with its index so that no
    per-text cache can help (the corpus mix: about one sentence in five carries a number)."""
    base = load_corpus(None).sentences["text"].tolist()
    return [f"{base[i % len(base)]} ({letter_tag(i)})" for i in range(n)]


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

    wall = best_of(extract, clock=time.perf_counter), best_of(baseline, clock=time.perf_counter)
    cpu = best_of(extract), best_of(baseline)
    n = len(sentences)
    print(f"figures extractor: {n / cpu[0]:,.0f} sentences/s CPU time, {n / wall[0]:,.0f} wall "
          f"({n:,} distinct sentences, one core)")
    print(f"baseline re.findall(r'\\d+'): {n / cpu[1]:,.0f} sentences/s CPU time, {n / wall[1]:,.0f} wall")
    print(f"ratio extractor/baseline (CPU time): {cpu[1] / cpu[0]:.3f} "
          f"(the extractor is {cpu[0] / cpu[1]:.1f}x slower than a bare digit scan)")
    print(f"target {TARGET:,} sentences/s (CPU time): {'met' if n / cpu[0] >= TARGET else 'NOT met'}")
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores:
        print(f"note: load average {load:.1f} on {cores} cores: wall rates include waiting for a core")


if __name__ == "__main__":
    main()
