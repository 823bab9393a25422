"""The scan pipeline: prepare → index → align → derive → report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

from syndetect.align import Match, align, build_passage
from syndetect.derive import clusters, common_sources, decide_direction
from syndetect.errors import DuplicateIdError
from syndetect.index import Candidate, Permutations, find_candidates, minhash_signature
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
)

__all__ = ["build_pair", "scan"]


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
) -> tuple[PreparedDocument, DocumentInfo]:
    documents, options = shared
    return prepare(documents[number], options), describe(documents[number])


def _pair_of(
    shared: tuple[Sequence[PreparedDocument], Sequence[DocumentInfo], ScanOptions],
    candidate: Candidate,
) -> Pair | None:
    prepared, infos, options = shared
    a, b = prepared[candidate.first], prepared[candidate.second]
    matches = align(a, b, options)
    if not matches:
        return None
    return build_pair(
        a, b, infos[candidate.first], infos[candidate.second], matches, candidate.jaccard
    )


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
        jobs: Processes for preparing documents and aligning candidate pairs
            (see :func:`syndetect.parallel.available_cores`); the report is
            the same for any number.
        progress: Called as ``progress(stage, done, total)`` while the
            ``"prepare"`` and ``"align"`` stages advance.
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
    prepared_infos = run_stage(
        "prepare", _prepare_one, range(len(docs)), (docs, options), jobs=jobs, progress=progress
    )
    prepared = [p for p, _ in prepared_infos]
    infos = [info for _, info in prepared_infos]
    del prepared_infos
    common = common_sentences(prepared, options)
    prepared = [drop_sentences(p, common) for p in prepared]
    perms = Permutations.create(options.num_perm, options.seed)
    signatures = [minhash_signature(p.shingles, perms) for p in prepared]
    stock = common_shingles(prepared, options)
    prepared = [drop_shingles(p, stock) for p in prepared]
    candidates = find_candidates([p.sentence_shingles for p in prepared], signatures, options)
    found = run_stage(
        "align",
        _pair_of,
        candidates,
        (prepared, infos, options),
        jobs=jobs,
        chunk_size=256,
        progress=progress,
    )
    pairs = sorted((p for p in found if p is not None), key=lambda p: (p.source, p.derived))
    pairs = sorted(common_sources(pairs, infos), key=lambda p: (p.source, p.derived))
    return Report(
        documents=tuple(infos),
        pairs=tuple(pairs),
        clusters=clusters([d.id for d in docs], pairs),
    )
