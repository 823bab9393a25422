"""The scan pipeline: prepare → index → align → derive → report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect.align import Match, align_many, build_passage
from syndetect.derive import clusters, common_sources, decide_direction
from syndetect.errors import DuplicateIdError
from syndetect.index import Candidates, Permutations, find_candidates, minhash_signature
from syndetect.metadata import describe
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.parallel import Progress, run_stage
from syndetect.shingle import (
    PreparedDocument,
    common_sentences,
    common_shingles,
    drop_sentences,
    drop_shingles,
    prepare,
    share_words,
)

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


def _prepare_one(
    shared: tuple[Sequence[Document], ScanOptions], number: int
) -> tuple[int, PreparedDocument, DocumentInfo]:
    documents, options = shared
    document = documents[number]
    prepared = prepare(document, options)
    # The text stays behind: the caller has the document already.
    without_text = replace(prepared, document=replace(document, text=""))
    return number, without_text, describe(document)


def _pairs_of(
    shared: tuple[Sequence[PreparedDocument], Sequence[DocumentInfo], ScanOptions, Candidates],
    span: tuple[int, int],
) -> list[Pair]:
    """The pairs of candidates ``[start, stop)``, which all have the same first document."""
    prepared, infos, options, candidates = shared
    group = candidates[span[0] : span[1]]
    first = int(group.first[0])
    a = prepared[first]
    seconds = group.second.tolist()
    found = align_many(a, [prepared[j] for j in seconds], options)
    return [
        build_pair(a, prepared[j], infos[first], infos[j], matches, jaccard)
        for j, jaccard, matches in zip(seconds, group.jaccard.tolist(), found, strict=True)
        if matches
    ]


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
    kept = [drop_sentences(p, common) for p in prepared]
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
    kept = [drop_shingles(p, stock) for p in kept]
    sentences = [p.sentence_shingles for p in kept]
    sizes = [[end - start for start, end in p.sentences] for p in kept]
    found = find_candidates(
        sentences, signatures, options, sentence_words=sizes, jobs=jobs, progress=progress
    )
    return kept, found


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
            it). An empty iterable gives an empty report.
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
    docs = sorted(documents, key=lambda d: d.id)
    for previous, current in pairwise(docs):
        if previous.id == current.id:
            where = current.path or previous.path or "<input>"
            raise DuplicateIdError(where, f"duplicate document id {current.id!r}")

    def restore(
        result: tuple[int, PreparedDocument, DocumentInfo],
    ) -> tuple[int, PreparedDocument, DocumentInfo]:
        number, prepared, info = result
        return number, replace(share_words(prepared), document=docs[number]), info

    prepared_infos = run_stage(
        "prepare",
        _prepare_one,
        range(len(docs)),
        (docs, options),
        jobs=jobs,
        progress=progress,
        finish=restore,
    )
    prepared = [p for _, p, _ in prepared_infos]
    infos = [info for _, _, info in prepared_infos]
    del prepared_infos
    prepared, candidates = candidate_pairs(prepared, options, jobs=jobs, progress=progress)
    found = run_stage(
        "align",
        _pairs_of,
        _spans(candidates, 256) if len(candidates) else [],
        (prepared, infos, options, candidates),
        jobs=jobs,
        chunk_size=16,
        progress=progress,
    )
    pairs = sorted((p for group in found for p in group), key=lambda p: (p.source, p.derived))
    pairs = sorted(common_sources(pairs, infos), key=lambda p: (p.source, p.derived))
    return Report(
        documents=tuple(infos),
        pairs=tuple(pairs),
        clusters=clusters([d.id for d in docs], pairs),
    )
