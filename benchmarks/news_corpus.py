"""A synthetic news corpus for benchmarks at scale, shaped like a real one.

Shuffling the seed articles' sentences gives distinct files but an unrealistic corpus: every
sentence recurs in hundreds of articles (so text reuse grows quadratically) and, without a
manifest, each file becomes its own outlet. This generator keeps what makes the cleaner work
(each outlet's site template: the seeds' real debris lines above and below the story) and
makes the rest behave like coverage of one event by many outlets:

- body sentences are new: an order-2 word Markov chain trained on the seeds' body sentences,
  so wording, numbers, quotes and names look like the seeds' but sentences rarely repeat;
- the vocabulary grows with the corpus: each article names a few people and places of its
  own (made-up proper nouns), as real coverage does;
- reuse is planted at a realistic rate: REUSE_SHARE of the articles carry a 2-4 sentence
  passage from one of a pool of wire stories, each story picked up by a handful of outlets;
- a large corpus covers many events, as real archives do: every EVENT_SIZE articles form an
  event of their own (the first keeps the seeds' names; each later one renames the seeds'
  proper nouns and half of their content words, and favours other made-up words), so reuse and shared clauses grow with the
  corpus, not with its square;
- outlets, dates and channels come from a sources.csv manifest, as a researcher would supply.

Deterministic for a given (n, seed): the same files, byte for byte."""
from __future__ import annotations

import csv
import random
import tempfile
import warnings
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from analysis import load_corpus
from analysis.config import MANIFEST_NAME

EVENT_SIZE = 1000  # articles per event
# Share of the seeds' content words (lower-case, 4+ letters) that each later event words its
# own way. Without it every event replayed the seeds' phrases, and text reuse paired articles
# of different events (77 % of the pairs at 10,000 articles), which real archives do not.
EVENT_WORDING = 0.5
REUSE_SHARE = 0.15  # articles carrying a wire passage
ARTICLES_PER_WIRE_STORY = 6  # outlets picking up the same wire story, on average
SENTENCES_PER_ARTICLE = (22, 40)
OWN_NAMES_PER_ARTICLE = 3
NAME_RATE = 0.15  # sentences in which a capitalised word becomes one of the article's own names
_START, _END = "\x02", "\x03"
_PREFIXES = ("Daily", "Evening", "Northern", "Southern", "Metro", "Global", "Morning", "National",
             "City", "Weekly", "Coastal", "Valley")
_TITLES = ("Herald", "Courier", "Tribune", "Post", "Observer", "Gazette", "Chronicle", "Ledger",
           "Standard", "Dispatch")
_SYLLABLES = ("ka", "lo", "ver", "min", "dra", "sel", "tor", "ba", "nik", "os", "ra", "vel", "zan", "mir",
              "pe", "gun", "ta", "sho", "rel", "fi", "mo", "dan", "quis", "le", "bro", "ten")


@dataclass(frozen=True)
class Template:
    """One seed article's site debris: the raw lines above its story and below it."""

    header: list[str]
    footer: list[str]


class SentenceChain:
    """Word Markov chain over sentences that mixes orders 2 and 1 and swaps some words.

    A pure order-2 chain on a few hundred seed sentences mostly replays them (most states have
    one successor), which would make every generated article share sentences with hundreds
    of others; backing off to order 1 half of the time and swapping a share of the longer
    lower-case words for made-up ones keeps the seeds' sentence shapes, numbers and names
    while making sentences as distinct from one another as coverage of different stories is.
    The made-up words are drawn from a Zipf-distributed lexicon, so the vocabulary grows with
    the corpus as a real one does (and textstat meets words missing from its dictionary)."""

    BACKOFF = 0.8  # chance of choosing the next word from the last word alone
    SWAP = 0.3  # share of lower-case words of 4+ letters replaced by a made-up word
    LEXICON = 30_000  # made-up words; the k-th most frequent has weight 1/k

    def __init__(self, sentences: list[str]):
        bigram: dict[tuple[str, str], dict[str, int]] = {}
        unigram: dict[str, dict[str, int]] = {}
        for sentence in sentences:
            words = [_START, _START, *sentence.split(), _END]
            for a, b, c in zip(words, words[1:], words[2:]):
                for table, state in ((bigram, (a, b)), (unigram, b)):
                    following = table.setdefault(state, {})
                    following[c] = following.get(c, 0) + 1
        self._bigram = {state: _weighted(nxt) for state, nxt in bigram.items()}
        self._unigram = {state: _weighted(nxt) for state, nxt in unigram.items()}
        seed_words = {w for s in sentences for w in s.split()}
        self._swappable = frozenset(w for w in seed_words if w.isalpha() and w.islower() and len(w) >= 4)
        # capitalised and never seen lower-case: a name, renamed per event
        self._proper = sorted(w for w in seed_words if w.isalpha() and w[:1].isupper() and w.lower() not in seed_words)
        lexicon_rng = random.Random(len(self._swappable))
        self._base_lexicon = sorted({_made_up(lexicon_rng).lower() for _ in range(self.LEXICON)})
        self._lexicon_weights = list(accumulate(1 / rank for rank in range(1, len(self._base_lexicon) + 1)))
        self._events: dict[int, tuple[dict[str, str], list[str]]] = {}

    def _event(self, event: int) -> tuple[dict[str, str], list[str]]:
        """(renamed words: proper nouns and a share of the content words; lexicon in this
        event's order of frequency)."""
        if event not in self._events:
            rng = random.Random(f"event {event}")
            renames = {} if event == 0 else {w: _made_up(rng) for w in self._proper}
            lexicon = list(self._base_lexicon)
            rng.shuffle(lexicon)
            if event:
                renames.update({w: _made_up(rng).lower() for w in sorted(self._swappable) if rng.random() < EVENT_WORDING})
            self._events[event] = (renames, lexicon)
        return self._events[event]

    def sentence(self, rng: random.Random, event: int = 0, max_words: int = 45) -> str:
        renames, lexicon = self._event(event)
        state, words = (_START, _START), []
        while len(words) < max_words:
            choices, cumulative = self._unigram[state[1]] if rng.random() < self.BACKOFF else self._bigram[state]
            word = choices[bisect(cumulative, rng.random() * cumulative[-1])]
            if word == _END:
                break
            state = (state[1], word)
            if word in self._swappable and rng.random() < self.SWAP:
                word = lexicon[bisect(self._lexicon_weights, rng.random() * self._lexicon_weights[-1])]
            words.append(renames.get(word, word))
        return " ".join(words)


def _weighted(following: dict[str, int]) -> tuple[list[str], list[int]]:
    return list(following), list(accumulate(following.values()))


def seed_material() -> tuple[list[Template], list[str]]:
    """The seeds' site templates and their body sentences."""
    corpus = load_corpus()
    templates = []
    for article in corpus.articles.itertuples():
        lines = (corpus.path / article.file).read_text(encoding="utf-8").splitlines()
        body = corpus.blocks[(corpus.blocks["article_id"] == article.article_id) & (corpus.blocks["role"] == "body")]
        # headline and dek lines sit above the story too: keep only debris in the template
        story_top = corpus.blocks[(corpus.blocks["article_id"] == article.article_id)
                                  & corpus.blocks["role"].isin(["headline", "dek", "body"])]["line_start"].min()
        templates.append(Template(lines[:story_top - 1], lines[body["line_end"].max():]))
    return templates, list(corpus.sentences["text"])


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _with_own_names(sentence: str, names: list[str], rng: random.Random) -> str:
    words = sentence.split()
    capitalised = [i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w.isalpha()]
    if capitalised and rng.random() < NAME_RATE:
        words[rng.choice(capitalised)] = rng.choice(names)
    return " ".join(words)


def _sentence(chain: SentenceChain, rng: random.Random, event: int) -> str:
    while True:  # chains can stop after a word or two; news sentences are longer
        sentence = chain.sentence(rng, event)
        if len(sentence.split()) >= 6:
            return sentence if sentence[-1] in ".?!\"'”" else sentence + "."


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    return paragraphs


def outlet_names(n: int) -> list[str]:
    names = [f"{prefix} {title}" for title in _TITLES for prefix in _PREFIXES]
    return names[:n] if n <= len(names) else names + [f"Outlet {i}" for i in range(len(names), n)]


def make_news_corpus(folder: Path, n: int, seed: int = 0) -> None:
    """Write n article files and their sources.csv manifest into folder."""
    rng = random.Random(seed)
    templates, seed_sentences = seed_material()
    chain = SentenceChain(seed_sentences)
    outlets = outlet_names(max(5, min(120, n // 20)))
    stories_per_event = max(1, round(min(n, EVENT_SIZE) * REUSE_SHARE / ARTICLES_PER_WIRE_STORY))
    wire_stories: dict[int, list[list[str]]] = {}
    rows = []
    for i in range(n):
        event = i // EVENT_SIZE
        if event not in wire_stories:
            wire_stories[event] = [[_sentence(chain, rng, event) for _ in range(6)] for _ in range(stories_per_event)]
        outlet_index = rng.randrange(len(outlets))
        template = templates[outlet_index % len(templates)]
        names = [_made_up(rng) for _ in range(OWN_NAMES_PER_ARTICLE)]
        sentences = [_with_own_names(_sentence(chain, rng, event), names, rng) for _ in range(rng.randint(*SENTENCES_PER_ARTICLE))]
        paragraphs = _paragraphs(sentences, rng)
        channel = "original"
        if rng.random() < REUSE_SHARE:
            story = rng.choice(wire_stories[event])
            start = rng.randrange(len(story) - 1)
            paragraphs.insert(rng.randrange(1, len(paragraphs)), " ".join(story[start:start + rng.randint(2, 4)]))
            channel = "wire"
        headline = " ".join(_sentence(chain, rng, event).rstrip(".").split()[:12])
        name = f"article_{i:06d}.txt"
        text = "\n".join([*template.header, headline, "", "\n\n".join(paragraphs), "", *template.footer]) + "\n"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "outlet": outlets[outlet_index], "published": f"2022-12-{19 + rng.randrange(3)}",
                     "language": "en", "translated": "no", "channel": channel})
    with open(folder / MANIFEST_NAME, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["file"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def load_news_corpus(n: int, seed: int = 0):
    """The Corpus of a fresh n-article news corpus (written to a temporary folder and loaded,
    its input warnings silenced: the generated site debris is meant to be cleaned)."""
    with tempfile.TemporaryDirectory() as folder:
        make_news_corpus(Path(folder), n, seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_corpus(folder)
