"""The SQLite backend of the index: :class:`SQLiteStore`."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect import __version__
from syndetect.errors import (
    IndexCorruptError,
    IndexExistsError,
    IndexLockedError,
    IndexNotFoundError,
    IndexStoreError,
    IndexVersionError,
    NotAnIndexError,
)
from syndetect.metadata import describe
from syndetect.model import Document
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.shingle import drop_shingles
from syndetect.store.base import AddResult, IndexStats, RemoveResult
from syndetect.store.encoding import _digest, _info_json, encode_prepared
from syndetect.store.integrity import _Checking
from syndetect.store.plan import _Effective, _floor, _New, _new, _Plan, _unique
from syndetect.store.query import _Querying
from syndetect.store.schema import _MIGRATIONS, _SCHEMA, FORMAT, _schema_version, _signed

# Wait this long for another writer's lock before giving up.
_BUSY_TIMEOUT_S = 30.0


class SQLiteStore(_Querying, _Checking):
    """An index in one SQLite file. Open with :meth:`open` or :meth:`create`."""

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
            conn.executescript("BEGIN IMMEDIATE;\n" + _SCHEMA)
        except sqlite3.Error as exc:
            conn.close()
            raise IndexStoreError(where, f"cannot create index: {exc}") from None
        meta = {
            "format": FORMAT,
            "schema_version": str(_schema_version()),
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
            if version < _schema_version():
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
        if version > _schema_version():
            raise IndexVersionError(
                path,
                f"index schema version {version} is newer than this syndetect "
                f"{__version__} supports ({_schema_version()}); upgrade syndetect",
            )
        if version < 1:
            raise IndexCorruptError(path, f"invalid index schema version {version}")
        return version

    @staticmethod
    def _migrate(path: str, conn: sqlite3.Connection, version: int) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
            for v in range(version, _schema_version()):
                step = _MIGRATIONS.get(v)
                if step is None:
                    raise IndexVersionError(
                        path, f"index schema version {version} cannot be migrated; rebuild it"
                    )
                step(conn)
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(_schema_version()),)
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
