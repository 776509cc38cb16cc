"""The quote variants searching spelling variants once (`TokenIndex.variant_links` handed to
`may_reach` and both scorings) against main at de023f4 (kept verbatim in
tests/reference_quote_variants_de023f4.py, which searched them in each of the three), and
`TokenIndex.score` / `may_reach` given the links of more pairs than they score against the
links found for their own pairs: the same tables and scores, to the last bit."""
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_quote_variants_de023f4 as reference
from analysis.pair_scoring import TokenIndex, _SCORE_LISTS
from analysis.quote_variants import pair_quote_variants
from test_pair_scoring_memory import spelled, token_lists
from test_quote_variants_equivalence import PARAPHRASES, quote_frames

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=120, **SETTINGS)
@given(frame=quote_frames(), min_similarity=st.sampled_from([0.0, 0.5, 0.7]))
def test_quote_variants_as_de023f4(frame, min_similarity):
    options = dict(paraphrases=PARAPHRASES, min_similarity=min_similarity)
    assert (pair_quote_variants(frame, **options).to_csv(index=False)
            == reference.pair_quote_variants(frame, **options).to_csv(index=False))


def test_seed_quote_variants_as_de023f4(sample_corpus):
    from seed_quotes import seed_quotes

    quotes = seed_quotes(sample_corpus)
    new = pair_quote_variants(quotes, articles=sample_corpus.articles)
    old = reference.pair_quote_variants(quotes, articles=sample_corpus.articles)
    assert new.to_csv(index=False) == old.to_csv(index=False)


@settings(max_examples=200, **SETTINGS)
@given(lists=token_lists, data=st.data(), min_similarity=st.sampled_from([None, 0.5, 0.3]),
       min_coverage=st.sampled_from([None, 0.85]))
def test_links_of_more_pairs_score_as_the_pairs_own(lists, data, min_similarity, min_coverage):
    """Scores and bounds of some pairs, either way round, with the links of a superset of
    them, are those with the links found for the pairs themselves."""
    index = TokenIndex(spelled(lists, data), {"defence": 2.0, "tank": 0.5}, 1.5)
    everything = [(i, j) for i in range(len(lists)) for j in range(len(lists)) if i != j]
    if not everything:
        return
    superset = data.draw(st.lists(st.sampled_from(everything), min_size=1, unique=True))
    subset = data.draw(st.lists(st.sampled_from(superset), unique=True))
    links = index.variant_links(np.array([i for i, _ in superset]), np.array([j for _, j in superset]))
    for first, second in ((np.array([i for i, _ in subset], dtype=np.int64), np.array([j for _, j in subset], dtype=np.int64)),
                          (np.array([j for _, j in subset], dtype=np.int64), np.array([i for i, _ in subset], dtype=np.int64))):
        own = index.score(first, second, min_similarity=min_similarity, min_coverage=min_coverage)
        handed = index.score(first, second, min_similarity=min_similarity, min_coverage=min_coverage, links=links)
        assert handed.index.tolist() == own.index.tolist()
        for name in _SCORE_LISTS:
            assert getattr(handed, name) == getattr(own, name)
        for bound in (0.3, 0.5, 0.9):
            assert (index.may_reach(first, second, bound, links=links).tolist()
                    == index.may_reach(first, second, bound).tolist())
