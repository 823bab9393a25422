"""Shared fixtures: the seed articles bundled in examples/seeds, and the index
backends."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import syndetect
from syndetect.readers.jsonl import read_jsonl_stream
from tests.backends import Backend, RedisBackend, RedisServer, SQLiteBackend, redis_server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
WIRE_SOURCE = "003_962932a17c688422"
REPRINT = "001_a26ea54cb45c7aeb"
SAME_TOPIC = ("000_3af67e71ffc612f1", "002_a857d38673279e34", "004_1d5107a036d70cc2")


@pytest.fixture(scope="session", autouse=True)
def _compiled_loops() -> None:
    """Compile (or load) numba's loops once, before any test is timed: the
    first compilation takes seconds, past a Hypothesis deadline."""
    from syndetect import kernels

    kernels.enabled()


@pytest.fixture(scope="session")
def seed_documents() -> list[syndetect.Document]:
    return list(syndetect.read_paths([SEEDS]))


@pytest.fixture(scope="session")
def seed_report(seed_documents: list[syndetect.Document]) -> syndetect.Report:
    return syndetect.scan(seed_documents)


def load_generator() -> ModuleType:
    """benchmarks/generate.py, the synthetic syndication corpus generator."""
    name = "syndetect_benchmarks_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "generate.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def generated_documents() -> list[syndetect.Document]:
    """300 generated articles (seed 7): copies, chains and same-topic distractors."""
    records, _ = load_generator().generate(300, seed=7)
    lines = [json.dumps(record).encode("utf-8") for record in records]
    return list(read_jsonl_stream(lines, "generated.jsonl"))


@pytest.fixture(scope="session")
def generated_report(generated_documents: list[syndetect.Document]) -> syndetect.Report:
    return syndetect.scan(generated_documents)


@pytest.fixture(autouse=True)
def _no_color_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the plain text report unless they ask for colour: a FORCE_COLOR
    or NO_COLOR set where the tests run would change what the CLI prints."""
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


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
