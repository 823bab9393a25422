"""The keys of a Redis index and :class:`_RedisAccess`, which reads and writes
them as Redis commands (run by :mod:`syndetect.store.redis_store`, the one
module that talks to Redis).

Every key of an index starts with its prefix ``P`` (``syndetect`` unless the
URL names another). Numbers (document numbers, sentence keys, shingles) are
decimal strings; LSH bucket keys are hex.

===========================  =======  ==============================================
Key                          Type     Holds
===========================  =======  ==============================================
``P:meta``                   hash     ``format``, ``schema_version``, ``options``,
                                      ``created_by`` (as the SQLite ``meta`` table)
``P:gen``                    string   generation: incremented by every committed change
``P:next``                   string   number of the next document
``P:ids``                    hash     document id -> document number
``P:totals``                 hash     ``sentences``, ``sentence_band_rows``,
                                      ``document_band_rows``
``P:doc:N``                  hash     document N: its text and metadata, ``site``,
                                      ``digest``, ``signature``, ``prepared``,
                                      ``info``, and its ``keys`` (sentence keys),
                                      ``sbands`` and ``dbands`` (its buckets), packed
``P:sent:K``                 set      documents holding sentence key K
``P:sdf`` / ``P:smax``       zset     sentence key -> document count / largest
                                      per-site count
``P:site:K``                 hash     site -> documents of that site holding K
``P:sb:BAND:HASH``           set      ``doc:key`` of sentences in that sentence bucket
``P:db:BAND:HASH``           set      documents in that document bucket
``P:shdf``                   zset     shingle -> document count (stock phrases)
===========================  =======  ==============================================
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import numpy.typing as npt

from syndetect.model import Document
from syndetect.store.access import Bucket, SentenceBand, _Access, _Counts, _Record, _Row
from syndetect.store.schema import _chunks

Command = tuple[str | bytes | int | float, ...]
"""A Redis command and its arguments."""

Batch = Callable[[Sequence[Command]], list[Any]]
"""Runs commands in one round trip (not atomically) and returns their replies."""

TEXT_FIELDS = ("id", "text", "title", "date", "url", "outlet", "path")
"""Fields of a document hash that hold the document's text and metadata."""

_ROW_FIELDS = (*TEXT_FIELDS, "digest", "signature", "prepared", "info")

# Arguments per command (an even number: ZADD takes score, member pairs).
_ARGS = 5000

_BAND = struct.Struct("<HH")  # band, length of the bucket key
_KEY = struct.Struct("<Q")


class _Keys:
    """The names of the keys of an index with prefix ``prefix``."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.meta = f"{prefix}:meta"
        self.gen = f"{prefix}:gen"
        self.next = f"{prefix}:next"
        self.ids = f"{prefix}:ids"
        self.totals = f"{prefix}:totals"
        self.sdf = f"{prefix}:sdf"
        self.smax = f"{prefix}:smax"
        self.shdf = f"{prefix}:shdf"

    def doc(self, doc: int) -> str:
        return f"{self.prefix}:doc:{doc}"

    def sent(self, key: int) -> str:
        return f"{self.prefix}:sent:{key}"

    def site(self, key: int) -> str:
        return f"{self.prefix}:site:{key}"

    def sb(self, band: int, h: bytes) -> str:
        return f"{self.prefix}:sb:{band}:{h.hex()}"

    def db(self, band: int, h: bytes) -> str:
        return f"{self.prefix}:db:{band}:{h.hex()}"


# -- packed fields of a document hash ------------------------------------------------


def shown_url(location: str) -> str:
    """An index URL as messages show it: its password masked."""
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = f"{parts.username or ''}:***@{parts.netloc.rsplit('@', 1)[1]}"
    return urlunsplit(parts._replace(netloc=netloc))


def pack_keys(keys: Iterable[int]) -> bytes:
    return np.asarray(list(keys), dtype="<u8").tobytes()


def unpack_keys(data: bytes | None) -> frozenset[int]:
    return frozenset(np.frombuffer(data or b"", dtype="<u8").tolist())


def pack_buckets(buckets: Iterable[Bucket]) -> bytes:
    return b"".join(_BAND.pack(band, len(h)) + h for band, h in buckets)


def pack_sentence_bands(entries: Iterable[SentenceBand]) -> bytes:
    return b"".join(_BAND.pack(b, len(h)) + h + _KEY.pack(k) for b, h, k in entries)


def _unpack(data: bytes, with_key: bool) -> list[tuple[int, bytes, int]]:
    out: list[tuple[int, bytes, int]] = []
    at = 0
    while at < len(data):
        band, n = _BAND.unpack_from(data, at)
        at += _BAND.size
        h = data[at : at + n]
        at += n
        key = 0
        if with_key:
            (key,) = _KEY.unpack_from(data, at)
            at += _KEY.size
        if len(h) != n:
            raise ValueError("truncated bucket list")
        out.append((band, h, key))
    return out


def unpack_buckets(data: bytes | None) -> set[Bucket]:
    """Inverse of :func:`pack_buckets` (raises ValueError or struct.error when damaged)."""
    return {(b, h) for b, h, _ in _unpack(data or b"", False)}


def unpack_sentence_bands(data: bytes | None) -> set[SentenceBand]:
    """Inverse of :func:`pack_sentence_bands`."""
    return set(_unpack(data or b"", True))


def text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("utf-8")


def number(value: bytes | float | int | None) -> int:
    """A count or document number as Redis returns it (string or score)."""
    return 0 if value is None else int(float(value))


def pairs(reply: Sequence[Any]) -> list[tuple[bytes, float]]:
    """``(member, score)`` of a ``WITHSCORES`` reply (flat or already paired)."""
    if reply and isinstance(reply[0], list | tuple):
        return [(m, float(s)) for m, s in reply]
    return [(reply[i], float(reply[i + 1])) for i in range(0, len(reply), 2)]


class _RedisAccess(_Access):
    """The keys of a Redis index, read with ``batch``; in a write transaction
    (``queue`` given) writes are queued on its MULTI and applied at its EXEC.

    Args:
        keys: The key names of the index.
        batch: Runs read commands.
        queue: Queues a write command of the transaction (None: read only).
    """

    def __init__(self, keys: _Keys, batch: Batch, queue: Callable[[Command], None] | None) -> None:
        self.keys = keys
        self.batch = batch
        self._queue = queue
        self._next: int | None = None
        self._totals = {"sentences": 0, "sentence_band_rows": 0, "document_band_rows": 0}

    def queue(self, *command: str | bytes | int | float) -> None:
        if self._queue is None:
            raise RuntimeError("a read-only view of the index cannot write")
        self._queue(command)

    def queue_many(self, command: str, key: str, args: Sequence[str | bytes | int | float]) -> None:
        """Queue ``command key args...`` in commands of at most a few thousand arguments."""
        for chunk in _chunks(args, _ARGS):
            self.queue(command, key, *chunk)

    def _fields(self, docs: Sequence[int], *fields: str) -> list[list[bytes | None]]:
        return self.batch([("HMGET", self.keys.doc(d), *fields) for d in docs])

    # -- reads -----------------------------------------------------------------

    def total(self) -> int:
        (n,) = self.batch([("HLEN", self.keys.ids)])
        return number(n)

    def stored(self, ids: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        if not ids:
            return {}
        (found,) = self.batch([("HMGET", self.keys.ids, *ids)])
        docs = {i: number(d) for i, d in zip(ids, found, strict=True) if d is not None}
        digests = self._fields(list(docs.values()), "digest")
        return {i: (d, g[0] or b"") for (i, d), g in zip(docs.items(), digests, strict=True)}

    def sites_and_keys(self, docs: Sequence[int]) -> dict[int, tuple[str | None, frozenset[int]]]:
        out: dict[int, tuple[str | None, frozenset[int]]] = {}
        for doc, (id_, site, keys) in zip(
            docs, self._fields(docs, "id", "site", "keys"), strict=True
        ):
            if id_ is not None:
                out[doc] = (text(site), unpack_keys(keys))
        return out

    def _scores(self, members: Sequence[int], *keys: str) -> list[list[float | None]]:
        """Scores of ``members`` in each sorted set of ``keys`` (None: not in
        it), in one round trip."""
        chunks = list(_chunks(members, _ARGS))
        replies = self.batch([("ZMSCORE", key, *chunk) for key in keys for chunk in chunks])
        return [
            [x for reply in replies[i * len(chunks) : (i + 1) * len(chunks)] for x in reply]
            for i in range(len(keys))
        ]

    def counts(self, keys: Sequence[int]) -> dict[int, tuple[int, int]]:
        df, site_max = self._scores(keys, self.keys.sdf, self.keys.smax)
        return {
            k: (number(d), number(m))
            for k, d, m in zip(keys, df, site_max, strict=True)
            if d is not None
        }

    def site_counts(self, keys: Sequence[int]) -> dict[int, dict[str, int]]:
        replies = self.batch([("HGETALL", self.keys.site(k)) for k in keys])
        return {
            k: {s.decode("utf-8"): number(n) for s, n in found.items()}
            for k, found in zip(keys, replies, strict=True)
            if found
        }

    def counts_between(self, low: int, high: int) -> list[tuple[int, int, int]]:
        (found,) = self.batch([("ZRANGEBYSCORE", self.keys.sdf, low, high, "WITHSCORES")])
        counted = [(int(m), number(s)) for m, s in pairs(found)]
        (site_max,) = self._scores([k for k, _ in counted], self.keys.smax)
        return [(k, df, number(m)) for (k, df), m in zip(counted, site_max, strict=True)]

    def docs_with(self, keys: Sequence[int]) -> list[list[int]]:
        replies = self.batch([("SMEMBERS", self.keys.sent(k)) for k in keys])
        return [sorted(number(d) for d in found) for found in replies]

    def shingle_counts(self, shingles: Sequence[int]) -> dict[int, int]:
        (found,) = self._scores(shingles, self.keys.shdf)
        return {k: number(n) for k, n in zip(shingles, found, strict=True) if n is not None}

    def frequent_shingles(self, floor: float) -> set[int]:
        (found,) = self.batch([("ZRANGEBYSCORE", self.keys.shdf, floor, "+inf")])
        return {int(k) for k in found}

    def rows(self, docs: Sequence[int]) -> list[_Row]:
        out: list[_Row] = []
        for doc, values in zip(docs, self._fields(docs, *_ROW_FIELDS), strict=True):
            if values[0] is None:
                continue
            id_, body, title, date, url, outlet, path = (text(v) for v in values[:7])
            digest, signature, prepared, info = values[7:]
            document = Document(id_ or "", body or "", title, date, url, outlet, path)
            out.append(
                _Row(
                    doc,
                    document,
                    digest or b"",
                    signature or b"",
                    prepared or b"",
                    text(info) or "",
                )
            )
        return out

    def sentence_hits(self, buckets: Sequence[Bucket]) -> list[list[tuple[int, int]]]:
        replies = self.batch([("SMEMBERS", self.keys.sb(b, h)) for b, h in buckets])
        out = []
        for found in replies:
            members = (m.split(b":") for m in found)
            out.append(sorted((int(d), int(k)) for d, k in members))
        return out

    def document_hits(self, buckets: Sequence[Bucket]) -> list[list[int]]:
        replies = self.batch([("SMEMBERS", self.keys.db(b, h)) for b, h in buckets])
        return [sorted(number(d) for d in found) for found in replies]

    def docs(self) -> list[int]:
        (found,) = self.batch([("HVALS", self.keys.ids)])
        return sorted(number(d) for d in found)

    def bands_of(self, doc: int) -> tuple[set[SentenceBand], set[Bucket]]:
        ((sbands, dbands),) = self._fields([doc], "sbands", "dbands")
        return unpack_sentence_bands(sbands), unpack_buckets(dbands)

    def all_shingle_counts(self) -> dict[int, int]:
        (found,) = self.batch([("ZRANGE", self.keys.shdf, 0, -1, "WITHSCORES")])
        return {int(k): number(n) for k, n in pairs(found)}

    # -- writes ----------------------------------------------------------------

    def delete(self, doc: int) -> None:
        ((id_, keys, sbands, dbands),) = self._fields([doc], "id", "keys", "sbands", "dbands")
        if id_ is None:
            return
        sentence_keys = unpack_keys(keys)
        sentence_bands = unpack_sentence_bands(sbands)
        document_bands = unpack_buckets(dbands)
        for k in sorted(sentence_keys):
            self.queue("SREM", self.keys.sent(k), doc)
        for b, h, k in sorted(sentence_bands):
            self.queue("SREM", self.keys.sb(b, h), f"{doc}:{k}")
        for b, h in sorted(document_bands):
            self.queue("SREM", self.keys.db(b, h), doc)
        self.queue("HDEL", self.keys.ids, id_)
        self.queue("DEL", self.keys.doc(doc))
        self._totals["sentences"] -= len(sentence_keys)
        self._totals["sentence_band_rows"] -= len(sentence_bands)
        self._totals["document_band_rows"] -= len(document_bands)

    def insert(self, record: _Record) -> None:
        if self._next is None:
            (n,) = self.batch([("GET", self.keys.next)])
            self._next = max(number(n), 1)
        doc, self._next = self._next, self._next + 1
        d = record.document
        values: dict[str, str | bytes] = {
            name: value for name in TEXT_FIELDS if (value := getattr(d, name)) is not None
        }
        if record.site is not None:
            values["site"] = record.site
        values.update(
            digest=record.digest,
            signature=record.signature.astype("<u4").tobytes(),
            prepared=record.prepared,
            info=record.info,
            keys=pack_keys(record.keys),
            sbands=pack_sentence_bands(record.sentence_bands),
            dbands=pack_buckets(record.document_bands),
        )
        self.queue(
            "HSET", self.keys.doc(doc), *(x for item in sorted(values.items()) for x in item)
        )
        self.queue("HSET", self.keys.ids, d.id, doc)
        for k in record.keys:
            self.queue("SADD", self.keys.sent(k), doc)
        for b, h, k in record.sentence_bands:
            self.queue("SADD", self.keys.sb(b, h), f"{doc}:{k}")
        for b, h in record.document_bands:
            self.queue("SADD", self.keys.db(b, h), doc)
        self._totals["sentences"] += len(record.keys)
        self._totals["sentence_band_rows"] += len(record.sentence_bands)
        self._totals["document_band_rows"] += len(record.document_bands)

    def set_counts(self, counts: _Counts) -> None:
        k = self.keys
        kept = {key: c for key, c in sorted(counts.sentences.items()) if c[0] > 0}
        gone = [key for key, (df, _) in sorted(counts.sentences.items()) if df <= 0]
        self.queue_many("ZADD", k.sdf, [x for key, (df, _) in kept.items() for x in (df, key)])
        self.queue_many("ZADD", k.smax, [x for key, (_, m) in kept.items() for x in (m, key)])
        self.queue_many("ZREM", k.sdf, gone)
        self.queue_many("ZREM", k.smax, gone)
        for (site, key), n in sorted(counts.sites.items()):
            if n > 0:
                self.queue("HSET", k.site(key), site, n)
            else:
                self.queue("HDEL", k.site(key), site)
        shingles = sorted(counts.shingles.items())
        self.queue_many("ZADD", k.shdf, [x for s, n in shingles if n > 0 for x in (n, s)])
        self.queue_many("ZREM", k.shdf, [s for s, n in shingles if n <= 0])

    def set_signature(
        self, doc: int, signature: npt.NDArray[np.uint32], bands: Sequence[Bucket]
    ) -> None:
        ((old,),) = self._fields([doc], "dbands")
        previous = unpack_buckets(old)
        for b, h in sorted(previous):
            self.queue("SREM", self.keys.db(b, h), doc)
        for b, h in bands:
            self.queue("SADD", self.keys.db(b, h), doc)
        self.queue(
            "HSET",
            self.keys.doc(doc),
            "signature",
            signature.astype("<u4").tobytes(),
            "dbands",
            pack_buckets(bands),
        )
        self._totals["document_band_rows"] += len(bands) - len(previous)

    def finish(self) -> None:
        """Queue the totals and document counter this transaction changed."""
        if self._next is not None:
            self.queue("SET", self.keys.next, self._next)
        for name, delta in sorted(self._totals.items()):
            if delta:
                self.queue("HINCRBY", self.keys.totals, name, delta)
