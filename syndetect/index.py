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

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, overload

import numpy as np
import numpy.typing as npt
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from syndetect import kernels
from syndetect.compact import SentenceShingles, sorted_unique
from syndetect.options import ScanOptions
from syndetect.parallel import Progress, run_stage

__all__ = [
    "Candidate",
    "Candidates",
    "Permutations",
    "find_candidates",
    "flat_signatures",
    "lsh_params",
    "minhash_signature",
    "sentence_signatures",
]

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
    if kernels.enabled():
        one = np.array([len(hashes)], dtype=np.int64)
        found: Signature = kernels.compiled().min_hashes(
            np.asarray(hashes, dtype=np.uint32), one, perms.a, perms.b
        )[0]
        return found
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


class Candidates(Sequence[Candidate]):
    """Candidate pairs held as three arrays (a large scan has millions).

    A sequence of :class:`Candidate`; a slice is again a :class:`Candidates`.
    """

    def __init__(
        self,
        first: npt.NDArray[np.int64],
        second: npt.NDArray[np.int64],
        jaccard: npt.NDArray[np.float64],
    ) -> None:
        self.first, self.second, self.jaccard = first, second, jaccard

    def __len__(self) -> int:
        return len(self.first)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...

    @overload
    def __getitem__(self, index: slice) -> Candidates: ...

    def __getitem__(self, index: int | slice) -> Candidate | Candidates:
        if isinstance(index, slice):
            return Candidates(self.first[index], self.second[index], self.jaccard[index])
        return Candidate(
            int(self.first[index]), int(self.second[index]), float(self.jaccard[index])
        )

    def __iter__(self) -> Iterator[Candidate]:
        for i, j, s in zip(
            self.first.tolist(), self.second.tolist(), self.jaccard.tolist(), strict=True
        ):
            yield Candidate(i, j, s)


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows datasketch's ``MinHashLSH`` chooses for ``threshold``
    (equal weights on false positives and negatives), computed once."""
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


def _band_keys(columns: Signature) -> npt.NDArray[np.uint64]:
    """One integer per row that is equal exactly when the rows are equal (as
    datasketch's bucket keys, the bytes of the band's hash values, are)."""
    if columns.shape[1] <= 2:
        keys = columns[:, 0].astype(np.uint64)
        if columns.shape[1] == 2:
            keys = (keys << np.uint64(32)) | columns[:, 1].astype(np.uint64)
        return keys
    if kernels.enabled():
        numbered: npt.NDArray[np.uint64] = kernels.compiled().number_rows(columns)
        return numbered
    # Wider bands: number the distinct rows (sorted, compared column by column).
    order = np.lexsort(columns.T[::-1])
    ordered = columns[order]
    change = np.r_[False, (ordered[1:] != ordered[:-1]).any(axis=1)]
    keys = np.empty(len(columns), dtype=np.uint64)
    keys[order] = np.cumsum(change).astype(np.uint64)
    return keys


def _pairs_in_groups(groups: npt.NDArray[np.int64], owners: npt.NDArray[np.int64]) -> list[Any]:
    """Codes ``first * n + second`` of every two owners in one group; ``groups``
    and ``owners`` are sorted by group, without repeated (group, owner)."""
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, len(groups)])
    found: list[Any] = []
    for size in np.unique(sizes[sizes > 1]).tolist():
        members = owners[starts[sizes == size][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        found.append((members[:, first], members[:, second]))
    return found


# Signature columns computed at once by _bucket_pairs: bounds the memory of
# the sentence sketches of a large scan (millions of sentences).
_COLUMNS = 16


@dataclass(frozen=True)
class _Crowding:
    """Which signatures stop pairing in crowded buckets: those marked
    ``weak``, in a bucket where more than ``limit`` documents meet."""

    weak: npt.NDArray[np.bool_]
    limit: int


def _bucket_pairs(
    columns: Callable[[int, int], Signature],
    num_perm: int,
    owners: npt.NDArray[np.int64],
    threshold: float,
    n: int,
    *,
    crowding: _Crowding | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> npt.NDArray[np.int64]:
    """Owner pairs, as sorted unique codes ``first * n + second``, whose
    signatures share a bucket of the ``MinHashLSH`` that datasketch tunes for
    ``threshold``: the pairs its insert-then-look-in-every-bucket gives,
    computed in bulk.

    Args:
        columns: ``columns(start, stop)`` is the signatures' columns
            ``[start, stop)``, one row per entry of ``owners``.
        num_perm: Length of the signatures.
        owners: The document of each signature.
        threshold: The LSH threshold.
        n: Number of documents.
        crowding: Weak signatures that make no pair in a crowded bucket
            (none when not given).
        jobs: Processes computing blocks of bands at once.
        progress: Told of every block done, as stage ``"candidates"``.
    """
    bands, rows = lsh_params(threshold, num_perm)
    if len(owners) < 2:
        return np.zeros(0, dtype=np.int64)
    per_block = max(1, _COLUMNS // rows)
    blocks = [(b, min(bands, b + per_block)) for b in range(0, bands, per_block)]
    parts = run_stage(
        "candidates",
        _block_codes,
        blocks,
        (columns, owners, rows, n, crowding),
        jobs=jobs,
        chunk_size=1,
        progress=progress,
    )
    return sorted_unique(np.concatenate([np.zeros(0, dtype=np.int64), *parts]))


def _block_codes(
    shared: tuple[
        Callable[[int, int], Signature], npt.NDArray[np.int64], int, int, _Crowding | None
    ],
    block: tuple[int, int],
) -> npt.NDArray[np.int64]:
    """The pair codes of bands ``[first, last)`` (see :func:`_bucket_pairs`)."""
    columns, owners, rows, n, crowding = shared
    first, last = block
    values = columns(first * rows, last * rows)
    codes: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    for band in range(last - first):
        keys = _band_keys(np.ascontiguousarray(values[:, band * rows : (band + 1) * rows]))
        codes.extend(_codes_sharing_a_key(keys, owners, n, crowding))
    return sorted_unique(np.concatenate(codes))


def _codes_sharing_a_key(
    keys: npt.NDArray[np.uint64],
    owners: npt.NDArray[np.int64],
    n: int,
    crowding: _Crowding | None = None,
) -> list[npt.NDArray[np.int64]]:
    """Codes ``first * n + second`` of every two owners with an equal key,
    less the weak ones of crowded keys (see :class:`_Crowding`)."""
    weak = np.zeros(len(keys), dtype=bool) if crowding is None else crowding.weak
    # Sorted so that an owner's strong entry, if any, comes first in its key.
    order = np.lexsort((weak, owners, keys))
    keys, members, weak = keys[order], owners[order], weak[order]
    fresh = np.r_[True, (keys[1:] != keys[:-1]) | (members[1:] != members[:-1])]
    keys, members, weak = keys[fresh], members[fresh], weak[fresh]
    if crowding is not None and weak.any():
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        sizes = np.diff(np.r_[starts, len(keys)])
        crowded = np.repeat(sizes > crowding.limit, sizes)
        stay = ~(crowded & weak)
        keys, members = keys[stay], members[stay]
    shared = np.r_[keys[1:] == keys[:-1], False] | np.r_[False, keys[1:] == keys[:-1]]
    keys, members = keys[shared], members[shared]
    groups = np.r_[0, np.cumsum(keys[1:] != keys[:-1])].astype(np.int64)
    return [
        (np.minimum(first, second) * n + np.maximum(first, second)).reshape(-1)
        for first, second in _pairs_in_groups(groups, members)
    ]


def sentence_signatures(
    sentence_hashes: Sequence[npt.NDArray[np.uint32]], perms: Permutations
) -> Signature:
    """MinHash signatures of many non-empty shingle sets at once.

    Returns:
        ``(len(sentence_hashes), num_perm)`` array; row ``i`` equals
        ``minhash_signature(sentence_hashes[i], perms)``.
    """
    lengths = np.array([len(h) for h in sentence_hashes], dtype=np.int64)
    every = np.concatenate([np.zeros(0, dtype=np.uint32), *sentence_hashes])
    return flat_signatures(every.astype(np.uint32, copy=False), np.cumsum(lengths), perms)


def flat_signatures(
    every: npt.NDArray[np.uint32], ends: npt.NDArray[np.int64], perms: Permutations
) -> Signature:
    """:func:`sentence_signatures` of the non-empty sets
    ``every[ends[i - 1]:ends[i]]`` (one array for all of them: a large scan
    has millions of sets)."""
    if kernels.enabled():
        found: Signature = kernels.compiled().min_hashes(every, ends, perms.a, perms.b)
        return found
    out = np.empty((len(ends), len(perms.a)), dtype=np.uint32)
    starts = np.r_[0, ends[:-1]].astype(np.int64)
    done = 0
    while done < len(ends):
        # A batch of sets with about _CHUNK * 64 hashes in all.
        stop = int(np.searchsorted(ends, starts[done] + _CHUNK * 64)) + 1
        stop = min(max(stop, done + 1), len(ends))
        first = int(starts[done])
        mixed = _fmix32(every[first : int(ends[stop - 1])])
        values = mixed[:, None] * perms.a + perms.b
        out[done:stop] = np.minimum.reduceat(values, starts[done:stop] - first, axis=0)
        done = stop
    return out


def find_candidates(
    sentence_shingles: Sequence[Sequence[npt.NDArray[np.uint32]]],
    signatures: Sequence[Signature] | Signature,
    options: ScanOptions,
    *,
    sentence_words: Sequence[Sequence[int]] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Candidates:
    """Candidate pairs: documents with two similar sentences.

    Every usable sentence gets its own small MinHash (``sentence_perm``
    permutations, bit-identical to ``datasketch.MinHash(num_perm=sentence_perm,
    seed=seed)``), banded as a datasketch ``MinHashLSH`` tuned for
    ``threshold`` bands it. Indexing sentences rather than whole articles is
    what finds a copied paragraph inside a long article: the two articles'
    Jaccard similarity is tiny, the two sentences' is high. Whole-document
    signatures are banded too, for ``document_threshold``: rewritten copies
    whose sentences were merged or split, so that no single sentence pair is
    similar enough.

    A sentence of fewer than ``min_pair_words`` words cannot make a pair on
    its own; in a bucket of more than ``short_sentence_docs`` documents (a
    headline template, a credit line) it makes no candidates, which keeps
    their number from growing with the square of the collection.

    Args:
        sentence_shingles: Per document, the shingle hashes of each sentence
            (empty for sentences that must not create matches).
        signatures: Per document, its whole-document MinHash signature (or
            one array, a row per document).
        options: ``sentence_perm``, ``threshold``, ``document_threshold``,
            ``min_pair_words``, ``short_sentence_docs`` and ``seed`` are used.
        sentence_words: Per document, the number of words of each sentence
            (as ``sentence_shingles``); without it, no sentence counts as
            short.
        jobs: Processes for the sentence index (blocks of its bands).
        progress: Told how the sentence index advances (stage ``"candidates"``).

    Returns:
        Candidates sorted by ``(first, second)``.
    """
    n = len(signatures)
    if n < 2:
        none = np.zeros(0, dtype=np.int64)
        return Candidates(none, none, np.zeros(0, dtype=np.float64))
    perms = Permutations.create(options.sentence_perm, options.seed)
    # The non-empty sets, one after the other in one array, not one array each.
    if sentence_words is not None and len(sentence_words) != len(sentence_shingles):
        raise ValueError("sentence_words and sentence_shingles differ in length")
    every, lengths, per_doc = array("I"), array("q"), array("q")
    weak_sets = bytearray()
    for d, sentences in enumerate(sentence_shingles):
        if isinstance(sentences, SentenceShingles):  # the same, from its arrays
            sizes = sentences.sorted_view[2]
            filled = sizes > 0
            every.frombytes(sentences.flat().tobytes())
            lengths.frombytes(sizes[filled].astype(np.int64).tobytes())
            per_doc.append(int(filled.sum()))
            if sentence_words is not None:
                words = np.asarray(sentence_words[d], dtype=np.int64)
                if len(words) != len(sizes):
                    raise ValueError(f"sentence_words of document {d} differ in length")
                weak_sets.extend((words[filled] < options.min_pair_words).tobytes())
            continue
        sets = [hashes for hashes in sentences if len(hashes)]
        if sets:
            every.frombytes(np.concatenate(sets).astype(np.uint32, copy=False).tobytes())
            lengths.extend(len(hashes) for hashes in sets)
        per_doc.append(len(sets))
        if sentence_words is not None:
            weak_sets.extend(
                size < options.min_pair_words
                for hashes, size in zip(sentences, sentence_words[d], strict=True)
                if len(hashes)
            )
    hashes_of_sets = np.frombuffer(every, dtype=np.uint32)
    ends = np.cumsum(np.frombuffer(lengths, dtype=np.int64))
    owners = np.repeat(np.arange(n, dtype=np.int64), np.frombuffer(per_doc, dtype=np.int64))
    crowding = None
    if sentence_words is not None:
        weak = np.frombuffer(weak_sets, dtype=bool)
        crowding = _Crowding(weak, options.short_sentence_docs)

    def sentence_columns(start: int, stop: int) -> Signature:
        part = Permutations(perms.a[start:stop], perms.b[start:stop], perms.seed)
        return flat_signatures(hashes_of_sets, ends, part)

    by_sentence = _bucket_pairs(
        sentence_columns,
        options.sentence_perm,
        owners,
        options.threshold,
        n,
        crowding=crowding,
        jobs=jobs,
        progress=progress,
    )
    documents = np.asarray(signatures, dtype=np.uint32).reshape(n, -1)
    non_empty = np.flatnonzero(~(documents == _MAX).all(axis=1)).astype(np.int64)
    by_document = _bucket_pairs(
        lambda start, stop: documents[non_empty, start:stop],
        options.num_perm,
        non_empty,
        options.document_threshold,
        n,
    )
    pairs = np.union1d(by_sentence, by_document)
    first, second = pairs // max(n, 1), pairs % max(n, 1)
    return Candidates(first, second, _equal_fraction(documents, first, second))


def _equal_fraction(
    rows: Signature, first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """The share of equal values of the rows ``first[k]`` and ``second[k]``,
    for each ``k``: the MinHash estimate of two documents' Jaccard similarity."""
    if kernels.enabled():
        found: npt.NDArray[np.float64] = kernels.compiled().equal_fraction(
            np.ascontiguousarray(rows), first, second
        )
        return found
    jaccard = np.empty(len(first), dtype=np.float64)
    for lo in range(0, len(first), _CHUNK):
        a, b = first[lo : lo + _CHUNK], second[lo : lo + _CHUNK]
        jaccard[lo : lo + _CHUNK] = (rows[a] == rows[b]).mean(axis=1)
    return jaccard
