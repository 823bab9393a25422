"""Shared fixtures: the seed articles bundled in examples/seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

import syndetect

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


@pytest.fixture(autouse=True)
def _no_color_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the plain text report unless they ask for colour: a FORCE_COLOR
    or NO_COLOR set where the tests run would change what the CLI prints."""
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
