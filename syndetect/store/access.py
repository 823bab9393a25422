"""What the index logic needs from a storage backend: :class:`_Access`, the
reads (and, in a write transaction, the writes) of one consistent view of an
index, and the records it reads and writes.

The planning, querying and checking in :mod:`syndetect.store.core`,
:mod:`~syndetect.store.query` and :mod:`~syndetect.store.integrity` go through
this interface only; :mod:`~syndetect.store.sqlite_access` and
:mod:`~syndetect.store.redis_store` implement it. Sentence keys are unsigned
64-bit integers, shingles unsigned 32-bit integers, and ``doc`` the backend's
number of an indexed document.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from syndetect.model import Document

Bucket = tuple[int, bytes]
"""An LSH bucket: ``(band, key)``."""

SentenceBand = tuple[int, bytes, int]
"""A sentence's LSH bucket with the sentence: ``(band, key, sentence key)``."""


@dataclass(frozen=True)
class _Row:
    """An indexed document as stored (what :meth:`_Access.rows` returns).

    Attributes:
        doc: Its number in the index.
        document: The document (text and metadata).
        digest: Identity of its content (:func:`~syndetect.store.encoding._digest`).
        signature: Its signature, little-endian ``uint32`` bytes.
        prepared: Its words, sentences and shingles
            (:func:`~syndetect.store.encoding.encode_prepared`).
        info: Its report entry as JSON.
    """

    doc: int
    document: Document
    digest: bytes
    signature: bytes
    prepared: bytes
    info: str


@dataclass(frozen=True)
class _Record:
    """A document to insert, with everything the index keeps of it.

    Attributes:
        document: The document.
        site: Its site (:func:`syndetect.shingle.site_of`), if any.
        digest: Identity of its content.
        signature: Its signature (without boilerplate sentences).
        prepared: Its encoded words, sentences and shingles.
        info: Its report entry as JSON.
        keys: Its usable sentence keys, sorted.
        sentence_bands: Buckets of its sentence sketches, sorted.
        document_bands: Buckets of its signature.
    """

    document: Document
    site: str | None
    digest: bytes
    signature: npt.NDArray[np.uint32]
    prepared: bytes
    info: str
    keys: tuple[int, ...]
    sentence_bands: tuple[SentenceBand, ...]
    document_bands: tuple[Bucket, ...]


@dataclass(frozen=True)
class _Counts:
    """New counts a change sets: a count of zero deletes the entry.

    Attributes:
        sentences: ``key -> (df, site_max)``.
        sites: ``(site, key) -> n``.
        shingles: ``shingle -> df``.
    """

    sentences: dict[int, tuple[int, int]]
    sites: dict[tuple[str, int], int]
    shingles: dict[int, int]


class _Access(ABC):
    """One consistent view of an index: what one transaction reads and writes.

    A read transaction sees the index as of one committed change; a write
    transaction reads the index as it was when it began (its own writes are
    not read back), and all its writes become visible at once, or none.
    """

    # -- reads of the planning and the query ---------------------------------

    @abstractmethod
    def total(self) -> int:
        """Number of indexed documents."""

    @abstractmethod
    def stored(self, ids: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        """``id -> (doc, digest)`` of those of ``ids`` that are indexed."""

    @abstractmethod
    def sites_and_keys(self, docs: Sequence[int]) -> dict[int, tuple[str | None, frozenset[int]]]:
        """Site and sentence keys of each of ``docs``."""

    @abstractmethod
    def counts(self, keys: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Stored ``(df, site_max)`` of those of ``keys`` that are counted."""

    def common_counts(
        self, keys: Sequence[int], floor: float, site_docs: int
    ) -> dict[int, tuple[int, int]]:
        """:meth:`counts` of those of ``keys`` that are boilerplate: counted in
        at least ``floor`` documents, or ``site_docs`` of one site (never less
        than the index's ``common_sentence_docs`` and ``site_boilerplate_docs``)."""
        return {
            k: (df, m) for k, (df, m) in self.counts(keys).items() if df >= floor or m >= site_docs
        }

    @abstractmethod
    def site_counts(self, keys: Sequence[int]) -> dict[int, dict[str, int]]:
        """Stored ``site -> n`` of each of ``keys`` that has any."""

    @abstractmethod
    def counts_between(self, low: int, high: int) -> list[tuple[int, int, int]]:
        """``(key, df, site_max)`` of every counted key with ``low <= df <= high``."""

    @abstractmethod
    def docs_with(self, keys: Sequence[int]) -> list[list[int]]:
        """The documents holding each of the sentence ``keys``."""

    @abstractmethod
    def shingle_counts(self, shingles: Sequence[int]) -> dict[int, int]:
        """Stored ``df`` of those of ``shingles`` that are counted."""

    @abstractmethod
    def frequent_shingles(self, floor: float) -> set[int]:
        """Shingles counted in at least ``floor`` documents."""

    @abstractmethod
    def rows(self, docs: Sequence[int]) -> list[_Row]:
        """The stored rows of those of ``docs`` that are indexed."""

    @abstractmethod
    def sentence_hits(self, buckets: Sequence[Bucket]) -> list[list[tuple[int, int]]]:
        """``(doc, sentence key)`` in each of the sentence LSH ``buckets``."""

    @abstractmethod
    def document_hits(self, buckets: Sequence[Bucket]) -> list[list[int]]:
        """The documents in each of the document LSH ``buckets``."""

    # -- reads of the deep integrity check -----------------------------------

    @abstractmethod
    def docs(self) -> list[int]:
        """Numbers of all indexed documents, sorted."""

    @abstractmethod
    def bands_of(self, doc: int) -> tuple[set[SentenceBand], set[Bucket]]:
        """The stored sentence and document buckets of ``doc``."""

    @abstractmethod
    def all_shingle_counts(self) -> dict[int, int]:
        """Every stored shingle count."""

    # -- writes (write transactions only) ------------------------------------

    @abstractmethod
    def delete(self, doc: int) -> None:
        """Delete ``doc`` and everything the index keeps of it (not its counts)."""

    @abstractmethod
    def insert(self, record: _Record) -> None:
        """Insert a document (its counts are set by :meth:`set_counts`)."""

    @abstractmethod
    def set_counts(self, counts: _Counts) -> None:
        """Set the sentence, site and shingle counts a change touches."""

    @abstractmethod
    def set_signature(
        self, doc: int, signature: npt.NDArray[np.uint32], bands: Sequence[Bucket]
    ) -> None:
        """Replace the signature of ``doc`` and its document buckets."""
