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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from syndetect.options import ScanOptions

__all__ = ["Candidate", "Permutations", "find_candidates", "lsh_params", "minhash_signature"]

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
    """Two documents (by index) that may share a passage.

    Attributes:
        first: Index of the first document (``first < second``).
        second: Index of the second document.
        jaccard: MinHash estimate of the Jaccard similarity of their whole
            shingle sets (from the document signatures).
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


def _document_pairs(signatures: Sequence[Signature], options: ScanOptions) -> set[tuple[int, int]]:
    """Pairs whose whole-document signatures collide in a ``MinHashLSH`` tuned
    for ``document_threshold``: rewritten copies whose sentences were merged or
    split, so that no single sentence pair is similar enough."""
    perms = Permutations.create(options.num_perm, options.seed)
    lsh = MinHashLSH(
        num_perm=options.num_perm,
        params=lsh_params(options.document_threshold, options.num_perm),
    )
    for doc, sig in enumerate(signatures):
        if not bool((sig == _MAX).all()):
            sketch = MinHash(
                seed=options.seed, hashvalues=sig, permutations=(perms.a, perms.b), scheme=_SCHEME
            )
            lsh.insert(doc, sketch, check_duplication=False)
    return _bucket_pairs(lsh, lambda key: int(key))


def _bucket_pairs(lsh: MinHashLSH, doc_of: Callable[[Any], int]) -> set[tuple[int, int]]:
    """Document pairs that share an LSH bucket."""
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for band in table.keys():  # noqa: SIM118 - a datasketch storage, not a dict
            docs = sorted({doc_of(key) for key in table.get(band)})
            pairs.update((a, b) for n, a in enumerate(docs) for b in docs[n + 1 :])
    return pairs


def find_candidates(
    sentence_shingles: Sequence[Sequence[npt.NDArray[np.uint32]]],
    signatures: Sequence[Signature],
    options: ScanOptions,
) -> list[Candidate]:
    """Candidate pairs: documents with two similar sentences.

    Every usable sentence gets its own small MinHash (``sentence_perm``
    permutations, bit-identical to ``datasketch.MinHash(num_perm=sentence_perm,
    seed=seed)``) in one datasketch ``MinHashLSH`` tuned for ``threshold``.
    Indexing sentences rather than whole articles is what finds a copied
    paragraph inside a long article: the two articles' Jaccard similarity is
    tiny, the two sentences' is high.

    Args:
        sentence_shingles: Per document, the shingle hashes of each sentence
            (empty for sentences that must not create matches).
        signatures: Per document, its whole-document MinHash signature.
        options: ``sentence_perm``, ``threshold`` and ``seed`` are used.

    Returns:
        Candidates sorted by ``(first, second)``.
    """
    perms = Permutations.create(options.sentence_perm, options.seed)
    lsh = MinHashLSH(
        num_perm=options.sentence_perm,
        params=lsh_params(options.threshold, options.sentence_perm),
    )
    for doc, sentences in enumerate(sentence_shingles):
        for number, hashes in enumerate(sentences):
            if len(hashes):
                sketch = MinHash(
                    seed=options.seed,
                    hashvalues=minhash_signature(hashes, perms),
                    permutations=(perms.a, perms.b),
                    scheme=_SCHEME,
                )
                lsh.insert((doc, number), sketch, check_duplication=False)
    pairs = _bucket_pairs(lsh, lambda key: int(key[0])) | _document_pairs(signatures, options)
    return [
        Candidate(i, j, float(np.mean(signatures[i] == signatures[j]))) for i, j in sorted(pairs)
    ]
