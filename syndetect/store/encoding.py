"""How documents are kept in the index's rows: the content digest, the
prepared words, sentences and shingles (:func:`encode_prepared`), and the
report entry."""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import asdict
from typing import Any

import numpy as np
import numpy.typing as npt

from syndetect.compact import Flags, Keys, SentenceShingles, Spans
from syndetect.model import Document, DocumentInfo
from syndetect.normalize import Words, offsets
from syndetect.shingle import PreparedDocument

_NO_SHINGLES = np.zeros(0, dtype=np.uint32)


def _digest(document: Document) -> bytes:
    """Identity of a document's content: its text and metadata (not its path)."""
    data = json.dumps(
        [document.id, document.text, document.title, document.date, document.url, document.outlet],
        ensure_ascii=False,
    )
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).digest()


_PREPARED_HEADER = struct.Struct("<4sIIII")
_PREPARED_MAGIC = b"SDP1"


def encode_prepared(prepared: PreparedDocument) -> bytes:
    """A prepared document's words, sentences and shingles as bytes (not its
    document). Little-endian arrays after a header of counts; no pickle."""
    ws = prepared.words
    words = "\x00".join(ws.words).encode("utf-8")  # words are letters and digits
    shingles = list(prepared.sentence_shingles)
    total = sum(len(h) for h in shingles)
    parts = [
        _PREPARED_HEADER.pack(_PREPARED_MAGIC, len(ws), len(prepared.sentences), total, len(words)),
        words,
        np.asarray(ws.starts, dtype="<i4").tobytes(),
        np.asarray(ws.ends, dtype="<i4").tobytes(),
        np.asarray(prepared.sentences, dtype="<i4").reshape(-1).tobytes(),
        np.asarray(prepared.keys, dtype="<u8").tobytes(),
        np.asarray(prepared.usable, dtype="u1").tobytes(),
        np.asarray([len(h) for h in shingles], dtype="<i4").tobytes(),
        np.concatenate([*shingles, _NO_SHINGLES]).astype("<u4").tobytes(),
    ]
    return b"".join(parts)


def _header(data: bytes) -> tuple[int, int, int, int]:
    """``(words, sentences, shingles, word bytes)`` of an encoded prepared document."""
    magic, n_words, n_sent, n_shingles, n_bytes = _PREPARED_HEADER.unpack_from(data)
    if magic != _PREPARED_MAGIC:
        raise ValueError("not an encoded prepared document")
    return n_words, n_sent, n_shingles, n_bytes


def decode_words(data: bytes) -> Words:
    """The words of an encoded prepared document (:func:`encode_prepared`),
    read alone: for a document first read without them.

    Raises:
        ValueError: The bytes are not an encoded prepared document.
    """
    n_words, _, _, n_bytes = _header(data)
    at = _PREPARED_HEADER.size
    raw = data[at : at + n_bytes].decode("utf-8")
    at += n_bytes
    starts = np.frombuffer(data, dtype="<i4", count=n_words, offset=at).tolist()
    ends = np.frombuffer(data, dtype="<i4", count=n_words, offset=at + 4 * n_words).tolist()
    ws = Words(tuple(raw.split("\x00")) if raw else (), offsets(starts), offsets(ends))
    if len(ws) != n_words:
        raise ValueError("encoded prepared document has the wrong number of words")
    return ws


def decode_prepared(data: bytes, document: Document, *, words: bool = True) -> PreparedDocument:
    """The inverse of :func:`encode_prepared`, for ``document``.

    With ``words`` false, the document's words are left out (no words, no
    offsets): quicker, and enough to compare its sentences and shingles
    (:func:`decode_words` reads them later).

    Raises:
        ValueError: The bytes are not an encoded prepared document.
    """
    n_words, n_sent, n_shingles, n_bytes = _header(data)
    at = _PREPARED_HEADER.size + n_bytes + 8 * n_words
    ws = decode_words(data) if words else Words((), offsets(()), offsets(()))

    def take(dtype: str, count: int) -> npt.NDArray[Any]:
        nonlocal at
        out = np.frombuffer(data, dtype=dtype, count=count, offset=at)
        at += out.nbytes
        return out

    spans = take("<i4", 2 * n_sent)
    keys = take("<u8", n_sent)
    usable = take("u1", n_sent)
    counts = take("<i4", n_sent)
    flat = take("<u4", n_shingles).astype(np.uint32)
    if at != len(data) or int(counts.sum()) != n_shingles:
        raise ValueError("encoded prepared document has the wrong length")
    return PreparedDocument(
        document=document,
        words=ws,
        sentences=Spans.from_flat(spans),
        keys=Keys.from_array(keys),
        usable=Flags.from_array(usable),
        sentence_shingles=SentenceShingles.from_flat(flat, counts),
    )


def _same_prepared(a: PreparedDocument, b: PreparedDocument) -> bool:
    return (
        (a.words, a.sentences, a.keys, a.usable) == (b.words, b.sentences, b.keys, b.usable)
        and len(a.sentence_shingles) == len(b.sentence_shingles)
        and all(
            np.array_equal(x, y)
            for x, y in zip(a.sentence_shingles, b.sentence_shingles, strict=True)
        )
    )


def _info_json(info: DocumentInfo) -> str:
    return json.dumps(asdict(info), ensure_ascii=False, sort_keys=True)


def _info(data: str) -> DocumentInfo:
    fields_ = json.loads(data)
    for name in ("wires", "credited_outlets", "reprinted_wires"):
        if name in fields_:  # indexes written before reprinted_wires lack it
            fields_[name] = tuple(fields_[name])
    return DocumentInfo(**fields_)
