"""WARC reader: each HTML page a crawler saved is one article.

A ``response`` record is read when its HTTP status is 200 and its
``Content-Type`` is ``text/html`` or ``application/xhtml+xml``; every other
record (``warcinfo``, ``request``, ``revisit``, images, 404 pages...) is
skipped. The page goes through the same extraction as an ``.html`` file
(:func:`syndetect.readers.html.extract_html`), decoded with the charset of the
HTTP header first. Rules:

* id and url are the record's ``WARC-Target-URI``;
* date is the page's own date, else the date part of ``WARC-Date``;
* a page in which trafilatura finds no main text (an index page, a login
  wall) or that holds binary data is skipped; a WARC with no article at all
  is an :class:`EmptyInputError`;
* a target URI seen earlier in the same WARC is skipped: the first capture
  wins (crawlers revisit pages; the first capture is the one nearest to
  publication);
* a truncated or corrupt file is a :class:`CorruptArchiveError` naming it.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from syndetect.errors import DecodeError, EmptyInputError
from syndetect.model import Document
from syndetect.readers.html import decode_html, extract_html, missing_library
from syndetect.readers.text import open_binary

__all__ = ["CorruptArchiveError", "read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class CorruptArchiveError(DecodeError):
    """A WARC file is truncated or not a valid WARC."""


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """``"text/html; charset=ISO-8859-1"`` -> ``("text/html", "ISO-8859-1")``."""
    if not content_type:
        return "", None
    media, *params = content_type.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _corrupt(path: str, exc: BaseException) -> CorruptArchiveError:
    if isinstance(exc, AttributeError | TypeError):  # warcio on a header cut short
        reason = "a record header is incomplete"
    else:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
    return CorruptArchiveError(path, f"truncated or corrupt WARC: {reason}")


def _records(iterator: Any, path: str, corrupt: tuple[type[Exception], ...]) -> Iterator[Any]:
    """The iterator's records, turning warcio's failures and warnings into errors.

    warcio writes "Record not followed by newline" to stderr when a record's
    ``Content-Length`` does not match the data, and fails with an
    ``AttributeError`` on a response record whose header is cut short.
    """
    failures: tuple[type[Exception], ...] = (*corrupt, AttributeError, TypeError)
    while True:
        warnings = io.StringIO()
        try:
            with contextlib.redirect_stderr(warnings):
                record = next(iterator, None)
        except failures as exc:
            raise _corrupt(path, exc) from None
        if warnings.getvalue():
            raise CorruptArchiveError(
                path, "corrupt WARC: a record's length does not match its data"
            )
        if record is None:
            return
        yield record


def _drain(record: Any, number: int, path: str) -> None:
    """Read the rest of a record; a short read means the file is truncated."""
    stream = record.raw_stream
    if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
        raise CorruptArchiveError(path, f"truncated WARC: record {number} has an incomplete header")
    while stream.read(65536):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise CorruptArchiveError(path, f"truncated WARC: record {number} is cut short")


def _article(record: Any, number: int, path: str) -> Document | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    media, charset = _media_type(record.http_headers.get_header("Content-Type"))
    if media not in _HTML_TYPES:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
    data = record.content_stream().read()
    if not uri:
        raise CorruptArchiveError(path, f"record {number} has no WARC-Target-URI")
    where = f"{path}#{number}"
    try:
        html = decode_html(data, where, charset=charset)
    except DecodeError:  # binary data served as HTML: not an article
        return None
    page = extract_html(html, where, url=uri, extra="warc")
    if page is None:
        return None
    warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return Document(
        id=uri,
        text=page.text,
        title=page.title,
        date=page.date or warc_date,
        url=uri,
        outlet=page.outlet,
        path=where,
    )


def _read_stream(stream: BinaryIO, path: str) -> Iterator[Document]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
        from warcio.statusandheaders import StatusAndHeadersParserException
    except ImportError:
        raise missing_library(path, "warcio", "warc", "WARC files") from None
    corrupt = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError)
    seen: set[str] = set()
    count = 0
    iterator = ArchiveIterator(stream)
    records = _records(iterator, path, corrupt)
    for number, record in enumerate(records, start=1):
        try:
            doc = _article(record, number, path)
            _drain(record, number, path)
        except corrupt as exc:
            raise _corrupt(path, exc) from None
        if doc is None or doc.id in seen:
            continue
        seen.add(doc.id)
        count += 1
        yield doc
    # warcio ends quietly on a record whose header is cut short: anything but
    # blank lines after the last complete record means the file is truncated
    stream.seek(iterator.offset)
    if stream.read(4096).strip():
        raise CorruptArchiveError(path, "truncated WARC: the last record is incomplete")
    if count == 0:
        raise EmptyInputError(path, "no HTML response record with status 200 and main text")


def read_warc(path: str | Path) -> Iterator[Document]:
    """Read a ``.warc`` or ``.warc.gz`` file: one document per HTML page.

    Raises:
        MissingPathError: The file does not exist.
        CorruptArchiveError: The file is truncated or not a WARC.
        EmptyInputError: The file holds no HTML page with main text.
        UnsupportedFormatError: warcio or trafilatura is not installed.
    """
    with open_binary(path) as handle:
        yield from _read_stream(handle, str(path))
