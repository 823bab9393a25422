"""LSH band keys of MinHash signatures, as the index stores them."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


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
