"""Sentence shingles: word n-grams taken inside sentences, minus boilerplate.

A shingle is ``n`` consecutive normalised words of one sentence, joined by
single spaces and hashed with :func:`shingle_hash` (xxHash32, seed 0, of the
UTF-8 bytes). Shingles never cross a sentence boundary, so shuffling sentences
does not change a document's shingle set.

Boilerplate never creates matches:

* sentences shorter than ``min_sentence_words`` words (datelines, "Text size:");
* a sentence that occurs more than once in the same document (a headline the
  page repeats four times) and any shingle found in two sentences of one
  document;
* sentences repeated across one site's pages, or found in a large share of
  the whole collection (see :func:`common_sentences`).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any, cast
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt
import xxhash

from syndetect import kernels
from syndetect.compact import (
    Flags,
    Keys,
    SentenceShingles,
    Spans,
    as_sequence,
    in_sorted,
    sorted_unique,
)
from syndetect.model import Document
from syndetect.normalize import Words, encoded_words, words
from syndetect.options import ScanOptions
from syndetect.segment import sentences

__all__ = [
    "PreparedDocument",
    "common_sentences",
    "common_shingles",
    "drop_sentences",
    "drop_sentences_many",
    "drop_shingles",
    "drop_shingles_many",
    "ngrams",
    "prepare",
    "sentence_lengths",
    "shingle_hash",
    "site_of",
    "usable_keys",
]

HashArray = npt.NDArray[np.uint32]
_EMPTY = np.zeros(0, dtype=np.uint32)


def shingle_hash(shingle: str | bytes) -> int:
    """The 32-bit shingle hash: xxHash32 with seed 0 of the UTF-8 bytes.

    Pass it as ``hashfunc`` to ``datasketch.MinHash`` to get signatures equal to
    syndetect's (see :mod:`syndetect.index`).
    """
    data = shingle.encode("utf-8") if isinstance(shingle, str) else shingle
    return int(xxhash.xxh32_intdigest(data, seed=0))


_xxh32 = xxhash.xxh32_intdigest  # seed 0: the same as shingle_hash, one call less


def _sentence_key(ws: Sequence[str]) -> int:
    return int(xxhash.xxh64_intdigest(" ".join(ws).encode("utf-8")))


@dataclass(frozen=True)
class PreparedDocument:
    """A document split into normalised words, sentences and shingles.

    The per-sentence fields are compact sequences (:mod:`syndetect.compact`):
    a large scan keeps every prepared document in memory (its words and text
    in a :mod:`~syndetect.spool` until aligned). Each compares equal
    to the tuple of its values, and any sequence given is converted.

    Attributes:
        document: The document as read.
        words: Its normalised words with original offsets.
        sentences: Word-index ranges ``(start, end)`` of each sentence.
        keys: A 64-bit hash of each sentence's words (to spot repeats).
        usable: Whether each sentence may create matches.
        sentence_shingles: Shingle hashes of each sentence, each sentence's
            sorted (empty if not usable); one array per sentence, made as it
            is read.
    """

    document: Document
    words: Words
    sentences: Sequence[tuple[int, int]]
    keys: Sequence[int]
    usable: Sequence[bool]
    sentence_shingles: Sequence[HashArray]

    def __post_init__(self) -> None:
        for name, kind in (
            ("sentences", Spans),
            ("keys", Keys),
            ("usable", Flags),
            ("sentence_shingles", SentenceShingles),
        ):
            object.__setattr__(self, name, as_sequence(getattr(self, name), kind))

    def shingle_texts(self, shingle_size: int) -> list[str]:
        """The distinct shingles behind :attr:`shingles`, as text, sorted.

        Feeding them (UTF-8 encoded or not) to
        ``datasketch.MinHash(hashfunc=shingle_hash).update_batch`` reproduces
        syndetect's signature of this document.
        """
        kept = set(self.shingles.tolist())
        texts: set[str] = set()
        for (start, end), ok in zip(self.sentences, self.usable, strict=True):
            if ok:
                texts.update(
                    g
                    for g in ngrams(self.words.words[start:end], shingle_size)
                    if shingle_hash(g) in kept
                )
        return sorted(texts)

    @property
    def shingle_sentences(self) -> tuple[HashArray, npt.NDArray[Any], npt.NDArray[np.int32]]:
        """Every shingle hash, sorted, with the index of its sentence (a
        shingle is in one sentence only: repeats are dropped by
        :func:`prepare`), and the number of shingles of each sentence.
        Kept as such, not computed."""
        return _table(self).sorted_view

    @property
    def shingles(self) -> HashArray:
        """The document's distinct shingle hashes, sorted."""
        return _table(self).distinct()


def _table(doc: PreparedDocument) -> SentenceShingles:
    """``doc.sentence_shingles``, which ``__post_init__`` made a SentenceShingles."""
    return cast(SentenceShingles, doc.sentence_shingles)


def _keys(doc: PreparedDocument) -> Keys:
    return cast(Keys, doc.keys)


def _flags(doc: PreparedDocument) -> Flags:
    return cast(Flags, doc.usable)


def sentence_lengths(doc: PreparedDocument) -> npt.NDArray[np.int64]:
    """The number of words of each sentence of ``doc``."""
    bounds = cast(Spans, doc.sentences).array().reshape(-1, 2)
    return bounds[:, 1] - bounds[:, 0]


def usable_keys(doc: PreparedDocument) -> npt.NDArray[np.uint64]:
    """The keys of the sentences of ``doc`` that may create matches."""
    return _keys(doc).array()[_flags(doc).array()]


def ngrams(ws: Sequence[str], n: int) -> list[str]:
    """The shingles (as text) of one sentence's words; a sentence shorter
    than ``n`` words is one shingle."""
    if len(ws) < n:
        return [" ".join(ws)]
    return [" ".join(ws[i : i + n]) for i in range(len(ws) - n + 1)]


def _shingle_sentences(
    ws: Words, spans: Sequence[tuple[int, int]], usable: Sequence[bool], n: int
) -> SentenceShingles:
    per_sentence: list[list[int]] = []
    seen_in = Counter[int]()
    for (start, end), ok in zip(spans, usable, strict=True):
        hashes = (
            sorted({_xxh32(g.encode("utf-8")) for g in ngrams(ws.words[start:end], n)})
            if ok
            else []
        )
        per_sentence.append(hashes)
        seen_in.update(hashes)
    # A shingle in two sentences of one page is page furniture, not content.
    kept = [[h for h in hashes if seen_in[h] == 1] for hashes in per_sentence]
    flat = np.fromiter(chain.from_iterable(kept), dtype=np.uint32, count=sum(map(len, kept)))
    return SentenceShingles.from_flat(flat, [len(hashes) for hashes in kept])


def prepare(document: Document, options: ScanOptions) -> PreparedDocument:
    """Normalise, segment and shingle one document.

    Args:
        document: The document.
        options: Scan options (``shingle_size``, ``min_sentence_words``).

    Returns:
        The prepared document, with document-local boilerplate marked unusable.
    """
    if kernels.enabled():
        return _prepare_compiled(document, options)
    ws = words(document.text)
    spans: list[tuple[int, int]] = []
    first = 0
    for _, end in sentences(document.text):
        last = bisect_left(ws.starts, end, lo=first)  # the first word from `end` on
        if last > first:
            spans.append((first, last))
        first = last
    keys = tuple(_sentence_key(ws.words[s:e]) for s, e in spans)
    counts = Counter(keys)
    usable = tuple(
        e - s >= options.min_sentence_words and counts[k] == 1
        for (s, e), k in zip(spans, keys, strict=True)
    )
    return PreparedDocument(
        document=document,
        words=ws,
        sentences=Spans(spans),
        keys=Keys(keys),
        usable=Flags(usable),
        sentence_shingles=_shingle_sentences(ws, spans, usable, options.shingle_size),
    )


def _prepare_compiled(document: Document, options: ScanOptions) -> PreparedDocument:
    """:func:`prepare` by the compiled loops of :mod:`syndetect.kernels`: the
    same rules, on the words' UTF-8 bytes (a shingle or a sentence is one
    range of them) and with arrays for every per-sentence step."""
    ws, wb = encoded_words(document.text)
    ends = np.fromiter((end for _, end in sentences(document.text)), dtype=np.int64)
    word_starts = np.frombuffer(ws.starts, dtype=np.int32 if ws.starts.itemsize == 4 else np.int64)
    # The first word from each sentence's end on bounds it (as in prepare).
    bounds = np.r_[0, np.maximum.accumulate(np.searchsorted(word_starts, ends))].astype(np.int64)
    nonempty = bounds[1:] > bounds[:-1]
    first, last = bounds[:-1][nonempty], bounds[1:][nonempty]
    compiled = kernels.compiled()
    keys = compiled.hash64(wb.data, wb.starts[first], wb.ends[last - 1])
    usable = last - first >= options.min_sentence_words
    ordered = np.sort(keys)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if len(repeated):  # a sentence the page repeats (a headline) is furniture
        usable &= ~np.isin(keys, repeated)
    flat, sizes = compiled.sentence_shingles(
        wb.data,
        wb.starts,
        wb.ends,
        np.column_stack((first, last)).ravel(),
        usable,
        options.shingle_size,
    )
    return PreparedDocument(
        document=document,
        words=ws,
        sentences=Spans.from_bounds(first, last),
        keys=Keys.from_array(keys),
        usable=Flags(usable.tolist()),
        sentence_shingles=SentenceShingles.from_flat(flat, sizes),
    )


def site_of(document: Document) -> str | None:
    """The site a document was published on: its outlet, else its URL's host."""
    if document.outlet:
        return document.outlet.strip().lower()
    if document.url:
        host = urlsplit(document.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def common_sentences(prepared: Iterable[PreparedDocument], options: ScanOptions) -> frozenset[int]:
    """Keys of sentences that are boilerplate across documents.

    Two rules, neither of which touches a wire story reprinted by many outlets:

    * site furniture: a sentence found in at least ``site_boilerplate_docs``
      documents of the same site (outlet, else URL host) — a footer or a
      newsletter blurb; a reprinted wire sentence appears once per story;
    * corpus-wide: a sentence found in at least ``common_sentence_docs``
      documents *and* in at least ``common_sentence_fraction`` of all of them.
    """
    keys = array("Q")  # the usable keys of each document, one after the other
    per_doc: list[int] = []
    site_of_doc: list[int] = []
    sites: dict[str, int] = {}
    for doc in prepared:
        usable = sorted_unique(_keys(doc).array()[_flags(doc).array()])
        keys.frombytes(usable.tobytes())
        per_doc.append(len(usable))
        site = site_of(doc.document)
        site_of_doc.append(-1 if site is None else sites.setdefault(site, len(sites)))
    every = np.frombuffer(keys, dtype=np.uint64)
    floor = max(options.common_sentence_docs, options.common_sentence_fraction * len(per_doc))
    common = set(_counted(every, floor).tolist())
    sites_of_keys = np.repeat(np.array(site_of_doc, dtype=np.int64), per_doc)
    known = sites_of_keys >= 0
    # A key's documents on one site: the runs of equal (site, key).
    site_keys, on_site = every[known], sites_of_keys[known]
    order = np.lexsort((site_keys, on_site))
    pairs = np.column_stack((on_site[order], site_keys[order].view(np.int64)))
    common.update(_counted(pairs, options.site_boilerplate_docs).tolist())
    return frozenset(common)


def _counted(values: npt.NDArray[Any], floor: float) -> npt.NDArray[Any]:
    """Of ``values`` (one per row; rows sorted unless 1-d), those found in at
    least ``floor`` rows, distinct; for rows ``(site, key)``, the keys."""
    if values.ndim == 1:
        values = np.sort(values)
    least = max(1, math.ceil(floor))
    if len(values) < least:
        return np.zeros(0, dtype=values.dtype)
    # A row that equals the row least - 1 further on starts a run long enough.
    same = values[least - 1 :] == values[: len(values) - least + 1]
    if same.ndim > 1:
        same = same.all(axis=1)
    found: npt.NDArray[Any] = np.unique(values[: len(same)][same], axis=0)
    return found if found.ndim == 1 else found[:, 1].view(np.uint64)


def drop_sentences(doc: PreparedDocument, keys: frozenset[int]) -> PreparedDocument:
    """Mark the sentences whose key is in ``keys`` unusable."""
    return drop_sentences_many([doc], keys)[0]


def drop_sentences_many(
    docs: Sequence[PreparedDocument], keys: frozenset[int]
) -> list[PreparedDocument]:
    """:func:`drop_sentences` of each of ``docs``, the keys of all of them
    looked up at once."""
    if not keys:
        return list(docs)
    wanted = np.fromiter(keys, dtype=np.uint64, count=len(keys))
    wanted.sort()
    out: list[PreparedDocument] = []
    for part in _batches(docs):
        found = in_sorted(wanted, np.concatenate([_EMPTY_KEYS, *(_keys(d).array() for d in part)]))
        end = 0
        for doc in part:
            start, end = end, end + len(doc.keys)
            mine = found[start:end]
            if not mine.any():
                out.append(doc)
                continue
            usable = _flags(doc).array() & ~mine
            table = _table(doc).keep(usable, None)
            out.append(replace(doc, usable=Flags(usable.tolist()), sentence_shingles=table))
    return out


def common_shingles(prepared: Sequence[PreparedDocument], options: ScanOptions) -> HashArray:
    """Stock phrases: shingles found in at least ``common_shingle_docs``
    documents and in at least ``common_shingle_fraction`` of all of them
    (passim's ``max-df`` idea). Returns their hashes, sorted."""
    floor = max(options.common_shingle_docs, options.common_shingle_fraction * len(prepared))
    if len(prepared) < floor:
        return _EMPTY
    every = array("I")  # the distinct shingles of each document, one after the other
    for doc in prepared:
        every.frombytes(doc.shingles.tobytes())
    found = _counted(np.frombuffer(every, dtype=np.uint32), floor)
    return np.asarray(found, dtype=np.uint32)


def drop_shingles(doc: PreparedDocument, shingles: HashArray) -> PreparedDocument:
    """Remove ``shingles`` (sorted hashes) from every sentence of ``doc``: they
    then neither make a candidate pair nor make two sentences worth aligning.
    Compute the document's signature before, so that it stays the same
    whatever collection the document is scanned with."""
    return drop_shingles_many([doc], shingles)[0]


def drop_shingles_many(
    docs: Sequence[PreparedDocument], shingles: HashArray
) -> list[PreparedDocument]:
    """:func:`drop_shingles` of each of ``docs``, the hashes of all of them
    looked up at once."""
    if not len(shingles):
        return list(docs)
    out: list[PreparedDocument] = []
    for part in _batches(docs):
        views = [_table(d).sorted_view[0] for d in part]
        keep = ~in_sorted(np.asarray(shingles), np.concatenate([_EMPTY, *views]))
        end = 0
        for doc, view in zip(part, views, strict=True):
            start, end = end, end + len(view)
            mine = keep[start:end]
            out.append(
                doc if mine.all() else replace(doc, sentence_shingles=_table(doc).keep(None, mine))
            )
    return out


_EMPTY_KEYS = np.zeros(0, dtype=np.uint64)
_BATCH = 1024


def _batches(docs: Sequence[PreparedDocument]) -> Iterator[Sequence[PreparedDocument]]:
    # bounds the arrays made at once when a whole collection is passed
    for start in range(0, len(docs), _BATCH):
        yield docs[start : start + _BATCH]
