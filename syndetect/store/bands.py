"""LSH band keys of MinHash signatures, as the index stores them."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from syndetect.compact import in_sorted


def band_keys(signature: npt.NDArray[np.uint32], bands: int, rows: int) -> list[bytes]:
    """LSH bucket keys of a MinHash signature, one per band.

    Band ``i`` covers ``signature[i * rows:(i + 1) * rows]``, as datasketch's
    ``MinHashLSH.hashranges``; two signatures share a bucket of band ``i`` in a
    ``MinHashLSH`` exactly when their band ``i`` keys here are equal (datasketch
    keys a bucket by ``_H``, the bytes of those values as ``uint64``; these are
    the same values as big-endian ``uint32``, which they fit).
    """
    values = np.asarray(signature, dtype=np.uint32).astype(">u4")
    return [values[i * rows : (i + 1) * rows].tobytes() for i in range(bands)]


def band_key_rows(signatures: npt.NDArray[np.uint32], bands: int, rows: int) -> list[list[bytes]]:
    """:func:`band_keys` of each row of a ``(n, num_perm)`` array of signatures,
    computed at once."""
    if not len(signatures):
        return []
    values = np.ascontiguousarray(
        np.asarray(signatures, dtype=np.uint32)[:, : bands * rows].astype(">u4")
    )
    keys: list[list[bytes]] = values.view(f"V{4 * rows}").tolist()
    return keys


def band_hits(
    signatures: npt.NDArray[np.uint32], wanted: list[set[bytes]], rows: int
) -> list[tuple[int, int, bytes]]:
    """``(row, band, key)`` of each band key of each row of a ``(n, num_perm)``
    array of signatures (:func:`band_key_rows`) that is among ``wanted[band]``.

    Each band's keys are first narrowed by their first value, in one array
    operation over all rows; only the rows left are turned into keys.
    """
    found: list[tuple[int, int, bytes]] = []
    for band, keys in enumerate(wanted):
        if not keys or not len(signatures):
            continue
        firsts = np.unique(np.array([int.from_bytes(k[:4], "big") for k in keys], dtype=np.uint32))
        at = band * rows
        maybe = np.flatnonzero(in_sorted(firsts, signatures[:, at]))
        if not len(maybe):
            continue
        values = np.ascontiguousarray(signatures[maybe, at : at + rows].astype(">u4"))
        candidates: list[bytes] = values.view(f"V{4 * rows}").ravel().tolist()
        found.extend(
            (row, band, key)
            for row, key in zip(maybe.tolist(), candidates, strict=True)
            if key in keys
        )
    return found
