import pytest

from analysis import load_corpus
from analysis.config import RAW_DIR


@pytest.fixture(scope="session")
def sample_corpus():
    """The bundled five-article corpus, loaded once per test session."""
    return load_corpus(RAW_DIR)
