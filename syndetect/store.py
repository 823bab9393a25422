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

import hashlib
import json
import math
import os
import sqlite3
import struct
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from itertools import pairwise
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect import __version__
from syndetect.align import align
from syndetect.derive import clusters
from syndetect.errors import (
    DuplicateIdError,
    IndexCorruptError,
    IndexExistsError,
    IndexLockedError,
    IndexNotFoundError,
    IndexStoreError,
    IndexVersionError,
    NotAnIndexError,
    UnsupportedIndexError,
)
from syndetect.index import Permutations, find_candidates, lsh_params, minhash_signature
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.normalize import Words
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.pipeline import build_pair
from syndetect.shingle import PreparedDocument, drop_sentences, drop_shingles, prepare
from syndetect.shingle import _site as site_of

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

SCHEMA_VERSION = 1
"""Version of the SQLite schema this syndetect writes."""

FORMAT = "syndetect-index"
_MAX = np.uint32(0xFFFFFFFF)
_NO_SHINGLES = np.zeros(0, dtype=np.uint32)
# Wait this long for another writer's lock before giving up.
_BUSY_TIMEOUT_S = 30.0
# Parameters per SQL statement (SQLite's limit is 32766 since 3.32).
_CHUNK = 500

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
"""Schema version 1.

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


def _signed(key: int) -> int:
    """A 64-bit sentence key as SQLite's signed INTEGER."""
    return key - (1 << 64) if key >= 1 << 63 else key


def _unsigned(key: int) -> int:
    return key + (1 << 64) if key < 0 else key


def _digest(document: Document) -> bytes:
    """Identity of a document's content: its text and metadata (not its path)."""
    data = json.dumps(
        [document.id, document.text, document.title, document.date, document.url, document.outlet],
        ensure_ascii=False,
    )
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).digest()


def _usable_keys(prepared: PreparedDocument) -> frozenset[int]:
    return frozenset(k for k, ok in zip(prepared.keys, prepared.usable, strict=True) if ok)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


_PREPARED_HEADER = struct.Struct("<4sIIII")
_PREPARED_MAGIC = b"SDP1"


def encode_prepared(prepared: PreparedDocument) -> bytes:
    """A prepared document's words, sentences and shingles as bytes (not its
    document). Little-endian arrays after a header of counts; no pickle."""
    ws = prepared.words
    words = "\x00".join(ws.words).encode("utf-8")  # words are letters and digits
    shingles = prepared.sentence_shingles
    total = sum(len(h) for h in shingles)
    parts = [
        _PREPARED_HEADER.pack(_PREPARED_MAGIC, len(ws), len(prepared.sentences), total, len(words)),
        words,
        np.asarray(ws.starts, dtype="<i4").tobytes(),
        np.asarray(ws.ends, dtype="<i4").tobytes(),
        np.asarray(prepared.sentences, dtype="<i4").reshape(-1).tobytes(),
        np.asarray(prepared.keys, dtype="<u8").tobytes(),
        np.asarray(prepared.usable, dtype="u1").tobytes(),
        np.asarray([len(h) for h in shingles], dtype="<i4").tobytes(),
        np.concatenate([*shingles, _NO_SHINGLES]).astype("<u4").tobytes(),
    ]
    return b"".join(parts)


def decode_prepared(data: bytes, document: Document) -> PreparedDocument:
    """The inverse of :func:`encode_prepared`, for ``document``.

    Raises:
        ValueError: The bytes are not an encoded prepared document.
    """
    magic, n_words, n_sent, n_shingles, n_bytes = _PREPARED_HEADER.unpack_from(data)
    if magic != _PREPARED_MAGIC:
        raise ValueError("not an encoded prepared document")
    at = _PREPARED_HEADER.size

    def take(dtype: str, count: int) -> npt.NDArray[Any]:
        nonlocal at
        out = np.frombuffer(data, dtype=dtype, count=count, offset=at)
        at += out.nbytes
        return out

    raw = data[at : at + n_bytes].decode("utf-8")
    at += n_bytes
    words = tuple(raw.split("\x00")) if n_words else ()
    starts = tuple(take("<i4", n_words).tolist())
    ends = tuple(take("<i4", n_words).tolist())
    spans = take("<i4", 2 * n_sent).tolist()
    keys = tuple(take("<u8", n_sent).tolist())
    usable = tuple(bool(u) for u in take("u1", n_sent).tolist())
    counts = take("<i4", n_sent).tolist()
    flat = take("<u4", n_shingles).astype(np.uint32)
    if at != len(data) or len(words) != n_words or sum(counts) != n_shingles:
        raise ValueError("encoded prepared document has the wrong length")
    bounds = np.cumsum([0, *counts]).tolist()
    return PreparedDocument(
        document=document,
        words=Words(words, starts, ends),
        sentences=tuple((spans[2 * i], spans[2 * i + 1]) for i in range(n_sent)),
        keys=keys,
        usable=usable,
        sentence_shingles=tuple(flat[bounds[i] : bounds[i + 1]] for i in range(n_sent)),
    )


def _same_prepared(a: PreparedDocument, b: PreparedDocument) -> bool:
    return (
        (a.words, a.sentences, a.keys, a.usable) == (b.words, b.sentences, b.keys, b.usable)
        and len(a.sentence_shingles) == len(b.sentence_shingles)
        and all(
            np.array_equal(x, y)
            for x, y in zip(a.sentence_shingles, b.sentence_shingles, strict=True)
        )
    )


@dataclass(frozen=True)
class AddResult:
    """What :meth:`IndexStore.add` did, by document id (each sorted)."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]


@dataclass(frozen=True)
class RemoveResult:
    """What :meth:`IndexStore.remove` did, by document id (each sorted)."""

    removed: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class IndexStats:
    """Size and settings of an index.

    Attributes:
        location: The index file or URL.
        schema_version: Version of its schema.
        documents: Documents held.
        sentences: Usable sentences held (their keys).
        boilerplate_sentences: Distinct sentences currently treated as
            boilerplate (site furniture or corpus-wide).
        sentence_band_rows: Rows of the sentence LSH.
        document_band_rows: Rows of the document LSH.
        size_bytes: Bytes on disk (database plus write-ahead log).
        options: The scan options the index was built with.
    """

    location: str
    schema_version: int
    documents: int
    sentences: int
    boilerplate_sentences: int
    sentence_band_rows: int
    document_band_rows: int
    size_bytes: int
    options: ScanOptions

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        data = asdict(self)
        data["options"] = asdict(self.options)
        return data


class IndexStore(ABC):
    """A persistent index of documents (the storage interface).

    Use it as a context manager, or call :meth:`close`.
    """

    location: str
    options: ScanOptions

    @abstractmethod
    def add(self, documents: Iterable[Document]) -> AddResult:
        """Add documents, all or none.

        Idempotent by id: a document whose id and content (text and metadata)
        are already in the index is left alone; one whose id is there with
        other content replaces it.

        Raises:
            DuplicateIdError: Two of ``documents`` have the same id.
            IndexStoreError: The index cannot be written.
        """

    @abstractmethod
    def remove(self, ids: Iterable[str]) -> RemoveResult:
        """Remove documents by id, all or none; unknown ids are reported, not an error."""

    @abstractmethod
    def query(self, documents: Iterable[Document]) -> Report:
        """Compare new documents with the index and with each other.

        Returns:
            The report :func:`syndetect.scan` gives on the indexed documents
            plus ``documents`` (which replace indexed documents of the same
            id), restricted to the pairs that involve one of ``documents``.
            Its ``documents`` are the new documents and the indexed documents
            they pair with; its clusters are those of the reported pairs.

            One approximation: when a shingle became a stock phrase (see
            ``ScanOptions.common_shingle_docs``) after an indexed document
            was added, a pair with that document which only a scan's
            stock-free sentence sketches bring together can be missed. No
            pair is ever reported that the scan would not report.
        """

    @abstractmethod
    def candidates(self, documents: Iterable[Document]) -> list[tuple[str, str]]:
        """The id pairs (sorted, each in id order) that :meth:`query` aligns."""

    @abstractmethod
    def get(self, id: str) -> Document | None:
        """The indexed document with this id, if any."""

    @abstractmethod
    def ids(self) -> list[str]:
        """Ids of all indexed documents, sorted."""

    @abstractmethod
    def stats(self) -> IndexStats:
        """Size and settings of the index."""

    @abstractmethod
    def integrity_check(self, *, deep: bool = False) -> tuple[str, ...]:
        """Problems found in the index; empty when it is sound.

        Args:
            deep: Also recompute every document's sentences, band keys and
                signature from its stored text and compare (slow on large
                indexes).
        """

    @abstractmethod
    def close(self) -> None:
        """Release the index."""

    def __enter__(self) -> IndexStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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


def _unique(documents: Iterable[Document]) -> list[Document]:
    docs = sorted(documents, key=lambda d: d.id)
    for previous, current in pairwise(docs):
        if previous.id == current.id:
            where = current.path or previous.path or "<input>"
            raise DuplicateIdError(where, f"duplicate document id {current.id!r}")
    return docs


@dataclass(frozen=True)
class _New:
    """A document being added or queried, prepared once."""

    document: Document
    prepared: PreparedDocument
    keys: frozenset[int]
    site: str | None


def _new(document: Document, options: ScanOptions) -> _New:
    p = prepare(document, options)
    return _New(document, p, _usable_keys(p), site_of(document))


@dataclass(frozen=True)
class _Removed:
    """An indexed document leaving the index (or hidden by a new one)."""

    doc: int
    keys: frozenset[int]
    site: str | None


def _fetch_counts(conn: sqlite3.Connection, keys: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Stored ``(df, site_max)`` of those of ``keys`` that are in the index."""
    out: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(keys):
        rows = conn.execute(
            f"SELECT key, df, site_max FROM sentence_counts WHERE key IN ({_marks(len(chunk))})",
            [_signed(k) for k in chunk],
        ).fetchall()
        out.update((_unsigned(k), (df, m)) for k, df, m in rows)
    return out


def _shingle_floor(options: ScanOptions, total: int) -> float:
    # As in syndetect.shingle.common_shingles.
    return max(options.common_shingle_docs, options.common_shingle_fraction * total)


def _count(arrays: Sequence[npt.NDArray[np.uint32]]) -> Counter[int]:
    """In how many of ``arrays`` (each of distinct values) each value occurs."""
    if not arrays:
        return Counter()
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    return Counter(dict(zip(values.tolist(), counts.tolist(), strict=True)))


def _floor(options: ScanOptions, total: int) -> float:
    # As in syndetect.shingle.common_sentences.
    return max(options.common_sentence_docs, options.common_sentence_fraction * total)


class _Boilerplate:
    """Which sentence keys are boilerplate in a (possibly changed) index.

    Counts come from the index, overridden for the keys that the change
    touches; the corpus-wide floor is that of the changed document total.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        options: ScanOptions,
        total: int,
        overrides: dict[int, tuple[int, int]],
    ) -> None:
        self._conn = conn
        self._site_docs = options.site_boilerplate_docs
        self._floor = _floor(options, total)
        self._counts = dict(overrides)

    def is_common(self, df: int, site_max: int) -> bool:
        return df >= self._floor or site_max >= self._site_docs

    def common(self, keys: Iterable[int]) -> frozenset[int]:
        """The boilerplate ones among ``keys`` (unsigned sentence keys)."""
        keys = list(keys)
        unknown = sorted({k for k in keys if k not in self._counts})
        self._counts.update(_fetch_counts(self._conn, unknown))
        for k in unknown:
            self._counts.setdefault(k, (0, 0))
        return frozenset(k for k in keys if self.is_common(*self._counts[k]))


@dataclass(frozen=True)
class _Plan:
    """The effect of removing ``removed`` and adding ``added`` documents.

    Attributes:
        boilerplate: Boilerplate status of sentences after the change.
        counts: New ``(df, site_max)`` of every sentence key the change touches.
        site_counts: New per-site counts the change touches.
        affected: Indexed documents (not removed) whose signature changes
            because a sentence of theirs changes boilerplate status.
        removed: The documents removed (or hidden by new ones of their id).
        stock: Stock-phrase shingles after the change, sorted.
        shingle_counts: New document count of every shingle the change touches.
    """

    boilerplate: _Boilerplate
    counts: dict[int, tuple[int, int]]
    site_counts: dict[tuple[str, int], int]
    affected: tuple[int, ...]
    removed: frozenset[int]
    stock: npt.NDArray[np.uint32]
    shingle_counts: dict[int, int]


@dataclass(frozen=True)
class _Loaded:
    """An indexed document as stored."""

    prepared: PreparedDocument
    signature: npt.NDArray[np.uint32]
    info: DocumentInfo


def _info_json(info: DocumentInfo) -> str:
    return json.dumps(asdict(info), ensure_ascii=False, sort_keys=True)


def _info(data: str) -> DocumentInfo:
    fields_ = json.loads(data)
    for name in ("wires", "credited_outlets"):
        fields_[name] = tuple(fields_[name])
    return DocumentInfo(**fields_)


@dataclass(frozen=True)
class _Effective:
    """A document as a scan of the index (plus new documents) sees it.

    Attributes:
        document: The document.
        prepared: Without boilerplate sentences and stock phrases: what the
            sentence LSH and the alignment see.
        signature: Its signature (without boilerplate sentences).
        unstocked: Without boilerplate sentences, with stock phrases.
    """

    document: Document
    prepared: PreparedDocument
    signature: npt.NDArray[np.uint32]
    unstocked: PreparedDocument


class SQLiteStore(IndexStore):
    """An index in one SQLite file. Open with :meth:`open` or :meth:`create`."""

    def __init__(self, path: str, conn: sqlite3.Connection, options: ScanOptions) -> None:
        self.location = path
        self.options = options
        self._conn = conn
        self._doc_perms = Permutations.create(options.num_perm, options.seed)
        self._sentence_perms = Permutations.create(options.sentence_perm, options.seed)
        self._doc_lsh = lsh_params(options.document_threshold, options.num_perm)
        self._sentence_lsh = lsh_params(options.threshold, options.sentence_perm)

    # -- opening -------------------------------------------------------------

    @staticmethod
    def _connect(path: str) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise IndexStoreError(path, f"cannot open index: {exc}") from None
        return conn

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], *, options: ScanOptions = DEFAULT_OPTIONS
    ) -> SQLiteStore:
        """Create a new, empty index file.

        Raises:
            IndexExistsError: The file already exists.
        """
        where = os.fspath(path)
        if Path(where).exists():
            raise IndexExistsError(where, "already exists")
        conn = cls._connect(where)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # executescript commits a pending transaction first: begin inside it.
            conn.executescript("BEGIN IMMEDIATE;\n" + _SCHEMA)
        except sqlite3.Error as exc:
            conn.close()
            raise IndexStoreError(where, f"cannot create index: {exc}") from None
        meta = {
            "format": FORMAT,
            "schema_version": str(SCHEMA_VERSION),
            "options": json.dumps(asdict(options), sort_keys=True),
            "created_by": f"syndetect {__version__}",
        }
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        conn.execute("COMMIT")
        return cls._ready(where, conn, options)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> SQLiteStore:
        """Open an existing index, migrating an older schema.

        Raises:
            IndexNotFoundError: There is no such file.
            IndexCorruptError: The file is not a readable SQLite database.
            NotAnIndexError: It is a database, but not a syndetect index.
            IndexVersionError: It was written by a newer syndetect.
        """
        where = os.fspath(path)
        p = Path(where)
        if not p.exists():
            raise IndexNotFoundError(
                where, "no such index (create it with: syndetect index create)"
            )
        if not p.is_file():
            raise NotAnIndexError(where, "not a file")
        if p.stat().st_size == 0:
            raise NotAnIndexError(where, "empty file, not a syndetect index")
        conn = cls._connect(where)
        try:
            meta = cls._read_meta(where, conn)
            version = cls._version(where, meta)
            if version < SCHEMA_VERSION:
                cls._migrate(where, conn, version)
            options = cls._options(where, meta)
        except BaseException:
            conn.close()
            raise
        return cls._ready(where, conn, options)

    @classmethod
    def _ready(cls, path: str, conn: sqlite3.Connection, options: ScanOptions) -> SQLiteStore:
        conn.execute("PRAGMA synchronous=NORMAL")
        # the write-ahead log of a big batch is truncated again after a checkpoint
        conn.execute("PRAGMA journal_size_limit=67108864")
        return cls(path, conn, options)

    @staticmethod
    def _read_meta(path: str, conn: sqlite3.Connection) -> dict[str, str]:
        try:
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "no such table" in text:
                raise NotAnIndexError(
                    path, "a SQLite database, but not a syndetect index"
                ) from None
            if "locked" in text or "busy" in text:
                raise IndexLockedError(path, f"index is locked: {text}") from None
            raise IndexCorruptError(path, f"not a readable index ({text})") from None
        meta = {str(k): str(v) for k, v in rows}
        if meta.get("format") != FORMAT:
            raise NotAnIndexError(path, "a SQLite database, but not a syndetect index")
        return meta

    @staticmethod
    def _version(path: str, meta: dict[str, str]) -> int:
        try:
            version = int(meta["schema_version"])
        except (KeyError, ValueError):
            raise IndexCorruptError(path, "index has no valid schema version") from None
        if version > SCHEMA_VERSION:
            raise IndexVersionError(
                path,
                f"index schema version {version} is newer than this syndetect "
                f"{__version__} supports ({SCHEMA_VERSION}); upgrade syndetect",
            )
        if version < 1:
            raise IndexCorruptError(path, f"invalid index schema version {version}")
        return version

    @staticmethod
    def _migrate(path: str, conn: sqlite3.Connection, version: int) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
            for v in range(version, SCHEMA_VERSION):
                step = _MIGRATIONS.get(v)
                if step is None:
                    raise IndexVersionError(
                        path, f"index schema version {version} cannot be migrated; rebuild it"
                    )
                step(conn)
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _options(path: str, meta: dict[str, str]) -> ScanOptions:
        try:
            data = json.loads(meta["options"])
            known = {f.name for f in fields(ScanOptions)}
            if not isinstance(data, dict) or not set(data) <= known:
                raise ValueError("unknown options")
            return ScanOptions(**data)
        except (KeyError, ValueError, TypeError):
            raise IndexCorruptError(path, "index options are missing or invalid") from None

    def close(self) -> None:
        self._conn.close()

    # -- transactions --------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it or none of it reaches the file."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.OperationalError as exc:
            raise IndexLockedError(self.location, f"index is locked: {exc}") from None
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise IndexStoreError(self.location, f"cannot commit: {exc}") from None

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite errors into errors naming the index."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise IndexLockedError(self.location, f"index is locked: {text}") from None
            if isinstance(exc, sqlite3.OperationalError) and "disk" not in text:
                raise IndexStoreError(self.location, text) from None
            raise IndexCorruptError(self.location, f"index is damaged ({text})") from None

    # -- planning ------------------------------------------------------------

    def _stored(self, conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        """Indexed ``id -> (doc, digest)`` for those of ``ids`` that are indexed."""
        found: dict[str, tuple[int, bytes]] = {}
        for chunk in _chunks(ids):
            rows = conn.execute(
                f"SELECT id, doc, digest FROM documents WHERE id IN ({_marks(len(chunk))})",
                list(chunk),
            ).fetchall()
            found.update((i, (d, bytes(g))) for i, d, g in rows)
        return found

    def _removed(self, conn: sqlite3.Connection, docs: Iterable[int]) -> list[_Removed]:
        out: list[_Removed] = []
        for doc in sorted(docs):
            (site,) = conn.execute("SELECT site FROM documents WHERE doc = ?", (doc,)).fetchone()
            keys = conn.execute("SELECT key FROM sentences WHERE doc = ?", (doc,)).fetchall()
            out.append(_Removed(doc, frozenset(_unsigned(k) for (k,) in keys), site))
        return out

    def _plan(
        self, conn: sqlite3.Connection, removed: Sequence[_Removed], added: Sequence[_New]
    ) -> _Plan:
        """Work out the change's effect on the boilerplate counts and statuses."""
        o = self.options
        (total_old,) = conn.execute("SELECT count(*) FROM documents").fetchone()
        total_new = total_old - len(removed) + len(added)
        delta: Counter[int] = Counter()
        delta_site: Counter[tuple[str, int]] = Counter()
        for sign, items in ((-1, removed), (1, added)):
            for item in items:
                for k in item.keys:
                    delta[k] += sign
                    if item.site is not None:
                        delta_site[(item.site, k)] += sign
        touched = sorted(delta)
        old = _fetch_counts(conn, touched)
        per_site: dict[int, dict[str, int]] = defaultdict(dict)
        site_keys = sorted({k for _, k in delta_site})
        for chunk in _chunks(site_keys):
            rows = conn.execute(
                f"SELECT key, site, n FROM site_counts WHERE key IN ({_marks(len(chunk))})",
                [_signed(k) for k in chunk],
            ).fetchall()
            for k, site, n in rows:
                per_site[_unsigned(k)][site] = n
        site_counts: dict[tuple[str, int], int] = {}
        for (site, k), d in sorted(delta_site.items()):
            n = per_site[k].get(site, 0) + d
            per_site[k][site] = n
            site_counts[(site, k)] = n
        counts: dict[int, tuple[int, int]] = {}
        for k in touched:
            df, site_max = old.get(k, (0, 0))
            if k in per_site:
                site_max = max(per_site[k].values(), default=0)
            counts[k] = (df + delta[k], site_max)
        before = _Boilerplate(conn, o, total_old, {})
        after = _Boilerplate(conn, o, total_new, counts)
        flipped = {
            k
            for k in touched
            if before.is_common(*old.get(k, (0, 0))) != after.is_common(*counts[k])
        }
        floors = (_floor(o, total_old), _floor(o, total_new))
        if floors[0] != floors[1]:
            # Keys whose status changes only because the corpus-wide floor moved.
            rows = conn.execute(
                "SELECT key, df, site_max FROM sentence_counts WHERE df >= ? AND df <= ?",
                (math.floor(min(floors)), math.ceil(max(floors))),
            ).fetchall()
            for k, df, m in rows:
                key = _unsigned(k)
                if key not in counts and before.is_common(df, m) != after.is_common(df, m):
                    flipped.add(key)
        gone = frozenset(r.doc for r in removed)
        affected: set[int] = set()
        flips = sorted(_signed(k) for k in flipped)
        for chunk in _chunks(flips):
            rows = conn.execute(
                f"SELECT DISTINCT doc FROM sentences WHERE key IN ({_marks(len(chunk))})", chunk
            ).fetchall()
            affected.update(d for (d,) in rows)
        changed = tuple(sorted(affected - gone))
        stock, shingle_counts = self._stock(conn, total_new, before, after, removed, added, changed)
        return _Plan(after, counts, site_counts, changed, gone, stock, shingle_counts)

    def _stock(
        self,
        conn: sqlite3.Connection,
        total: int,
        before: _Boilerplate,
        after: _Boilerplate,
        removed: Sequence[_Removed],
        added: Sequence[_New],
        affected: Sequence[int],
    ) -> tuple[npt.NDArray[np.uint32], dict[int, int]]:
        """Stock-phrase shingles after the change, and the new counts of the
        shingles it touches (each document counts its shingles outside its
        boilerplate sentences, before and after the change)."""

        def shingles(p: PreparedDocument, view: _Boilerplate) -> npt.NDArray[np.uint32]:
            return drop_sentences(p, view.common(_usable_keys(p))).shingles

        loaded = self._load(conn, [*(r.doc for r in removed), *affected])
        minus = [shingles(loaded[r.doc].prepared, before) for r in removed]
        plus = [shingles(n.prepared, after) for n in added]
        for doc in affected:
            minus.append(shingles(loaded[doc].prepared, before))
            plus.append(shingles(loaded[doc].prepared, after))
        delta = _count(plus)
        delta.subtract(_count(minus))
        touched = sorted(k for k, d in delta.items() if d)
        new_counts: dict[int, int] = {}
        for chunk in _chunks(touched):
            rows = conn.execute(
                f"SELECT shingle, df FROM shingle_counts WHERE shingle IN ({_marks(len(chunk))})",
                list(chunk),
            ).fetchall()
            old = dict(rows)
            new_counts.update((k, old.get(k, 0) + delta[k]) for k in chunk)
        floor = _shingle_floor(self.options, total)
        frequent = conn.execute("SELECT shingle FROM shingle_counts WHERE df >= ?", (floor,))
        stock = {k for (k,) in frequent if k not in new_counts}
        stock.update(k for k, n in new_counts.items() if n >= floor)
        return np.array(sorted(stock), dtype=np.uint32), new_counts

    def _effective(
        self,
        new: _New | PreparedDocument,
        plan: _Plan | _Boilerplate,
        signature: npt.NDArray[np.uint32] | None = None,
    ) -> _Effective:
        """The document as a scan sees it: boilerplate sentences dropped, its
        signature (``signature`` when it is known not to change), then stock
        phrases dropped (with a plan; a bare boilerplate view drops none)."""
        prepared = new.prepared if isinstance(new, _New) else new
        keys = new.keys if isinstance(new, _New) else _usable_keys(new)
        boilerplate = plan.boilerplate if isinstance(plan, _Plan) else plan
        eff = drop_sentences(prepared, boilerplate.common(keys))
        if signature is None:
            signature = minhash_signature(eff.shingles, self._doc_perms)
        final = drop_shingles(eff, plan.stock) if isinstance(plan, _Plan) else eff
        return _Effective(prepared.document, final, signature, eff)

    def _load(self, conn: sqlite3.Connection, docs: Iterable[int]) -> dict[int, _Loaded]:
        """Indexed documents, prepared (from their stored words and shingles)."""
        out: dict[int, _Loaded] = {}
        wanted = sorted(set(docs))
        for chunk in _chunks(wanted):
            rows = conn.execute(
                "SELECT doc, id, text, title, date, url, outlet, path, prepared, signature, info "
                "FROM documents "
                f"WHERE doc IN ({_marks(len(chunk))})",
                list(chunk),
            ).fetchall()
            for doc, id_, text, title, date, url, outlet, path, data, sig, info in rows:
                document = Document(id_, text, title, date, url, outlet, path)
                try:
                    out[doc] = _Loaded(
                        decode_prepared(bytes(data), document),
                        np.frombuffer(sig, dtype="<u4").astype(np.uint32),
                        _info(info),
                    )
                except (ValueError, TypeError, KeyError, struct.error):
                    raise IndexCorruptError(
                        self.location, f"stored words of document {id_!r} are damaged"
                    ) from None
        return out

    # -- band keys -----------------------------------------------------------

    def _sentence_bands(self, prepared: PreparedDocument) -> list[tuple[int, bytes, int]]:
        """``(band, hash, key)`` of each sentence of ``prepared`` that has shingles."""
        bands, rows = self._sentence_lsh
        out: list[tuple[int, bytes, int]] = []
        for key, hashes in zip(prepared.keys, prepared.sentence_shingles, strict=True):
            if len(hashes):
                sketch = minhash_signature(hashes, self._sentence_perms)
                out.extend((band, h, key) for band, h in enumerate(band_keys(sketch, bands, rows)))
        return out

    def _document_bands(self, signature: npt.NDArray[np.uint32]) -> list[tuple[int, bytes]]:
        if bool((signature == _MAX).all()):
            return []  # an empty document is never indexed, as in find_candidates
        bands, rows = self._doc_lsh
        return list(enumerate(band_keys(signature, bands, rows)))

    # -- writing -------------------------------------------------------------

    def _write_counts(self, conn: sqlite3.Connection, plan: _Plan) -> None:
        conn.executemany(
            "INSERT INTO shingle_counts (shingle, df) VALUES (?, ?) "
            "ON CONFLICT (shingle) DO UPDATE SET df = excluded.df",
            [(k, n) for k, n in sorted(plan.shingle_counts.items()) if n > 0],
        )
        conn.executemany(
            "DELETE FROM shingle_counts WHERE shingle = ?",
            [(k,) for k, n in sorted(plan.shingle_counts.items()) if n <= 0],
        )
        for key, (df, site_max) in sorted(plan.counts.items()):
            if df > 0:
                conn.execute(
                    "INSERT INTO sentence_counts (key, df, site_max) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET df = excluded.df, "
                    "site_max = excluded.site_max",
                    (_signed(key), df, site_max),
                )
            else:
                conn.execute("DELETE FROM sentence_counts WHERE key = ?", (_signed(key),))
        for (site, key), n in sorted(plan.site_counts.items()):
            if n > 0:
                conn.execute(
                    "INSERT INTO site_counts (key, site, n) VALUES (?, ?, ?) "
                    "ON CONFLICT (key, site) DO UPDATE SET n = excluded.n",
                    (_signed(key), site, n),
                )
            else:
                conn.execute(
                    "DELETE FROM site_counts WHERE key = ? AND site = ?", (_signed(key), site)
                )

    def _delete_document(self, conn: sqlite3.Connection, doc: int) -> None:
        for table in ("sentence_bands", "document_bands", "sentences", "documents"):
            conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))

    def _insert_document(
        self, conn: sqlite3.Connection, new: _New, eff: _Effective, stock: npt.NDArray[np.uint32]
    ) -> None:
        d = new.document
        cur = conn.execute(
            "INSERT INTO documents (id, title, date, url, outlet, path, text, site, digest, "
            "signature, prepared, info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.id,
                d.title,
                d.date,
                d.url,
                d.outlet,
                d.path,
                d.text,
                new.site,
                _digest(d),
                eff.signature.astype("<u4").tobytes(),
                encode_prepared(new.prepared),
                _info_json(describe(d)),
            ),
        )
        doc = cur.lastrowid
        conn.executemany(
            "INSERT INTO sentences (key, doc) VALUES (?, ?)",
            [(_signed(k), doc) for k in sorted(new.keys)],
        )
        conn.executemany(
            "INSERT INTO sentence_bands (band, hash, doc, key) VALUES (?, ?, ?, ?)",
            [
                (band, h, doc, _signed(k))
                for band, h, k in sorted(
                    set(self._sentence_bands(new.prepared))
                    | set(self._sentence_bands(drop_shingles(new.prepared, stock)))
                )
            ],
        )
        conn.executemany(
            "INSERT INTO document_bands (band, hash, doc) VALUES (?, ?, ?)",
            [(band, h, doc) for band, h in self._document_bands(eff.signature)],
        )

    def _refresh(self, conn: sqlite3.Connection, plan: _Plan) -> None:
        """Recompute the signatures of documents whose boilerplate changed."""
        loaded = self._load(conn, plan.affected)
        for doc in plan.affected:
            eff = self._effective(loaded[doc].prepared, plan)
            conn.execute(
                "UPDATE documents SET signature = ? WHERE doc = ?",
                (eff.signature.astype("<u4").tobytes(), doc),
            )
            conn.execute("DELETE FROM document_bands WHERE doc = ?", (doc,))
            conn.executemany(
                "INSERT INTO document_bands (band, hash, doc) VALUES (?, ?, ?)",
                [(band, h, doc) for band, h in self._document_bands(eff.signature)],
            )

    def add(self, documents: Iterable[Document]) -> AddResult:
        docs = _unique(documents)
        with self._errors(), self._transaction(write=True) as conn:
            stored = self._stored(conn, [d.id for d in docs])
            fresh = [d for d in docs if d.id not in stored or stored[d.id][1] != _digest(d)]
            unchanged = tuple(
                d.id for d in docs if d.id in stored and stored[d.id][1] == _digest(d)
            )
            replaced = tuple(d.id for d in fresh if d.id in stored)
            removed = self._removed(conn, (stored[i][0] for i in replaced))
            added = [_new(d, self.options) for d in fresh]
            plan = self._plan(conn, removed, added)
            for r in removed:
                self._delete_document(conn, r.doc)
            self._write_counts(conn, plan)
            for new in added:
                self._insert_document(conn, new, self._effective(new, plan), plan.stock)
            self._refresh(conn, plan)
        return AddResult(
            added=tuple(d.id for d in fresh if d.id not in stored),
            replaced=replaced,
            unchanged=unchanged,
        )

    def remove(self, ids: Iterable[str]) -> RemoveResult:
        wanted = sorted(set(ids))
        with self._errors(), self._transaction(write=True) as conn:
            stored = self._stored(conn, wanted)
            removed = self._removed(conn, (stored[i][0] for i in sorted(stored)))
            plan = self._plan(conn, removed, [])
            for r in removed:
                self._delete_document(conn, r.doc)
            self._write_counts(conn, plan)
            self._refresh(conn, plan)
        return RemoveResult(
            removed=tuple(i for i in wanted if i in stored),
            missing=tuple(i for i in wanted if i not in stored),
        )

    # -- querying ------------------------------------------------------------

    def _sentence_keys(self, e: _Effective) -> frozenset[tuple[int, bytes]]:
        """LSH buckets ``(band, key)`` of the sentence sketches a scan uses."""
        return frozenset((band, h) for band, h, _ in self._sentence_bands(e.prepared))

    def _matches(
        self, conn: sqlite3.Connection, new: Sequence[_Effective], plan: _Plan
    ) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        """Indexed documents (by row) that may share a sentence LSH bucket with
        each new document (by position), and those that share a document LSH
        bucket with it, as find_candidates over both would find.

        A scan drops stock phrases from the sentence sketches, and which
        shingles are stock phrases changes as the collection grows. The index
        keeps, per sentence, the buckets of its sketch over all its shingles
        and over its shingles less the stock phrases known when it was added;
        the scan's sketch of each new sentence is looked up in both, and so
        are identical sentences; every sentence hit is then confirmed with the
        exact sketches of both sides. A pair
        that only shares a bucket once phrases that became stock phrases after
        the indexed document was added can be missed (rare; see
        :meth:`IndexStore.query`).
        """
        by_sentence: dict[int, set[int]] = defaultdict(set)
        by_document: dict[int, set[int]] = defaultdict(set)
        hits: list[tuple[int, int, int]] = []  # (new position, doc, sentence key)
        for i, eff in enumerate(new):
            for band, h in sorted(self._sentence_keys(eff)):
                rows = conn.execute(
                    "SELECT doc, key FROM sentence_bands WHERE band = ? AND hash = ?", (band, h)
                ).fetchall()
                hits.extend((i, doc, _unsigned(k)) for doc, k in rows if doc not in plan.removed)
            # The same sentence, whatever the stock phrases were when it was added.
            p = eff.unstocked
            for key in sorted(
                {k for k, h in zip(p.keys, p.sentence_shingles, strict=True) if len(h)}
            ):
                rows = conn.execute(
                    "SELECT doc FROM sentences WHERE key = ?", (_signed(key),)
                ).fetchall()
                hits.extend((i, doc, key) for (doc,) in rows if doc not in plan.removed)
        common = plan.boilerplate.common({k for _, _, k in hits})
        for i, doc, key in hits:
            if key not in common:
                by_sentence[i].add(doc)
        hidden = plan.removed | set(plan.affected)
        for i, eff in enumerate(new):
            for band, h in self._document_bands(eff.signature):
                rows = conn.execute(
                    "SELECT doc FROM document_bands WHERE band = ? AND hash = ?", (band, h)
                ).fetchall()
                by_document[i].update(doc for (doc,) in rows if doc not in hidden)
        if plan.affected:
            # Their stored signatures predate the change: compare afresh.
            loaded = self._load(conn, plan.affected)
            for doc in plan.affected:
                theirs = self._effective(loaded[doc].prepared, plan)
                keys = set(self._document_bands(theirs.signature))
                for i, eff in enumerate(new):
                    if keys.intersection(self._document_bands(eff.signature)):
                        by_document[i].add(doc)
        return by_sentence, by_document

    def _search(
        self, documents: Iterable[Document]
    ) -> tuple[
        list[_Effective],
        dict[int, tuple[_Effective, DocumentInfo]],
        list[tuple[int, int]],
        dict[int, set[int]],
    ]:
        docs = _unique(documents)
        new = [_new(d, self.options) for d in docs]
        with self._errors(), self._transaction(write=False) as conn:
            stored = self._stored(conn, [d.id for d in docs])
            removed = self._removed(conn, (stored[i][0] for i in sorted(stored)))
            plan = self._plan(conn, removed, new)
            effective = [self._effective(n, plan) for n in new]
            by_sentence, by_document = self._matches(conn, effective, plan)
            partners = sorted(
                {d for found in (by_sentence, by_document) for ds in found.values() for d in ds}
            )
            loaded = self._load(conn, partners)
            plan.boilerplate.common(k for x in loaded.values() for k in _usable_keys(x.prepared))
            changed = set(plan.affected)
            indexed = {
                doc: (
                    self._effective(x.prepared, plan, None if doc in changed else x.signature),
                    x.info,
                )
                for doc, x in loaded.items()
            }
        matches: dict[int, set[int]] = defaultdict(set)
        keys = {doc: self._sentence_keys(e) for doc, (e, _) in indexed.items()}
        for i, eff in enumerate(effective):
            mine = self._sentence_keys(eff)
            matches[i].update(by_document.get(i, ()))
            matches[i].update(d for d in by_sentence.get(i, ()) if mine & keys[d])
        among = (
            find_candidates(
                [e.prepared.sentence_shingles for e in effective],
                [e.signature for e in effective],
                self.options,
            )
            if len(effective) > 1
            else []
        )
        return effective, indexed, [(c.first, c.second) for c in among], matches

    def candidates(self, documents: Iterable[Document]) -> list[tuple[str, str]]:
        effective, indexed, among, matches = self._search(documents)
        ids = [e.document.id for e in effective]
        pairs = {(ids[i], ids[j]) for i, j in among}
        for i, docs in matches.items():
            for doc in docs:
                other = indexed[doc][0].document.id
                pairs.add((ids[i], other) if ids[i] < other else (other, ids[i]))
        return sorted(pairs)

    def query(self, documents: Iterable[Document]) -> Report:
        effective, indexed, among, matches = self._search(documents)
        work: list[tuple[_Effective, _Effective]] = [(effective[i], effective[j]) for i, j in among]
        infos: dict[str, DocumentInfo] = {e.document.id: describe(e.document) for e in effective}
        for i, docs in sorted(matches.items()):
            for doc in sorted(docs):
                a, (b, info) = effective[i], indexed[doc]
                infos.setdefault(b.document.id, info)
                work.append((a, b) if a.document.id < b.document.id else (b, a))
        reported: set[str] = {e.document.id for e in effective}
        pairs: list[Pair] = []
        for a, b in work:
            matched = align(a.prepared, b.prepared, self.options)
            if not matched:
                continue
            reported.update((a.document.id, b.document.id))
            jaccard = float(np.mean(a.signature == b.signature))
            pairs.append(
                build_pair(
                    a.prepared,
                    b.prepared,
                    infos[a.document.id],
                    infos[b.document.id],
                    matched,
                    jaccard,
                )
            )
        pairs.sort(key=lambda p: (p.source, p.derived))
        ids = sorted(reported)
        return Report(
            documents=tuple(infos[i] for i in ids),
            pairs=tuple(pairs),
            clusters=clusters(ids, pairs),
        )

    # -- reading -------------------------------------------------------------

    def get(self, id: str) -> Document | None:
        with self._errors():
            row = self._conn.execute(
                "SELECT id, text, title, date, url, outlet, path FROM documents WHERE id = ?", (id,)
            ).fetchone()
        return None if row is None else Document(*row)

    def ids(self) -> list[str]:
        with self._errors():
            rows = self._conn.execute("SELECT id FROM documents ORDER BY id").fetchall()
        return [i for (i,) in rows]

    def stats(self) -> IndexStats:
        o = self.options
        with self._errors(), self._transaction(write=False) as conn:

            def count(sql: str, *args: Any) -> int:
                return int(conn.execute(sql, args).fetchone()[0])

            documents = count("SELECT count(*) FROM documents")
            floor = _floor(o, documents)
            stats = IndexStats(
                location=self.location,
                schema_version=SCHEMA_VERSION,
                documents=documents,
                sentences=count("SELECT count(*) FROM sentences"),
                boilerplate_sentences=count(
                    "SELECT count(*) FROM sentence_counts WHERE df >= ? OR site_max >= ?",
                    floor,
                    o.site_boilerplate_docs,
                ),
                sentence_band_rows=count("SELECT count(*) FROM sentence_bands"),
                document_band_rows=count("SELECT count(*) FROM document_bands"),
                size_bytes=sum(
                    os.path.getsize(p)
                    for p in (self.location, self.location + "-wal")
                    if os.path.exists(p)
                ),
                options=o,
            )
        return stats

    def integrity_check(self, *, deep: bool = False) -> tuple[str, ...]:
        problems: list[str] = []
        with self._errors(), self._transaction(write=False) as conn:
            result = [r for (r,) in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                return tuple(f"sqlite: {r}" for r in result[:20])
            problems.extend(self._consistency(conn))
            if deep and not problems:
                problems.extend(self._deep_check(conn))
        return tuple(problems)

    def _consistency(self, conn: sqlite3.Connection) -> list[str]:
        problems: list[str] = []
        for table in ("sentences", "sentence_bands", "document_bands"):
            (n,) = conn.execute(
                f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT doc FROM documents)"
            ).fetchone()
            if n:
                problems.append(f"{table}: {n} row(s) of documents not in the index")
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT key, count(*) AS df FROM sentences GROUP BY key) s "
            "LEFT JOIN sentence_counts c USING (key) WHERE c.df IS NOT s.df"
        ).fetchone()
        (m,) = conn.execute(
            "SELECT count(*) FROM sentence_counts WHERE key NOT IN (SELECT key FROM sentences)"
        ).fetchone()
        if n or m:
            problems.append(f"sentence_counts: {n + m} key(s) with a wrong document count")
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT s.key, d.site, count(*) AS n FROM sentences s "
            "JOIN documents d USING (doc) WHERE d.site IS NOT NULL GROUP BY s.key, d.site) x "
            "LEFT JOIN site_counts c ON c.key = x.key AND c.site = x.site WHERE c.n IS NOT x.n"
        ).fetchone()
        (total,) = conn.execute("SELECT count(*) FROM site_counts").fetchone()
        (expected,) = conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT s.key, d.site FROM sentences s "
            "JOIN documents d USING (doc) WHERE d.site IS NOT NULL)"
        ).fetchone()
        if n or total != expected:
            problems.append("site_counts: per-site sentence counts are wrong")
        (n,) = conn.execute(
            "SELECT count(*) FROM sentence_counts c WHERE site_max IS NOT "
            "(SELECT coalesce(max(n), 0) FROM site_counts s WHERE s.key = c.key)"
        ).fetchone()
        if n:
            problems.append(f"sentence_counts: {n} key(s) with a wrong site maximum")
        (n,) = conn.execute(
            "SELECT count(*) FROM documents WHERE length(signature) != ?",
            (4 * self.options.num_perm,),
        ).fetchone()
        if n:
            problems.append(f"documents: {n} signature(s) of the wrong length")
        bands = self._doc_lsh[0]
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT doc, count(*) AS n FROM document_bands GROUP BY doc) "
            "WHERE n != ?",
            (bands,),
        ).fetchone()
        if n:
            problems.append(f"document_bands: {n} document(s) with a wrong number of bands")
        return problems

    def _deep_check(self, conn: sqlite3.Connection) -> list[str]:
        problems: list[str] = []
        (total,) = conn.execute("SELECT count(*) FROM documents").fetchone()
        boilerplate = _Boilerplate(conn, self.options, total, {})
        docs = [d for (d,) in conn.execute("SELECT doc FROM documents ORDER BY doc").fetchall()]
        shingle_sets: list[npt.NDArray[np.uint32]] = []
        for chunk in _chunks(docs, 100):
            try:
                loaded = self._load(conn, chunk)
            except IndexCorruptError as exc:
                problems.append(exc.message)
                continue
            for doc in chunk:
                stored = loaded[doc].prepared
                document = stored.document
                new = _new(document, self.options)
                eff = self._effective(new, boilerplate)
                shingle_sets.append(eff.prepared.shingles)
                digest, signature = conn.execute(
                    "SELECT digest, signature FROM documents WHERE doc = ?", (doc,)
                ).fetchone()
                keys = {
                    _unsigned(k)
                    for (k,) in conn.execute("SELECT key FROM sentences WHERE doc = ?", (doc,))
                }
                sbands = {
                    (b, bytes(h), _unsigned(k))
                    for b, h, k in conn.execute(
                        "SELECT band, hash, key FROM sentence_bands WHERE doc = ?", (doc,)
                    )
                }
                dbands = {
                    (b, bytes(h))
                    for b, h in conn.execute(
                        "SELECT band, hash FROM document_bands WHERE doc = ?", (doc,)
                    )
                }
                checks = (
                    ("content digest", bytes(digest) == _digest(document)),
                    ("stored words", _same_prepared(stored, new.prepared)),
                    ("stored report entry", loaded[doc].info == describe(document)),
                    ("sentence keys", keys == set(new.keys)),
                    # all buckets of its sentences, plus those without the
                    # stock phrases of the day the document was added
                    (
                        "sentence bands",
                        set(self._sentence_bands(new.prepared)) <= sbands
                        and {k for _, _, k in sbands} <= set(new.keys),
                    ),
                    ("signature", bytes(signature) == eff.signature.astype("<u4").tobytes()),
                    ("document bands", dbands == set(self._document_bands(eff.signature))),
                )
                problems.extend(
                    f"document {document.id!r}: {what} do not match its text"
                    for what, ok in checks
                    if not ok
                )
        stored_counts = dict(conn.execute("SELECT shingle, df FROM shingle_counts").fetchall())
        if stored_counts != dict(_count(shingle_sets)):
            problems.append("shingle_counts: shingle document counts do not match the texts")
        return problems
