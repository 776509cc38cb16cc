import pytest

from analysis import load_corpus
from analysis.config import RAW_DIR


@pytest.fixture(scope="session")
def sample_corpus():
    """The bundled five-article corpus, loaded once per test session."""
    return load_corpus(RAW_DIR)


def pytest_configure(config):
    config.addinivalue_line("markers", "cluster: starts a local Dask cluster (a few seconds; part of `make unit`, "
                                       "deselect with -m 'not cluster')")
