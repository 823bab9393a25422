"""Passage alignment between two documents (the rapidfuzz seam).

For a candidate pair, every two sentences that share at least
``min_shared_shingles`` shingles that are not stock phrases are aligned
word by word (order-independent, so shuffled reprints align too). The best
local stretch of each alignment is kept when it covers at least 60% of one
of the two sentences and its two sides are at least ``near_threshold``
similar. Non-overlapping stretches, best first, are then merged into passages
where they follow each other in both documents. Paraphrase, which keeps the
facts but not the wording, falls below the threshold and is not a passage.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel, Levenshtein

from syndetect import kernels
from syndetect.compact import SentenceShingles, Spans
from syndetect.model import DiffOp, Passage
from syndetect.options import ScanOptions
from syndetect.shingle import PreparedDocument

__all__ = [
    "Match",
    "SentenceTable",
    "align",
    "align_many",
    "align_sentences",
    "build_passage",
    "may_align",
    "sentences_to_align",
    "shared_words",
    "similarity",
]

# Words that may separate two stretches merged into one passage (a stripped
# dateline, a one-word aside).
MERGE_GAP_WORDS = 3
# Longest stretch of shared words between two matches that still joins them.
MAX_BRIDGE_WORDS = 40
# A stretch must cover most of one of its two sentences: a shared clause inside
# two differently worded sentences is paraphrase, not copying.
MIN_SENTENCE_COVERAGE = 0.6


@dataclass(frozen=True, order=True)
class Match:
    """Aligned word ranges ``[a_start, a_end)`` and ``[b_start, b_end)``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Normalised Indel similarity (0..1) of two word sequences, by characters."""
    return float(Indel.normalized_similarity(" ".join(a), " ".join(b)))


def _best_stretch(a: Sequence[str], b: Sequence[str]) -> tuple[int, int, int, int, int] | None:
    """Best-scoring local stretch of the word alignment of ``a`` and ``b``.

    Equal words score +1, every edited word -1 (maximum subarray over the
    alignment's blocks). Returns ``(a0, a1, b0, b1, equal_words)`` or None.
    """
    best: tuple[int, int, int, int, int] | None = None
    best_score = 0
    run_start: tuple[int, int] | None = None
    score = equal = 0
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            if run_start is None:
                run_start, score, equal = (op.src_start, op.dest_start), 0, 0
            score += op.src_end - op.src_start
            equal += op.src_end - op.src_start
            if score > best_score:
                best_score = score
                best = (run_start[0], op.src_end, run_start[1], op.dest_end, equal)
        elif run_start is not None:
            score -= max(op.src_end - op.src_start, op.dest_end - op.dest_start)
            if score <= 0:
                run_start = None
    return best


# Documents compared with one document at a time by _sentence_pairs_many:
# bounds the grid of sentence pairs counted at once.
_BATCH = 128


def _sentence_pairs_many(
    a: PreparedDocument, others: Sequence[PreparedDocument], min_shared: int
) -> list[list[tuple[int, int]]]:
    """For each of ``others``, the sentence index pairs ``(i, j)`` (``i`` in
    ``a``) sharing at least ``min_shared`` shingles (short sentences: all of
    their shingles), sorted; computed with a few array operations for all of
    ``others`` at once."""
    found: list[list[tuple[int, int]]] = [[] for _ in others]
    ha, sa, size_a = a.shingle_sentences
    if not len(ha):
        return found
    for lo in range(0, len(others), _BATCH):
        parts = [b.shingle_sentences for b in others[lo : lo + _BATCH]]
        hb = np.concatenate([p[0] for p in parts])
        if not len(hb):
            continue
        owner = np.repeat(np.arange(len(parts)), [len(p[0]) for p in parts])
        sb = np.concatenate([p[1] for p in parts])
        at = np.searchsorted(ha, hb)
        at[at == len(ha)] = 0
        shared = ha[at] == hb
        if not shared.any():
            continue
        # One cell per (other document, sentence of a, sentence of it).
        widths = np.array([len(p[2]) for p in parts], dtype=np.int64)
        first_cell = np.r_[0, np.cumsum(len(size_a) * widths)[:-1]]
        first_sentence = np.r_[0, np.cumsum(widths)[:-1]]
        own = owner[shared]
        cells, counts = np.unique(
            first_cell[own] + sa[at[shared]] * widths[own] + sb[shared], return_counts=True
        )
        which = np.searchsorted(first_cell, cells, side="right") - 1
        local = cells - first_cell[which]
        i, j = local // widths[which], local % widths[which]
        size_b = np.concatenate([p[2] for p in parts])[first_sentence[which] + j]
        keep = counts >= np.minimum(np.minimum(size_a[i], size_b), min_shared)
        for k, si, sj in zip(which[keep].tolist(), i[keep].tolist(), j[keep].tolist(), strict=True):
            found[lo + k].append((si, sj))
    return found


class _Taken:
    """Word ranges already taken by a match, none overlapping another."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a taken range: the last range
        starting before ``end`` is the one ending last among them."""
        at = bisect_left(self._ranges, (end, end))
        return at > 0 and self._ranges[at - 1][1] > start

    def take(self, start: int, end: int) -> None:
        insort(self._ranges, (start, end))


def _joins(
    p: Match,
    m: Match,
    accepted: Sequence[Match],
    wa: Sequence[str],
    wb: Sequence[str],
    options: ScanOptions,
) -> bool:
    """Whether ``m`` continues ``p`` in both documents: it follows ``p`` in
    both, nothing else matched lies between them, and what lies between is
    either a few words or itself shared (short sentences that cannot create a
    match on their own, such as "Thus Abana produces cardioprotection.")."""
    gap_a, gap_b = m.a_start - p.a_end, m.b_start - p.b_end
    if gap_a < 0 or gap_b < 0:
        return False
    if gap_a <= MERGE_GAP_WORDS and gap_b <= MERGE_GAP_WORDS:
        return True
    if max(gap_a, gap_b) > MAX_BRIDGE_WORDS:
        return False
    if any(p.b_end <= o.b_start < m.b_start for o in accepted):
        return False
    between = similarity(wa[p.a_end : m.a_start], wb[p.b_end : m.b_start])
    return between >= options.near_threshold


def align(a: PreparedDocument, b: PreparedDocument, options: ScanOptions) -> list[Match]:
    """Find the passages two prepared documents share.

    Args:
        a: First document.
        b: Second document.
        options: Scan options (``near_threshold``, ``min_passage_words``,
            ``min_shared_shingles``, ...).

    Returns:
        Non-overlapping word-range matches, sorted by position in ``a``; none
        when they share fewer than ``min_pair_words`` words in all (words
        edited on one side do not count).
    """
    return align_many(a, [b], options)[0]


def align_many(
    a: PreparedDocument, others: Sequence[PreparedDocument], options: ScanOptions
) -> list[list[Match]]:
    """``[align(a, b, options) for b in others]``, faster: the sentences
    worth aligning are found for all of ``others`` at once.

    Most candidate pairs of a large scan share no sentence worth aligning;
    this finds them without a Python-level step per pair.
    """
    pairs = sentences_to_align(a, others, options)
    return [
        align_sentences(a, b, found, options) if found else []
        for b, found in zip(others, pairs, strict=True)
    ]


def sentences_to_align(
    a: PreparedDocument, others: Sequence[PreparedDocument], options: ScanOptions
) -> list[list[tuple[int, int]]]:
    """For each of ``others``, the sentence pairs ``(i, j)`` (``i`` in ``a``)
    that :func:`align_many` aligns word by word: those sharing enough
    shingles, or none when they could not make ``min_pair_words`` shared
    words. Needs the documents' sentences and shingles, not their words."""
    if kernels.enabled():
        return _sentences_to_align_compiled(a, others, options)
    pairs = _sentence_pairs_many(a, others, options.min_shared_shingles)
    return [
        found if found and _most_shared(a, b, found) >= options.min_pair_words else []
        for b, found in zip(others, pairs, strict=True)
    ]


def _sentences_to_align_compiled(
    a: PreparedDocument, others: Sequence[PreparedDocument], options: ScanOptions
) -> list[list[tuple[int, int]]]:
    """:func:`sentences_to_align` by one compiled loop over ``others``."""
    table = SentenceTable([a, *others], share=False)
    return table.sentences_to_align(0, range(1, len(others) + 1), options)


class SentenceTable:
    """The sentences and shingles of many prepared documents in flat arrays,
    one document after the other, for :meth:`sentences_to_align` to compare
    one of them with many others in one compiled call (numba, see
    :mod:`syndetect.kernels`) instead of a few array operations per pair.

    Args:
        documents: The documents, by number.
        share: Whether to give back the documents with their shingle tables
            made views of this table's arrays (:attr:`documents`), so that
            the values are held once when the documents are kept.

    Attributes:
        documents: The documents, their shingle tables views of this table's
            arrays, or ``documents`` as given when not ``share``.
    """

    def __init__(self, documents: Sequence[PreparedDocument], *, share: bool = True) -> None:
        views = [d.shingle_sentences for d in documents]
        hash_counts = np.fromiter((len(v[0]) for v in views), dtype=np.int64, count=len(views))
        sentence_counts = np.fromiter((len(v[2]) for v in views), dtype=np.int64, count=len(views))
        self.hash_offsets = np.r_[0, np.cumsum(hash_counts)].astype(np.int64)
        self.sentence_offsets = np.r_[0, np.cumsum(sentence_counts)].astype(np.int64)
        total = int(self.hash_offsets[-1])
        wide = any(v[1].dtype != np.uint16 for v in views)
        self.hashes = np.empty(total, dtype=np.uint32)
        self.sentence: npt.NDArray[np.integer[Any]] = np.empty(
            total, dtype=np.int32 if wide else np.uint16
        )
        self.sizes = np.empty(int(self.sentence_offsets[-1]), dtype=np.int32)
        spans = [_spans(d).array() for d in documents]
        longest = max((int(x.max()) for x in spans if len(x)), default=0)
        self.spans = np.empty(2 * len(self.sizes), dtype=np.int32 if longest < 2**31 else np.int64)
        kept: list[PreparedDocument] = []
        for d, (doc, view) in enumerate(zip(documents, views, strict=True)):
            lo, hi = int(self.hash_offsets[d]), int(self.hash_offsets[d + 1])
            first, last = int(self.sentence_offsets[d]), int(self.sentence_offsets[d + 1])
            self.hashes[lo:hi], self.sentence[lo:hi], self.sizes[first:last] = view
            self.spans[2 * first : 2 * last] = spans[d]
            if share:
                table = SentenceShingles.from_sorted(
                    self.hashes[lo:hi], self.sentence[lo:hi], self.sizes[first:last]
                )
                kept.append(replace(doc, sentence_shingles=table))
        self.documents: Sequence[PreparedDocument] = kept if share else documents

    def sentences_to_align(
        self, a: int, others: Sequence[int], options: ScanOptions
    ) -> list[list[tuple[int, int]]]:
        """``sentences_to_align(documents[a], [documents[b] for b in others],
        options)``."""
        if not kernels.enabled():
            docs = self.documents
            return sentences_to_align(docs[a], [docs[b] for b in others], options)
        found: list[list[tuple[int, int]]] = [[] for _ in others]
        k, i, j = kernels.compiled().sentence_pairs(
            self.hashes,
            self.sentence,
            self.sizes,
            self.spans,
            self.hash_offsets,
            self.sentence_offsets,
            a,
            np.asarray(others, dtype=np.int64),
            options.min_shared_shingles,
            options.min_pair_words,
            MAX_BRIDGE_WORDS,
        )
        for which, si, sj in zip(k.tolist(), i.tolist(), j.tolist(), strict=True):
            found[which].append((si, sj))
        return found


def _spans(doc: PreparedDocument) -> Spans:
    """``doc.sentences``, which ``PreparedDocument`` made a Spans."""
    return doc.sentences  # type: ignore[return-value]


def _reach(spans: Sequence[tuple[int, int]], sentences: set[int]) -> int:
    """Words that matches inside ``sentences`` can cover once merged: the
    sentences, and what lies between two of them where a merge may bridge it."""
    ranges = sorted(spans[i] for i in sentences)
    words = sum(end - start for start, end in ranges)
    return words + sum(
        gap for (_, end), (start, _) in pairwise(ranges) if (gap := start - end) <= MAX_BRIDGE_WORDS
    )


def _most_shared(a: PreparedDocument, b: PreparedDocument, found: Sequence[tuple[int, int]]) -> int:
    """An upper bound of the shared words :func:`align_sentences` can find
    through the sentence pairs ``found``: a match lies inside its sentences,
    and a merge only bridges a gap of at most ``MAX_BRIDGE_WORDS`` words.
    Most candidate pairs of a large scan fall below ``min_pair_words`` here
    and need no alignment."""
    if len(found) == 1:  # most candidate pairs: one sentence each, no merge
        ((i, j),) = found
        (a0, a1), (b0, b1) = a.sentences[i], b.sentences[j]
        return min(a1 - a0, b1 - b0)
    return min(
        _reach(a.sentences, {i for i, _ in found}), _reach(b.sentences, {j for _, j in found})
    )


def may_align(
    a: PreparedDocument, others: Sequence[PreparedDocument], options: ScanOptions
) -> list[bool]:
    """Whether ``a`` has sentences worth aligning with each of ``others``
    (:func:`sentences_to_align`, whose bound holds both ways): where it has
    none, ``align(a, b)`` and ``align(b, a)`` find nothing. Needs only the
    documents' sentences and shingles, not their words."""
    return [bool(found) for found in sentences_to_align(a, others, options)]


def align_sentences(
    a: PreparedDocument,
    b: PreparedDocument,
    sentence_pairs: Sequence[tuple[int, int]],
    options: ScanOptions,
) -> list[Match]:
    """The matches of ``align(a, b, options)``, given the sentence pairs
    :func:`sentences_to_align` found for them."""
    wa, wb = a.words.words, b.words.words
    stretches: list[tuple[int, Match]] = []
    for i, j in sentence_pairs:
        sa0, sa1 = a.sentences[i]
        sb0, sb1 = b.sentences[j]
        sentence_a, sentence_b = wa[sa0:sa1], wb[sb0:sb1]
        if sentence_a == sentence_b:  # a verbatim sentence: all of it, similarity 1
            stretches.append((sa1 - sa0, Match(sa0, sa1, sb0, sb1)))
            continue
        found = _best_stretch(sentence_a, sentence_b)
        if found is None:
            continue
        a0, a1, b0, b1, equal = found
        covers = max((a1 - a0) / (sa1 - sa0), (b1 - b0) / (sb1 - sb0))
        if covers < MIN_SENTENCE_COVERAGE:
            continue
        m = Match(sa0 + a0, sa0 + a1, sb0 + b0, sb0 + b1)
        if similarity(wa[m.a_start : m.a_end], wb[m.b_start : m.b_end]) >= options.near_threshold:
            stretches.append((equal, m))
    # Most equal words first, then in Match order (its fields, compared as a tuple).
    stretches.sort(key=lambda s: (-s[0], s[1].a_start, s[1].a_end, s[1].b_start, s[1].b_end))
    taken_a, taken_b = _Taken(), _Taken()
    accepted: list[Match] = []
    for _, m in stretches:
        if taken_a.overlaps(m.a_start, m.a_end) or taken_b.overlaps(m.b_start, m.b_end):
            continue
        taken_a.take(m.a_start, m.a_end)
        taken_b.take(m.b_start, m.b_end)
        accepted.append(m)
    merged: list[Match] = []
    for m in sorted(accepted, key=lambda m: (m.a_start, m.a_end, m.b_start, m.b_end)):
        if merged and _joins(merged[-1], m, accepted, wa, wb, options):
            p = merged[-1]
            merged[-1] = Match(p.a_start, m.a_end, p.b_start, m.b_end)
        else:
            merged.append(m)
    kept = [
        m
        for m in merged
        if min(m.a_end - m.a_start, m.b_end - m.b_start) >= options.min_passage_words
    ]
    shared = sum(shared_words(wa[m.a_start : m.a_end], wb[m.b_start : m.b_end]) for m in kept)
    return kept if shared >= options.min_pair_words else []


def shared_words(a: Sequence[str], b: Sequence[str]) -> int:
    """Words the two sides of a passage have in common: the equal words of
    their alignment, as in the passage's diff. A word one side replaced or
    added is not shared text."""
    if a == b:
        return len(a)
    return sum(op.src_end - op.src_start for op in Levenshtein.opcodes(a, b) if op.tag == "equal")


_TRAILING = frozenset(".,;:!?…\"'”’»)]")


def _passage_end(doc: PreparedDocument, last_word: int) -> int:
    """End offset of a passage whose last word is ``last_word``: the word plus
    the punctuation that closes it (``.”``), but no following space."""
    text = doc.document.text
    end = doc.words.ends[last_word]
    while end < len(text) and text[end] in _TRAILING:
        end += 1
    return end


def _slice(doc: PreparedDocument, start: int, end: int, stop: int, stop_offset: int) -> str:
    """Original text of words ``[start, end)``, running up to the next word,
    or to ``stop_offset`` when ``end`` is the passage's last word (``stop``)."""
    text_end = stop_offset if end >= stop else doc.words.starts[end]
    return doc.document.text[doc.words.starts[start] : text_end]


def build_passage(source: PreparedDocument, derived: PreparedDocument, m: Match) -> Passage:
    """Turn a match (``a`` = source, ``b`` = derived) into a reported passage.

    Offsets point into the original texts; the diff is word-level, from source
    to derived, and keeps the original spelling and punctuation of each side.
    """
    source_end = _passage_end(source, m.a_end - 1)
    derived_end = _passage_end(derived, m.b_end - 1)
    ws = source.words.words[m.a_start : m.a_end]
    wd = derived.words.words[m.b_start : m.b_end]
    source_start = source.words.starts[m.a_start]
    derived_start = derived.words.starts[m.b_start]
    source_text = source.document.text[source_start:source_end]
    if ws == wd:  # verbatim: one equal run, similarity 1 (what aligning it gives)
        return Passage(
            source_start=source_start,
            source_end=source_end,
            derived_start=derived_start,
            derived_end=derived_end,
            similarity=1.0,
            kind="verbatim",
            diff=(("equal", source_text),),
            source_text=source_text,
            derived_text=derived.document.text[derived_start:derived_end],
        )
    diff: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        # A run of edits reads best as everything removed, then everything added.
        if deleted:
            diff.append(("delete", "".join(deleted)))
        if inserted:
            diff.append(("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op in Levenshtein.opcodes(ws, wd):
        s0, s1 = m.a_start + op.src_start, m.a_start + op.src_end
        d0, d1 = m.b_start + op.dest_start, m.b_start + op.dest_end
        if op.tag == "equal":
            flush()
            diff.append(("equal", _slice(source, s0, s1, m.a_end, source_end)))
            continue
        if s1 > s0:
            deleted.append(_slice(source, s0, s1, m.a_end, source_end))
        if d1 > d0:
            inserted.append(_slice(derived, d0, d1, m.b_end, derived_end))
    flush()
    return Passage(
        source_start=source_start,
        source_end=source_end,
        derived_start=derived_start,
        derived_end=derived_end,
        similarity=round(similarity(ws, wd), 4),
        kind="near",
        diff=tuple(diff),
        source_text=source_text,
        derived_text=derived.document.text[derived_start:derived_end],
    )
