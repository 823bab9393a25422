"""What adding or removing documents does to the index: the documents going
in and out, which sentences are boilerplate and which shingles stock phrases
after the change (from the document counts the index keeps), and the
documents as a scan would see them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from syndetect.errors import DuplicateIdError
from syndetect.model import Document, DocumentInfo
from syndetect.options import ScanOptions
from syndetect.shingle import PreparedDocument, prepare, site_of, usable_keys
from syndetect.store.access import _Access


def _usable_keys(prepared: PreparedDocument) -> frozenset[int]:
    return frozenset(usable_keys(prepared).tolist())


def _unique(documents: Iterable[Document]) -> list[Document]:
    docs = sorted(documents, key=lambda d: d.id)
    for previous, current in pairwise(docs):
        if previous.id == current.id:
            where = current.path or previous.path or "<input>"
            raise DuplicateIdError(where, f"duplicate document id {current.id!r}")
    return docs


@dataclass(frozen=True)
class _New:
    """A document being added or queried, prepared once."""

    document: Document
    prepared: PreparedDocument
    keys: frozenset[int]
    site: str | None


def _new(document: Document, options: ScanOptions) -> _New:
    p = prepare(document, options)
    return _New(document, p, _usable_keys(p), site_of(document))


@dataclass(frozen=True)
class _Removed:
    """An indexed document leaving the index (or hidden by a new one)."""

    doc: int
    keys: frozenset[int]
    site: str | None


def _shingle_floor(options: ScanOptions, total: int) -> float:
    # As in syndetect.shingle.common_shingles.
    return max(options.common_shingle_docs, options.common_shingle_fraction * total)


def _count(arrays: Sequence[npt.NDArray[np.uint32]]) -> Counter[int]:
    """In how many of ``arrays`` (each of distinct values) each value occurs."""
    if not arrays:
        return Counter()
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    return Counter(dict(zip(values.tolist(), counts.tolist(), strict=True)))


def _floor(options: ScanOptions, total: int) -> float:
    # As in syndetect.shingle.common_sentences.
    return max(options.common_sentence_docs, options.common_sentence_fraction * total)


class _Boilerplate:
    """Which sentence keys are boilerplate in a (possibly changed) index.

    Counts come from the index, overridden for the keys that the change
    touches; the corpus-wide floor is that of the changed document total.
    """

    def __init__(
        self,
        access: _Access,
        options: ScanOptions,
        total: int,
        overrides: dict[int, tuple[int, int]],
    ) -> None:
        self._access = access
        self._site_docs = options.site_boilerplate_docs
        self._floor = _floor(options, total)
        self._counts = dict(overrides)

    def is_common(self, df: int, site_max: int) -> bool:
        return df >= self._floor or site_max >= self._site_docs

    def common(self, keys: Iterable[int]) -> frozenset[int]:
        """The boilerplate ones among ``keys`` (unsigned sentence keys)."""
        keys = list(keys)
        unknown = sorted({k for k in keys if k not in self._counts})
        # only the boilerplate ones are read: (0, 0) stands for any other
        self._counts.update(self._access.common_counts(unknown, self._floor, self._site_docs))
        for k in unknown:
            self._counts.setdefault(k, (0, 0))
        return frozenset(k for k in keys if self.is_common(*self._counts[k]))


@dataclass(frozen=True)
class _Plan:
    """The effect of removing ``removed`` and adding ``added`` documents.

    Attributes:
        boilerplate: Boilerplate status of sentences after the change.
        counts: New ``(df, site_max)`` of every sentence key the change touches.
        site_counts: New per-site counts the change touches.
        affected: Indexed documents (not removed) whose signature changes
            because a sentence of theirs changes boilerplate status.
        removed: The documents removed (or hidden by new ones of their id).
        stock: Stock-phrase shingles after the change, sorted.
        shingle_counts: New document count of every shingle the change touches.
    """

    boilerplate: _Boilerplate
    counts: dict[int, tuple[int, int]]
    site_counts: dict[tuple[str, int], int]
    affected: tuple[int, ...]
    removed: frozenset[int]
    stock: npt.NDArray[np.uint32]
    shingle_counts: dict[int, int]


@dataclass(frozen=True)
class _Loaded:
    """An indexed document as stored; ``data`` is its encoded prepared
    document (:func:`~syndetect.store.encoding.encode_prepared`), which
    ``prepared`` may have been read from without its words."""

    prepared: PreparedDocument
    signature: npt.NDArray[np.uint32]
    info: DocumentInfo
    digest: bytes
    data: bytes


@dataclass(frozen=True)
class _Effective:
    """A document as a scan of the index (plus new documents) sees it.

    Attributes:
        document: The document.
        prepared: Without boilerplate sentences and stock phrases: what the
            sentence LSH and the alignment see.
        signature: Its signature (without boilerplate sentences).
        unstocked: Without boilerplate sentences, with stock phrases.
    """

    document: Document
    prepared: PreparedDocument
    signature: npt.NDArray[np.uint32]
    unstocked: PreparedDocument
