"""JSONL reader: one JSON object per line, one article per object."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from syndetect.errors import DecodeError, EmptyInputError, MalformedRecordError
from syndetect.metadata import parse_date
from syndetect.model import Document
from syndetect.readers.text import ascii_compatible, check_encoding, encoding_label, open_binary

__all__ = ["read_jsonl", "read_jsonl_stream"]

_OPTIONAL = ("title", "date", "url", "outlet")


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _lines(
    stream: BinaryIO | Iterable[bytes], path: str, encoding: str
) -> Iterator[tuple[int, str]]:
    """The numbered lines of ``stream``, decoded strictly with ``encoding``."""
    label = encoding_label(encoding)
    if ascii_compatible(encoding):  # split bytes, then decode line by line
        utf8 = label == "UTF-8"
        for number, line in enumerate(stream, start=1):
            try:
                text = line.decode("utf-8-sig" if utf8 and number == 1 else encoding)
            except UnicodeDecodeError:
                raise DecodeError(path, f"not valid {label}", line=number) from None
            yield number, text
        return
    data = b"".join(stream)  # UTF-16 and the like: a line feed is not one byte
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        number = data[: exc.start].decode(encoding, "replace").count("\n") + 1
        raise DecodeError(path, f"not valid {label}", line=number) from None
    yield from enumerate(text.split("\n"), start=1)


def _record(text: str, path: str, number: int) -> Document | None:
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(path, f"invalid JSON: {exc.msg}", line=number) from None
    except (RecursionError, ValueError) as exc:  # nesting too deep, integer too long
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise MalformedRecordError(path, f"invalid JSON: {reason}", line=number) from None
    if not isinstance(obj, dict):
        raise MalformedRecordError(path, "expected a JSON object", line=number)
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise MalformedRecordError(
            path, 'missing or invalid "id" (a non-empty string)', line=number
        )
    body = obj.get("text")
    if not isinstance(body, str):
        raise MalformedRecordError(path, 'missing or invalid "text" (a string)', line=number)
    if not body.strip():
        raise EmptyInputError(path, f'document {doc_id!r} has empty "text"', line=number)
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedRecordError(path, f'"{key}" must be a string', line=number)
        fields[key] = value
    for key, value in (("id", doc_id), ("text", body), *fields.items()):
        if value is not None and not _encodable(value):
            raise MalformedRecordError(
                path, f'"{key}" holds an invalid Unicode escape (lone surrogate)', line=number
            )
    if fields["date"] is not None and parse_date(fields["date"]) is None:
        raise MalformedRecordError(
            path, f'"date" is not an ISO 8601 date: {fields["date"]!r}', line=number
        )
    return Document(
        id=doc_id,
        text=body,
        title=fields["title"],
        date=fields["date"],
        url=fields["url"],
        outlet=fields["outlet"],
        path=f"{path}:{number}",
    )


def read_jsonl_stream(
    stream: BinaryIO | Iterable[bytes], path: str, *, encoding: str = "utf-8"
) -> Iterator[Document]:
    """Read documents from a binary stream of JSONL lines.

    Args:
        stream: Lines of bytes (a file opened in binary mode, ``sys.stdin.buffer``).
        path: Name used in error messages.
        encoding: Text encoding of the stream, any codec Python knows. With
            UTF-8 (the default) a byte-order mark before the first line is
            skipped.

    Raises:
        DecodeError: A line is not valid in ``encoding``.
        MalformedRecordError: A line is not a valid record.
        EmptyInputError: The stream holds no record.
        LookupError: ``encoding`` is not a text encoding Python knows.
    """
    check_encoding(encoding)
    count = 0
    for number, line in _lines(stream, path, encoding):
        doc = _record(line, path, number)
        if doc is not None:
            count += 1
            yield doc
    if count == 0:
        raise EmptyInputError(path, "no records")


def read_jsonl(path: str | Path, *, encoding: str = "utf-8") -> Iterator[Document]:
    """Read a ``.jsonl`` file: one object per line with ``id`` and ``text``
    (required) and ``title``, ``date``, ``url``, ``outlet`` (optional).

    Args:
        path: The file.
        encoding: Its text encoding, as for :func:`read_jsonl_stream`.

    Raises:
        MissingPathError: The file does not exist.
        DecodeError: The file is binary, or a line is not valid in ``encoding``
            (the message names ``file.jsonl:LINE`` and the encoding).
        MalformedRecordError: A line is not a valid record (the message names
            ``file.jsonl:LINE``).
        EmptyInputError: The file has no record, or a record has empty text.
        LookupError: ``encoding`` is not a text encoding Python knows.
    """
    check_encoding(encoding)
    with open_binary(path) as handle:
        head = handle.read(8192)
        if b"\x00" in head and ascii_compatible(encoding):
            raise DecodeError(str(path), "binary file, not JSONL")
        handle.seek(0)
        yield from read_jsonl_stream(handle, str(path), encoding=encoding)
