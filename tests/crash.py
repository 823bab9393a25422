"""Crash-safety harness: kill -9 a process in the middle of an ``add``, then
check that the index holds none of that batch and still works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import syndetect
from syndetect.store import create_index, open_index
from tests.conftest import ROOT
from tests.index_corpus import corpus


def kill_inside_add(
    tmp_path: Path, location: str, script: str, inside: Callable[[], None] = lambda: None
) -> tuple[list[str], list[syndetect.Document]]:
    """Build an index at ``location``, run ``script`` (argv: index, marker file,
    batch file) that adds a batch and sleeps once it writes the marker, call
    ``inside``, then SIGKILL it. Returns the ids indexed before, and the batch."""
    first = corpus(seed=8, stories=4)
    batch = [replace(d, id=f"b-{d.id}") for d in corpus(seed=9, stories=20)]
    with create_index(location) as store:
        store.add(first)
        before = store.ids()
    (tmp_path / "batch.json").write_text(
        json.dumps([{"id": d.id, "text": d.text, "date": d.date} for d in batch])
    )
    (tmp_path / "add.py").write_text(script)
    marker = tmp_path / "inside"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            str(tmp_path / "add.py"),
            location,
            str(marker),
            str(tmp_path / "batch.json"),
        ],
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert proc.poll() is None, "the add finished or failed before the kill"
            assert time.monotonic() < deadline, "the add never got inside its transaction"
            time.sleep(0.02)
        inside()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return before, batch


def reopen_after_kill(location: str, before: list[str], batch: list[syndetect.Document]) -> None:
    """The index opens, verifies, holds none of the batch, and still works."""
    with open_index(location) as store:
        assert store.integrity_check(deep=True) == ()
        assert store.ids() == before  # none of the batch
        result = store.add(batch)  # and the index still works
        assert len(result.added) == len(batch)
        assert store.integrity_check() == ()
