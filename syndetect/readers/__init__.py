"""Readers: turn paths into :class:`~syndetect.model.Document` objects.

Each input format has its own module; :func:`read_paths` picks one by file
extension and walks directories recursively. The HTML, WARC and feed readers
import their libraries (trafilatura, warcio, feedparser) only when a file of
theirs is read, and name the extra to install when one is missing.

Plain text and JSONL are decoded with the ``encoding`` given to
:func:`read_paths` (UTF-8 by default); HTML pages, WARC archives and feeds
carry their own encoding (byte-order mark, HTTP header, ``<meta charset>``,
XML declaration) and ignore it.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from syndetect.errors import (
    DuplicateIdError,
    EmptyInputError,
    MissingPathError,
    NoArticleError,
    SkippedFileWarning,
    UnsupportedFormatError,
)
from syndetect.model import Document
from syndetect.readers.feed import read_feed
from syndetect.readers.html import read_html_file
from syndetect.readers.jsonl import read_jsonl, read_jsonl_stream
from syndetect.readers.text import check_encoding, read_text_file
from syndetect.readers.warc import read_warc

__all__ = [
    "SUFFIXES",
    "read_feed",
    "read_html_file",
    "read_jsonl",
    "read_paths",
    "read_text_file",
    "read_warc",
]

STDIN = "-"

# suffix -> reader(path, id, encoding): id is the path rule for one-article
# files (relative path without extension in a directory, else None for the
# stem); encoding is that of plain text and JSONL, the web formats find their own
_Reader = Callable[[Path, str | None, str], Iterable[Document]]
_READERS: dict[str, _Reader] = {
    ".txt": lambda path, id, encoding: [read_text_file(path, id=id, encoding=encoding)],
    ".jsonl": lambda path, id, encoding: read_jsonl(path, encoding=encoding),
    ".html": lambda path, id, encoding: [read_html_file(path, id=id)],
    ".htm": lambda path, id, encoding: [read_html_file(path, id=id)],
    ".warc": lambda path, id, encoding: read_warc(path),
    ".warc.gz": lambda path, id, encoding: read_warc(path),
    ".xml": lambda path, id, encoding: read_feed(path, id=id),
    ".rss": lambda path, id, encoding: read_feed(path, id=id),
    ".atom": lambda path, id, encoding: read_feed(path, id=id),
}
SUFFIXES = tuple(_READERS)
_EXPECTED = f"{', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]}"
_TWO_PART = tuple(s for s in SUFFIXES if s.count(".") > 1)


def _suffix(path: Path) -> str:
    """The format suffix, lower-cased: ``.warc.gz`` counts as one."""
    name = path.name.lower()
    return next((s for s in _TWO_PART if name.endswith(s)), path.suffix.lower())


def _stem(path: Path) -> Path:
    """``path`` without its format suffix (``a/b.warc.gz`` -> ``a/b``)."""
    suffix = _suffix(path)
    return path.with_name(path.name[: -len(suffix)]) if suffix else path


def _read_file(path: Path, id: str | None, encoding: str) -> Iterator[Document]:
    reader = _READERS.get(_suffix(path))
    if reader is None:
        raise UnsupportedFormatError(
            str(path),
            f"unsupported input format {_suffix(path) or '(no extension)'!r}; expected {_EXPECTED}",
        )
    yield from reader(path, id, encoding)


def _read_directory(root: Path, encoding: str) -> Iterator[Document]:
    found = False
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if _suffix(path) not in SUFFIXES:
            continue
        found = True
        try:
            # Read the file whole: a file that turns out to hold no article
            # must not leave some of its documents read.
            documents = list(_read_file(path, _stem(rel).as_posix(), encoding))
        except NoArticleError as exc:
            warnings.warn(f"{exc}; skipped", SkippedFileWarning, stacklevel=2)
            continue
        yield from documents
    if not found:
        raise EmptyInputError(str(root), f"directory holds no {_EXPECTED} file")


def _read_one(path: str, encoding: str) -> Iterator[Document]:
    if path == STDIN:
        yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", encoding=encoding)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p, encoding)
    elif p.exists():
        yield from _read_file(p, None, encoding)
    else:
        raise MissingPathError(path, "no such file or directory")


def read_paths(paths: Iterable[str | Path], *, encoding: str = "utf-8") -> Iterator[Document]:
    """Read every document under ``paths``.

    Args:
        paths: Files, directories (read recursively: ``*.txt``, ``*.jsonl``,
            ``*.html``, ``*.htm``, ``*.warc``, ``*.warc.gz``, ``*.xml``,
            ``*.rss``, ``*.atom``) or ``"-"`` for JSONL on standard input.
        encoding: Text encoding of the plain-text and JSONL inputs, any codec
            Python knows (``"cp1252"``, ``"latin-1"``, ``"utf-16"``). HTML,
            WARC and feeds detect their own encoding and ignore it.

    Yields:
        Documents, in path order.

    Raises:
        SyndetectError: A subclass naming the path (and line) of the problem;
            bytes not valid in ``encoding`` give a ``DecodeError`` naming it.
        LookupError: ``encoding`` is not a text encoding Python knows
            (raised before any path is read).
    """
    check_encoding(encoding)
    seen: dict[str, str] = {}
    done: set[str] = set()
    for path in paths:
        key = str(path) if str(path) == STDIN else str(Path(path).resolve())
        if key in done:  # the same path given twice is read once
            continue
        done.add(key)
        for doc in _read_one(str(path), encoding):
            where = doc.path or str(path)
            if doc.id in seen:
                raise DuplicateIdError(
                    where, f"duplicate id {doc.id!r}, first read from {seen[doc.id]}"
                )
            seen[doc.id] = where
            yield doc
