"""VADER's polarity_scores (vaderSentiment 3.3.2, pinned), the same answers bit for bit for
less work. VADER itself is the spec and the oracle (tests/test_vader.py, benchmarks/bench_tone.py).

VADER strips and lower-cases every word of every text, then lower-cases the whole word list
again for each rule it tries on each lexicon word (negation at three distances, idioms). Here
each distinct token is stripped and lower-cased once per scorer (tokens recur across a
corpus), a text without a lexicon word gets the neutral answer directly, and the rules run
only on lexicon words, reading that one lower-cased list. The rules are VADER's, ported
line by line in VADER's order, so every float operation is the same; the per-text steps
("but", the final sums and rounding) are VADER's own methods."""
from __future__ import annotations

import math
import re

from vaderSentiment.vaderSentiment import (BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES, SentiText,
                                           SentimentIntensityAnalyzer, normalize)

_NEGATIONS = frozenset(NEGATE)
# the words of the phrases _special_idioms_check looks for (one-word entries never match)
_IDIOM_WORDS = frozenset(word for phrase in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in phrase for word in phrase.split(" "))


class VaderPolarity:
    """`polarity_scores(text)`: exactly `analyzer.polarity_scores(text)`.

    Only the stock SentimentIntensityAnalyzer is reproduced (any lexicon); a subclass may
    change the rules, so its own polarity_scores answers. So does a text holding an emoji,
    which VADER first rewrites into words (rare in news)."""

    def __init__(self, analyzer: SentimentIntensityAnalyzer):
        self.analyzer = analyzer
        self._own_rules = type(analyzer) is not SentimentIntensityAnalyzer
        self._emoji = frozenset(e for e in analyzer.emojis if len(e) == 1)  # VADER looks emoji up char by char
        # only the characters from the lowest emoji up are looked up (a few per news text, found
        # in C), instead of a string object made of every character of the text
        lowest = min(map(ord, self._emoji), default=0)
        self._candidates = re.compile(f"[^\\x00-\\U{lowest - 1:08x}]" if lowest > 0 else r"[\s\S]").findall
        self._lower = _LowerWords()
        self._neutral = analyzer.score_valence([0], "")  # any text whose words all score 0

    def polarity_scores(self, text: str, tokens: list[str] | None = None) -> dict:
        """tokens: text.split(), if already made."""
        if self._own_rules or not (text.isascii() or self._emoji.isdisjoint(self._candidates(text))):  # no emoji is ASCII
            return self.analyzer.polarity_scores(text)
        tokens = text.split() if tokens is None else tokens
        lower = list(map(self._lower.__getitem__, tokens))
        lexicon = self.analyzer.lexicon
        if lexicon.keys().isdisjoint(lower):
            return dict(self._neutral) if tokens else self.analyzer.score_valence([], text)
        # VADER asks its words, not the tokens, str.isupper(); the answer is the same, since
        # the punctuation it strips from a token is uncased
        n_upper = sum(map(str.isupper, tokens))
        is_cap_diff = 0 < len(tokens) - n_upper < len(tokens)  # VADER's allcap_differential
        valences = []  # (index, valence) of the words VADER scores, in order
        for i in [i for i, item in enumerate(lower) if item in lexicon]:
            item = lower[i]
            if item not in BOOSTER_DICT and not (item == "kind" and i < len(lower) - 1 and lower[i + 1] == "of"):
                valences.append((i, self._valence(tokens, lower, i, is_cap_diff)))
        if "but" in lower:  # VADER's rule (quirks and all); lower-casing again changes nothing
            sentiments = [0] * len(tokens)  # VADER's 0 (an int) for every word it gives no valence
            for i, valence in valences:
                sentiments[i] = valence
            return self.analyzer.score_valence(self.analyzer._but_check(lower, sentiments), text)
        return _score_valence([valence for _, valence in valences], len(tokens), text)

    def _valence(self, tokens: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        """SentimentIntensityAnalyzer.sentiment_valence for the lexicon word at i."""
        lexicon = self.analyzer.lexicon
        item = lower[i]
        valence = lexicon[item]
        if item == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next word instead of scoring itself
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
            valence = lexicon[item] * N_SCALAR
        if tokens[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = _scalar_inc_dec(lower[i - (start_i + 1)], tokens[i - (start_i + 1)].isupper(), valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                # each phrase the idiom check builds holds word i or word i - 2: most lexicon
                # words are far from any idiom, and the check would change nothing
                if start_i == 2 and (item in _IDIOM_WORDS or lower[i - 2] in _IDIOM_WORDS):
                    valence = _special_idioms_check(valence, lower, i)
        return self.analyzer._least_check(valence, lower, i)


def _score_valence(valences: list[float], n_words: int, text: str) -> dict:
    """SentimentIntensityAnalyzer.score_valence for a text of n_words (n_words > 0) whose
    words score 0 except `valences`, in order: the same float operations in the same order,
    without walking the zeros (adding an int 0 to VADER's running float sum, never -0.0,
    leaves it as it is, and a zero only counts as neutral)."""
    sum_s = float(sum(valences))
    punct_emph_amplifier = SentimentIntensityAnalyzer._amplify_ep(text) + SentimentIntensityAnalyzer._amplify_qm(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = normalize(sum_s)
    pos_sum, neg_sum, neu_count = 0.0, 0.0, n_words
    for valence in valences:  # VADER's _sift_sentiment_scores
        if valence > 0:
            pos_sum += (float(valence) + 1)
            neu_count -= 1
        if valence < 0:
            neg_sum += (float(valence) - 1)
            neu_count -= 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {"neg": round(math.fabs(neg_sum / total), 3), "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3), "compound": round(compound, 4)}


class _LowerWords(dict):
    """token -> VADER's word for it (it strips punctuation around a token unless that leaves
    two characters or fewer), lower-cased."""

    def __missing__(self, token: str) -> str:
        self[token] = lower = SentiText._strip_punc_if_word(token).lower()
        return lower


def _scalar_inc_dec(lower: str, is_upper: bool, valence: float, is_cap_diff: bool) -> float:
    """vaderSentiment.scalar_inc_dec for a word given lower-cased, and whether it is upper."""
    scalar = 0.0
    if lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[lower]
        if valence < 0:
            scalar *= -1
        if is_upper and is_cap_diff:  # a booster in ALL CAPS among other words
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negated(word: str) -> bool:
    """vaderSentiment.negated([word]) for a lower-cased word."""
    return word in _NEGATIONS or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """SentimentIntensityAnalyzer._negation_check on the lower-cased words."""
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        # VADER's precedence: any "so"/"this" just before boosts, with or without "never"
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """SentimentIntensityAnalyzer._special_idioms_check on the lower-cased words (i >= 3)."""
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):  # booster bigrams such as "kind of"
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
