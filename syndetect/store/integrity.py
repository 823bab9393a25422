"""The integrity check of the SQLite index."""

from __future__ import annotations

import sqlite3

import numpy as np
import numpy.typing as npt

from syndetect.errors import IndexCorruptError
from syndetect.metadata import describe
from syndetect.store.core import _SQLiteCore
from syndetect.store.encoding import _digest, _same_prepared
from syndetect.store.plan import _Boilerplate, _count, _new
from syndetect.store.schema import _chunks, _unsigned


class _Checking(_SQLiteCore):
    """:meth:`IndexStore.integrity_check` of the SQLite index."""

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
