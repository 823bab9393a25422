"""The persistent, incremental index: articles that ``check`` and ``index query``
compare new articles against, without rescanning the archive.

:class:`IndexStore` is the storage interface; :class:`SQLiteStore` keeps an
index in one embedded SQLite file (WAL mode, so readers never wait for the one
writer), :class:`RedisStore` in a Redis database (the ``redis`` extra).
:func:`open_index` picks the backend from the location: a ``redis://``,
``rediss://`` or ``unix://`` URL is Redis, anything else a file path.

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

A scan also counts the documents in each sentence bucket: a short sentence
makes no candidates through a crowded one (``ScanOptions.short_sentence_docs``).
A query counts them from the stored bucket entries of the indexed documents
(less those removed or replaced, and less boilerplate sentences), the new
documents, and the indexed documents it reads, whose buckets it computes as a
scan would; a short sentence of a new document skips its crowded buckets
without reading their documents. No count is stored, so nothing changed in
the schema; the count shares the stock-phrase approximation.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from syndetect.errors import IndexExistsError, IndexNotFoundError, UnsupportedIndexError
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.store.bands import band_keys
from syndetect.store.base import AddResult, IndexStats, IndexStore, RemoveResult
from syndetect.store.encoding import decode_prepared, encode_prepared
from syndetect.store.meta import FORMAT as FORMAT
from syndetect.store.meta import SCHEMA_VERSION
from syndetect.store.redis_access import shown_url
from syndetect.store.schema import _MIGRATIONS as _MIGRATIONS  # private; tests add steps
from syndetect.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from syndetect.store.redis_store import RedisStore

__all__ = [
    "REDIS_SCHEMES",
    "SCHEMA_VERSION",
    "AddResult",
    "IndexStats",
    "IndexStore",
    "RedisStore",
    "RemoveResult",
    "SQLiteStore",
    "band_keys",
    "create_index",
    "decode_prepared",
    "encode_prepared",
    "open_index",
]


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
"""Index locations with these prefixes are Redis URLs (:class:`RedisStore`)."""


def open_index(
    location: str | os.PathLike[str],
    *,
    create: bool = False,
    options: ScanOptions = DEFAULT_OPTIONS,
) -> IndexStore:
    """Open the index at ``location``: a file path (SQLite) or a Redis URL.

    Args:
        location: Index file, or a ``redis://`` URL (see :class:`RedisStore`;
            needs the ``redis`` extra).
        create: Create the index when it does not exist (with ``options``).
        options: Scan options of a newly created index; an existing index
            keeps the options it was built with.

    Raises:
        IndexNotFoundError: No index there and ``create`` is false.
        IndexStoreError: A subclass saying what is wrong with the index.
    """
    where = os.fspath(location)
    backend = _backend(where)
    if not create:
        return backend.open(where)
    try:
        return backend.open(where)
    except IndexNotFoundError:
        pass
    try:
        return backend.create(where, options=options)
    except IndexExistsError:  # another process created it meanwhile
        return backend.open(where)


def create_index(
    location: str | os.PathLike[str], *, options: ScanOptions = DEFAULT_OPTIONS
) -> IndexStore:
    """Create a new, empty index at ``location`` (a file path or a Redis URL) with ``options``.

    Raises:
        IndexExistsError: Something already exists there.
        IndexStoreError: A subclass saying why it cannot be created.
    """
    where = os.fspath(location)
    return _backend(where).create(where, options=options)


def _backend(where: str) -> type[SQLiteStore] | type[RedisStore]:
    if not where.startswith(REDIS_SCHEMES):
        return SQLiteStore
    try:
        from syndetect.store.redis_store import RedisStore
    except ModuleNotFoundError as exc:
        if exc.name != "redis":
            raise
        raise UnsupportedIndexError(
            shown_url(where),
            "a Redis index needs the redis package: pip install 'syndetect[redis]'",
        ) from None
    return RedisStore


def __getattr__(name: str) -> object:
    if name == "RedisStore":  # imported on first use: redis is an optional dependency
        from syndetect.store.redis_store import RedisStore

        return RedisStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
