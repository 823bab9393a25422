"""The rows of the SQLite index: :class:`_SQLiteAccess` reads and writes them
inside one transaction of :class:`~syndetect.store.sqlite.SQLiteStore`."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect.model import Document
from syndetect.options import ScanOptions
from syndetect.store.access import Bucket, SentenceBand, _Access, _Counts, _Record, _Row
from syndetect.store.schema import (
    _chunks,
    _common_bound,
    _marks,
    _signed,
    _stock_bound,
    _unsigned,
)


class _SQLiteAccess(_Access):
    """The tables of a SQLite index, within the transaction of ``conn``.

    ``options`` are the index's: they bound its indexes of possible stock
    phrases and boilerplate sentences (:func:`_option_indexes`).
    """

    def __init__(self, conn: sqlite3.Connection, options: ScanOptions) -> None:
        self.conn = conn
        self._stock_bound = _stock_bound(options.common_shingle_docs)
        self._common_bound = _common_bound(options)

    def _in(self, sql: str, items: Sequence[object]) -> list[Any]:
        """Rows of ``sql`` (with one ``{}`` for a list of parameters) over ``items``."""
        rows: list[Any] = []
        for chunk in _chunks(items):
            rows.extend(self.conn.execute(sql.format(_marks(len(chunk))), list(chunk)).fetchall())
        return rows

    # -- reads -----------------------------------------------------------------

    def total(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def stored(self, ids: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        rows = self._in("SELECT id, doc, digest FROM documents WHERE id IN ({})", ids)
        return {i: (d, bytes(g)) for i, d, g in rows}

    def sites_and_keys(self, docs: Sequence[int]) -> dict[int, tuple[str | None, frozenset[int]]]:
        out: dict[int, tuple[str | None, frozenset[int]]] = {}
        for doc in docs:
            row = self.conn.execute("SELECT site FROM documents WHERE doc = ?", (doc,)).fetchone()
            if row is not None:
                keys = self.conn.execute("SELECT key FROM sentences WHERE doc = ?", (doc,))
                out[doc] = (row[0], frozenset(_unsigned(k) for (k,) in keys))
        return out

    def counts(self, keys: Sequence[int]) -> dict[int, tuple[int, int]]:
        found = self._in(
            "SELECT key, df, site_max FROM sentence_counts WHERE key IN ({})",
            [_signed(k) for k in keys],
        )
        return {_unsigned(k): (df, m) for k, df, m in found}

    def common_counts(
        self, keys: Sequence[int], floor: float, site_docs: int
    ) -> dict[int, tuple[int, int]]:
        found = self._in(
            "SELECT key, df, site_max FROM sentence_counts INDEXED BY sentence_counts_common "
            f"WHERE key IN ({{}}) AND {self._common_bound} "
            f"AND (df >= {float(floor)!r} OR site_max >= {int(site_docs)})",
            [_signed(k) for k in keys],
        )
        return {_unsigned(k): (df, m) for k, df, m in found}

    def site_counts(self, keys: Sequence[int]) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = {}
        found = self._in(
            "SELECT key, site, n FROM site_counts WHERE key IN ({})", [_signed(k) for k in keys]
        )
        for k, site, n in found:
            out.setdefault(_unsigned(k), {})[site] = n
        return out

    def counts_between(self, low: int, high: int) -> list[tuple[int, int, int]]:
        rows = self.conn.execute(
            "SELECT key, df, site_max FROM sentence_counts WHERE df >= ? AND df <= ?", (low, high)
        ).fetchall()
        return [(_unsigned(k), df, m) for k, df, m in rows]

    def docs_with(self, keys: Sequence[int]) -> list[list[int]]:
        sql = "SELECT doc FROM sentences WHERE key = ?"
        return [[d for (d,) in self.conn.execute(sql, (_signed(k),))] for k in keys]

    def shingle_counts(self, shingles: Sequence[int]) -> dict[int, int]:
        rows = self._in("SELECT shingle, df FROM shingle_counts WHERE shingle IN ({})", shingles)
        return dict(rows)

    def frequent_shingles(self, floor: float) -> set[int]:
        rows = self.conn.execute(
            f"SELECT shingle FROM shingle_counts WHERE df >= ? AND {self._stock_bound}", (floor,)
        )
        return {k for (k,) in rows}

    def rows(self, docs: Sequence[int]) -> list[_Row]:
        found = self._in(
            "SELECT doc, id, text, title, date, url, outlet, path, digest, signature, prepared, "
            "info FROM documents WHERE doc IN ({})",
            docs,
        )
        return [
            _Row(
                doc,
                Document(id_, text, title, date, url, outlet, path),
                bytes(digest),
                bytes(sig),
                bytes(data),
                info,
            )
            for doc, id_, text, title, date, url, outlet, path, digest, sig, data, info in found
        ]

    def sentence_hits(self, buckets: Sequence[Bucket]) -> list[list[tuple[int, int]]]:
        # One statement per band (not per bucket): a query looks up hundreds.
        found: dict[Bucket, list[tuple[int, int]]] = {}
        by_band: dict[int, list[bytes]] = {}
        for band, h in buckets:
            by_band.setdefault(band, []).append(h)
        for band, hashes in sorted(by_band.items()):
            rows = self._in(
                f"SELECT hash, doc, key FROM sentence_bands WHERE band = {int(band)} "
                "AND hash IN ({})",
                sorted(set(hashes)),
            )
            for h, doc, k in rows:
                found.setdefault((band, bytes(h)), []).append((doc, _unsigned(k)))
        return [sorted(found.get((band, bytes(h)), ())) for band, h in buckets]

    def document_hits(self, buckets: Sequence[Bucket]) -> list[list[int]]:
        sql = "SELECT doc FROM document_bands WHERE band = ? AND hash = ?"
        return [[doc for (doc,) in self.conn.execute(sql, bucket)] for bucket in buckets]

    def docs(self) -> list[int]:
        return [d for (d,) in self.conn.execute("SELECT doc FROM documents ORDER BY doc")]

    def bands_of(self, doc: int) -> tuple[set[SentenceBand], set[Bucket]]:
        sentence = self.conn.execute(
            "SELECT band, hash, key FROM sentence_bands WHERE doc = ?", (doc,)
        )
        document = self.conn.execute("SELECT band, hash FROM document_bands WHERE doc = ?", (doc,))
        return (
            {(b, bytes(h), _unsigned(k)) for b, h, k in sentence},
            {(b, bytes(h)) for b, h in document},
        )

    def all_shingle_counts(self) -> dict[int, int]:
        return dict(self.conn.execute("SELECT shingle, df FROM shingle_counts").fetchall())

    def consistency(self, signature_bytes: int, document_bands: int) -> list[str]:
        """Problems of the tables' agreement with each other (quick: no text is read)."""
        conn = self.conn
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
            (signature_bytes,),
        ).fetchone()
        if n:
            problems.append(f"documents: {n} signature(s) of the wrong length")
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT doc, count(*) AS n FROM document_bands GROUP BY doc) "
            "WHERE n != ?",
            (document_bands,),
        ).fetchone()
        if n:
            problems.append(f"document_bands: {n} document(s) with a wrong number of bands")
        return problems

    # -- writes ----------------------------------------------------------------

    def delete(self, doc: int) -> None:
        for table in ("sentence_bands", "document_bands", "sentences", "documents"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))

    def insert(self, record: _Record) -> None:
        d = record.document
        cur = self.conn.execute(
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
                record.site,
                record.digest,
                record.signature.astype("<u4").tobytes(),
                record.prepared,
                record.info,
            ),
        )
        doc = cur.lastrowid
        self.conn.executemany(
            "INSERT INTO sentences (key, doc) VALUES (?, ?)",
            [(_signed(k), doc) for k in record.keys],
        )
        self.conn.executemany(
            "INSERT INTO sentence_bands (band, hash, doc, key) VALUES (?, ?, ?, ?)",
            [(band, h, doc, _signed(k)) for band, h, k in record.sentence_bands],
        )
        self.conn.executemany(
            "INSERT INTO document_bands (band, hash, doc) VALUES (?, ?, ?)",
            [(band, h, doc) for band, h in record.document_bands],
        )

    def set_counts(self, counts: _Counts) -> None:
        conn = self.conn
        shingles = sorted(counts.shingles.items())
        conn.executemany(
            "INSERT INTO shingle_counts (shingle, df) VALUES (?, ?) "
            "ON CONFLICT (shingle) DO UPDATE SET df = excluded.df",
            [(k, n) for k, n in shingles if n > 0],
        )
        conn.executemany(
            "DELETE FROM shingle_counts WHERE shingle = ?", [(k,) for k, n in shingles if n <= 0]
        )
        for key, (df, site_max) in sorted(counts.sentences.items()):
            if df > 0:
                conn.execute(
                    "INSERT INTO sentence_counts (key, df, site_max) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET df = excluded.df, "
                    "site_max = excluded.site_max",
                    (_signed(key), df, site_max),
                )
            else:
                conn.execute("DELETE FROM sentence_counts WHERE key = ?", (_signed(key),))
        for (site, key), n in sorted(counts.sites.items()):
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

    def set_signature(
        self, doc: int, signature: npt.NDArray[np.uint32], bands: Sequence[Bucket]
    ) -> None:
        self.conn.execute(
            "UPDATE documents SET signature = ? WHERE doc = ?",
            (signature.astype("<u4").tobytes(), doc),
        )
        self.conn.execute("DELETE FROM document_bands WHERE doc = ?", (doc,))
        self.conn.executemany(
            "INSERT INTO document_bands (band, hash, doc) VALUES (?, ?, ?)",
            [(band, h, doc) for band, h in bands],
        )
