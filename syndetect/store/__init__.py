"""The persistent, incremental index: articles that ``check`` and ``index query``
compare new articles against, without rescanning the archive.

:class:`IndexStore` is the storage interface; :class:`SQLiteStore` keeps an
index in one embedded SQLite file (WAL mode, so readers never wait for the one
writer). :func:`open_index` picks the backend from the location.

What is stored, per document: its metadata and full text (passages are aligned
at query time), its sentence keys (for the boilerplate counts), the LSH band
keys of each sentence's MinHash sketch, and its document signature with that
signature's LSH band keys. Band keys are computed exactly as datasketch's
``MinHashLSH`` computes its bucket keys (see :func:`band_keys`), so a query
finds the same candidates as :func:`syndetect.index.find_candidates` does over
the index and the new documents together.

A query of new documents returns what :func:`syndetect.scan` would report on
the index plus the new documents, restricted to the pairs that involve a new
document. A new document whose id is already in the index stands in for the
indexed one, as :meth:`IndexStore.add` would replace it.

What a scan decides over the whole collection is which sentences are
boilerplate (:func:`syndetect.shingle.common_sentences`) and which shingles are
stock phrases (:func:`syndetect.shingle.common_shingles`). The index keeps the
document counts of both (sentences in total and per site, shingles) so both
rules are evaluated exactly at query time, and keeps every stored signature up
to date with the first: when adding or removing documents makes a sentence
boilerplate (or no longer boilerplate), the signatures of the indexed
documents that contain it are recomputed in the same transaction. Stored
sentence buckets cannot follow the stock phrases that cheaply; see
:meth:`IndexStore.query` for the one approximation that follows.
"""

from __future__ import annotations

import os
from pathlib import Path

from syndetect.errors import UnsupportedIndexError
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.store.bands import band_keys
from syndetect.store.base import AddResult, IndexStats, IndexStore, RemoveResult
from syndetect.store.encoding import decode_prepared, encode_prepared
from syndetect.store.schema import _MIGRATIONS as _MIGRATIONS  # private; tests add steps
from syndetect.store.schema import FORMAT as FORMAT
from syndetect.store.schema import SCHEMA_VERSION
from syndetect.store.sqlite import SQLiteStore

__all__ = [
    "SCHEMA_VERSION",
    "AddResult",
    "IndexStats",
    "IndexStore",
    "RemoveResult",
    "SQLiteStore",
    "band_keys",
    "create_index",
    "decode_prepared",
    "encode_prepared",
    "open_index",
]


def open_index(
    location: str | os.PathLike[str],
    *,
    create: bool = False,
    options: ScanOptions = DEFAULT_OPTIONS,
) -> IndexStore:
    """Open the index at ``location``: a file path (SQLite).

    Args:
        location: Index file, or a ``redis://`` URL (not available yet).
        create: Create the index when it does not exist (with ``options``).
        options: Scan options of a newly created index; an existing index
            keeps the options it was built with.

    Raises:
        IndexNotFoundError: No index there and ``create`` is false.
        IndexStoreError: A subclass saying what is wrong with the index.
    """
    where = _sqlite_path(location)
    if create and not Path(where).exists():
        return SQLiteStore.create(where, options=options)
    return SQLiteStore.open(where)


def create_index(
    location: str | os.PathLike[str], *, options: ScanOptions = DEFAULT_OPTIONS
) -> IndexStore:
    """Create a new, empty index at ``location`` with ``options``.

    Raises:
        IndexExistsError: Something already exists there.
        IndexStoreError: A subclass saying why it cannot be created.
    """
    return SQLiteStore.create(_sqlite_path(location), options=options)


def _sqlite_path(location: str | os.PathLike[str]) -> str:
    where = os.fspath(location)
    if where.startswith(("redis://", "rediss://", "unix://")):
        raise UnsupportedIndexError(
            where, "the Redis index backend is not available yet; use a file path"
        )
    return where
