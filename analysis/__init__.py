"""coverage-compare: compare how news outlets cover the same event."""
from .corpus import Corpus, load_corpus
from .errors import CodebookError, CorpusError, InputWarning

__all__ = ["Corpus", "load_corpus", "CorpusError", "CodebookError", "InputWarning"]
