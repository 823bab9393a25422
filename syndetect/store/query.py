"""Querying an index: the candidates of new documents among the
indexed ones and each other, and their alignment into a report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from syndetect.align import align, may_align
from syndetect.derive import clusters, common_sources
from syndetect.index import find_candidates
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.pipeline import build_pair
from syndetect.shingle import PreparedDocument
from syndetect.store.access import _Access
from syndetect.store.core import _Core
from syndetect.store.plan import _Effective, _Loaded, _new, _Plan, _unique, _usable_keys

_Matches = dict[int, set[int]]
"""Indexed documents (by number) found for each new document (by position)."""

_Indexed = dict[int, tuple[_Effective, DocumentInfo]]
"""Indexed documents (by number) as a scan with the new documents sees them."""


def _shingled(prepared: PreparedDocument) -> list[int]:
    """Keys of the sentences that have shingles, sorted."""
    return sorted(
        {k for k, h in zip(prepared.keys, prepared.sentence_shingles, strict=True) if len(h)}
    )


class _Querying(_Core):
    """:meth:`IndexStore.query` and :meth:`IndexStore.candidates` of an index."""

    def _sentence_keys(self, e: _Effective) -> frozenset[tuple[int, bytes]]:
        """LSH buckets ``(band, key)`` of the sentence sketches a scan uses."""
        return frozenset((band, h) for band, h, _ in self._sentence_bands(e.prepared))

    def _matches(
        self, access: _Access, new: Sequence[_Effective], plan: _Plan
    ) -> tuple[_Matches, _Matches]:
        """Indexed documents (by number) that may share a sentence LSH bucket
        with each new document (by position), and those that share a document
        LSH bucket with it, as find_candidates over both would find.

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
        by_sentence: _Matches = defaultdict(set)
        by_document: _Matches = defaultdict(set)
        hits: list[tuple[int, int, int]] = []  # (new position, doc, sentence key)
        buckets = [(i, b) for i, eff in enumerate(new) for b in sorted(self._sentence_keys(eff))]
        for (i, _), found in zip(
            buckets, access.sentence_hits([b for _, b in buckets]), strict=True
        ):
            hits.extend((i, doc, k) for doc, k in found if doc not in plan.removed)
        # The same sentence, whatever the stock phrases were when it was added.
        sentences = [(i, k) for i, eff in enumerate(new) for k in _shingled(eff.unstocked)]
        for (i, key), docs in zip(
            sentences, access.docs_with([k for _, k in sentences]), strict=True
        ):
            hits.extend((i, doc, key) for doc in docs if doc not in plan.removed)
        common = plan.boilerplate.common({k for _, _, k in hits})
        for i, doc, key in hits:
            if key not in common:
                by_sentence[i].add(doc)
        hidden = plan.removed | set(plan.affected)
        own = [(i, b) for i, eff in enumerate(new) for b in self._document_bands(eff.signature)]
        for (i, _), docs in zip(own, access.document_hits([b for _, b in own]), strict=True):
            by_document[i].update(doc for doc in docs if doc not in hidden)
        if plan.affected:
            # Their stored signatures predate the change: compare afresh.
            loaded = self._load(access, plan.affected)
            for doc in plan.affected:
                theirs = self._effective(loaded[doc].prepared, plan)
                keys = set(self._document_bands(theirs.signature))
                for i, eff in enumerate(new):
                    if keys.intersection(self._document_bands(eff.signature)):
                        by_document[i].add(doc)
        return by_sentence, by_document

    def _search(
        self, documents: Iterable[Document], *, aligning: bool
    ) -> tuple[list[_Effective], _Indexed, list[tuple[int, int]], _Matches, _Matches]:
        """The new documents as a scan sees them, the indexed documents they
        may pair with, the candidate pairs among the new documents, and the
        indexed documents found for each new one by sentence buckets (still
        to be confirmed with :meth:`_shares_bucket`) and by document buckets.

        Indexed documents are read without their words. When ``aligning``,
        only those that have two sentences worth aligning with a new document
        are kept (the others cannot pair with it), with their words.
        """
        docs = _unique(documents)
        new = [_new(d, self.options) for d in docs]

        def work(access: _Access) -> tuple[list[_Effective], _Indexed, _Matches, _Matches]:
            stored = access.stored([d.id for d in docs])
            removed = self._removed(access, (stored[i][0] for i in sorted(stored)))
            plan = self._plan(access, removed, new)
            effective = [self._effective(n, plan) for n in new]
            by_sentence, by_document = self._matches(access, effective, plan)
            partners = sorted(
                {d for found in (by_sentence, by_document) for ds in found.values() for d in ds}
            )
            changed = set(plan.affected)

            def seen(loaded: dict[int, _Loaded]) -> _Indexed:
                plan.boilerplate.common(
                    k for x in loaded.values() for k in _usable_keys(x.prepared)
                )
                return {
                    doc: (
                        self._effective(x.prepared, plan, None if doc in changed else x.signature),
                        x.info,
                    )
                    for doc, x in loaded.items()
                }

            indexed = seen(self._load(access, partners, words=False))
            if aligning:
                worth: set[int] = set()
                for i, eff in enumerate(effective):
                    mine = sorted(by_sentence.get(i, set()) | by_document.get(i, set()))
                    flags = may_align(
                        eff.prepared, [indexed[d][0].prepared for d in mine], self.options
                    )
                    worth.update(d for d, ok in zip(mine, flags, strict=True) if ok)
                    by_sentence[i] = {d for d in by_sentence.get(i, ()) if d in worth}
                    by_document[i] = {d for d in by_document.get(i, ()) if d in worth}
                indexed = seen(self._load(access, worth))
            return effective, indexed, by_sentence, by_document

        effective, indexed, by_sentence, by_document = self._read(work)
        among = (
            find_candidates(
                [e.prepared.sentence_shingles for e in effective],
                [e.signature for e in effective],
                self.options,
            )
            if len(effective) > 1
            else []
        )
        return effective, indexed, [(c.first, c.second) for c in among], by_sentence, by_document

    def _shares_bucket(self, mine: frozenset[tuple[int, bytes]], theirs: _Effective) -> bool:
        """Whether a new document (its sentence buckets ``mine``) and an
        indexed one share a bucket of the sentence sketches a scan uses."""
        return bool(mine & self._sentence_keys(theirs))

    def candidates(self, documents: Iterable[Document]) -> list[tuple[str, str]]:
        effective, indexed, among, by_sentence, by_document = self._search(
            documents, aligning=False
        )
        ids = [e.document.id for e in effective]
        pairs = {(ids[i], ids[j]) for i, j in among}
        for i, eff in enumerate(effective):
            mine = self._sentence_keys(eff)
            found = set(by_document.get(i, ()))
            found.update(
                d for d in by_sentence.get(i, ()) if self._shares_bucket(mine, indexed[d][0])
            )
            for doc in found:
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
                    helper = self._aligned(a, b, infos)
                    if helper is not None:
                        helpers.append(helper)
        adjusted = common_sources([*pairs, *helpers], infos.values())
        return sorted(
            (p for p in adjusted if p.source in new or p.derived in new),
            key=lambda p: (p.source, p.derived),
        )

    def _aligned(self, a: _Effective, b: _Effective, infos: dict[str, DocumentInfo]) -> Pair | None:
        """The pair of ``a`` and ``b`` (``a`` has the smaller id), or None
        when they share no passage."""
        matched = align(a.prepared, b.prepared, self.options)
        if not matched:
            return None
        jaccard = float(np.mean(a.signature == b.signature))
        return build_pair(
            a.prepared, b.prepared, infos[a.document.id], infos[b.document.id], matched, jaccard
        )

    def query(self, documents: Iterable[Document]) -> Report:
        effective, indexed, among, by_sentence, by_document = self._search(documents, aligning=True)
        work: list[tuple[_Effective, _Effective]] = [(effective[i], effective[j]) for i, j in among]
        infos: dict[str, DocumentInfo] = {e.document.id: describe(e.document) for e in effective}
        for i, a in enumerate(effective):
            # Those left share sentences worth aligning: a sentence-bucket
            # candidate among them is confirmed now (most are ruled out before).
            documented = by_document.get(i, set())
            mine: frozenset[tuple[int, bytes]] | None = None
            for doc in sorted(by_sentence.get(i, set()) | documented):
                b, info = indexed[doc]
                if doc not in documented:
                    if mine is None:
                        mine = self._sentence_keys(a)
                    if not self._shares_bucket(mine, b):
                        continue
                infos.setdefault(b.document.id, info)
                work.append((a, b) if a.document.id < b.document.id else (b, a))
        reported: set[str] = {e.document.id for e in effective}
        pairs: list[Pair] = []
        for a, b in work:
            pair = self._aligned(a, b, infos)
            if pair is not None:
                reported.update((a.document.id, b.document.id))
                pairs.append(pair)
        pairs = self._common_sources(pairs, infos, indexed, {e.document.id for e in effective})
        ids = sorted(reported)
        return Report(
            documents=tuple(infos[i] for i in ids),
            pairs=tuple(pairs),
            clusters=clusters(ids, pairs),
        )
