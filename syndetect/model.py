"""The data model: documents in, a report of pairs and passages out.

All classes are frozen dataclasses. Offsets are Python ``str`` indices into
:attr:`Document.text` exactly as read, end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Cluster",
    "DiffOp",
    "Document",
    "DocumentInfo",
    "Pair",
    "Passage",
    "Report",
]

DiffOp = tuple[Literal["equal", "delete", "insert"], str]
"""One word-level diff step: ``("equal"|"delete"|"insert", text)``."""


@dataclass(frozen=True)
class Document:
    """One article to scan.

    ``date`` is not validated: a value that does not parse as ISO 8601 is
    dropped (the report's date is ``None`` and no date is looked for in the
    text). The JSONL reader rejects such dates.

    Args:
        id: Unique identifier (file stem, relative path or JSONL ``id``).
        text: The full text as read; all offsets point into it.
        title: Headline, if known; otherwise one is looked for in the text.
        date: ISO 8601 date or datetime string, if known; otherwise a dateline
            is looked for in the text.
        url: Where the article was published, if known. Its host name is
            matched against other articles' outlet credits.
        outlet: Publishing outlet (e.g. ``"Newsmax"``), if known. Matched
            against other articles' "via ..." credits.
        path: File the document was read from (for messages only; it takes no
            part in ``==``).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DocumentInfo:
    """What the report says about one scanned document.

    Metadata given with the document wins; missing title, date and url are
    inferred from the first lines of the text where they look like one.

    Attributes:
        id: Document id.
        title: Given title, or the first headline-like line of the text.
        date: Given date (as given), or a dateline found in the first lines,
            as ``YYYY-MM-DD``.
        url: Given URL, or a bare URL line near the top.
        length: ``len(text)``, in characters.
        outlet: Given outlet only.
        wires: News agencies the text credits ("(Reuters) -", "with AFP").
        credited_outlets: Other outlets the text credits ("via Newsmax").
        reprinted_wires: The agencies of ``wires`` credited by a credit line
            that a reprint adds ("Source: AFP", "— Reuters", "By AFP"), not
            only by the agency's own dateline ("MOSCOW (Reuters) -").
    """

    id: str
    title: str | None
    date: str | None
    url: str | None
    length: int
    outlet: str | None = None
    wires: tuple[str, ...] = ()
    credited_outlets: tuple[str, ...] = ()
    reprinted_wires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Passage:
    """A stretch of text shared by the two documents of a pair.

    Attributes:
        source_start: Start offset in the source text.
        source_end: End offset (exclusive) in the source text.
        derived_start: Start offset in the derived text.
        derived_end: End offset (exclusive) in the derived text.
        similarity: Normalised Indel similarity of the two sides, 0..1.
        kind: ``"verbatim"`` if identical after normalisation, else ``"near"``.
        diff: Word-level diff from source to derived. Concatenating the
            ``equal`` and ``delete`` texts gives the source side; the
            ``insert`` texts come from the derived side.
        source_text: ``source.text[source_start:source_end]``.
        derived_text: ``derived.text[derived_start:derived_end]``.
    """

    source_start: int
    source_end: int
    derived_start: int
    derived_end: int
    similarity: float
    kind: Literal["verbatim", "near"]
    diff: tuple[DiffOp, ...]
    source_text: str
    derived_text: str


@dataclass(frozen=True)
class Pair:
    """Two documents that share at least one passage.

    Attributes:
        source: Id of the source; when the direction is undetermined, the
            smaller of the two ids.
        derived: Id of the derived document; when undetermined, the larger id.
        direction: ``"source_to_derived"`` when the evidence decided the
            direction, else ``"undetermined"``.
        jaccard: MinHash estimate of the Jaccard similarity of the two
            documents' shingle sets (4 decimals).
        containment_source: Share of the source's characters inside the
            passages (4 decimals).
        containment_derived: Share of the derived document's characters inside
            the passages (4 decimals).
        evidence: Reasons for the direction, strongest first.
        passages: The shared passages, sorted by position in the source.
    """

    source: str
    derived: str
    direction: Literal["source_to_derived", "undetermined"]
    jaccard: float
    containment_source: float
    containment_derived: float
    evidence: tuple[str, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Cluster:
    """Documents connected by pairs.

    Attributes:
        source: The member every other member derives from, when one can be
            named; else ``None``.
        members: Ids of the connected documents, sorted.
    """

    source: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """The result of a scan.

    Attributes:
        documents: Every document scanned, sorted by id.
        pairs: Every pair sharing at least one passage, sorted by (source,
            derived).
        clusters: Groups of documents connected by pairs, sorted by their
            members.
    """

    documents: tuple[DocumentInfo, ...]
    pairs: tuple[Pair, ...]
    clusters: tuple[Cluster, ...]

    def to_dict(self) -> dict[str, object]:
        """Return the report as plain JSON-ready data (schema ``syndetect/report/1``)."""
        from syndetect.report import report_to_dict

        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON text (schema ``syndetect/report/1``).

        Args:
            indent: Spaces per indentation level; ``None`` puts the report on
                one line.

        Returns:
            JSON text ending with a newline. The same report always gives the
            same bytes.
        """
        from syndetect.report import render_json

        return render_json(self, indent=indent)

    def to_text(self) -> str:
        """Return the human-readable text report, as ``syndetect scan`` prints it
        (without colour)."""
        from syndetect.report import render_text

        return render_text(self)
