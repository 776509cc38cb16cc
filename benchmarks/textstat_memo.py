"""textstat with a per-word memo, for scoring many texts in a row.

textstat 0.7.8 memoises each of its functions in a 128-entry lru_cache. That serves one text
well (its metrics share their counts) but not the words in it: every metric calls
count_syllables, is_difficult_word, remove_punctuation or count_words once per word, and
after more than 128 other words since its last use a word has left the cache and is worked
out again. Inside `word_memo()` those four functions answer single words from a dict that
lasts for the whole block, so each distinct word is worked out once. Any other argument
(a whole text, a sentence) goes to textstat's own cached function, so textstat's per-text
reuse still works. The four functions are pure, so every result is unchanged (tests check).

The export does not score through it: readability.csv and the sentence counts come from
analysis.textstat_onepass, one pass over each text's words. It is the previous path that
bench_readability times the one-pass path against, in the same run.

textstat's modules import these functions by name (`from ..counts._count_syllables import
count_syllables`), so `word_memo` rebinds the name in every textstat module that holds it,
and puts the originals back on exit, also after an exception. Nested blocks share the
outer block's memo; the last exit restores textstat.
"""
from __future__ import annotations

import re
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

import textstat  # noqa: F401  (imports every textstat.backend module the memo rebinds)

# Where textstat 0.7.8 defines each per-word function (module, name).
WORD_FUNCTIONS = (
    ("textstat.backend.counts._count_syllables", "count_syllables"),
    ("textstat.backend.validations._is_difficult_word", "is_difficult_word"),
    ("textstat.backend.transformations._remove_punctuation", "remove_punctuation"),
    ("textstat.backend.counts._count_words", "count_words"),
)
MAX_TOKEN_CHARS = 64  # longer strings are not words: textstat's own cache serves them
MAX_ENTRIES = 100_000  # per function (~17 MB each when full); later new words are not kept
_HAS_SPACE = re.compile(r"\s").search


_KEYWORDS = object()  # separates positional from keyword arguments in a memo key


def _memoised(cached: Callable, results: dict) -> Callable:
    """textstat's lru-cached function `cached`, answering calls on one short token from
    `results`. A token not yet in `results` is worked out by the uncached function, so
    words do not push whole texts out of textstat's small cache."""
    uncached = cached.__wrapped__

    def remember(key, args, kwargs):
        token = args[0] if args else None
        if not (type(token) is str and len(token) <= MAX_TOKEN_CHARS and not _HAS_SPACE(token)):
            return cached(*args, **kwargs)
        value = uncached(*args, **kwargs)
        if len(results) < MAX_ENTRIES:
            results[key] = value
        return value

    def lookup(*args, **kwargs):
        key = (*args, _KEYWORDS, *kwargs.items()) if kwargs else args
        try:
            return results[key]
        except KeyError:
            return remember(key, args, kwargs)

    lookup.__wrapped__ = cached
    lookup.__name__ = cached.__name__
    lookup.memo = results  # for tests and inspection
    return lookup


def _originals() -> list[Callable]:
    """The four functions as textstat defines them; a clear error if textstat changed."""
    found = []
    for module_name, name in WORD_FUNCTIONS:
        function = getattr(sys.modules.get(module_name), name, None)
        if not (callable(getattr(function, "cache_info", None)) and callable(getattr(function, "__wrapped__", None))):
            raise RuntimeError(
                f"textstat changed: {module_name}.{name} is missing or not lru-cached "
                f"(this memo is written for textstat 0.7.8; installed: "
                f"{'.'.join(map(str, textstat.__version__))})")
        found.append(function)
    return found


def _rebind(replacements: dict[int, Callable]) -> list[tuple[object, str, Callable]]:
    """Point every textstat module's reference to a replaced function at its replacement;
    returns (module, attribute, previous value) for each change."""
    changed = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "textstat" or module_name.startswith("textstat.")):
            continue
        for attribute, value in list(vars(module).items()):
            replacement = replacements.get(id(value))
            if replacement is not None:
                setattr(module, attribute, replacement)
                changed.append((module, attribute, value))
    return changed


_lock = threading.Lock()
_depth = 0
_restore: list[tuple[object, str, Callable]] = []


@contextmanager
def word_memo() -> Iterator[None]:
    """Within the block, textstat's per-word functions remember their answers (see module
    docstring); on exit textstat is exactly as before and the memo is dropped."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            replacements = {id(f): _memoised(f, {}) for f in _originals()}
            _restore = _rebind(replacements)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                for module, attribute, value in reversed(_restore):
                    setattr(module, attribute, value)
                _restore = []


__all__ = ["word_memo", "WORD_FUNCTIONS", "MAX_TOKEN_CHARS", "MAX_ENTRIES"]
