"""What the parts of :class:`~syndetect.store.sqlite.SQLiteStore` share: its
connection and settings, transactions, planning a change, loading indexed
documents, and their band keys."""

from __future__ import annotations

import math
import sqlite3
import struct
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import numpy.typing as npt

from syndetect.errors import IndexCorruptError, IndexLockedError, IndexStoreError
from syndetect.index import Permutations, lsh_params, minhash_signature
from syndetect.model import Document
from syndetect.options import ScanOptions
from syndetect.shingle import PreparedDocument, drop_sentences, drop_shingles
from syndetect.store.bands import band_keys
from syndetect.store.base import IndexStore
from syndetect.store.encoding import _info, decode_prepared
from syndetect.store.plan import (
    _Boilerplate,
    _count,
    _Effective,
    _fetch_counts,
    _floor,
    _Loaded,
    _New,
    _Plan,
    _Removed,
    _shingle_floor,
    _usable_keys,
)
from syndetect.store.schema import _chunks, _marks, _signed, _unsigned

_MAX = np.uint32(0xFFFFFFFF)


class _SQLiteCore(IndexStore):
    """The state and shared steps of :class:`~syndetect.store.sqlite.SQLiteStore`."""

    def __init__(self, path: str, conn: sqlite3.Connection, options: ScanOptions) -> None:
        self.location = path
        self.options = options
        self._conn = conn
        self._doc_perms = Permutations.create(options.num_perm, options.seed)
        self._sentence_perms = Permutations.create(options.sentence_perm, options.seed)
        self._doc_lsh = lsh_params(options.document_threshold, options.num_perm)
        self._sentence_lsh = lsh_params(options.threshold, options.sentence_perm)

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
