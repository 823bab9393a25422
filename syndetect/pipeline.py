"""The scan pipeline: prepare → index → align → derive → report."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect import kernels
from syndetect.align import Match, SentenceTable, align_sentences, build_passage
from syndetect.compact import int_array
from syndetect.derive import clusters, common_sources, decide_direction
from syndetect.errors import DuplicateIdError
from syndetect.index import Candidates, Permutations, find_candidates, minhash_signature
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.normalize import Words
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.parallel import Progress, run_stage, run_stream
from syndetect.shingle import (
    PreparedDocument,
    common_sentences,
    common_shingles,
    drop_sentences_many,
    drop_shingles_many,
    prepare,
)
from syndetect.spool import Spool, pack, spooled

__all__ = ["build_pair", "candidate_pairs", "scan"]


def _coverage(spans: Iterable[tuple[int, int]], length: int) -> float:
    covered = sum(end - start for start, end in spans)
    return round(covered / length, 4) if length else 0.0


def build_pair(
    a: PreparedDocument,
    b: PreparedDocument,
    info_a: DocumentInfo,
    info_b: DocumentInfo,
    matches: Sequence[Match],
    jaccard: float,
) -> Pair:
    """The reported pair of two aligned documents, with its direction.

    Args:
        a: The document with the smaller id.
        b: The other document.
        info_a: ``describe(a.document)``.
        info_b: ``describe(b.document)``.
        matches: ``align(a, b, options)``, not empty.
        jaccard: MinHash estimate of the two documents' Jaccard similarity.
    """
    forward = [build_passage(a, b, m) for m in matches]
    contained_a = _coverage(((p.source_start, p.source_end) for p in forward), info_a.length)
    contained_b = _coverage(((p.derived_start, p.derived_end) for p in forward), info_b.length)
    direction = decide_direction(info_a, info_b, contained_a, contained_b)
    if direction.source_is_a is False:
        swapped = [Match(m.b_start, m.b_end, m.a_start, m.a_end) for m in matches]
        passages = [build_passage(b, a, m) for m in swapped]
        source, derived = b.document.id, a.document.id
        contained_source, contained_derived = contained_b, contained_a
    else:
        passages = forward
        source, derived = a.document.id, b.document.id
        contained_source, contained_derived = contained_a, contained_b
    return Pair(
        source=source,
        derived=derived,
        direction="undetermined" if direction.source_is_a is None else "source_to_derived",
        jaccard=round(jaccard, 4),
        containment_source=contained_source,
        containment_derived=contained_derived,
        evidence=direction.evidence,
        passages=tuple(sorted(passages, key=lambda p: (p.source_start, p.derived_start))),
    )


_NO_WORDS = Words((), array("i"), array("i"))


def _prepare_one(
    options: ScanOptions, document: Document
) -> tuple[PreparedDocument, DocumentInfo, bytes]:
    """The document prepared without its text and words, which travel as a
    spool record instead, and what the report says of it."""
    prepared = prepare(document, options)
    light = replace(prepared, document=replace(document, text=""), words=_NO_WORDS)
    return light, describe(document), pack(document.text, prepared.words)


@dataclass(frozen=True)
class _Collection:
    """The prepared documents of a scan, sorted by id, without their texts
    and words, which :meth:`whole` reads back from the spool; their sentences
    and shingles are in ``table`` too."""

    kept: Sequence[PreparedDocument]
    table: SentenceTable
    spool: Spool
    records: Sequence[int]

    def whole(self, number: int) -> PreparedDocument:
        light = self.kept[number]
        text, words = self.spool.read(self.records[number])
        return replace(light, document=replace(light.document, text=text), words=words)


def _pairs_of(
    shared: tuple[_Collection, Sequence[DocumentInfo], ScanOptions, Candidates],
    span: tuple[int, int],
) -> list[Pair]:
    """The pairs of candidates ``[start, stop)``, which all have the same first document."""
    documents, infos, options, candidates = shared
    group = candidates[span[0] : span[1]]
    first = int(group.first[0])
    seconds = group.second.tolist()
    found = documents.table.sentences_to_align(first, seconds, options)
    pairs = []
    a: PreparedDocument | None = None  # read from the spool once needed
    for j, jaccard, sentence_pairs in zip(seconds, group.jaccard.tolist(), found, strict=True):
        if sentence_pairs:
            if a is None:
                a = documents.whole(first)
            b = documents.whole(j)
            matches = align_sentences(a, b, sentence_pairs, options)
            if matches:
                pairs.append(build_pair(a, b, infos[first], infos[j], matches, jaccard))
    return pairs


def _signature_of(
    shared: tuple[Sequence[PreparedDocument], Permutations], number: int
) -> npt.NDArray[np.uint32]:
    documents, perms = shared
    return minhash_signature(documents[number].shingles, perms)


def _spans(candidates: Candidates, longest: int) -> list[tuple[int, int]]:
    """Runs of candidates with the same first document, at most ``longest`` long."""
    starts = np.flatnonzero(np.r_[True, candidates.first[1:] != candidates.first[:-1]])
    ends = np.r_[starts[1:], len(candidates)]
    return [
        (lo, min(lo + longest, end))
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True)
        for lo in range(start, end, longest)
    ]


def candidate_pairs(
    prepared: Sequence[PreparedDocument],
    options: ScanOptions,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> tuple[list[PreparedDocument], Candidates]:
    """The collection-wide boilerplate rules, then the candidate search.

    Args:
        prepared: Every document of the collection, prepared, sorted by id.
        options: Scan options.
        jobs: Processes for the document signatures and the sentence index.
        progress: Told how the candidate search advances.

    Returns:
        The documents without their collection-wide boilerplate (common
        sentences, stock phrases), as they are aligned, and the candidate
        pairs, by index into ``prepared``.
    """
    common = common_sentences(prepared, options)
    kept = drop_sentences_many(prepared, common)
    perms = Permutations.create(options.num_perm, options.seed)
    # Signatures come before stock phrases are dropped, so that a document's
    # signature is the same whatever collection it is scanned with.
    signatures = np.empty((len(kept), options.num_perm), dtype=np.uint32)  # one array, not n
    computed = run_stage(
        "signatures", _signature_of, range(len(kept)), (kept, perms), jobs=jobs, chunk_size=512
    )
    for row, signature in zip(signatures, computed, strict=True):
        row[:] = signature
    del computed
    stock = common_shingles(kept, options)
    kept = drop_shingles_many(kept, stock)
    sentences = [p.sentence_shingles for p in kept]
    sizes = [[end - start for start, end in p.sentences] for p in kept]
    found = find_candidates(
        sentences, signatures, options, sentence_words=sizes, jobs=jobs, progress=progress
    )
    return kept, found


def _prepare_all(
    documents: Iterable[Document],
    options: ScanOptions,
    spool: Spool,
    jobs: int,
    progress: Progress | None,
) -> tuple[list[PreparedDocument], list[DocumentInfo], Sequence[int]]:
    """Every document prepared (read as a stream, its text and words written
    to ``spool``), sorted by id; what the report says of each; and the spool
    record of each."""
    light: list[PreparedDocument] = []
    infos: list[DocumentInfo] = []
    kernels.enabled()  # loads the compiled loops, if any, before workers fork
    for prepared, info, record in run_stream(
        "prepare", _prepare_one, documents, options, jobs=jobs, progress=progress
    ):
        spool.append(record)
        light.append(prepared)
        infos.append(info)
    spool.seal()
    ids = [p.document.id for p in light]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    light = [light[i] for i in order]
    _check_unique(light)
    return light, [infos[i] for i in order], int_array(order)


def _check_unique(prepared: Sequence[PreparedDocument]) -> None:
    """Raise :class:`DuplicateIdError` for two documents (sorted by id) with one id."""
    for previous, current in pairwise(p.document for p in prepared):
        if previous.id == current.id:
            where = current.path or previous.path or "<input>"
            raise DuplicateIdError(where, f"duplicate document id {current.id!r}")


def scan(
    documents: Iterable[Document],
    *,
    options: ScanOptions = DEFAULT_OPTIONS,
    jobs: int = 1,
    progress: Progress | None = None,
    **changes: Any,
) -> Report:
    """Find the documents that share passages, and which derives from which.

    Args:
        documents: The articles, in any order (the report does not depend on
            it). An empty iterable gives an empty report. It is read once, as
            a stream: the texts go to a temporary file as they are prepared
            (see :mod:`syndetect.spool`), so a generator keeps them out of
            memory.
        options: Tuning options; defaults suit news articles.
        jobs: Processes for preparing documents, finding candidates and
            aligning them (`syndetect.parallel.available_cores()` is all this
            process may use); the report is the same for any number.
        progress: Called as ``progress(stage, done, total)`` while the
            ``"prepare"``, ``"candidates"`` and ``"align"`` stages advance.
        **changes: Override single fields of ``options``, e.g.
            ``min_passage_words=30``. An unknown name raises ``TypeError``, an
            invalid value ``ValueError``.

    Returns:
        The report: every document, every pair sharing at least one passage
        (sorted by source then derived id), and the clusters they form.

    Raises:
        DuplicateIdError: Two documents have the same id.
        TemporaryFileError: The texts cannot be written to a temporary file
            (``$TMPDIR`` missing or full).

    Examples:
        >>> from syndetect import Document, scan
        >>> wire = ("Officials said the bridge would reopen on Monday after a week of repairs. "
        ...         "Engineers found cracks in two of its steel supports during an inspection.")
        >>> docs = [Document("a", wire + " Traffic was light."), Document("b", "Briefly: " + wire)]
        >>> [(p.source, p.derived, len(p.passages)) for p in scan(docs).pairs]
        [('a', 'b', 1)]
    """
    if changes:
        options = replace(options, **changes)
    with spooled() as spool:
        light, infos, records = _prepare_all(documents, options, spool, jobs, progress)
        kept, candidates = candidate_pairs(light, options, jobs=jobs, progress=progress)
        del light  # what candidate_pairs changed is kept once, not twice
        table = SentenceTable(kept)
        kept = list(table.documents)  # their shingles now views of the table's arrays
        found = run_stage(
            "align",
            _pairs_of,
            _spans(candidates, 256) if len(candidates) else [],
            (_Collection(kept, table, spool, records), infos, options, candidates),
            jobs=jobs,
            chunk_size=16,
            progress=progress,
        )
    pairs = sorted((p for group in found for p in group), key=lambda p: (p.source, p.derived))
    pairs = sorted(common_sources(pairs, infos), key=lambda p: (p.source, p.derived))
    return Report(
        documents=tuple(infos),
        pairs=tuple(pairs),
        clusters=clusters([info.id for info in infos], pairs),
    )
