"""Benchmarks run with pytest-benchmark, outside the test suite:

python -m pytest benchmarks --benchmark-only
"""
