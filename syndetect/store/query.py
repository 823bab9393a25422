"""Querying the SQLite index: the candidates of new documents among the
indexed ones and each other, and their alignment into a report."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from syndetect.align import align
from syndetect.derive import clusters, common_sources
from syndetect.index import find_candidates
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.pipeline import build_pair
from syndetect.store.core import _SQLiteCore
from syndetect.store.plan import _Effective, _new, _Plan, _unique, _usable_keys
from syndetect.store.schema import _signed, _unsigned


class _Querying(_SQLiteCore):
    """:meth:`IndexStore.query` and :meth:`IndexStore.candidates` of the SQLite index."""

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

    def _common_sources(
        self,
        pairs: list[Pair],
        infos: dict[str, DocumentInfo],
        indexed: dict[int, tuple[_Effective, DocumentInfo]],
        new: set[str],
    ) -> list[Pair]:
        """:func:`syndetect.derive.common_sources` as a scan applies it. A new
        document X and an indexed Y may be copies of an indexed Z; the index
        keeps no pairs, so the pairs between Y and the indexed decided sources
        of X are aligned here (only to decide, never reported)."""
        by_id = {e.document.id: e for e, _ in indexed.values()}
        known = {frozenset((p.source, p.derived)) for p in pairs}
        sources: dict[str, set[str]] = defaultdict(set)
        for p in pairs:
            if p.direction == "source_to_derived":
                sources[p.derived].add(p.source)
        helpers: list[Pair] = []
        for p in pairs:
            for x, y in ((p.source, p.derived), (p.derived, p.source)):
                if x not in new or y in new:
                    continue
                for z in sorted(sources[x] - new - {y}):
                    if frozenset((z, y)) in known:
                        continue
                    known.add(frozenset((z, y)))
                    a, b = sorted((by_id[z], by_id[y]), key=lambda e: e.document.id)
                    matched = align(a.prepared, b.prepared, self.options)
                    if matched:
                        jaccard = float(np.mean(a.signature == b.signature))
                        helpers.append(
                            build_pair(
                                a.prepared,
                                b.prepared,
                                infos[a.document.id],
                                infos[b.document.id],
                                matched,
                                jaccard,
                            )
                        )
        adjusted = common_sources([*pairs, *helpers], infos.values())
        return sorted(
            (p for p in adjusted if p.source in new or p.derived in new),
            key=lambda p: (p.source, p.derived),
        )

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
        pairs = self._common_sources(pairs, infos, indexed, {e.document.id for e in effective})
        ids = sorted(reported)
        return Report(
            documents=tuple(infos[i] for i in ids),
            pairs=tuple(pairs),
            clusters=clusters(ids, pairs),
        )
