"""Checkpoints of a SQLite index off the writer's path: :class:`_Checkpointer`.

In WAL mode a commit appends the changed pages to the write-ahead log; a
checkpoint copies them into the index file and syncs it. An add changes pages
all over the index (its LSH buckets and counts are keyed by hashes), and the
checkpoint's sync is most of its cost; SQLite's automatic checkpoint runs it
in the committing writer, once the log holds ``wal_autocheckpoint`` pages.
Here a thread of the writing process runs them on a connection of its own
after each commit, as SQLite's documentation suggests for applications that
care about the latency of commits; the writer's automatic checkpoint stays
on, at a larger log, in case the thread falls behind.

A checkpoint never changes what the index holds, only where (log or file):
a process killed during one leaves an index that opens with all its
committed changes (SQLite finishes or redoes the checkpoint).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress

# Pages in the log at which the writer checkpoints itself (the thread is behind).
WRITER_CHECKPOINT_PAGES = 16384


class _Checkpointer:
    """A thread that checkpoints the index at ``path`` when asked to.

    Requests while it is busy are merged into one more checkpoint.
    """

    def __init__(self, path: str, busy_timeout_s: float) -> None:
        self._path = path
        self._timeout = busy_timeout_s
        self._state = threading.Condition()
        self._asked = 0  # requests so far
        self._done = 0  # requests answered by a finished checkpoint
        self._stopping = False
        self._gone = False  # the thread has ended
        self._thread = threading.Thread(
            target=self._run, name=f"syndetect-checkpoint {path}", daemon=True
        )
        self._thread.start()

    def request(self) -> None:
        """Checkpoint soon (returns at once)."""
        with self._state:
            self._asked += 1
            self._state.notify_all()

    def flush(self, timeout_s: float | None = None) -> bool:
        """Wait until the checkpoints asked for so far are done; False when
        ``timeout_s`` passes first."""
        with self._state:
            return self._state.wait_for(lambda: self._done >= self._asked or self._gone, timeout_s)

    def close(self) -> None:
        """Stop the thread, after the checkpoint it may be running (closing
        the index's last connection checkpoints what is left)."""
        with self._state:
            self._stopping = True
            self._state.notify_all()
        self._thread.join()

    def _run(self) -> None:
        try:
            self._serve()
        finally:
            with self._state:
                self._gone = True
                self._state.notify_all()

    def _serve(self) -> None:
        try:
            conn = sqlite3.connect(self._path, timeout=self._timeout, isolation_level=None)
        except sqlite3.Error:
            return  # the writer's own checkpoints remain
        try:
            while True:
                with self._state:
                    self._state.wait_for(lambda: self._stopping or self._asked > self._done)
                    if self._stopping:
                        return
                    asked = self._asked
                with suppress(sqlite3.Error):  # busy or failing: the next commit asks again
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                with self._state:
                    self._done = asked
                    self._state.notify_all()
        finally:
            conn.close()
