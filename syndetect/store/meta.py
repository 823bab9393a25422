"""What every index records about itself, whatever its backend: its format,
schema version and scan options (the ``meta`` of an index), and how an
opened index's record is checked."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import TypeVar

from syndetect import __version__
from syndetect.errors import IndexCorruptError, IndexVersionError
from syndetect.options import ScanOptions

SCHEMA_VERSION = 3
"""Version of the index schema this syndetect writes (of both backends)."""

FORMAT = "syndetect-index"

S = TypeVar("S")


def _schema_version() -> int:
    """The schema version this syndetect writes and migrates to.

    Read from ``syndetect.store.SCHEMA_VERSION`` when called, not bound at
    import, so that setting that package attribute (as tests/test_store.py
    does to exercise a migration) still takes effect.
    """
    from syndetect import store

    return store.SCHEMA_VERSION


def _new_meta(options: ScanOptions) -> dict[str, str]:
    """The record of a new index built with ``options``."""
    return {
        "format": FORMAT,
        "schema_version": str(_schema_version()),
        "options": json.dumps(asdict(options), sort_keys=True),
        "created_by": f"syndetect {__version__}",
    }


def _version(location: str, meta: Mapping[str, str]) -> int:
    """The schema version of an index; refuses one newer than this syndetect's."""
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError):
        raise IndexCorruptError(location, "index has no valid schema version") from None
    if version > _schema_version():
        raise IndexVersionError(
            location,
            f"index schema version {version} is newer than this syndetect "
            f"{__version__} supports ({_schema_version()}); upgrade syndetect",
        )
    if version < 1:
        raise IndexCorruptError(location, f"invalid index schema version {version}")
    return version


def _migration(location: str, version: int, migrations: Mapping[int, S]) -> list[S]:
    """The steps that bring an index of schema ``version`` to the current one."""
    steps = []
    for v in range(version, _schema_version()):
        step = migrations.get(v)
        if step is None:
            raise IndexVersionError(
                location, f"index schema version {version} cannot be migrated; rebuild it"
            )
        steps.append(step)
    return steps


def _options(location: str, meta: Mapping[str, str]) -> ScanOptions:
    """The scan options an index was built with."""
    try:
        data = json.loads(meta["options"])
        known = {f.name for f in fields(ScanOptions)}
        if not isinstance(data, dict) or not set(data) <= known:
            raise ValueError("unknown options")
        return ScanOptions(**data)
    except (KeyError, ValueError, TypeError):
        raise IndexCorruptError(location, "index options are missing or invalid") from None
