"""MinHash signatures and LSH candidate search (the datasketch seam).

Signatures are computed with numpy but are bit-identical to datasketch's::

    from datasketch import MinHash
    from syndetect.shingle import shingle_hash

    m = MinHash(num_perm=256, seed=1, hashfunc=shingle_hash)  # scheme "affine32"
    m.update_batch(shingles)  # the same shingle strings syndetect uses
    assert (m.hashvalues == minhash_signature(hashes, Permutations.create(256, 1))).all()

datasketch's "affine32" scheme pre-mixes each 32-bit input hash with the
MurmurHash3 finalizer and applies ``a * h + b mod 2**32`` per permutation; the
permutation parameters are taken from datasketch itself so the two can never
drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from syndetect.options import ScanOptions

__all__ = ["Candidate", "Permutations", "find_candidates", "minhash_signature"]

Signature = npt.NDArray[np.uint32]
_MAX = np.uint32(0xFFFFFFFF)
_SCHEME = "affine32"
# Rows of the (hashes x permutations) product computed at once; bounds memory.
_CHUNK = 4096


@dataclass(frozen=True)
class Permutations:
    """The ``(a, b)`` parameters of ``num_perm`` affine permutations."""

    a: Signature
    b: Signature
    seed: int

    @classmethod
    def create(cls, num_perm: int, seed: int) -> Permutations:
        """The permutations ``datasketch.MinHash(num_perm, seed)`` uses."""
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations
        return cls(np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32), seed)


def _fmix32(h: Signature) -> Signature:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash_signature(hashes: npt.NDArray[np.uint32], perms: Permutations) -> Signature:
    """MinHash signature of a set of 32-bit shingle hashes.

    Args:
        hashes: The shingle hashes (duplicates are harmless).
        perms: Permutation parameters from :meth:`Permutations.create`.

    Returns:
        ``uint32`` array of length ``num_perm``, equal to
        ``datasketch.MinHash(...).hashvalues`` after ``update_batch`` with the
        same shingles; all ``2**32 - 1`` for an empty set.
    """
    signature = np.full(len(perms.a), _MAX, dtype=np.uint32)
    mixed = _fmix32(np.asarray(hashes, dtype=np.uint32))
    for i in range(0, len(mixed), _CHUNK):
        chunk = mixed[i : i + _CHUNK, None]
        np.minimum(signature, (chunk * perms.a + perms.b).min(axis=0), out=signature)
    return signature


@dataclass(frozen=True)
class Candidate:
    """Two documents (by index) whose signatures collide in the LSH index.

    Attributes:
        first: Index of the first document (``first < second``).
        second: Index of the second document.
        jaccard: MinHash estimate of the Jaccard similarity of their shingles.
    """

    first: int
    second: int
    jaccard: float


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows datasketch's ``MinHashLSH`` chooses for ``threshold``
    (equal weights on false positives and negatives), computed once."""
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


def find_candidates(signatures: Sequence[Signature], options: ScanOptions) -> list[Candidate]:
    """Candidate pairs from a datasketch ``MinHashLSH`` built over ``signatures``.

    Documents without shingles (empty signatures) are never candidates.

    Returns:
        Candidates sorted by ``(first, second)``.
    """
    lsh = MinHashLSH(
        num_perm=options.num_perm, params=lsh_params(options.threshold, options.num_perm)
    )
    perms = Permutations.create(options.num_perm, options.seed)
    sketches: dict[int, MinHash] = {}
    for i, sig in enumerate(signatures):
        if bool((sig == _MAX).all()):
            continue
        sketch = MinHash(
            seed=options.seed, hashvalues=sig, permutations=(perms.a, perms.b), scheme=_SCHEME
        )
        lsh.insert(i, sketch, check_duplication=False)
        sketches[i] = sketch
    pairs: set[tuple[int, int]] = set()
    for i, sketch in sketches.items():
        for j in lsh.query(sketch):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return [
        Candidate(i, j, float(np.mean(signatures[i] == signatures[j]))) for i, j in sorted(pairs)
    ]
