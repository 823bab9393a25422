"""Shared fixtures: the seed articles bundled in examples/seeds, and the index
backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import syndetect
from tests.backends import Backend, RedisBackend, RedisServer, SQLiteBackend, redis_server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
WIRE_SOURCE = "003_962932a17c688422"
REPRINT = "001_a26ea54cb45c7aeb"
SAME_TOPIC = ("000_3af67e71ffc612f1", "002_a857d38673279e34", "004_1d5107a036d70cc2")


@pytest.fixture(scope="session")
def seed_documents() -> list[syndetect.Document]:
    return list(syndetect.read_paths([SEEDS]))


@pytest.fixture(scope="session")
def seed_report(seed_documents: list[syndetect.Document]) -> syndetect.Report:
    return syndetect.scan(seed_documents)


# -- index backends (see tests/backends.py) ------------------------------------------


@pytest.fixture(scope="session")
def redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A redis-server for the whole session (each test uses its own key prefix)."""
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(params=["sqlite", "redis"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each index backend in turn."""
    if request.param == "sqlite":
        return SQLiteBackend(tmp_path)
    return RedisBackend(request.getfixturevalue("redis"))
