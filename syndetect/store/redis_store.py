"""The Redis backend of the index: :class:`RedisStore`. The one module that
talks to Redis (through redis-py); the keys it keeps are described in
:mod:`syndetect.store.redis_access`.

An index is addressed by a URL, ``redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]``
(or ``rediss://`` for TLS, ``unix:///path/to/socket?db=N``) with an optional
``prefix=NAME`` query parameter: every key of the index starts with
``NAME:`` (default ``syndetect``), so one Redis database can hold several
indexes. Other query parameters are redis-py's (``socket_timeout=``, ...).

Atomicity: a change (an ``add`` or ``remove``) reads the index, then queues
all its writes in one ``MULTI`` ... ``EXEC`` transaction that also increments
the index's generation; the transaction watches the generation (``WATCH``), so
it is discarded, and the change redone, when another writer committed in the
meantime. Redis applies an ``EXEC`` whole and discards a ``MULTI`` whose
connection is lost before its ``EXEC``, so a writer killed at any point leaves
all or none of its change. (Redis does not undo a transaction whose command
fails as it runs; with these commands that only happens when something else
has written a key of the index with another type, which ``integrity_check``
reports.) A reader reads the generation before and after its
reads and reads again when it changed: it sees one committed state.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import redis
from redis.client import Pipeline
from redis.connection import URL_QUERY_ARGUMENT_PARSERS

from syndetect.errors import (
    IndexCorruptError,
    IndexExistsError,
    IndexLockedError,
    IndexNotFoundError,
    IndexStoreError,
    NotAnIndexError,
)
from syndetect.model import Document
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.store.access import _Access
from syndetect.store.base import IndexStats
from syndetect.store.integrity import _Checking
from syndetect.store.meta import (
    FORMAT,
    _migration,
    _new_meta,
    _options,
    _schema_version,
    _version,
)
from syndetect.store.plan import _floor
from syndetect.store.query import _Querying
from syndetect.store.redis_access import Command, _Keys, _RedisAccess, number, shown_url
from syndetect.store.redis_check import consistency

__all__ = ["DEFAULT_PREFIX", "RedisStore"]

DEFAULT_PREFIX = "syndetect"
"""Prefix of the keys of an index whose URL names none."""

_PREFIX = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_PARAMETERS = {*URL_QUERY_ARGUMENT_PARSERS, "prefix", "client_name"}

# Defaults of redis-py options a URL may set (seconds).
_DEFAULTS = {"socket_connect_timeout": "5", "socket_timeout": "300"}

# Attempts of a change (or a consistent read) while other writers commit.
_ATTEMPTS = 50

# Schema migrations: _MIGRATIONS[v] upgrades an index from version v to v + 1 by
# queueing writes on the MULTI transaction that records the new version.
# Versions 2 and 3 changed only the SQLite backend's indexes: nothing to do here.
_MIGRATIONS: dict[int, Callable[[Pipeline], None]] = {1: lambda pipe: None, 2: lambda pipe: None}

T = TypeVar("T")


@dataclass(frozen=True)
class _Location:
    """A parsed index URL.

    Attributes:
        url: The URL redis-py connects to (without ``prefix``).
        prefix: The prefix of the index's keys.
        shown: The URL as messages show it (the password masked).
    """

    url: str
    prefix: str
    shown: str


def _parse(location: str) -> _Location:
    """Check and split an index URL.

    Raises:
        IndexStoreError: It is not a valid Redis URL.
    """
    parts = urlsplit(location)
    shown = shown_url(location)

    def invalid(reason: str) -> IndexStoreError:
        return IndexStoreError(shown, f"invalid Redis URL: {reason}")

    query = parse_qsl(parts.query, keep_blank_values=True)
    unknown = sorted({k for k, _ in query if k not in _PARAMETERS and not k.startswith("ssl_")})
    if unknown:
        raise invalid(f"unknown parameter {unknown[0]!r}")
    prefixes = [v for k, v in query if k == "prefix"]
    prefix = prefixes[-1] if prefixes else DEFAULT_PREFIX
    if not _PREFIX.fullmatch(prefix):
        raise invalid("prefix must be 1-100 letters, digits, '_', '.' or '-'")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError as exc:
        raise invalid(str(exc)) from None
    if parts.scheme in ("redis", "rediss") and not re.fullmatch(r"/?\d*", parts.path):
        raise invalid(f"the path must be a database number, not {parts.path!r}")
    rest = [(k, v) for k, v in query if k != "prefix"]
    given = {k for k, _ in rest}
    rest += [(k, v) for k, v in _DEFAULTS.items() if k not in given]
    url = urlunsplit(parts._replace(query=urlencode(rest)))
    return _Location(url, prefix, shown)


def _one_line(exc: BaseException) -> str:
    """The message of a Redis error on one line (without the pipeline's
    "Command # N (...) of pipeline caused error:" preamble)."""
    text = " ".join(str(exc).split()).split(" of pipeline caused error: ", 1)[-1]
    return text or type(exc).__name__


class RedisStore(_Querying, _Checking):
    """An index in a Redis database. Open with :meth:`open` or :meth:`create`."""

    def __init__(
        self, where: _Location, client: redis.Redis, keys: _Keys, options: ScanOptions
    ) -> None:
        super().__init__(where.shown, options)
        self._client = client
        self._keys = keys

    # -- the connection ----------------------------------------------------------

    @staticmethod
    def _connect(where: _Location) -> redis.Redis:
        try:
            return redis.Redis.from_url(where.url)
        except ValueError as exc:
            raise IndexStoreError(where.shown, f"invalid Redis URL: {_one_line(exc)}") from None

    @staticmethod
    @contextmanager
    def _reporting(shown: str) -> Iterator[None]:
        """Turn Redis errors into errors naming the index."""
        try:
            yield
        except (redis.AuthenticationError, redis.exceptions.NoPermissionError) as exc:
            raise IndexStoreError(shown, f"Redis refused access: {_one_line(exc)}") from None
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise IndexStoreError(shown, f"cannot reach Redis: {_one_line(exc)}") from None
        except redis.ResponseError as exc:
            text = _one_line(exc)
            if text.startswith("WRONGTYPE"):
                raise IndexCorruptError(shown, f"index is damaged ({text})") from None
            raise IndexStoreError(shown, f"Redis error: {text}") from None
        except redis.RedisError as exc:
            raise IndexStoreError(shown, f"Redis error: {_one_line(exc)}") from None

    def _errors(self) -> AbstractContextManager[None]:
        return self._reporting(self.location)

    @staticmethod
    def _run(client: redis.Redis, commands: Sequence[Command]) -> list[Any]:
        """Run ``commands`` in one round trip (not a transaction)."""
        if not commands:
            return []
        with client.pipeline(transaction=False) as pipe:
            for command in commands:
                pipe.execute_command(*command)  # type: ignore[no-untyped-call]
            return pipe.execute()

    def _batch(self, commands: Sequence[Command]) -> list[Any]:
        return self._run(self._client, commands)

    @staticmethod
    def _scan(client: redis.Redis, prefix: str) -> Iterator[bytes]:
        """The keys that start with ``prefix:``."""
        yield from client.scan_iter(match=f"{prefix}:*", count=1000)

    @staticmethod
    def _pause(attempt: int) -> None:
        time.sleep(random.uniform(0, min(0.2, 0.002 * 2**attempt)))

    # -- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, location: str, *, options: ScanOptions = DEFAULT_OPTIONS) -> RedisStore:
        """Create a new, empty index under the URL's prefix.

        Raises:
            IndexExistsError: The prefix already holds keys.
            IndexStoreError: Redis cannot be reached or refuses access.
        """
        where = _parse(location)
        client = cls._connect(where)
        keys = _Keys(where.prefix)
        try:
            with cls._reporting(where.shown), client.pipeline(transaction=True) as pipe:
                pipe.watch(keys.meta)  # type: ignore[no-untyped-call]
                if next(cls._scan(client, where.prefix), None) is not None:
                    raise IndexExistsError(
                        where.shown, f"already exists (keys with prefix {where.prefix!r})"
                    )
                pipe.multi()
                pipe.hset(keys.meta, mapping=_new_meta(options))  # type: ignore[arg-type]
                pipe.set(keys.gen, 0)
                pipe.set(keys.next, 1)
                try:
                    pipe.execute()
                except redis.WatchError:
                    raise IndexExistsError(where.shown, "already exists") from None
        except BaseException:
            client.close()
            raise
        return cls(where, client, keys, options)

    @classmethod
    def open(cls, location: str) -> RedisStore:
        """Open an existing index, migrating an older schema.

        Raises:
            IndexNotFoundError: The prefix holds no key.
            NotAnIndexError: It holds keys, but not a syndetect index.
            IndexCorruptError: Its record is not readable.
            IndexVersionError: It was written by a newer syndetect.
            IndexStoreError: Redis cannot be reached or refuses access.
        """
        where = _parse(location)
        client = cls._connect(where)
        keys = _Keys(where.prefix)
        try:
            with cls._reporting(where.shown):
                meta = cls._read_meta(where, client, keys)
                version = _version(where.shown, meta)
                if version < _schema_version():
                    cls._migrate(where, client, keys, version)
                options = _options(where.shown, meta)
        except BaseException:
            client.close()
            raise
        return cls(where, client, keys, options)

    @classmethod
    def _read_meta(cls, where: _Location, client: redis.Redis, keys: _Keys) -> dict[str, str]:
        try:
            (raw,) = cls._run(client, [("HGETALL", keys.meta)])
        except redis.ResponseError as exc:
            if not _one_line(exc).startswith("WRONGTYPE"):
                raise
            raise IndexCorruptError(
                where.shown, f"not a readable index ({_one_line(exc)})"
            ) from None
        if not raw:
            if next(cls._scan(client, where.prefix), None) is not None:
                raise NotAnIndexError(
                    where.shown, f"keys with prefix {where.prefix!r}, but not a syndetect index"
                )
            raise IndexNotFoundError(
                where.shown, "no such index (create it with: syndetect index create)"
            )
        try:
            meta = {k.decode("utf-8"): v.decode("utf-8") for k, v in raw.items()}
        except UnicodeDecodeError:
            raise IndexCorruptError(where.shown, "not a readable index (bad record)") from None
        if meta.get("format") != FORMAT:
            raise NotAnIndexError(
                where.shown, f"keys with prefix {where.prefix!r}, but not a syndetect index"
            )
        return meta

    @staticmethod
    def _migrate(where: _Location, client: redis.Redis, keys: _Keys, version: int) -> None:
        steps = _migration(where.shown, version, _MIGRATIONS)
        with client.pipeline(transaction=True) as pipe:
            pipe.watch(keys.meta, keys.gen)  # type: ignore[no-untyped-call]
            if pipe.hget(keys.meta, "schema_version") != str(version).encode():
                return  # another process migrated it meanwhile
            pipe.multi()
            for step in steps:
                step(pipe)
            pipe.hset(keys.meta, "schema_version", str(_schema_version()))
            pipe.incr(keys.gen)
            try:
                pipe.execute()
            except redis.WatchError:
                raise IndexLockedError(
                    where.shown, "the index changed while it was migrated; try again"
                ) from None

    def close(self) -> None:
        self._client.close()

    # -- transactions ----------------------------------------------------------------

    def _generation(self) -> bytes | None:
        (gen,) = self._batch([("GET", self._keys.gen)])
        return gen  # type: ignore[no-any-return]

    def _snapshot(self, work: Callable[[_RedisAccess], T]) -> T:
        """``work`` on the index as of one committed change: read again while
        writers commit in the middle of it."""
        for attempt in range(_ATTEMPTS):
            with self._errors():
                before = self._generation()
                try:
                    result = work(_RedisAccess(self._keys, self._batch, None))
                except Exception:
                    if self._generation() == before:
                        raise
                else:
                    if self._generation() == before:
                        return result
            self._pause(attempt)
        raise IndexLockedError(self.location, "the index kept changing while it was read")

    def _read(self, work: Callable[[_Access], T]) -> T:
        return self._snapshot(work)

    def _write(self, work: Callable[[_Access], T]) -> T:
        for attempt in range(_ATTEMPTS):
            with self._errors(), self._client.pipeline(transaction=True) as pipe:
                pipe.watch(self._keys.gen)  # type: ignore[no-untyped-call]
                if not pipe.exists(self._keys.meta):
                    raise IndexNotFoundError(self.location, "the index was deleted")
                pipe.multi()
                access = _RedisAccess(
                    self._keys,
                    self._batch,
                    lambda command: pipe.execute_command(*command),  # type: ignore[no-untyped-call]
                )
                result = work(access)
                access.finish()
                pipe.incr(self._keys.gen)
                try:
                    pipe.execute()
                except redis.WatchError:
                    pass  # another writer committed first: plan again
                else:
                    return result
            self._pause(attempt)
        raise IndexLockedError(self.location, "other writers kept changing the index")

    # -- reading -------------------------------------------------------------------

    def get(self, id: str) -> Document | None:
        def work(access: _RedisAccess) -> Document | None:
            (doc,) = access.batch([("HGET", self._keys.ids, id)])
            rows = [] if doc is None else access.rows([number(doc)])
            return rows[0].document if rows else None

        return self._snapshot(work)

    def ids(self) -> list[str]:
        (found,) = self._snapshot(lambda access: access.batch([("HKEYS", self._keys.ids)]))
        return sorted(i.decode("utf-8") for i in found)

    def stats(self) -> IndexStats:
        o = self.options
        k = self._keys

        def work(access: _RedisAccess) -> IndexStats:
            documents = access.total()
            totals, df, site_max = access.batch(
                [
                    ("HMGET", k.totals, "sentences", "sentence_band_rows", "document_band_rows"),
                    ("ZRANGEBYSCORE", k.sdf, _floor(o, documents), "+inf"),
                    ("ZRANGEBYSCORE", k.smax, o.site_boilerplate_docs, "+inf"),
                ]
            )
            sentences, sentence_bands, document_bands = (number(n) for n in totals)
            return IndexStats(
                location=self.location,
                schema_version=_schema_version(),
                documents=documents,
                sentences=sentences,
                boilerplate_sentences=len(set(df) | set(site_max)),
                sentence_band_rows=sentence_bands,
                document_band_rows=document_bands,
                size_bytes=0,
                options=o,
            )

        stats = self._snapshot(work)
        with self._errors():
            memory = self._client.info("memory")
        used = memory.get("used_memory", 0) if isinstance(memory, dict) else 0
        return replace(stats, size_bytes=int(used))

    def integrity_check(self, *, deep: bool = False) -> tuple[str, ...]:
        def work(access: _RedisAccess) -> tuple[str, ...]:
            found = consistency(
                access,
                list(self._scan(self._client, self._keys.prefix)),
                4 * self.options.num_perm,
                self._doc_lsh[0],
            )
            if deep and not found:
                found.extend(self._deep_check(access))
            return tuple(found)

        return self._snapshot(work)
