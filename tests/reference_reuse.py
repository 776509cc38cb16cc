"""The reuse and quote-variant code as it was before the scale work (main at bc7320d), kept
verbatim so tests can check that the faster implementation gives the same tables; `normalize`
and `words` as they were before run-wise folding (main at 8b0e26c)."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

import pandas as pd
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32
from rapidfuzz import fuzz, process
from typing import Mapping, Sequence

from analysis.reuse import (
    LSH_THRESHOLD, MIN_CONTAINMENT, MIN_ESTIMATED_JACCARD, MIN_SIMILARITY, MIN_TERMS, NUM_PERM, ORIGIN_MIN_SENTENCES,
    ORIGIN_MIN_SHARE, PAIR_COLUMNS,
    REUSE_COLUMNS, VERBATIM_RATIO, _judge_origin, original_order,
)
from analysis.quote_variants import MAX_TERM_SHARE, MIN_QUOTES_FOR_PRUNING, VARIANT_COLUMNS
from analysis.quote_variants import MIN_SIMILARITY as QUOTE_MIN_SIMILARITY, MIN_TERMS as QUOTE_MIN_TERMS
from analysis.textsim import (
    FUZZY_MIN_LENGTH, FUZZY_TERM_RATIO, NEGATIONS, STOPWORDS, Alignment, Paraphrases, differing_words, idf_weights,
    load_paraphrases, stem,
)
from analysis.textsim import _APOSTROPHES, _WORD


# --- analysis/textsim.py ---

class _CombiningMarks(dict):
    """str.translate table deleting combining characters (accents after NFKD) and keeping
    every other character; filled as characters are met, so the scan runs in C."""

    def __missing__(self, code: int):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_DROP_COMBINING = _CombiningMarks()


def normalize(text: str) -> str:
    """Lower case, compatibility-folded, curly apostrophes made straight, accents removed
    (Volodímir -> volodimir), "n't" split off as " not"."""
    folded = str(text).translate(_APOSTROPHES)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        if not folded.isascii():
            folded = folded.translate(_DROP_COMBINING)
    folded = folded.lower()
    if "'t" not in folded:  # no contraction to split (the common case: skip the scan)
        return folded
    folded = re.sub(r"\b(can|won|don|isn|aren|wasn|weren|doesn|didn|hasn|haven|hadn|couldn|wouldn|shouldn|mustn)'t\b",
                    lambda m: {"can": "can", "won": "will"}.get(m.group(1), m.group(1)[:-1]) + " not", folded)
    return folded.replace("n't", " not")


def words(text: str) -> list[str]:
    """The words of `text` after `normalize`, possessive 's dropped, in order."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(normalize(text))]


def tokens(text: str, paraphrases: Paraphrases | None = None) -> list[tuple[str, str]]:
    """(term, surface) for every content word of `text` in order; a multi-word paraphrase
    variant becomes one token whose surface is the whole phrase."""
    surface = words(text)
    stems = [stem(w) for w in surface]
    table = paraphrases.variants if paraphrases else {}
    longest = paraphrases.longest if paraphrases else 0
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            term = table.get(tuple(stems[i:i + size]))
            if term is not None:
                out.append((term, " ".join(surface[i:i + size])))
                i += size
                break
        else:
            word = surface[i]
            if word in NEGATIONS:
                out.append(("not", word))
            elif word not in STOPWORDS:
                out.append((stems[i], word))
            i += 1
    return out


def sentence_weights(sentences, paraphrases: Paraphrases | None = None) -> dict[str, float]:
    """Term IDF over the body sentences of a corpus (one sentence = one document)."""
    return idf_weights(terms(text, paraphrases) for text in sentences["text"])


def terms(text: str, paraphrases: Paraphrases | None = None) -> list[str]:
    return [term for term, _ in tokens(text, paraphrases)]


def align(terms_a: Sequence[str], terms_b: Sequence[str], weights: Mapping[str, float] | None = None,
          default_weight: float | None = None) -> Alignment:
    """Align two term lists one to one, best matches first (greedy), and score the alignment.

    Terms missing from `weights` weigh `default_weight` (default: the largest weight, as an
    unseen term is the rarest)."""
    weights = weights or {}
    if default_weight is None:
        default_weight = max(weights.values(), default=1.0)
    wa = [weights.get(t, default_weight) for t in terms_a]
    wb = [weights.get(t, default_weight) for t in terms_b]
    total = sum(wa) + sum(wb)
    if not terms_a or not terms_b or total == 0:
        return Alignment(0.0, 0.0, 0.0, (), tuple(range(len(terms_a))), tuple(range(len(terms_b))))
    scores = process.cdist(terms_a, terms_b, scorer=fuzz.ratio, score_cutoff=FUZZY_TERM_RATIO)
    candidates = []
    for i, a in enumerate(terms_a):
        for j, b in enumerate(terms_b):
            if a == b:
                candidates.append((100.0, i, j))
            elif scores[i, j] and min(len(a), len(b)) >= FUZZY_MIN_LENGTH and " " not in a + b:
                candidates.append((float(scores[i, j]), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score / 100.0))
    pairs.sort()
    got_a = sum(wa[i] * s for i, _, s in pairs)
    got_b = sum(wb[j] * s for _, j, s in pairs)
    return Alignment(
        similarity=(got_a + got_b) / total,
        coverage_a=got_a / sum(wa) if sum(wa) else 0.0,
        coverage_b=got_b / sum(wb) if sum(wb) else 0.0,
        pairs=tuple(pairs),
        only_a=tuple(i for i in range(len(terms_a)) if i not in used_a),
        only_b=tuple(j for j in range(len(terms_b)) if j not in used_b),
    )


# --- analysis/reuse.py ---

def _method(text_a: str, text_b: str) -> str:
    a, b = " ".join(words(text_a)), " ".join(words(text_b))
    if a == b:
        return "verbatim"
    if fuzz.ratio(a, b) >= VERBATIM_RATIO:
        return "near_verbatim"
    return "reworded"


def candidate_pairs(term_sets: list[set[str]], groups: list, *, threshold: float = LSH_THRESHOLD,
                    num_perm: int = NUM_PERM, min_jaccard: float = MIN_ESTIMATED_JACCARD) -> list[tuple[int, int]]:
    """Index pairs (i < j) of term sets likely to have Jaccard similarity >= threshold, from
    different groups (articles), found with MinHash LSH; pairs whose MinHash estimate of the
    Jaccard similarity is below min_jaccard are dropped (band collisions of unrelated
    sentences, which are most candidates). Empty sets are never paired."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    # one set of permutations for all signatures, and each distinct term hashed once
    template = MinHash(num_perm=num_perm)
    hashfunc = lru_cache(maxsize=None)(sha1_hash32)
    hashes = {}
    with lsh.insertion_session() as session:
        for i, found in enumerate(term_sets):
            if not found:
                continue
            minhash = MinHash(num_perm=num_perm, permutations=template.permutations, scheme=template.scheme,
                              hashfunc=hashfunc)
            minhash.update_batch([t.encode("utf-8") for t in sorted(found)])
            hashes[i] = minhash
            session.insert(i, minhash, check_duplication=False)
    pairs = set()
    for i, minhash in hashes.items():
        for j in lsh.query(minhash):
            if j > i and groups[i] != groups[j] and minhash.jaccard(hashes[j]) >= min_jaccard:
                pairs.add((i, j))
    return sorted(pairs)


def find_reuse(sentences: pd.DataFrame, articles: pd.DataFrame, *, paraphrases: Paraphrases | None = None,
               codebook_dir=None, min_similarity: float = MIN_SIMILARITY, min_containment: float = MIN_CONTAINMENT,
               min_terms: int = MIN_TERMS, lsh_threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM) -> pd.DataFrame:
    """Shared passages: one row per pair of sentences from two articles that say the same
    thing in (nearly) the same words. Columns REUSE_COLUMNS; article_a is the more original
    copy (`original_order`). similarity is the weighted Dice of the term alignment (0..1);
    coverage_a/_b the share of each sentence's term weight found in the other; method is
    verbatim, near_verbatim or reworded; words_only_a/_b and swapped_words show the edits."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    sents = sentences.reset_index(drop=True)
    toks = [tokens(text, paraphrases) for text in sents["text"]]
    term_lists = [[t for t, _ in found] for found in toks]
    weights = idf_weights(term_lists)
    unseen_weight = max(weights.values(), default=1.0)
    term_sets = [set(found) if len(found) >= min_terms else set() for found in term_lists]
    article_ids = sents["article_id"].tolist()
    rank = original_order(articles).to_dict()
    outlet = articles.set_index("article_id")["outlet"].to_dict()
    rows = []
    for i, j in candidate_pairs(term_sets, article_ids, threshold=lsh_threshold, num_perm=num_perm):
        if rank[article_ids[j]] < rank[article_ids[i]]:
            i, j = j, i
        alignment = align(term_lists[i], term_lists[j], weights, unseen_weight)
        contained = max(alignment.coverage_a, alignment.coverage_b) >= min_containment
        if alignment.similarity < min_similarity and not contained:
            continue
        a, b = sents.iloc[i], sents.iloc[j]
        only_a, only_b, swapped = differing_words(toks[i], toks[j], alignment)
        rows.append({
            "article_a": a["article_id"], "article_b": b["article_id"],
            "text_a": a["text"], "text_b": b["text"], "similarity": round(alignment.similarity, 4),
            "sentence_id_a": int(a["sentence_id"]), "sentence_id_b": int(b["sentence_id"]),
            "outlet_a": outlet.get(a["article_id"], ""), "outlet_b": outlet.get(b["article_id"], ""),
            "method": _method(a["text"], b["text"]),
            "coverage_a": round(alignment.coverage_a, 4), "coverage_b": round(alignment.coverage_b, 4),
            "n_words_a": int(a["n_words"]), "n_words_b": int(b["n_words"]),
            "words_only_a": only_a, "words_only_b": only_b, "swapped_words": swapped,
        })
    frame = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    return frame.sort_values(["article_a", "article_b", "sentence_id_a", "sentence_id_b"], ignore_index=True)


def shared_share(reuse: pd.DataFrame, sentences: pd.DataFrame, *, complete: bool = True) -> pd.DataFrame:
    """For every ordered pair of different articles in `sentences` (complete=True; else only
    pairs sharing text, both ways): the share of the first article's body words (article_id)
    in sentences shared with the second (other_article_id). Columns article_id,
    other_article_id, shared_sentences, shared_words, body_words, share. Each sentence counts
    once however many copies it has in the other article."""
    body = sentences.groupby("article_id")["n_words"].sum()
    sides = pd.concat([
        reuse[["article_a", "sentence_id_a", "article_b"]].set_axis(["article_id", "sentence_id", "other_article_id"], axis=1),
        reuse[["article_b", "sentence_id_b", "article_a"]].set_axis(["article_id", "sentence_id", "other_article_id"], axis=1),
    ]).drop_duplicates()
    sides = sides.merge(sentences[["article_id", "sentence_id", "n_words"]], on=["article_id", "sentence_id"])
    shared = sides.groupby(["article_id", "other_article_id"]).agg(
        shared_sentences=("sentence_id", "size"), shared_words=("n_words", "sum"))
    if complete:
        ids = sorted(body.index)
        grid = pd.MultiIndex.from_tuples([(a, b) for a in ids for b in ids if a != b], names=["article_id", "other_article_id"])
        shared = shared.reindex(grid, fill_value=0)
    out = shared.reset_index()
    out["body_words"] = out["article_id"].map(body).astype(int)
    out["share"] = (out["shared_words"] / out["body_words"].where(out["body_words"] > 0)).fillna(0.0).round(4)
    return out


def reuse_pairs(reuse: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                min_sentences: int = ORIGIN_MIN_SENTENCES, min_share: float = ORIGIN_MIN_SHARE) -> pd.DataFrame:
    """One row per pair of articles with at least one shared passage (columns PAIR_COLUMNS):
    how much each side shares, and a judgement of common origin (origin) with its basis.

    origin is one of: common_wire (same agency known for both), probable_wire (agency known
    for one side only; origin_agency names it), shared_text_other_agencies (different agencies:
    pooled copy or the same statement quoted; check), shared_text_unknown_origin (no agency
    known), incidental (too little shared to be copy: usually the same remark quoted by both)."""
    if reuse.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    share = shared_share(reuse, sentences, complete=False).set_index(["article_id", "other_article_id"])
    meta = articles.set_index("article_id")
    rows = []
    for (a, b), group in reuse.groupby(["article_a", "article_b"], sort=True):
        sa, sb = share.loc[(a, b)], share.loc[(b, a)]
        n_shared = int(min(sa["shared_sentences"], sb["shared_sentences"]))
        agency_a, agency_b = str(meta.at[a, "agency"] or ""), str(meta.at[b, "agency"] or "")
        channel_a, channel_b = str(meta.at[a, "channel"] or ""), str(meta.at[b, "channel"] or "")
        origin, origin_agency, basis = _judge_origin(
            n_shared, max(sa["share"], sb["share"]), agency_a, agency_b, min_sentences, min_share)
        rows.append({
            "article_a": a, "article_b": b, "outlet_a": meta.at[a, "outlet"], "outlet_b": meta.at[b, "outlet"],
            "shared_sentences": n_shared,
            "shared_words_a": int(sa["shared_words"]), "shared_words_b": int(sb["shared_words"]),
            "share_a": float(sa["share"]), "share_b": float(sb["share"]),
            "agency_a": agency_a, "agency_b": agency_b, "channel_a": channel_a, "channel_b": channel_b,
            "origin": origin, "origin_agency": origin_agency,
            "basis": f"{basis}; channels {channel_a or 'unknown'} / {channel_b or 'unknown'}",
        })
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


# --- analysis/quote_variants.py ---

def pair_quote_variants(quotes: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                        weights: dict[str, float] | None = None, paraphrases: Paraphrases | None = None,
                        codebook_dir=None, min_similarity: float = QUOTE_MIN_SIMILARITY,
                        min_terms: int = QUOTE_MIN_TERMS) -> pd.DataFrame:
    """Pairs of renderings of the same remark (columns VARIANT_COLUMNS, article_a < article_b).

    quotes needs speaker, article_id and quote; rows without a speaker are skipped (an
    unattributed quote cannot be tied to a remark). weights: term IDF (default: computed over
    the quotes themselves; pass weights over the corpus sentences to weigh down names that
    every article repeats). articles, when given, supplies outlet_a/outlet_b."""
    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    frame = quotes.reset_index(drop=True)
    frame = frame[frame["speaker"].fillna("").astype(str).str.strip() != ""]
    toks = {i: tokens(text, paraphrases) for i, text in frame["quote"].items()}
    term_lists = {i: [t for t, _ in found] for i, found in toks.items()}
    if weights is None:
        weights = idf_weights(term_lists.values())
    outlet = articles.set_index("article_id")["outlet"] if articles is not None else pd.Series(dtype=str)
    has_sentence = "sentence_id" in frame.columns

    scored = []
    for speaker, group in frame.groupby("speaker", sort=True):
        usable = [i for i in group.index if len(set(term_lists[i])) >= min_terms]
        for i, j in _candidates(usable, term_lists, frame["article_id"]):
            alignment = align(term_lists[i], term_lists[j], weights)
            if alignment.similarity >= min_similarity:
                scored.append((speaker, i, j, alignment))

    # one to one within (speaker, article pair), best first
    taken: dict[tuple, set] = defaultdict(set)
    rows = []
    for speaker, i, j, alignment in sorted(scored, key=lambda s: (-s[3].similarity, s[0], s[1], s[2])):
        a, b = frame.loc[i], frame.loc[j]
        if a["article_id"] > b["article_id"]:
            i, j, a, b = j, i, b, a
            alignment = align(term_lists[i], term_lists[j], weights)
        key = (speaker, a["article_id"], b["article_id"])
        if ("a", i) in taken[key] or ("b", j) in taken[key]:
            continue
        taken[key].update({("a", i), ("b", j)})
        only_a, only_b, swapped = differing_words(toks[i], toks[j], alignment)
        rows.append({
            "speaker": speaker, "article_a": a["article_id"], "quote_a": a["quote"],
            "article_b": b["article_id"], "quote_b": b["quote"], "similarity": round(alignment.similarity, 4),
            "sentence_id_a": a["sentence_id"] if has_sentence else pd.NA,
            "sentence_id_b": b["sentence_id"] if has_sentence else pd.NA,
            "outlet_a": outlet.get(a["article_id"], ""), "outlet_b": outlet.get(b["article_id"], ""),
            "coverage_a": round(alignment.coverage_a, 4), "coverage_b": round(alignment.coverage_b, 4),
            "words_only_a": only_a, "words_only_b": only_b, "swapped_words": swapped,
        })
    out = pd.DataFrame(rows, columns=VARIANT_COLUMNS)
    return out.sort_values(["speaker", "article_a", "article_b", "sentence_id_a", "sentence_id_b"],
                           ignore_index=True, na_position="last")


def quote_variants_of(corpus, quotes: pd.DataFrame, codebook_dir=None) -> pd.DataFrame:
    """Quote variants of a corpus's `quotes` (quotes.csv), weighed by term IDF over the
    corpus's sentences. Empty (with VARIANT_COLUMNS) when there are no quotes."""
    if quotes.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    paraphrases = load_paraphrases(codebook_dir)
    return pair_quote_variants(quotes, articles=corpus.articles, paraphrases=paraphrases,
                               weights=sentence_weights(corpus.sentences, paraphrases))


def _candidates(indices: list, term_lists: dict, article_ids: pd.Series) -> list[tuple]:
    """Pairs (i < j) of one speaker's quotes from different articles sharing a content term."""
    postings: dict[str, list] = defaultdict(list)
    for i in indices:
        for term in set(term_lists[i]):
            postings[term].append(i)
    cap = max(2, int(MAX_TERM_SHARE * len(indices))) if len(indices) >= MIN_QUOTES_FOR_PRUNING else len(indices)
    pairs = set()
    for posting in postings.values():
        if len(posting) > cap:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1:]:
                if article_ids[i] != article_ids[j]:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


# --- find_reuse as it was on main at 8b0e26c, before the reusefast work: datasketch imported
# for its permutations and LSH bands, whole-text folding in `normalize`, per-call stems and
# plain tokens. The pieces it shares with today's code (signature bands, alignment, edits)
# are imported; `benchmarks/bench_reuse.py` times it against `analysis.reuse.find_reuse`.

def tokens_8b0e26c(text: str, paraphrases: Paraphrases | None = None) -> list[tuple[str, str]]:
    from analysis.textsim import _variant_size

    surface = words(text)
    stems = [stem(w) for w in surface]
    first_words = paraphrases.first_words if paraphrases else frozenset()
    out: list[tuple[str, str]] = []
    done = 0
    for i in [i for i, s in enumerate(stems) if s in first_words]:
        size = _variant_size(stems, i, paraphrases) if i >= done else 0
        if size:
            out += _plain_tokens_8b0e26c(stems[done:i], surface[done:i])
            out.append((paraphrases.variants[tuple(stems[i:i + size])], " ".join(surface[i:i + size])))
            done = i + size
    out += _plain_tokens_8b0e26c(stems[done:], surface[done:])
    return out


def _plain_tokens_8b0e26c(stems: list[str], surface: list[str]) -> list[tuple[str, str]]:
    return [("not", w) if w in NEGATIONS else (s, w) for s, w in zip(stems, surface)
            if w in NEGATIONS or w not in STOPWORDS]


def sentence_tokens_8b0e26c(texts, paraphrases: Paraphrases | None = None) -> list[list[tuple[str, str]]]:
    done: dict[str, list[tuple[str, str]]] = {}
    out = []
    for text in texts:
        found = done.get(text)
        if found is None:
            found = done[text] = tokens_8b0e26c(text, paraphrases)
        out.append(found)
    return out


def minhash_signatures_8b0e26c(term_sets: list[set[str]], num_perm: int = NUM_PERM):
    import numpy as np
    from analysis.reuse import _fmix32

    template = MinHash(num_perm=num_perm)
    vocabulary = sorted(set().union(*term_sets))
    code = {term: k for k, term in enumerate(vocabulary)}
    hashed = np.array([sha1_hash32(term.encode("utf-8")) for term in vocabulary], dtype=np.uint32)
    a, b = template.permutations
    permuted = _fmix32(hashed)[:, None] * a[None, :] + b[None, :]
    flat = np.fromiter((code[t] for found in term_sets for t in found), dtype=np.int64)
    starts = np.cumsum([0] + [len(found) for found in term_sets[:-1]])
    return np.minimum.reduceat(permuted[flat], starts, axis=0)


def candidate_array_8b0e26c(term_sets: list[set[str]], groups: list, *, threshold: float = LSH_THRESHOLD,
                            num_perm: int = NUM_PERM, min_jaccard: float = MIN_ESTIMATED_JACCARD):
    import numpy as np
    from reference_reuse_c412d6b import _colliding_rows

    members = [i for i, found in enumerate(term_sets) if found]
    if len(members) < 2:
        return np.empty((0, 2), dtype=np.int64)
    signatures = minhash_signatures_8b0e26c([term_sets[i] for i in members], num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    found = [_colliding_rows(signatures[:, start:end]) for start, end in lsh.hashranges]
    rows = np.sort(np.concatenate(found))
    rows = rows[np.r_[True, rows[1:] != rows[:-1]]] if len(rows) else rows
    first, second = np.divmod(rows, len(members))
    codes = pd.factorize(pd.Series(groups, dtype=object))[0]
    index = np.asarray(members, dtype=np.int64)
    first, second = index[first], index[second]
    keep = codes[first] != codes[second]
    first, second = first[keep], second[keep]
    position = np.full(len(term_sets), -1, dtype=np.int64)
    position[index] = np.arange(len(members))
    estimate = np.empty(len(first), dtype=np.float64)
    for start in range(0, len(first), 100_000):
        a = signatures[position[first[start:start + 100_000]]]
        b = signatures[position[second[start:start + 100_000]]]
        estimate[start:start + 100_000] = np.count_nonzero(a == b, axis=1) / float(num_perm)
    keep = estimate >= min_jaccard
    return np.stack([first[keep], second[keep]], axis=1)


def find_reuse_8b0e26c(sentences: pd.DataFrame, articles: pd.DataFrame, *, paraphrases: Paraphrases | None = None,
                       codebook_dir=None) -> pd.DataFrame:
    from analysis.reuse import _method_of_words
    from analysis.textsim import align_pairs, text_weights

    if paraphrases is None:
        paraphrases = load_paraphrases(codebook_dir)
    texts = sentences["text"].tolist()
    toks = sentence_tokens_8b0e26c(texts, paraphrases)
    term_lists = [[t for t, _ in found] for found in toks]
    weights = text_weights(texts, paraphrases, term_lists=term_lists)
    unseen_weight = max(weights.values(), default=1.0)
    term_sets = [set(found) if len(found) >= MIN_TERMS else set() for found in term_lists]
    article_ids = sentences["article_id"].tolist()
    sentence_ids = [int(k) for k in sentences["sentence_id"].tolist()]
    n_words = [int(k) for k in sentences["n_words"].tolist()]
    rank = original_order(articles).to_dict()
    outlet = articles.set_index("article_id")["outlet"].to_dict()
    pairs = []
    candidates = candidate_array_8b0e26c(term_sets, article_ids)
    for i, j in zip(candidates[:, 0].tolist(), candidates[:, 1].tolist()):
        pairs.append((j, i) if rank[article_ids[j]] < rank[article_ids[i]] else (i, j))
    alignments = align_pairs(term_lists, pairs, weights, unseen_weight,
                             min_similarity=MIN_SIMILARITY, min_coverage=MIN_CONTAINMENT)
    kept = [(i, j, alignment) for (i, j), alignment in zip(pairs, alignments) if alignment is not None
            and (alignment.similarity >= MIN_SIMILARITY
                 or max(alignment.coverage_a, alignment.coverage_b) >= MIN_CONTAINMENT)]
    if not kept:
        return pd.DataFrame([], columns=REUSE_COLUMNS)
    first, second = [i for i, _, _ in kept], [j for _, j, _ in kept]
    differences = [differing_words(toks[i], toks[j], alignment) for i, j, alignment in kept]
    normalized = {k: " ".join(words(texts[k])) for k in set(first) | set(second)}
    frame = pd.DataFrame({
        "article_a": [article_ids[i] for i in first], "article_b": [article_ids[j] for j in second],
        "text_a": [texts[i] for i in first], "text_b": [texts[j] for j in second],
        "similarity": [round(alignment.similarity, 4) for _, _, alignment in kept],
        "sentence_id_a": [sentence_ids[i] for i in first], "sentence_id_b": [sentence_ids[j] for j in second],
        "outlet_a": [outlet.get(article_ids[i], "") for i in first],
        "outlet_b": [outlet.get(article_ids[j], "") for j in second],
        "method": [_method_of_words(normalized[i], normalized[j]) for i, j in zip(first, second)],
        "coverage_a": [round(alignment.coverage_a, 4) for _, _, alignment in kept],
        "coverage_b": [round(alignment.coverage_b, 4) for _, _, alignment in kept],
        "n_words_a": [n_words[i] for i in first], "n_words_b": [n_words[j] for j in second],
        "words_only_a": [d[0] for d in differences], "words_only_b": [d[1] for d in differences],
        "swapped_words": [d[2] for d in differences],
    }, columns=REUSE_COLUMNS)
    return frame.sort_values(["article_a", "article_b", "sentence_id_a", "sentence_id_b"], ignore_index=True)
