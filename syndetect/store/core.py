"""What every index backend shares: its settings, planning a change, adding
and removing documents, loading indexed documents, and their band keys.

A backend (:class:`~syndetect.store.sqlite.SQLiteStore`,
:class:`~syndetect.store.redis_store.RedisStore`) provides :meth:`_Core._read`
and :meth:`_Core._write`, which run a piece of work on one consistent view of
the index (an :class:`~syndetect.store.access._Access`); everything here goes
through that view.
"""

from __future__ import annotations

import math
import struct
from abc import abstractmethod
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from syndetect.errors import IndexCorruptError
from syndetect.index import Permutations, lsh_params, minhash_signature, sentence_signatures
from syndetect.metadata import describe
from syndetect.model import Document
from syndetect.normalize import Words
from syndetect.options import ScanOptions
from syndetect.shingle import (
    PreparedDocument,
    drop_sentences,
    drop_sentences_many,
    drop_shingles,
    drop_shingles_many,
    usable_keys,
)
from syndetect.store.access import Bucket, SentenceBand, _Access, _Counts, _Record
from syndetect.store.bands import band_key_rows, band_keys
from syndetect.store.base import AddResult, IndexStore, RemoveResult
from syndetect.store.encoding import (
    _digest,
    _info,
    _info_json,
    decode_prepared,
    decode_words,
    encode_prepared,
)
from syndetect.store.plan import (
    _Boilerplate,
    _count,
    _Effective,
    _floor,
    _Loaded,
    _New,
    _new,
    _Plan,
    _Removed,
    _shingle_floor,
    _unique,
    _usable_keys,
)

_MAX = np.uint32(0xFFFFFFFF)
_NO_KEYS = np.zeros(0, dtype=np.uint64)

T = TypeVar("T")


class _Core(IndexStore):
    """The settings and backend-independent steps of an index."""

    def __init__(self, location: str, options: ScanOptions) -> None:
        self.location = location
        self.options = options
        self._doc_perms = Permutations.create(options.num_perm, options.seed)
        self._sentence_perms = Permutations.create(options.sentence_perm, options.seed)
        self._doc_lsh = lsh_params(options.document_threshold, options.num_perm)
        self._sentence_lsh = lsh_params(options.threshold, options.sentence_perm)

    # -- transactions (the backend's) ----------------------------------------

    @abstractmethod
    def _read(self, work: Callable[[_Access], T]) -> T:
        """``work`` on one consistent view of the index, as of one committed
        change (it may run more than once)."""

    @abstractmethod
    def _write(self, work: Callable[[_Access], T]) -> T:
        """``work`` in one write transaction: all of its writes or none reach
        the index (it may run more than once)."""

    # -- planning ------------------------------------------------------------

    def _removed(self, access: _Access, docs: Iterable[int]) -> list[_Removed]:
        found = access.sites_and_keys(sorted(docs))
        return [_Removed(doc, keys, site) for doc, (site, keys) in sorted(found.items())]

    def _plan(self, access: _Access, removed: Sequence[_Removed], added: Sequence[_New]) -> _Plan:
        """Work out the change's effect on the boilerplate counts and statuses."""
        o = self.options
        total_old = access.total()
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
        old = access.counts(touched)
        per_site: dict[int, dict[str, int]] = defaultdict(dict)
        per_site.update(access.site_counts(sorted({k for _, k in delta_site})))
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
        before = _Boilerplate(access, o, total_old, {})
        after = _Boilerplate(access, o, total_new, counts)
        flipped = {
            k
            for k in touched
            if before.is_common(*old.get(k, (0, 0))) != after.is_common(*counts[k])
        }
        floors = (_floor(o, total_old), _floor(o, total_new))
        if floors[0] != floors[1]:
            # Keys whose status changes only because the corpus-wide floor moved.
            low, high = math.floor(min(floors)), math.ceil(max(floors))
            for key, df, m in access.counts_between(low, high):
                if key not in counts and before.is_common(df, m) != after.is_common(df, m):
                    flipped.add(key)
        gone = frozenset(r.doc for r in removed)
        affected = {d for ds in access.docs_with(sorted(flipped)) for d in ds}
        changed = tuple(sorted(affected - gone))
        stock, shingle_counts = self._stock(
            access, total_new, before, after, removed, added, changed
        )
        return _Plan(after, counts, site_counts, changed, gone, stock, shingle_counts)

    def _stock(
        self,
        access: _Access,
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

        loaded = self._load(access, [*(r.doc for r in removed), *affected])
        minus = [shingles(loaded[r.doc].prepared, before) for r in removed]
        plus = [shingles(n.prepared, after) for n in added]
        for doc in affected:
            minus.append(shingles(loaded[doc].prepared, before))
            plus.append(shingles(loaded[doc].prepared, after))
        delta = _count(plus)
        delta.subtract(_count(minus))
        touched = sorted(k for k, d in delta.items() if d)
        old = access.shingle_counts(touched)
        new_counts = {k: old.get(k, 0) + delta[k] for k in touched}
        floor = _shingle_floor(self.options, total)
        stock = {k for k in access.frequent_shingles(floor) if k not in new_counts}
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
        if isinstance(new, _New):
            return self._effective_many([new.prepared], plan, [signature], new.keys)[0]
        return self._effective_many([new], plan, [signature])[0]

    def _effective_many(
        self,
        prepared: Sequence[PreparedDocument],
        plan: _Plan | _Boilerplate,
        signatures: Sequence[npt.NDArray[np.uint32] | None],
        keys: Iterable[int] | None = None,
    ) -> list[_Effective]:
        """:meth:`_effective` of each of ``prepared`` (with its ``signatures``),
        the boilerplate status of all their sentences read at once; ``keys``:
        their usable sentence keys, when known."""
        if keys is None:
            every = np.concatenate([_NO_KEYS, *(usable_keys(p) for p in prepared)])
            keys = np.unique(every).tolist()
        boilerplate = plan.boilerplate if isinstance(plan, _Plan) else plan
        kept = drop_sentences_many(prepared, boilerplate.common(keys))
        computed = [
            minhash_signature(eff.shingles, self._doc_perms) if given is None else given
            for eff, given in zip(kept, signatures, strict=True)
        ]
        final = drop_shingles_many(kept, plan.stock) if isinstance(plan, _Plan) else kept
        return [
            _Effective(p.document, f, signature, eff)
            for p, f, signature, eff in zip(prepared, final, computed, kept, strict=True)
        ]

    def _load(
        self, access: _Access, docs: Iterable[int], *, words: bool = True
    ) -> dict[int, _Loaded]:
        """Indexed documents, prepared (from their stored words and shingles;
        without their words unless ``words``, see :func:`decode_prepared`)."""
        out: dict[int, _Loaded] = {}
        for row in access.rows(sorted(set(docs))):
            try:
                out[row.doc] = _Loaded(
                    decode_prepared(row.prepared, row.document, words=words),
                    np.frombuffer(row.signature, dtype="<u4").astype(np.uint32),
                    _info(row.info),
                    row.digest,
                    row.prepared,
                )
            except (ValueError, TypeError, KeyError, struct.error):
                raise self._damaged(row.document.id) from None
        return out

    def _words(self, loaded: _Loaded) -> Words:
        """The words of a document :meth:`_load` read without them."""
        try:
            return decode_words(loaded.data)
        except (ValueError, struct.error):
            raise self._damaged(loaded.prepared.document.id) from None

    def _damaged(self, id: str) -> IndexCorruptError:
        return IndexCorruptError(self.location, f"stored words of document {id!r} are damaged")

    # -- band keys -----------------------------------------------------------

    def _sentence_bands(self, prepared: PreparedDocument) -> list[SentenceBand]:
        """``(band, hash, key)`` of each sentence of ``prepared`` that has shingles."""
        bands, rows = self._sentence_lsh
        kept = [
            (key, hashes)
            for key, hashes in zip(prepared.keys, prepared.sentence_shingles, strict=True)
            if len(hashes)
        ]
        if not kept:
            return []
        sketches = sentence_signatures([h for _, h in kept], self._sentence_perms)
        return [
            (band, h, key)
            for (key, _), found in zip(kept, band_key_rows(sketches, bands, rows), strict=True)
            for band, h in enumerate(found)
        ]

    def _document_bands(self, signature: npt.NDArray[np.uint32]) -> list[Bucket]:
        if bool((signature == _MAX).all()):
            return []  # an empty document is never indexed, as in find_candidates
        bands, rows = self._doc_lsh
        return list(enumerate(band_keys(signature, bands, rows)))

    # -- adding and removing ---------------------------------------------------

    def _record(self, new: _New, plan: _Plan) -> _Record:
        """What the index keeps of a new document: its sentence buckets are
        those of all its shingles and those without today's stock phrases."""
        eff = self._effective(new, plan)
        d = new.document
        return _Record(
            document=d,
            site=new.site,
            digest=_digest(d),
            signature=eff.signature,
            prepared=encode_prepared(new.prepared),
            info=_info_json(describe(d)),
            keys=tuple(sorted(new.keys)),
            sentence_bands=tuple(
                sorted(
                    set(self._sentence_bands(new.prepared))
                    | set(self._sentence_bands(drop_shingles(new.prepared, plan.stock)))
                )
            ),
            document_bands=tuple(self._document_bands(eff.signature)),
        )

    def _apply(self, access: _Access, plan: _Plan, added: Sequence[_New]) -> None:
        """Write a planned change: documents out, counts, documents in, and the
        signatures of documents whose boilerplate changed, recomputed."""
        loaded = self._load(access, plan.affected)
        signatures = {d: self._effective(loaded[d].prepared, plan).signature for d in plan.affected}
        for doc in sorted(plan.removed):
            access.delete(doc)
        access.set_counts(_Counts(plan.counts, plan.site_counts, plan.shingle_counts))
        for new in added:
            access.insert(self._record(new, plan))
        for doc, signature in signatures.items():
            access.set_signature(doc, signature, self._document_bands(signature))

    def add(self, documents: Iterable[Document]) -> AddResult:
        docs = _unique(documents)

        def work(access: _Access) -> AddResult:
            stored = access.stored([d.id for d in docs])
            same = {d.id for d in docs if d.id in stored and stored[d.id][1] == _digest(d)}
            fresh = [d for d in docs if d.id not in same]
            replaced = tuple(d.id for d in fresh if d.id in stored)
            removed = self._removed(access, (stored[i][0] for i in replaced))
            added = [_new(d, self.options) for d in fresh]
            self._apply(access, self._plan(access, removed, added), added)
            return AddResult(
                added=tuple(d.id for d in fresh if d.id not in stored),
                replaced=replaced,
                unchanged=tuple(sorted(same)),
            )

        return self._write(work)

    def remove(self, ids: Iterable[str]) -> RemoveResult:
        wanted = sorted(set(ids))

        def work(access: _Access) -> RemoveResult:
            stored = access.stored(wanted)
            removed = self._removed(access, (stored[i][0] for i in sorted(stored)))
            self._apply(access, self._plan(access, removed, []), [])
            return RemoveResult(
                removed=tuple(i for i in wanted if i in stored),
                missing=tuple(i for i in wanted if i not in stored),
            )

        return self._write(work)

    def _boilerplate_now(self, access: _Access) -> _Boilerplate:
        """Boilerplate status of sentences in the index as it is."""
        return _Boilerplate(access, self.options, access.total(), {})
