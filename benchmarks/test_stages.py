"""Micro benchmarks of each pipeline stage on the seed articles.

Run: ``python -m pytest benchmarks --benchmark-only`` (not part of the tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import syndetect
from syndetect.align import align
from syndetect.index import Permutations, find_candidates, minhash_signature
from syndetect.normalize import words
from syndetect.options import DEFAULT_OPTIONS
from syndetect.segment import sentences
from syndetect.shingle import prepare

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


@pytest.fixture(scope="module")
def docs() -> list[syndetect.Document]:
    return list(syndetect.read_paths([SEEDS]))


def test_tokenise(benchmark: Any, docs: list[syndetect.Document]) -> None:
    benchmark(lambda: [words(d.text) for d in docs])


def test_segment(benchmark: Any, docs: list[syndetect.Document]) -> None:
    benchmark(lambda: [sentences(d.text) for d in docs])


def test_shingle(benchmark: Any, docs: list[syndetect.Document]) -> None:
    benchmark(lambda: [prepare(d, DEFAULT_OPTIONS) for d in docs])


def test_signatures(benchmark: Any, docs: list[syndetect.Document]) -> None:
    perms = Permutations.create(DEFAULT_OPTIONS.num_perm, DEFAULT_OPTIONS.seed)
    shingles = [prepare(d, DEFAULT_OPTIONS).shingles for d in docs]
    benchmark(lambda: [minhash_signature(s, perms) for s in shingles])


def test_lsh(benchmark: Any, docs: list[syndetect.Document]) -> None:
    perms = Permutations.create(DEFAULT_OPTIONS.num_perm, DEFAULT_OPTIONS.seed)
    prepared = [prepare(d, DEFAULT_OPTIONS) for d in docs]
    sigs = [minhash_signature(p.shingles, perms) for p in prepared]
    sentences = [p.sentence_shingles for p in prepared]
    benchmark(lambda: find_candidates(sentences, sigs, DEFAULT_OPTIONS))


def test_align(benchmark: Any, docs: list[syndetect.Document]) -> None:
    by_id = {d.id: prepare(d, DEFAULT_OPTIONS) for d in docs}
    a, b = by_id["001_a26ea54cb45c7aeb"], by_id["003_962932a17c688422"]
    result = benchmark(lambda: align(a, b, DEFAULT_OPTIONS))
    assert len(result) == 5


def test_scan_end_to_end(benchmark: Any, docs: list[syndetect.Document]) -> None:
    report = benchmark(lambda: syndetect.scan(docs))
    assert len(report.pairs) == 1
