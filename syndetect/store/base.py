"""The storage interface of the index, :class:`IndexStore`, and the results
it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from types import TracebackType
from typing import Any

from syndetect.model import Document, Report
from syndetect.options import ScanOptions


@dataclass(frozen=True)
class AddResult:
    """What [`IndexStore.add`][syndetect.store.IndexStore.add] did, by document id.

    Attributes:
        added: Ids that were not in the index (sorted).
        replaced: Ids that were, with other content, now replaced (sorted).
        unchanged: Ids already indexed with the same content (sorted).
    """

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]


@dataclass(frozen=True)
class RemoveResult:
    """What [`IndexStore.remove`][syndetect.store.IndexStore.remove] did, by document id.

    Attributes:
        removed: Ids that were removed (sorted).
        missing: Ids that were not in the index (sorted).
    """

    removed: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class IndexStats:
    """Size and settings of an index.

    Attributes:
        location: The index file or URL (its password masked).
        schema_version: Version of its schema.
        documents: Documents held.
        sentences: Usable sentences held (their keys).
        boilerplate_sentences: Distinct sentences currently treated as
            boilerplate (site furniture or corpus-wide).
        sentence_band_rows: Rows of the sentence LSH.
        document_band_rows: Rows of the document LSH.
        size_bytes: SQLite: bytes on disk (database plus write-ahead log).
            Redis: bytes of memory the whole Redis server uses (``used_memory``).
        options: The scan options the index was built with.
    """

    location: str
    schema_version: int
    documents: int
    sentences: int
    boilerplate_sentences: int
    sentence_band_rows: int
    document_band_rows: int
    size_bytes: int
    options: ScanOptions

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        data = asdict(self)
        data["options"] = asdict(self.options)
        return data


class IndexStore(ABC):
    """A persistent index of documents (the storage interface).

    Use it as a context manager, or call [`close`][syndetect.store.IndexStore.close].
    """

    location: str
    options: ScanOptions

    @abstractmethod
    def add(self, documents: Iterable[Document]) -> AddResult:
        """Add documents, all or none.

        Idempotent by id: a document whose id and content (text and metadata)
        are already in the index is left alone; one whose id is there with
        other content replaces it.

        Raises:
            DuplicateIdError: Two of ``documents`` have the same id.
            IndexStoreError: The index cannot be written.
        """

    @abstractmethod
    def remove(self, ids: Iterable[str]) -> RemoveResult:
        """Remove documents by id, all or none; unknown ids are reported, not an error."""

    @abstractmethod
    def query(self, documents: Iterable[Document]) -> Report:
        """Compare new documents with the index and with each other.

        Returns:
            The report [`syndetect.scan`][syndetect.scan] gives on the indexed documents
            plus ``documents`` (which replace indexed documents of the same
            id), restricted to the pairs that involve one of ``documents``.
            Its ``documents`` are the new documents and the indexed documents
            they pair with; its clusters are those of the reported pairs.

            One approximation: when a shingle became a stock phrase (see
            ``ScanOptions.common_shingle_docs``) after an indexed document
            was added, a pair with that document which only a scan's
            stock-free sentence sketches bring together can be missed.

            The crowding rule (``ScanOptions.short_sentence_docs``) counts
            the documents in a sentence bucket from the buckets stored with
            each indexed document, corrected by the indexed documents the
            query reads; it inherits the same approximation: a document whose
            stored buckets differ from a scan's sketch because of such a
            stock phrase can be counted in the wrong bucket. Only a count at
            the limit is affected, and then only the candidates that a short
            sentence alone makes: one can be missed or, unlike above, added
            (and aligned: a pair the scan would not report then needs other
            shared passages, since a short sentence is too short to make one).
        """

    @abstractmethod
    def candidates(self, documents: Iterable[Document]) -> list[tuple[str, str]]:
        """The id pairs (sorted, each in id order) that
        [`query`][syndetect.store.IndexStore.query] aligns."""

    @abstractmethod
    def get(self, id: str) -> Document | None:
        """The indexed document with this id, if any."""

    @abstractmethod
    def ids(self) -> list[str]:
        """Ids of all indexed documents, sorted."""

    @abstractmethod
    def stats(self) -> IndexStats:
        """Size and settings of the index."""

    @abstractmethod
    def integrity_check(self, *, deep: bool = False) -> tuple[str, ...]:
        """Problems found in the index; empty when it is sound.

        Args:
            deep: Also recompute every document's sentences, band keys and
                signature from its stored text and compare (slow on large
                indexes).
        """

    @abstractmethod
    def close(self) -> None:
        """Release the index."""

    def __enter__(self) -> IndexStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
