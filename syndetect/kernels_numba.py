"""The compiled loops behind :mod:`syndetect.kernels` (imports numba).

Written from the xxHash specification (xxHash32 and xxHash64, seed 0, as the
``xxhash`` package computes them) and from the word rules of
:mod:`syndetect.normalize`. All arithmetic is on uint64, masked to 32 bits
for xxHash32, since numba's integers wrap like C's.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

from syndetect.kernels import APOSTROPHE, WORD

__all__ = [
    "equal_fraction",
    "hash32",
    "hash64",
    "min_hashes",
    "number_rows",
    "scan_words",
    "sentence_pairs",
    "sentence_shingles",
    "warm",
]


_jit = numba.njit(cache=True, nogil=True)

_P32_1 = np.uint64(0x9E3779B1)
_P32_2 = np.uint64(0x85EBCA77)
_P32_3 = np.uint64(0xC2B2AE3D)
_P32_4 = np.uint64(0x27D4EB2F)
_P32_5 = np.uint64(0x165667B1)
_M32 = np.uint64(0xFFFFFFFF)

_P64_1 = np.uint64(11400714785074694791)
_P64_2 = np.uint64(14029467366897019727)
_P64_3 = np.uint64(1609587929392839161)
_P64_4 = np.uint64(9650029242287828579)
_P64_5 = np.uint64(2870177450012600261)

_SPACE = np.uint8(32)


@_jit
def _read32(data: Any, at: int) -> Any:
    return (
        np.uint64(data[at])
        | (np.uint64(data[at + 1]) << np.uint64(8))
        | (np.uint64(data[at + 2]) << np.uint64(16))
        | (np.uint64(data[at + 3]) << np.uint64(24))
    )


@_jit
def _read64(data: Any, at: int) -> Any:
    return _read32(data, at) | (_read32(data, at + 4) << np.uint64(32))


@_jit
def _rotl32(x: Any, r: int) -> Any:
    return ((x << np.uint64(r)) | (x >> np.uint64(32 - r))) & _M32


@_jit
def _rotl64(x: Any, r: int) -> Any:
    return (x << np.uint64(r)) | (x >> np.uint64(64 - r))


@_jit
def _round32(acc: Any, value: Any) -> Any:
    acc = (acc + value * _P32_2) & _M32
    return (_rotl32(acc, 13) * _P32_1) & _M32


@_jit
def _xxh32(data: Any, start: int, end: int) -> Any:
    """xxHash32, seed 0, of ``data[start:end]`` (bytes as uint8)."""
    length = end - start
    at = start
    if length >= 16:
        v1 = (_P32_1 + _P32_2) & _M32
        v2 = _P32_2
        v3 = np.uint64(0)
        v4 = (np.uint64(0x100000000) - _P32_1) & _M32
        while at <= end - 16:
            v1 = _round32(v1, _read32(data, at))
            v2 = _round32(v2, _read32(data, at + 4))
            v3 = _round32(v3, _read32(data, at + 8))
            v4 = _round32(v4, _read32(data, at + 12))
            at += 16
        h = (_rotl32(v1, 1) + _rotl32(v2, 7) + _rotl32(v3, 12) + _rotl32(v4, 18)) & _M32
    else:
        h = _P32_5
    h = (h + np.uint64(length)) & _M32
    while at + 4 <= end:
        h = (h + _read32(data, at) * _P32_3) & _M32
        h = (_rotl32(h, 17) * _P32_4) & _M32
        at += 4
    while at < end:
        h = (h + np.uint64(data[at]) * _P32_5) & _M32
        h = (_rotl32(h, 11) * _P32_1) & _M32
        at += 1
    h ^= h >> np.uint64(15)
    h = (h * _P32_2) & _M32
    h ^= h >> np.uint64(13)
    h = (h * _P32_3) & _M32
    h ^= h >> np.uint64(16)
    return h


@_jit
def _round64(acc: Any, value: Any) -> Any:
    acc = acc + value * _P64_2
    return _rotl64(acc, 31) * _P64_1


@_jit
def _merge64(acc: Any, value: Any) -> Any:
    acc ^= _round64(np.uint64(0), value)
    return acc * _P64_1 + _P64_4


@_jit
def _xxh64(data: Any, start: int, end: int) -> Any:
    """xxHash64, seed 0, of ``data[start:end]`` (bytes as uint8)."""
    length = end - start
    at = start
    if length >= 32:
        v1 = _P64_1 + _P64_2
        v2 = _P64_2
        v3 = np.uint64(0)
        v4 = np.uint64(0) - _P64_1
        while at <= end - 32:
            v1 = _round64(v1, _read64(data, at))
            v2 = _round64(v2, _read64(data, at + 8))
            v3 = _round64(v3, _read64(data, at + 16))
            v4 = _round64(v4, _read64(data, at + 24))
            at += 32
        h = _rotl64(v1, 1) + _rotl64(v2, 7) + _rotl64(v3, 12) + _rotl64(v4, 18)
        h = _merge64(h, v1)
        h = _merge64(h, v2)
        h = _merge64(h, v3)
        h = _merge64(h, v4)
    else:
        h = _P64_5
    h = h + np.uint64(length)
    while at + 8 <= end:
        h ^= _round64(np.uint64(0), _read64(data, at))
        h = _rotl64(h, 27) * _P64_1 + _P64_4
        at += 8
    if at + 4 <= end:
        h ^= _read32(data, at) * _P64_1
        h = _rotl64(h, 23) * _P64_2 + _P64_3
        at += 4
    while at < end:
        h ^= np.uint64(data[at]) * _P64_5
        h = _rotl64(h, 11) * _P64_1
        at += 1
    h ^= h >> np.uint64(33)
    h = h * _P64_2
    h ^= h >> np.uint64(29)
    h = h * _P64_3
    h ^= h >> np.uint64(32)
    return h


@_jit
def hash32(data: Any, starts: Any, ends: Any) -> Any:
    out = np.empty(len(starts), dtype=np.uint32)
    for i in range(len(starts)):
        out[i] = np.uint32(_xxh32(data, starts[i], ends[i]))
    return out


@_jit
def hash64(data: Any, starts: Any, ends: Any) -> Any:
    out = np.empty(len(starts), dtype=np.uint64)
    for i in range(len(starts)):
        out[i] = _xxh64(data, starts[i], ends[i])
    return out


@_jit
def _put_utf8(out: Any, at: int, code: int) -> int:
    if code < 0x80:
        out[at] = code
        return at + 1
    if code < 0x800:
        out[at] = 0xC0 | (code >> 6)
        out[at + 1] = 0x80 | (code & 0x3F)
        return at + 2
    if code < 0x10000:
        out[at] = 0xE0 | (code >> 12)
        out[at + 1] = 0x80 | ((code >> 6) & 0x3F)
        out[at + 2] = 0x80 | (code & 0x3F)
        return at + 3
    out[at] = 0xF0 | (code >> 18)
    out[at + 1] = 0x80 | ((code >> 12) & 0x3F)
    out[at + 2] = 0x80 | ((code >> 6) & 0x3F)
    out[at + 3] = 0x80 | (code & 0x3F)
    return at + 4


@_jit
def scan_words(codes: Any, classes: Any, folded: Any) -> Any:
    """The words of a text given as code points: runs of word characters,
    joined across runs of apostrophes (which are dropped) when a word
    character follows; each word character replaced by its folded form.

    Returns the words' start and end offsets, and their UTF-8 bytes joined by
    single spaces with each word's byte start and end in them.
    """
    n = len(codes)
    starts = np.empty(n // 2 + 1, dtype=np.int64)
    ends = np.empty(n // 2 + 1, dtype=np.int64)
    byte_starts = np.empty(n // 2 + 1, dtype=np.int64)
    byte_ends = np.empty(n // 2 + 1, dtype=np.int64)
    data = np.empty(4 * n + n // 2 + 1, dtype=np.uint8)
    count = 0
    size = 0
    i = 0
    while i < n:
        if classes[codes[i]] != WORD:
            i += 1
            continue
        if count:
            data[size] = _SPACE
            size += 1
        starts[count] = i
        byte_starts[count] = size
        j = i
        while True:
            while j < n and classes[codes[j]] == WORD:
                size = _put_utf8(data, size, folded[codes[j]])
                j += 1
            k = j
            while k < n and classes[codes[k]] == APOSTROPHE:
                k += 1
            if k > j and k < n and classes[codes[k]] == WORD:
                j = k
            else:
                break
        ends[count] = j
        byte_ends[count] = size
        count += 1
        i = j
    return starts[:count], ends[:count], data[:size], byte_starts[:count], byte_ends[:count]


@_jit
def _sort_small(values: Any, start: int, end: int) -> None:
    """Sort ``values[start:end]`` in place: by insertion when short (a
    sentence's shingles), which allocates nothing."""
    if end - start > 64:
        values[start:end] = np.sort(values[start:end])
        return
    for x in range(start + 1, end):
        value = values[x]
        y = x - 1
        while y >= start and values[y] > value:
            values[y + 1] = values[y]
            y -= 1
        values[y + 1] = value


@_jit
def sentence_shingles(
    data: Any, byte_starts: Any, byte_ends: Any, spans: Any, usable: Any, size: int
) -> Any:
    """The shingle hashes of each usable sentence, sorted and distinct, less
    any hash found in two sentences; and how many each sentence keeps."""
    total = 0
    for s in range(len(usable)):
        if usable[s]:
            total += max(1, spans[2 * s + 1] - spans[2 * s] - size + 1)
    hashes = np.empty(total, dtype=np.uint32)
    owner = np.empty(total, dtype=np.int64)
    at = 0
    for s in range(len(usable)):
        if not usable[s]:
            continue
        first, last = spans[2 * s], spans[2 * s + 1]
        begin = at
        if last - first < size:
            hashes[at] = np.uint32(_xxh32(data, byte_starts[first], byte_ends[last - 1]))
            at += 1
        else:
            for w in range(first, last - size + 1):
                hashes[at] = np.uint32(_xxh32(data, byte_starts[w], byte_ends[w + size - 1]))
                at += 1
        _sort_small(hashes, begin, at)
        write = begin  # distinct within the sentence
        for r in range(begin, at):
            if r == begin or hashes[r] != hashes[write - 1]:
                hashes[write] = hashes[r]
                write += 1
        owner[begin:write] = s
        at = write
    # A hash in two sentences of the document is page furniture: dropped.
    order = np.argsort(hashes[:at])
    dropped = np.zeros(at, dtype=np.bool_)
    for r in range(1, at):
        if hashes[order[r]] == hashes[order[r - 1]]:
            dropped[order[r]] = True
            dropped[order[r - 1]] = True
    sizes = np.zeros(len(usable), dtype=np.int32)
    kept = np.empty(at, dtype=np.uint32)
    count = 0
    for r in range(at):
        if not dropped[r]:
            kept[count] = hashes[r]
            sizes[owner[r]] += 1
            count += 1
    return kept[:count], sizes


@_jit
def _reach(spans: Any, offset: int, chosen: Any, bridge: int) -> int:
    """Words of the sentences ``chosen`` (sorted, distinct; spans from
    ``offset``) plus the gaps of at most ``bridge`` words between two."""
    words = 0
    for k in range(len(chosen)):
        start = spans[offset + 2 * chosen[k]]
        end = spans[offset + 2 * chosen[k] + 1]
        words += end - start
        if k:
            gap = start - spans[offset + 2 * chosen[k - 1] + 1]
            if gap <= bridge:
                words += gap
    return words


# Bits of the filter of a document's hashes that sentence_pairs tests each
# other document's hashes against before looking them up (1 KB: stays in cache).
_FILTER_BITS = 8192


@_jit
def sentence_pairs(
    hashes: Any,
    sentence: Any,
    sizes: Any,
    spans: Any,
    hash_offsets: Any,
    sentence_offsets: Any,
    a: int,
    others: Any,
    min_shared: int,
    min_words: int,
    bridge: int,
) -> Any:
    """The sentence pairs ``(i, j)`` worth aligning between document ``a`` and
    each document of ``others``: sharing at least ``min_shared`` shingles
    (short sentences: all of theirs), kept only for a document whose pairs
    could hold ``min_words`` shared words (sentences plus bridgeable gaps).

    Document ``d`` has the hashes ``[hash_offsets[d], hash_offsets[d + 1])``
    of ``hashes`` (sorted) with the sentence of each, and the sentences
    ``[sentence_offsets[d], sentence_offsets[d + 1])`` of ``sizes`` (shingles
    per sentence) and of ``spans`` (two words each).
    Returns ``(k, i, j)`` of every pair kept, in order of ``k``, ``i``, ``j``.
    """
    found_k = np.empty(0, dtype=np.int64)
    found_i = np.empty(0, dtype=np.int64)
    found_j = np.empty(0, dtype=np.int64)
    count = 0
    hashes_a = hashes[hash_offsets[a] : hash_offsets[a + 1]]
    sentence_a = sentence[hash_offsets[a] : hash_offsets[a + 1]]
    first_a = sentence_offsets[a]
    length = len(hashes_a)
    if not length:
        return found_k, found_i, found_j
    bits = np.zeros(_FILTER_BITS // 64, dtype=np.uint64)
    for h in hashes_a:
        slot = np.int64(h) & (_FILTER_BITS - 1)
        bits[slot >> 6] |= np.uint64(1) << np.uint64(slot & 63)
    for k in range(len(others)):
        b = others[k]
        first, last = hash_offsets[b], hash_offsets[b + 1]
        first_b = sentence_offsets[b]
        width = sentence_offsets[b + 1] - first_b
        cells = np.empty(last - first, dtype=np.int64)
        shared = 0
        for r in range(first, last):
            h = hashes[r]
            slot = np.int64(h) & (_FILTER_BITS - 1)
            if not (bits[slot >> 6] >> np.uint64(slot & 63)) & np.uint64(1):
                continue
            at = np.searchsorted(hashes_a, h)
            if at < length and hashes_a[at] == h:
                cells[shared] = np.int64(sentence_a[at]) * width + np.int64(sentence[r])
                shared += 1
        if not shared:
            continue
        cells = np.sort(cells[:shared])
        pairs_i = np.empty(shared, dtype=np.int64)
        pairs_j = np.empty(shared, dtype=np.int64)
        kept = 0
        run = 0
        for r in range(shared):
            run += 1
            if r + 1 < shared and cells[r + 1] == cells[r]:
                continue
            i, j = cells[r] // width, cells[r] % width
            need = min(min(sizes[first_a + i], sizes[first_b + j]), min_shared)
            if run >= need:
                pairs_i[kept] = i
                pairs_j[kept] = j
                kept += 1
            run = 0
        if not kept:
            continue
        if kept == 1:
            i, j = pairs_i[0], pairs_j[0]
            most = min(
                spans[2 * (first_a + i) + 1] - spans[2 * (first_a + i)],
                spans[2 * (first_b + j) + 1] - spans[2 * (first_b + j)],
            )
        else:
            most = min(
                _reach(spans, 2 * first_a, np.unique(pairs_i[:kept]), bridge),
                _reach(spans, 2 * first_b, np.unique(pairs_j[:kept]), bridge),
            )
        if most < min_words:
            continue
        if count + kept > len(found_k):
            grown = max(2 * len(found_k), count + kept)
            found_k = _grow(found_k, grown)
            found_i = _grow(found_i, grown)
            found_j = _grow(found_j, grown)
        found_k[count : count + kept] = k
        found_i[count : count + kept] = pairs_i[:kept]
        found_j[count : count + kept] = pairs_j[:kept]
        count += kept
    return found_k[:count], found_i[:count], found_j[:count]


@_jit
def _grow(values: Any, size: int) -> Any:
    out = np.empty(size, dtype=values.dtype)
    out[: len(values)] = values
    return out


@_jit
def equal_fraction(rows: Any, first: Any, second: Any) -> Any:
    """For each ``k``, the share of columns where ``rows[first[k]]`` and
    ``rows[second[k]]`` are equal (as numpy's ``mean`` of the comparison)."""
    out = np.empty(len(first), dtype=np.float64)
    width = rows.shape[1]
    for k in range(len(first)):
        a, b = rows[first[k]], rows[second[k]]
        same = 0
        for c in range(width):
            same += a[c] == b[c]
        out[k] = same / width
    return out


@_jit
def number_rows(rows: Any) -> Any:
    """One integer per row of a 2-d array, equal exactly when the rows are
    equal: the index of the first row with the same values (found through a
    hash table of the rows, each match checked value by value)."""
    n, width = rows.shape
    size = 2
    while size < 2 * n:
        size *= 2
    mask = np.uint64(size - 1)
    table = np.full(size, -1, dtype=np.int64)
    keys = np.empty(n, dtype=np.uint64)
    for r in range(n):
        h = np.uint64(0)
        for c in range(width):
            h = (h ^ np.uint64(rows[r, c])) * _P64_1
            h ^= h >> np.uint64(29)
        slot = h & mask
        while True:
            other = table[slot]
            if other < 0:
                table[slot] = r
                keys[r] = r
                break
            same = True
            for c in range(width):
                if rows[other, c] != rows[r, c]:
                    same = False
                    break
            if same:
                keys[r] = other
                break
            slot = (slot + np.uint64(1)) & mask
    return keys


@_jit
def min_hashes(every: Any, ends: Any, a: Any, b: Any) -> Any:
    """MinHash signatures of the hash sets ``every[ends[i - 1]:ends[i]]``:
    per permutation ``p``, the least ``(fmix32(h) * a[p] + b[p]) mod 2**32``
    over the set's hashes ``h``, as :func:`syndetect.index.minhash_signature`
    computes it (``2**32 - 1`` throughout for an empty set)."""
    width = len(a)
    out = np.full((len(ends), width), _M32, dtype=np.uint32)
    a64, b64 = a.astype(np.uint64), b.astype(np.uint64)
    least = np.empty(width, dtype=np.uint64)
    start = 0
    for i in range(len(ends)):
        least[:] = _M32
        for k in range(start, ends[i]):
            h = np.uint64(every[k])
            h ^= h >> np.uint64(16)
            h = (h * np.uint64(0x85EBCA6B)) & _M32
            h ^= h >> np.uint64(13)
            h = (h * np.uint64(0xC2B2AE35)) & _M32
            h ^= h >> np.uint64(16)
            for p in range(width):
                v = (h * a64[p] + b64[p]) & _M32
                if v < least[p]:
                    least[p] = v
        for p in range(width):
            out[i, p] = least[p]
        start = ends[i]
    return out


def warm() -> None:
    """Compile (or load from numba's cache) each function for the argument
    types its callers pass, so that processes forked afterwards inherit them."""
    no_bytes = np.zeros(0, dtype=np.uint8)
    no_offsets = np.zeros(0, dtype=np.int64)
    scan_words(np.frombuffer(b"", dtype=np.uint32), no_bytes, np.zeros(0, dtype=np.uint32))
    hash32(no_bytes, no_offsets, no_offsets)
    hash64(no_bytes, no_offsets, no_offsets)
    sentence_shingles(no_bytes, no_offsets, no_offsets, no_offsets, np.zeros(0, dtype=bool), 1)
    hashes, one = np.zeros(1, dtype=np.uint32), np.zeros(1, dtype=np.int64)
    for sentence in (np.zeros(1, dtype=np.uint16), np.zeros(1, dtype=np.int32)):
        table = (hashes, sentence, np.zeros(1, dtype=np.int32), np.zeros(2, dtype=np.int32))
        sentence_pairs(*table, np.array([0, 1]), np.array([0, 1]), 0, one, 1, 1, 1)
    equal_fraction(np.zeros((1, 1), dtype=np.uint32), no_offsets, no_offsets)
    number_rows(np.zeros((1, 3), dtype=np.uint32))
    perm = np.ones(2, dtype=np.uint32)
    min_hashes(hashes, one, perm, perm)
