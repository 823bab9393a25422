"""Querying an index: the candidates of new documents among the
indexed ones and each other, and their alignment into a report."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from syndetect.align import align, may_align
from syndetect.compact import in_sorted
from syndetect.derive import clusters, common_sources
from syndetect.index import find_candidates, flat_signatures
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.normalize import Words
from syndetect.pipeline import build_pair
from syndetect.shingle import PreparedDocument, sentence_lengths
from syndetect.store.access import Bucket, _Access
from syndetect.store.bands import band_hits
from syndetect.store.core import _Core
from syndetect.store.plan import _Effective, _Loaded, _new, _Plan, _unique

_Matches = dict[int, set[int]]
"""Indexed documents (by number) found for each new document (by position)."""

_Indexed = dict[int, tuple[_Effective, DocumentInfo]]
"""Indexed documents (by number) as a scan with the new documents sees them."""

_NONE = np.zeros(0, dtype=np.uint32)
_NO_INDEX = np.zeros(0, dtype=np.int64)

_Buckets = dict[Bucket, bool]
"""A document's sentence LSH buckets, each with whether one of its sentences
there is long enough to make a pair on its own (``min_pair_words``)."""


def _shingled(prepared: PreparedDocument) -> list[int]:
    """Keys of the sentences that have shingles, sorted."""
    return sorted(
        {k for k, h in zip(prepared.keys, prepared.sentence_shingles, strict=True) if len(h)}
    )


def _shingles_of(documents: Iterable[_Effective]) -> npt.NDArray[np.uint32]:
    """The distinct shingles of the sentences of ``documents``, sorted."""
    return np.unique(np.concatenate([_NONE, *(e.prepared.shingles for e in documents)]))


def _with_words(e: _Effective, words: Words) -> _Effective:
    """``e``, read without its words, with its ``words``."""
    return replace(
        e,
        prepared=replace(e.prepared, words=words),
        unstocked=replace(e.unstocked, words=words),
    )


class _Crowds:
    """How many documents a scan of the index plus the new documents puts in
    each sentence LSH bucket of the new documents (see
    ``ScanOptions.short_sentence_docs``): the indexed documents found in it
    (by number) and the number of new documents in it."""

    def __init__(self, indexed: dict[Bucket, set[int]], new: Counter[Bucket], limit: int) -> None:
        self.indexed = indexed
        self.new = new
        self.limit = limit
        self.crowded: frozenset[Bucket] = frozenset()
        self.update()

    def update(self) -> None:
        """Work out again which buckets are crowded (after adding documents)."""
        self.crowded = frozenset(
            b for b, n in self.new.items() if n + len(self.indexed.get(b, ())) > self.limit
        )

    def add(self, doc: int, buckets: Iterable[Bucket]) -> None:
        """Count the indexed ``doc`` in those of ``buckets`` that are counted."""
        for b in buckets:
            if b in self.new:
                self.indexed.setdefault(b, set()).add(doc)

    def through(self, mine: _Buckets, theirs: _Buckets) -> bool:
        """Whether two documents (their buckets) make a candidate pair through
        a sentence bucket: one they share that is not crowded, or where both
        have a sentence long enough to make a pair on its own."""
        few, many = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        return any(
            b not in self.crowded or (strong and many[b]) for b, strong in few.items() if b in many
        )


class _Querying(_Core):
    """:meth:`IndexStore.query` and :meth:`IndexStore.candidates` of an index."""

    @property
    def _injective(self) -> bool:
        """Whether two sentences can only share a sentence LSH bucket when
        they share a shingle: each band has a row whose permutation maps
        distinct (mixed) shingle hashes to distinct values (an odd ``a``
        modulo 2**32), so equal minima there are the minima of one shingle.
        datasketch's ``affine32`` scheme draws odd multipliers only; checked
        all the same."""
        bands, rows = self._sentence_lsh
        odd = (self._sentence_perms.a % 2 == 1)[: bands * rows].reshape(bands, rows)
        return bool(odd.any(axis=1).all())

    def _entries(self, e: _Effective) -> list[tuple[Bucket, int, bool]]:
        """``(bucket, sentence key, strong)`` of the sentence sketches a scan
        bands; ``strong``: the sentence has at least ``min_pair_words`` words."""
        p = e.prepared
        # the keys of sentences with shingles are distinct within a document
        size = {k: end - start for k, (start, end) in zip(p.keys, p.sentences, strict=True)}
        least = self.options.min_pair_words
        return [((band, h), key, size[key] >= least) for band, h, key in self._sentence_bands(p)]

    @staticmethod
    def _buckets(entries: Iterable[tuple[Bucket, int, bool]]) -> _Buckets:
        """The sentence LSH buckets of a document's :meth:`_entries`, each
        with whether a strong sentence of it is there."""
        out: _Buckets = {}
        for b, _, strong in entries:
            out[b] = out.get(b, False) or strong
        return out

    def _counted_buckets(
        self,
        docs: dict[int, _Effective],
        counted: Iterable[Bucket],
        shingles: npt.NDArray[np.uint32] | None = None,
    ) -> dict[int, _Buckets]:
        """:meth:`_buckets` of each of ``docs``, restricted to the ``counted``
        buckets: those of the sentences of the new documents.

        With ``shingles``, the shingles of those sentences (sorted, distinct),
        only the sentences that share one of them are sketched: when
        :attr:`_injective`, no other sentence can be in one of the buckets.
        The sentences of all of ``docs`` are sketched and banded at once.
        """
        out: dict[int, _Buckets] = {doc: {} for doc in docs}
        chosen = self._chosen_sentences(list(docs.values()), shingles)
        if chosen is None:
            return out
        every, ends, owner, strong = chosen
        bands, rows = self._sentence_lsh
        wanted: list[set[bytes]] = [set() for _ in range(bands)]
        for band, h in counted:
            wanted[band].add(h)
        sketches = flat_signatures(every, ends, self._sentence_perms)
        numbers = list(docs)
        for row, band, key in band_hits(sketches, wanted, rows):
            buckets = out[numbers[owner[row]]]
            buckets[(band, key)] = buckets.get((band, key), False) or strong[row]
        return out

    def _chosen_sentences(
        self, docs: Sequence[_Effective], shingles: npt.NDArray[np.uint32] | None
    ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64], list[int], list[bool]] | None:
        """The shingles of the sentences of ``docs`` that :meth:`_counted_buckets`
        sketches, one sentence after the other (``every``, and the ``ends``
        of each), the position in ``docs`` of each sentence's document, and
        whether it has ``min_pair_words`` words; None when there are none."""
        views = [e.prepared.shingle_sentences for e in docs]
        sizes = np.array([len(sizes) for _, _, sizes in views], dtype=np.int64)
        first = np.cumsum(sizes) - sizes  # the number of each document's first sentence
        hashes = np.concatenate([_NONE, *(h for h, _, _ in views)])
        sentence = np.repeat(first, [len(h) for h, _, _ in views]) + np.concatenate(
            [_NO_INDEX, *(i.astype(np.int64) for _, i, _ in views)]
        )
        if shingles is not None and self._injective and len(shingles):
            wanted = np.zeros(int(sizes.sum()), dtype=bool)
            wanted[sentence[in_sorted(shingles, hashes)]] = True
            keep = wanted[sentence]
            hashes, sentence = hashes[keep], sentence[keep]
        elif shingles is not None and self._injective:
            return None
        if not len(sentence):
            return None
        order = np.argsort(sentence, kind="stable")  # each sentence's hashes stay sorted
        hashes, sentence = hashes[order], sentence[order]
        starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
        ends = np.r_[starts[1:], len(sentence)].astype(np.int64)
        numbers = sentence[starts]
        owner = np.searchsorted(first, numbers, side="right") - 1
        words = np.concatenate([_NO_INDEX, *(sentence_lengths(e.prepared) for e in docs)])
        strong = words[numbers] >= self.options.min_pair_words
        return hashes, ends, owner.tolist(), strong.tolist()

    def _matches(
        self, access: _Access, new: Sequence[_Effective], plan: _Plan
    ) -> tuple[_Matches, _Matches, list[_Buckets], _Crowds]:
        """Indexed documents (by number) that may share a sentence LSH bucket
        with each new document (by position), and those that share a document
        LSH bucket with it, as find_candidates over both would find; the
        buckets of the new documents, and how crowded they are.

        A scan drops stock phrases from the sentence sketches, and which
        shingles are stock phrases changes as the collection grows. The index
        keeps, per sentence, the buckets of its sketch over all its shingles
        and over its shingles less the stock phrases known when it was added;
        the scan's sketch of each new sentence is looked up in both, and so
        are identical sentences; every sentence hit is then confirmed with the
        exact sketches of both sides (:meth:`_search`). A pair
        that only shares a bucket once phrases that became stock phrases after
        the indexed document was added can be missed (rare; see
        :meth:`IndexStore.query`).

        A weak sentence (shorter than ``min_pair_words``) of a new document
        looks no further in a crowded bucket: its stored documents are not
        even read.
        """
        entries = [self._entries(e) for e in new]
        mine = [self._buckets(found) for found in entries]
        buckets = sorted({b for found in mine for b in found})
        stored = dict(zip(buckets, access.sentence_hits(buckets), strict=True))
        # The same sentence, whatever the stock phrases were when it was added.
        sentences = [(i, k) for i, eff in enumerate(new) for k in _shingled(eff.unstocked)]
        same = access.docs_with([k for _, k in sentences])
        common = plan.boilerplate.common(
            {k for hits in stored.values() for _, k in hits} | {k for _, k in sentences}
        )
        crowds = _Crowds(
            {
                b: {doc for doc, k in hits if doc not in plan.removed and k not in common}
                for b, hits in stored.items()
            },
            Counter(b for found in mine for b in found),
            self.options.short_sentence_docs,
        )
        by_sentence: _Matches = defaultdict(set)
        for i, found in enumerate(mine):
            for b, strong in found.items():
                if strong or b not in crowds.crowded:
                    by_sentence[i].update(crowds.indexed.get(b, ()))
        for (i, key), docs in zip(sentences, same, strict=True):
            open_ = [
                b for b, k, _ in entries[i] if k == key and (mine[i][b] or b not in crowds.crowded)
            ]
            if key not in common and open_:
                by_sentence[i].update(doc for doc in docs if doc not in plan.removed)
        by_document: _Matches = defaultdict(set)
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
        return by_sentence, by_document, mine, crowds

    def _search(
        self, documents: Iterable[Document], *, aligning: bool
    ) -> tuple[list[_Effective], _Indexed, list[tuple[int, int]], _Matches, _Matches]:
        """The new documents as a scan sees them, the indexed documents they
        pair with, the candidate pairs among the new documents, and the
        indexed documents paired with each new one by sentence buckets and by
        document buckets.

        Indexed documents are read without their words; a sentence-bucket
        match is confirmed with the exact sketches of both sides, counting
        the indexed documents read in the buckets they are in. When
        ``aligning``, only those that have two sentences worth aligning with
        a new document are kept (the others cannot pair with it), with their
        words.
        """
        docs = _unique(documents)
        new = [_new(d, self.options) for d in docs]

        def work(
            access: _Access,
        ) -> tuple[list[_Effective], _Indexed, _Matches, _Matches, list[_Buckets], _Crowds]:
            stored = access.stored([d.id for d in docs])
            removed = self._removed(access, (stored[i][0] for i in sorted(stored)))
            plan = self._plan(access, removed, new)
            effective = [self._effective(n, plan) for n in new]
            by_sentence, by_document, mine, crowds = self._matches(access, effective, plan)
            partners = sorted(
                {d for found in (by_sentence, by_document) for ds in found.values() for d in ds}
            )
            changed = set(plan.affected)

            def seen(loaded: dict[int, _Loaded]) -> _Indexed:
                found = self._effective_many(
                    [x.prepared for x in loaded.values()],
                    plan,
                    [None if doc in changed else x.signature for doc, x in loaded.items()],
                )
                return {
                    doc: (eff, x.info) for (doc, x), eff in zip(loaded.items(), found, strict=True)
                }

            first = self._load(access, partners, words=False)
            indexed = seen(first)
            sentenced = sorted({d for ds in by_sentence.values() for d in ds})
            theirs = self._counted_buckets(
                {d: indexed[d][0] for d in sentenced}, crowds.new, _shingles_of(effective)
            )
            for d, buckets in theirs.items():
                crowds.add(d, buckets)
            crowds.update()
            for i in list(by_sentence):
                by_sentence[i] = {d for d in by_sentence[i] if crowds.through(mine[i], theirs[d])}
            if aligning:
                worth: set[int] = set()
                for i, eff in enumerate(effective):
                    found = sorted(by_sentence.get(i, set()) | by_document.get(i, set()))
                    flags = may_align(
                        eff.prepared, [indexed[d][0].prepared for d in found], self.options
                    )
                    worth.update(d for d, ok in zip(found, flags, strict=True) if ok)
                    by_sentence[i] = {d for d in by_sentence.get(i, ()) if d in worth}
                    by_document[i] = {d for d in by_document.get(i, ()) if d in worth}
                # the same documents as seen above, now with their words
                indexed = {
                    doc: (_with_words(indexed[doc][0], self._words(first[doc])), first[doc].info)
                    for doc in sorted(worth)
                }
            return effective, indexed, by_sentence, by_document, mine, crowds

        effective, indexed, by_sentence, by_document, mine, crowds = self._read(work)
        return effective, indexed, self._among(effective, mine, crowds), by_sentence, by_document

    def _among(
        self, effective: Sequence[_Effective], mine: Sequence[_Buckets], crowds: _Crowds
    ) -> list[tuple[int, int]]:
        """Candidate pairs among the new documents (by position): those of
        find_candidates over them, less those that only share sentence
        buckets crowded by the indexed documents too."""
        if len(effective) < 2:
            return []
        found = find_candidates(
            [e.prepared.sentence_shingles for e in effective],
            [e.signature for e in effective],
            self.options,
            sentence_words=[
                [end - start for start, end in e.prepared.sentences] for e in effective
            ],
        )
        bands = [set(self._document_bands(e.signature)) for e in effective]
        return [
            (c.first, c.second)
            for c in found
            if bands[c.first] & bands[c.second] or crowds.through(mine[c.first], mine[c.second])
        ]

    def candidates(self, documents: Iterable[Document]) -> list[tuple[str, str]]:
        effective, indexed, among, by_sentence, by_document = self._search(
            documents, aligning=False
        )
        ids = [e.document.id for e in effective]
        pairs = {(ids[i], ids[j]) for i, j in among}
        for i in range(len(effective)):
            for doc in by_document.get(i, set()) | by_sentence.get(i, set()):
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
            for doc in sorted(by_sentence.get(i, set()) | by_document.get(i, set())):
                b, info = indexed[doc]
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
