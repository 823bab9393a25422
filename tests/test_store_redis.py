"""What only the Redis backend has: URLs and key prefixes, a writer killed
while its transaction is on the wire, several writers at once, a server that
is down or refuses the password, and keys that are not (or no longer) an index.

The tests shared with SQLite (query ≡ scan, idempotent add, real removal,
readers during a write, migrations, the CLI) run on both backends in
tests/test_store.py and tests/test_check.py.
"""

from __future__ import annotations

import json
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import syndetect
from syndetect.cli import cli
from syndetect.errors import (
    IndexCorruptError,
    IndexExistsError,
    IndexStoreError,
    IndexVersionError,
    NotAnIndexError,
)
from syndetect.store import create_index, open_index
from tests.backends import RedisBackend, RedisServer, redis_server
from tests.crash import kill_inside_add, reopen_after_kill
from tests.index_corpus import corpus
from tests.test_store import _commands, build

# Sends the first half of the add's MULTI ... EXEC block, then sleeps: Redis has
# queued those commands and waits for the rest.
_KILLED_ADD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import redis.connection
    import syndetect
    from syndetect.store import open_index

    index, marker, batch = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    docs = [syndetect.Document(**d) for d in json.loads(Path(batch).read_text())]
    send = redis.connection.Connection.send_packed_command
    MULTI = b"*1\\r\\n$5\\r\\nMULTI\\r\\n"

    def half_send(self, command, check_health=True):
        if isinstance(command, list) and command and command[0].startswith(MULTI):
            send(self, command[: len(command) // 2], check_health)
            marker.write_text("inside")
            time.sleep(60)
        send(self, command, check_health)

    redis.connection.Connection.send_packed_command = half_send
    with open_index(index) as store:
        store.add(docs)
    """
)


@pytest.fixture
def backend(redis: RedisServer) -> RedisBackend:
    return RedisBackend(redis)


def test_sigkill_with_half_a_transaction_sent_leaves_none_of_it(
    tmp_path: Path, redis: RedisServer, backend: RedisBackend
) -> None:
    location = backend.location("i")
    queued: list[int] = []

    def inside() -> None:  # Redis holds the queued half of the transaction
        client = redis.client()
        queued.extend(int(c.get("multi", -1)) for c in client.client_list())
        client.close()

    before, batch = kill_inside_add(tmp_path, location, _KILLED_ADD, inside)
    assert max(queued) > 1000  # commands of the batch were queued in the MULTI
    reopen_after_kill(location, before, batch)


def test_writers_at_once_all_commit(backend: RedisBackend) -> None:
    """Writers that commit in the middle of each other's change redo theirs."""
    location = backend.location("i")
    docs = corpus(seed=12, stories=24)
    batches = [docs[i::4] for i in range(4)]
    create_index(location).close()
    errors: list[BaseException] = []

    def write(batch: list[syndetect.Document]) -> None:
        try:
            with open_index(location) as store:
                for i in range(0, len(batch), 3):
                    store.add(batch[i : i + 3])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_index(location) as store:
        assert store.ids() == sorted(d.id for d in docs)
        assert store.integrity_check(deep=True) == ()
        probe = syndetect.Document("probe", docs[0].text)
        expected = [
            p for p in syndetect.scan([*docs, probe]).pairs if "probe" in (p.source, p.derived)
        ]
        assert list(store.query([probe]).pairs) == expected


def test_prefixes_keep_indexes_apart(redis: RedisServer) -> None:
    docs = corpus(seed=4, stories=3)
    default = f"redis://127.0.0.1:{redis.port}/1"  # prefix "syndetect"
    other = f"redis://127.0.0.1:{redis.port}/1?prefix=other"
    with build(default, docs[:2]) as a, build(other, docs[2:4]) as b:
        assert a.ids() == sorted(d.id for d in docs[:2])
        assert b.ids() == sorted(d.id for d in docs[2:4])
        a.remove([d.id for d in docs[:2]])
        assert b.ids() == sorted(d.id for d in docs[2:4])
        assert a.integrity_check(deep=True) == b.integrity_check(deep=True) == ()
    client = redis.client()
    client.select(1)
    assert client.exists("syndetect:meta") and client.exists("other:meta")
    client.flushdb()
    client.close()


def test_integrity_check_finds_damage(redis: RedisServer, backend: RedisBackend) -> None:
    location = backend.location("i")
    docs = corpus(seed=6, stories=4)
    build(location, docs).close()
    prefix = backend.prefix(location)
    client = redis.client()

    def damaged(change: Callable[[Any], object], problem: str) -> None:
        before = backend.dump(location)
        change(client)
        with open_index(location) as store:
            problems = store.integrity_check(deep=True)
        assert any(problem in p for p in problems), problems
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)
        for key, value in before.items():  # restore
            restore(client, key, value)
        with open_index(location) as store:
            assert store.integrity_check(deep=True) == ()

    doc = int(client.hget(f"{prefix}:ids", docs[0].id))
    key = next(iter(client.scan_iter(match=f"{prefix}:sent:*")))
    damaged(lambda c: c.srem(key, *c.smembers(key)), "sent:")
    damaged(lambda c: c.sadd(key, 999), "sent:")
    damaged(
        lambda c: c.hset(f"{prefix}:doc:{doc}", "text", "Other words."), "do not match its text"
    )
    damaged(lambda c: c.hincrby(f"{prefix}:totals", "sentences", 1), "totals")
    damaged(lambda c: c.set(f"{prefix}:stray", 1), "not the index's")
    damaged(lambda c: c.hset(f"{prefix}:doc:{doc}", "prepared", b"junk"), "damaged")
    client.close()


def restore(client: Any, key: bytes, value: object) -> None:
    if isinstance(value, dict):
        client.hset(key, mapping=value)
    elif isinstance(value, list) and value and isinstance(value[0], tuple):
        client.zadd(key, dict(value))
    elif isinstance(value, list):
        client.sadd(key, *value)
    else:
        client.set(key, value)  # type: ignore[arg-type]


# -- refused: wrong keys, a future version, no server, wrong password, bad URL ---------


def _future(client: Any, location: str, prefix: str) -> None:
    build(location, corpus(stories=1)).close()
    client.hset(f"{prefix}:meta", "schema_version", "99")


def _foreign(client: Any, location: str, prefix: str) -> None:
    client.set(f"{prefix}:notes", "hello")


def _wrong_format(client: Any, location: str, prefix: str) -> None:
    client.hset(f"{prefix}:meta", mapping={"format": "something-else"})


def _corrupt(client: Any, location: str, prefix: str) -> None:
    client.set(f"{prefix}:meta", b"\x00\xff junk")


BAD_INDEXES = {
    "future": (_future, IndexVersionError, "schema version 99 is newer"),
    "foreign": (_foreign, NotAnIndexError, "not a syndetect index"),
    "wrong-format": (_wrong_format, NotAnIndexError, "not a syndetect index"),
    "corrupt": (_corrupt, IndexCorruptError, "not a readable index"),
}


def _refused(index: str, tmp_path: Path, shown: str, message: str) -> None:
    """Every command on ``index`` exits 2 with one line naming it."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": "A short article about nothing much."}) + "\n")
    runner = CliRunner()
    for args in _commands(index, str(feed)):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and shown in lines[0], (args, lines)
        assert message in lines[0] or args[:2] == ["index", "create"], (args, lines)
        assert "Traceback" not in result.output


@pytest.mark.parametrize("kind", sorted(BAD_INDEXES))
def test_bad_indexes_are_refused_and_left_alone(
    tmp_path: Path, redis: RedisServer, backend: RedisBackend, kind: str
) -> None:
    make, error, message = BAD_INDEXES[kind]
    location = backend.location("bad")
    client = redis.client()
    make(client, location, backend.prefix(location))
    client.close()
    before = backend.snapshot(location)
    with pytest.raises(error, match=message):
        open_index(location)
    _refused(location, tmp_path, location, message)
    assert backend.snapshot(location) == before
    with pytest.raises(IndexExistsError):
        create_index(location)


def test_unreachable_redis(tmp_path: Path) -> None:
    with redis_server(tmp_path / "gone") as server:
        url = server.url("x")
    # the server is stopped: nothing listens on its port now
    _refused(url, tmp_path, url, "cannot reach Redis")


def test_wrong_password_is_refused(tmp_path: Path) -> None:
    with redis_server(tmp_path / "auth", password="s3cret") as server:
        good = server.url("x")
        create_index(good).close()
        backend = RedisBackend(server)
        before = backend.snapshot(good)
        bad = good.replace("s3cret", "wrong")
        shown = good.replace("s3cret", "***")
        _refused(bad, tmp_path, shown, "Redis refused access")
        anonymous = good.replace(":s3cret@", "")
        _refused(anonymous, tmp_path, anonymous, "Redis refused access")
        assert backend.snapshot(good) == before
        result = CliRunner().invoke(cli, ["index", "stats", bad])
        assert ":wrong@" not in result.output  # the password is never shown


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis://127.0.0.1:99999/0", "Port out of range"),
        ("redis://127.0.0.1:6379/zero", "must be a database number"),
        ("redis://127.0.0.1:6379/0?prefx=a", "unknown parameter 'prefx'"),
        ("redis://127.0.0.1:6379/0?prefix=a*b", "prefix must be"),
    ],
)
def test_wrong_urls_are_refused(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(IndexStoreError, match="invalid Redis URL"):
        open_index(url)
    _refused(url, tmp_path, url, message)
