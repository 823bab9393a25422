"""The SQLite schema of the index: its tables and migrations, and how
statements address them (sentence keys as SQLite integers, parameter batches)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from syndetect.options import ScanOptions

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
"""
"""Schema version 3 (see :data:`syndetect.store.meta.SCHEMA_VERSION`), less the
indexes of :func:`_option_indexes` (which depend on the index's options).

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
  (:func:`syndetect.shingle.common_shingles`). Only the shingles counted in
  at least ``common_shingle_docs`` documents, the least any stock phrase is
  in, are indexed by their count (:func:`_stock_index`): most shingles are in
  a few documents, and keeping all of them ordered by a count that every
  added document changes cost a random write each.

Version 1 indexed every shingle's count (``shingle_counts_df``); version 2
had no index of the possible boilerplate sentences (:func:`_common_index`).
"""


def _stock_index(stock_docs: int) -> str:
    """The index of the shingles that may be stock phrases: those counted in
    at least ``stock_docs`` (``ScanOptions.common_shingle_docs``) documents.
    Queries name the same bound (see :func:`_stock_bound`) so that SQLite
    uses it."""
    return (
        f"CREATE INDEX shingle_counts_stock ON shingle_counts (df) WHERE {_stock_bound(stock_docs)}"
    )


def _stock_bound(stock_docs: int) -> str:
    return f"df >= {int(stock_docs)}"


def _common_index(options: ScanOptions) -> str:
    """The index of the sentence keys that may be boilerplate, with their
    counts: those in at least ``common_sentence_docs`` documents (the least a
    common sentence is in) or in ``site_boilerplate_docs`` of one site: a few
    thousand of millions, so a query looks its candidates' keys up in a small,
    cached index instead of the table. Queries name it (SQLite prefers the
    table's key) and its bound (:func:`_common_bound`)."""
    return (
        "CREATE INDEX sentence_counts_common ON sentence_counts (key, df, site_max) "
        f"WHERE {_common_bound(options)}"
    )


def _common_bound(options: ScanOptions) -> str:
    return (
        f"(df >= {int(options.common_sentence_docs)} "
        f"OR site_max >= {int(options.site_boilerplate_docs)})"
    )


def _option_indexes(options: ScanOptions) -> str:
    """The indexes whose bounds are ``options`` of the index, as statements."""
    return f"{_stock_index(options.common_shingle_docs)};\n{_common_index(options)};\n"


def _stored_options(conn: sqlite3.Connection) -> ScanOptions:
    (options,) = conn.execute("SELECT value FROM meta WHERE key = 'options'").fetchone()
    return ScanOptions(**json.loads(options))


def _migrate_1(conn: sqlite3.Connection) -> None:
    """Version 1 to 2: only possible stock phrases indexed by their count."""
    conn.execute("DROP INDEX IF EXISTS shingle_counts_df")
    conn.execute(_stock_index(_stored_options(conn).common_shingle_docs))


def _migrate_2(conn: sqlite3.Connection) -> None:
    """Version 2 to 3: the possible boilerplate sentences indexed with their counts."""
    conn.execute(_common_index(_stored_options(conn)))


# Schema migrations: _MIGRATIONS[v] upgrades an index from version v to v + 1,
# inside the transaction that records the new version.
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1, 2: _migrate_2}


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
