import os
import subprocess
import sys

import psutil
import pytest

from benchmarks.bench_scale import growth, tree_pss_mb


@pytest.mark.parametrize("smaller, larger, exponent, at_100k", [
    ((1_000, 10.0), (10_000, 100.0), 1.0, 1_000.0),     # linear
    ((1_000, 10.0), (10_000, 1_000.0), 2.0, 100_000.0),  # square of the corpus
    ((1_000, 500.0), (10_000, 500.0), 0.0, 500.0),      # flat
    ((2_000, 4.0), (4_000, 8.0 * 2 ** 0.5), 1.5, 8.0 * 2 ** 0.5 * 25 ** 1.5),
])
def test_growth_is_the_power_law_through_two_measurements(smaller, larger, exponent, at_100k):
    k, value = growth(smaller, larger, 100_000)
    assert k == pytest.approx(exponent) and value == pytest.approx(at_100k)


HOLDER = """
import os, time
block = bytearray(200 * 2**20)
block[::4096] = b'x' * len(block[::4096])  # touch every page: resident, not only reserved
if os.fork():
    print('ready', flush=True)
time.sleep(60)
"""


def test_tree_pss_counts_pages_shared_by_a_fork_once():
    """A process holding 200 MB that forks: each of the two has ~200 MB resident, but the
    machine holds the pages once, and so does the sum of their PSS."""
    with subprocess.Popen([sys.executable, "-c", HOLDER], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout.readline().strip() == "ready"
            family = [holder.pid] + [child.pid for child in psutil.Process(holder.pid).children()]
            resident = sum(psutil.Process(pid).memory_info().rss for pid in family) / 2**20
            measured = tree_pss_mb(os.getpid())
        finally:
            for child in psutil.Process(holder.pid).children():
                child.kill()
            holder.kill()
    assert len(family) == 2 and resident > 400  # both count the block as theirs
    assert 200 <= measured < 300
