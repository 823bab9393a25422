"""Signatures are bit-identical to datasketch.MinHash; LSH finds candidates."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

import syndetect
from syndetect.index import Permutations, find_candidates, minhash_signature
from syndetect.options import DEFAULT_OPTIONS
from syndetect.shingle import prepare, shingle_hash


def _datasketch(shingles: list[str], num_perm: int, seed: int) -> np.ndarray:
    m = MinHash(num_perm=num_perm, seed=seed, hashfunc=shingle_hash)
    m.update_batch(shingles)
    return np.asarray(m.hashvalues)


@settings(max_examples=60, deadline=None)
@given(
    shingles=st.lists(st.text(min_size=1, max_size=30), min_size=0, max_size=60),
    num_perm=st.integers(2, 300),
    seed=st.integers(0, 2**31 - 1),
)
def test_signature_equals_datasketch(shingles: list[str], num_perm: int, seed: int) -> None:
    perms = Permutations.create(num_perm, seed)
    hashes = np.array([shingle_hash(s) for s in shingles], dtype=np.uint32)
    ours = minhash_signature(hashes, perms)
    assert ours.dtype == np.uint32
    assert np.array_equal(ours, _datasketch(shingles, num_perm, seed))


def test_seed_document_signatures_equal_datasketch(
    seed_documents: list[syndetect.Document],
) -> None:
    o = DEFAULT_OPTIONS
    perms = Permutations.create(o.num_perm, o.seed)
    for doc in seed_documents:
        prepared = prepare(doc, o)
        texts = prepared.shingle_texts(o.shingle_size)
        assert len(texts) == len(prepared.shingles) > 50
        theirs = _datasketch([t.encode("utf-8") for t in texts], o.num_perm, o.seed)
        assert np.array_equal(minhash_signature(prepared.shingles, perms), theirs)


def test_shingle_hash_is_xxh32_seed0() -> None:
    # Reference value of xxHash32("abc", seed=0).
    assert shingle_hash("abc") == 0x32D153FF
    assert shingle_hash(b"abc") == shingle_hash("abc")


def test_lsh_candidates_and_jaccard_estimate() -> None:
    perms = Permutations.create(DEFAULT_OPTIONS.num_perm, DEFAULT_OPTIONS.seed)
    base = np.arange(1000, dtype=np.uint32)
    half = np.arange(500, 1500, dtype=np.uint32)  # true Jaccard 1/3
    other = np.arange(10_000, 11_000, dtype=np.uint32)
    empty = np.zeros(0, dtype=np.uint32)
    sigs = [minhash_signature(h, perms) for h in (base, half, other, empty)]
    cands = find_candidates(sigs, DEFAULT_OPTIONS)
    assert [(c.first, c.second) for c in cands] == [(0, 1)]
    assert abs(cands[0].jaccard - 1 / 3) < 0.1
