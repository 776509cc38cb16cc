import pytest

from benchmarks.bench_scale import growth


@pytest.mark.parametrize("smaller, larger, exponent, at_100k", [
    ((1_000, 10.0), (10_000, 100.0), 1.0, 1_000.0),     # linear
    ((1_000, 10.0), (10_000, 1_000.0), 2.0, 100_000.0),  # square of the corpus
    ((1_000, 500.0), (10_000, 500.0), 0.0, 500.0),      # flat
    ((2_000, 4.0), (4_000, 8.0 * 2 ** 0.5), 1.5, 8.0 * 2 ** 0.5 * 25 ** 1.5),
])
def test_growth_is_the_power_law_through_two_measurements(smaller, larger, exponent, at_100k):
    k, value = growth(smaller, larger, 100_000)
    assert k == pytest.approx(exponent) and value == pytest.approx(at_100k)
