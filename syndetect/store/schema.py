"""The SQLite schema of the index: its tables and migrations, and how
statements address them (sentence keys as SQLite integers, parameter batches)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, date TEXT, url TEXT, outlet TEXT, path TEXT,
    text TEXT NOT NULL,
    site TEXT,
    digest BLOB NOT NULL,
    signature BLOB NOT NULL,
    prepared BLOB NOT NULL,
    info TEXT NOT NULL
);
CREATE TABLE sentences (
    key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE INDEX sentences_doc ON sentences (doc);
CREATE TABLE sentence_counts (
    key INTEGER PRIMARY KEY, df INTEGER NOT NULL, site_max INTEGER NOT NULL
);
CREATE INDEX sentence_counts_df ON sentence_counts (df);
CREATE TABLE site_counts (
    key INTEGER NOT NULL, site TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, site)
) WITHOUT ROWID;
CREATE TABLE sentence_bands (
    band INTEGER NOT NULL, hash BLOB NOT NULL, doc INTEGER NOT NULL, key INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc, key)
) WITHOUT ROWID;
CREATE INDEX sentence_bands_doc ON sentence_bands (doc);
CREATE TABLE document_bands (
    band INTEGER NOT NULL, hash BLOB NOT NULL, doc INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc)
) WITHOUT ROWID;
CREATE INDEX document_bands_doc ON document_bands (doc);
CREATE TABLE shingle_counts (shingle INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE INDEX shingle_counts_df ON shingle_counts (df);
"""
"""Schema version 1 (see :data:`syndetect.store.meta.SCHEMA_VERSION`).

* ``meta``: ``format``, ``schema_version``, ``options`` (JSON of the
  :class:`ScanOptions` the index was built with), ``created_by``.
* ``documents``: one row per document; ``digest`` identifies its content (to
  make ``add`` idempotent), ``signature`` is its MinHash signature (little-endian
  ``uint32``) without the sentences that are boilerplate in the index, and
  ``prepared`` its words, sentences and shingles (see :func:`encode_prepared`),
  so that a query need not tokenise the texts of its candidates again, and
  ``info`` its report entry (:func:`syndetect.metadata.describe`) as JSON.
* ``sentences``: the keys of each document's usable sentences.
* ``sentence_counts`` / ``site_counts``: in how many documents (of each site)
  each sentence key occurs: the boilerplate counts.
* ``sentence_bands``: LSH band keys of every usable sentence's sketch, with the
  sentence's key (so boilerplate sentences can be skipped at query time); of
  its sketch over all its shingles and of its sketch without the stock phrases
  known when the document was added.
* ``document_bands``: LSH band keys of each document signature.
* ``shingle_counts``: in how many documents each shingle occurs (outside
  boilerplate sentences): the stock-phrase counts
  (:func:`syndetect.shingle.common_shingles`).
"""

# Schema migrations: _MIGRATIONS[v] upgrades an index from version v to v + 1,
# inside the transaction that records the new version.
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def _signed(key: int) -> int:
    """A 64-bit sentence key as SQLite's signed INTEGER."""
    return key - (1 << 64) if key >= 1 << 63 else key


def _unsigned(key: int) -> int:
    return key + (1 << 64) if key < 0 else key


# Parameters per SQL statement (SQLite's limit is 32766 since 3.32).
_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)
