"""Benchmarks: each bench_*.py module has main(), which measures its stage against a baseline
timed in the same run and prints rates and ratios. Run all with `make bench`."""
