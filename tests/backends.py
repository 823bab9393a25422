"""The index backends the store and check tests run on: a SQLite file, and a
real ``redis-server`` that a session fixture starts on a free port of
127.0.0.1 (and stops after).

Tests that take the ``backend`` fixture (see tests/conftest.py) run once per
backend; the Redis run is skipped, with the reason shown, only when the
``redis-server`` binary or the redis package is missing, and fails instead
when ``SYNDETECT_REQUIRE_REDIS`` is set (as .ci/run does).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REDIS_SERVER = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class RedisServer:
    """A running redis-server on 127.0.0.1."""

    port: int
    password: str | None = None

    def url(self, prefix: str, db: int = 0) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/{db}?prefix={prefix}"

    def client(self) -> Any:
        import redis

        return redis.Redis(port=self.port, password=self.password)


def require_redis() -> None:
    """Skip (or fail, under SYNDETECT_REQUIRE_REDIS) when Redis cannot run here."""
    missing = None
    if REDIS_SERVER is None:
        missing = "redis-server is not installed (Debian package redis-server; .ci/install-redis)"
    else:
        try:
            import redis  # noqa: F401
        except ModuleNotFoundError:
            missing = "the redis package is not installed (pip install -e '.[redis]')"
    if missing is None:
        return
    if os.environ.get("SYNDETECT_REQUIRE_REDIS"):
        pytest.fail(f"SYNDETECT_REQUIRE_REDIS is set but {missing}")
    pytest.skip(missing)


@contextmanager
def redis_server(folder: Path, *args: str, password: str | None = None) -> Iterator[RedisServer]:
    """Start redis-server on a free port (more ``args`` for its configuration),
    wait until it answers PING, and stop it after."""
    require_redis()
    assert REDIS_SERVER is not None
    folder.mkdir(parents=True, exist_ok=True)
    extra = [*args, *(["--requirepass", password] if password else [])]
    for _ in range(5):  # another process may take the free port first
        port = _free_port()
        command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(folder), *extra]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server = RedisServer(port, password)
        deadline = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                if server.client().ping():
                    break
            except Exception:
                time.sleep(0.02)
        else:
            proc.kill()
            proc.wait()
            continue
        try:
            yield server
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        return
    pytest.fail("redis-server did not start")


_SERIAL = itertools.count()


class Backend:
    """Where a test keeps its indexes, and how it looks at what they hold."""

    name: str

    def location(self, name: str) -> str:
        """A new index location (nothing there yet)."""
        raise NotImplementedError

    def contents(self, location: str) -> object:
        """What the index holds (not its bookkeeping: file pages, generation)."""
        raise NotImplementedError

    def snapshot(self, location: str) -> object:
        """The exact state of the index, to show that it was left alone."""
        raise NotImplementedError

    def meta(self, location: str) -> dict[str, str]:
        """The index's record of itself (format, schema version, options)."""
        raise NotImplementedError

    def migrations(self) -> dict[int, Any]:
        """The backend's schema migrations (tests add steps)."""
        raise NotImplementedError


class SQLiteBackend(Backend):
    name = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def location(self, name: str) -> str:
        return str(self.folder / f"{name}.db")

    def contents(self, location: str) -> object:
        conn = sqlite3.connect(location)
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        conn.close()
        return out

    def snapshot(self, location: str) -> object:
        path = Path(location)
        return (path.read_bytes(), path.stat().st_mtime_ns) if path.exists() else None

    def meta(self, location: str) -> dict[str, str]:
        conn = sqlite3.connect(location)
        out = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        conn.close()
        return out

    def migrations(self) -> dict[int, Any]:
        from syndetect.store.schema import _MIGRATIONS

        return _MIGRATIONS


class RedisBackend(Backend):
    name = "redis"

    def __init__(self, server: RedisServer) -> None:
        self.server = server

    def location(self, name: str) -> str:
        return self.server.url(f"t{next(_SERIAL)}-{name}")

    @staticmethod
    def prefix(location: str) -> str:
        return location.rsplit("prefix=", 1)[1]

    def dump(self, location: str) -> dict[bytes, object]:
        """Every key of the index and its value."""
        client = self.server.client()
        out: dict[bytes, object] = {}
        for key in sorted(client.scan_iter(match=f"{self.prefix(location)}:*")):
            kind = client.type(key)
            if kind == b"string":
                out[key] = client.get(key)
            elif kind == b"hash":
                out[key] = client.hgetall(key)
            elif kind == b"set":
                out[key] = sorted(client.smembers(key))
            elif kind == b"zset":
                out[key] = client.zrange(key, 0, -1, withscores=True)
            else:  # pragma: no cover - the index keeps no other types
                out[key] = kind
        client.close()
        return out

    def contents(self, location: str) -> object:
        p = self.prefix(location)
        skip = {f"{p}:gen".encode(), f"{p}:next".encode()}
        return {k: v for k, v in self.dump(location).items() if k not in skip}

    def snapshot(self, location: str) -> object:
        return self.dump(location)

    def meta(self, location: str) -> dict[str, str]:
        client = self.server.client()
        raw = client.hgetall(f"{self.prefix(location)}:meta")
        client.close()
        return {k.decode(): v.decode() for k, v in raw.items()}

    def migrations(self) -> dict[int, Any]:
        from syndetect.store.redis_store import _MIGRATIONS

        return _MIGRATIONS  # type: ignore[return-value]
