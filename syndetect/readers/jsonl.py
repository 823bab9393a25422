"""JSONL reader: one JSON object per line, one article per object."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from syndetect.errors import DecodeError, EmptyInputError, MalformedRecordError
from syndetect.metadata import parse_date
from syndetect.model import Document
from syndetect.readers.text import open_binary

__all__ = ["read_jsonl", "read_jsonl_stream"]

_OPTIONAL = ("title", "date", "url", "outlet")


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _record(line: bytes, path: str, number: int) -> Document | None:
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        raise DecodeError(path, "not valid UTF-8", line=number) from None
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


def read_jsonl_stream(stream: BinaryIO | Iterable[bytes], path: str) -> Iterator[Document]:
    """Read documents from a binary stream of JSONL lines.

    Args:
        stream: Lines of bytes (a file opened in binary mode, ``sys.stdin.buffer``).
        path: Name used in error messages.

    Raises:
        MalformedRecordError: A line is not a valid record.
        EmptyInputError: The stream holds no record.
    """
    count = 0
    for number, line in enumerate(stream, start=1):
        doc = _record(line, path, number)
        if doc is not None:
            count += 1
            yield doc
    if count == 0:
        raise EmptyInputError(path, "no records")


def read_jsonl(path: str | Path) -> Iterator[Document]:
    """Read a ``.jsonl`` file: one object per line with ``id`` and ``text``
    (required) and ``title``, ``date``, ``url``, ``outlet`` (optional).

    Raises:
        MissingPathError: The file does not exist.
        MalformedRecordError: A line is not a valid record (the message names
            ``file.jsonl:LINE``).
        EmptyInputError: The file has no record, or a record has empty text.
    """
    with open_binary(path) as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            raise DecodeError(str(path), "binary file, not JSONL")
        handle.seek(0)
        yield from read_jsonl_stream(handle, str(path))
