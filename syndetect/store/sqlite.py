"""The SQLite backend of the index: :class:`SQLiteStore`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from syndetect.errors import (
    IndexCorruptError,
    IndexExistsError,
    IndexLockedError,
    IndexNotFoundError,
    IndexStoreError,
    NotAnIndexError,
)
from syndetect.model import Document
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.store.access import _Access
from syndetect.store.base import IndexStats
from syndetect.store.checkpoint import WRITER_CHECKPOINT_PAGES, _Checkpointer
from syndetect.store.integrity import _Checking
from syndetect.store.meta import FORMAT, _migration, _new_meta, _options, _schema_version, _version
from syndetect.store.plan import _floor
from syndetect.store.query import _Querying
from syndetect.store.schema import _MIGRATIONS, _SCHEMA, _option_indexes
from syndetect.store.sqlite_access import _SQLiteAccess

T = TypeVar("T")

# Wait this long for another writer's lock before giving up.
_BUSY_TIMEOUT_S = 30.0

# Most memory SQLite's page cache may take (KiB): a query reads the buckets
# and counts of its sentences all over the index, and an add rewrites them.
_CACHE_KIB = 262144


class SQLiteStore(_Querying, _Checking):
    """An index in one SQLite file. Open with :meth:`open` or :meth:`create`."""

    def __init__(self, path: str, conn: sqlite3.Connection, options: ScanOptions) -> None:
        super().__init__(path, options)
        self._conn = conn
        self._checkpointer: _Checkpointer | None = None

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
        try:  # a CI cache may start empty: create the folder too
            Path(where).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexStoreError(where, f"cannot create index: {exc.strerror}") from None
        conn = cls._connect(where)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # executescript commits a pending transaction first: begin inside it.
            conn.executescript(f"BEGIN IMMEDIATE;\n{_SCHEMA}{_option_indexes(options)}")
        except sqlite3.Error as exc:
            conn.close()
            raise IndexStoreError(where, f"cannot create index: {exc}") from None
        meta = _new_meta(options)
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
            version = _version(where, meta)
            if version < _schema_version():
                cls._migrate(where, conn, version)
            options = _options(where, meta)
        except BaseException:
            conn.close()
            raise
        return cls._ready(where, conn, options)

    @classmethod
    def _ready(cls, path: str, conn: sqlite3.Connection, options: ScanOptions) -> SQLiteStore:
        conn.execute("PRAGMA synchronous=NORMAL")
        # the write-ahead log of a big batch is truncated again after a checkpoint
        conn.execute("PRAGMA journal_size_limit=67108864")
        conn.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        # checkpoints run in a thread after each commit (see _Checkpointer)
        conn.execute(f"PRAGMA wal_autocheckpoint={WRITER_CHECKPOINT_PAGES}")
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
    def _migrate(path: str, conn: sqlite3.Connection, version: int) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
            for step in _migration(path, version, _MIGRATIONS):
                step(conn)
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(_schema_version()),)
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()
            self._checkpointer = None
        self._conn.close()

    # -- transactions ----------------------------------------------------------

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

    def _read(self, work: Callable[[_Access], T]) -> T:
        with self._errors(), self._transaction(write=False) as conn:
            return work(_SQLiteAccess(conn, self.options))

    def _write(self, work: Callable[[_Access], T]) -> T:
        with self._errors(), self._transaction(write=True) as conn:
            done = work(_SQLiteAccess(conn, self.options))
        if self._checkpointer is None:
            self._checkpointer = _Checkpointer(self.location, _BUSY_TIMEOUT_S)
        self._checkpointer.request()
        return done

    def integrity_check(self, *, deep: bool = False) -> tuple[str, ...]:
        problems: list[str] = []
        with self._errors(), self._transaction(write=False) as conn:
            result = [r for (r,) in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                return tuple(f"sqlite: {r}" for r in result[:20])
            access = _SQLiteAccess(conn, self.options)
            problems.extend(access.consistency(4 * self.options.num_perm, self._doc_lsh[0]))
            if deep and not problems:
                problems.extend(self._deep_check(access))
        return tuple(problems)

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
                schema_version=_schema_version(),
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
