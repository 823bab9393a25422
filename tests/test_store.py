"""The persistent index: query ≡ scan, idempotent add, real removal, crash
safety, concurrent readers, and refusal of files that are not (our) indexes."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from datasketch import MinHash, MinHashLSH

import syndetect
import syndetect.store as store_module
from syndetect.cli import cli
from syndetect.errors import (
    IndexCorruptError,
    IndexExistsError,
    IndexNotFoundError,
    IndexVersionError,
    NotAnIndexError,
    UnsupportedIndexError,
)
from syndetect.index import Permutations, lsh_params, minhash_signature
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.pipeline import candidate_pairs
from syndetect.shingle import prepare
from syndetect.store import IndexStore, band_keys, create_index, open_index
from tests.backends import Backend
from tests.conftest import REPRINT, ROOT, WIRE_SOURCE
from tests.crash import kill_inside_add, reopen_after_kill
from tests.index_corpus import FOOTER, corpus, crowded_corpus

# Boilerplate rules that move while documents come and go: a corpus-wide
# floor of 30% of the documents (at least 2), site furniture from 3 pages,
# stock phrases from 20% of the documents (at least 2).
MOVING = ScanOptions(
    common_sentence_docs=2,
    common_sentence_fraction=0.3,
    common_shingle_docs=2,
    common_shingle_fraction=0.2,
)


def involving(report: syndetect.Report, ids: set[str]) -> list[syndetect.Pair]:
    return [p for p in report.pairs if p.source in ids or p.derived in ids]


def scan_candidates(
    docs: Sequence[syndetect.Document], new: set[str], options: ScanOptions
) -> list[tuple[str, str]]:
    """find_candidates over all documents, as scan runs it, restricted to new ids."""
    docs = sorted(docs, key=lambda d: d.id)
    _, pairs = candidate_pairs([prepare(d, options) for d in docs], options)
    ids = [d.id for d in docs]
    return sorted(
        (ids[c.first], ids[c.second]) for c in pairs if ids[c.first] in new or ids[c.second] in new
    )


def build(
    location: str | Path, docs: Sequence[syndetect.Document], options: ScanOptions = DEFAULT_OPTIONS
) -> IndexStore:
    store = create_index(location, options=options)
    store.add(docs)
    return store


# -- band keys and candidates -------------------------------------------------


def test_band_keys_bucket_like_datasketch() -> None:
    """Two sketches share a bucket of band i in datasketch's MinHashLSH exactly
    when their band i keys are equal."""
    o = DEFAULT_OPTIONS
    bands, rows = lsh_params(o.threshold, o.sentence_perm)
    perms = Permutations.create(o.sentence_perm, o.seed)
    rng = np.random.default_rng(0)
    base = rng.integers(0, 2**32, size=40, dtype=np.uint32)
    sketches = []
    for n in range(30):  # overlapping sets, so that some bands collide
        part = np.concatenate(
            [base[: 20 + n % 7], rng.integers(0, 2**32, size=n % 5, dtype=np.uint32)]
        )
        sketches.append(minhash_signature(part, perms))
    lsh = MinHashLSH(num_perm=o.sentence_perm, params=(bands, rows))
    for n, sig in enumerate(sketches):
        m = MinHash(seed=o.seed, hashvalues=sig, permutations=(perms.a, perms.b), scheme="affine32")
        lsh.insert(n, m, check_duplication=False)
    ours = [band_keys(sig, bands, rows) for sig in sketches]
    collisions = 0
    for band, table in enumerate(lsh.hashtables):
        theirs = {n: key for key in table.keys() for n in table.get(key)}  # noqa: SIM118
        for i in range(len(sketches)):
            for j in range(i + 1, len(sketches)):
                same = theirs[i] == theirs[j]
                assert same == (ours[i][band] == ours[j][band])
                collisions += same
    assert collisions > 0


# Sentence buckets of more than 3 documents are crowded: a credit line or a
# headline template (short sentences) there makes no candidate pair.
CROWDED = replace(DEFAULT_OPTIONS, short_sentence_docs=3)


@pytest.mark.parametrize(
    "options",
    [DEFAULT_OPTIONS, MOVING, CROWDED, replace(MOVING, short_sentence_docs=3)],
    ids=["default", "moving", "crowded", "crowded-moving"],
)
@pytest.mark.parametrize("split", [0, 1, 2])
def test_query_finds_exactly_the_candidates_of_find_candidates(
    backend: Backend, split: int, options: ScanOptions
) -> None:
    """Also with crowded sentence buckets, counted over the index and the new
    documents together (the reference passes the sentence lengths)."""
    docs = crowded_corpus(seed=3)
    new = docs[split::3]
    new_ids = {d.id for d in new}
    with build(backend.location("i"), [d for d in docs if d.id not in new_ids], options) as store:
        assert store.candidates(new) == scan_candidates(docs, new_ids, options)


def test_query_equals_scan_on_the_seeds(
    backend: Backend, seed_documents: list[syndetect.Document], seed_report: syndetect.Report
) -> None:
    indexed = [d for d in seed_documents if d.id != REPRINT]
    new = [d for d in seed_documents if d.id == REPRINT]
    with build(backend.location("i"), indexed) as store:
        report = store.query(new)
        assert store.candidates(new) == [(REPRINT, WIRE_SOURCE)]
    assert report.pairs == seed_report.pairs
    assert report.clusters == seed_report.clusters
    infos = {d.id: d for d in seed_report.documents}
    assert report.documents == (infos[REPRINT], infos[WIRE_SOURCE])
    # the source is new, the reprint indexed: the same pair
    with build(backend.location("j"), [d for d in seed_documents if d.id != WIRE_SOURCE]) as store:
        assert store.query([d for d in seed_documents if d.id == WIRE_SOURCE]).pairs == (
            seed_report.pairs
        )


def test_query_sees_copies_of_a_common_source_in_the_index(tmp_path: Path) -> None:
    """A new copy of an indexed wire story and an indexed copy of it are
    siblings, as in a scan: the query aligns the indexed pair it needs."""
    from tests.test_derive import WIRE_STORY

    wire = syndetect.Document("wire", WIRE_STORY, outlet="Reuters", date="2024-03-01")
    early = syndetect.Document(
        "early", WIRE_STORY + "\n\nShare this article", outlet="Metro Herald", date="2024-03-02"
    )
    late = syndetect.Document(
        "late", "From the Daily Planet desk.\n\n" + WIRE_STORY, outlet="Daily Planet",
        date="2024-03-03",
    )  # fmt: skip
    expected = involving(syndetect.scan([wire, early, late]), {"late"})
    assert [(p.source, p.derived, p.evidence[0]) for p in expected] == [
        ("early", "late", "common source: both copy wire"),
        ("wire", "late", "wire is published by the news agency Reuters, late by another outlet"),
    ]
    with build(tmp_path / "i.db", [wire, early]) as store:
        assert list(store.query([late]).pairs) == expected


@pytest.mark.parametrize(
    "options", [DEFAULT_OPTIONS, MOVING, CROWDED], ids=["default", "moving", "crowded"]
)
def test_query_equals_scan_while_the_index_grows(backend: Backend, options: ScanOptions) -> None:
    """Add documents one batch at a time; before each add, querying the batch
    gives scan's pairs of (index + batch) that involve the batch — also when
    the batch turns sentences into boilerplate or back (MOVING options), or
    crowds the buckets of shared short lines (CROWDED)."""
    docs = crowded_corpus(seed=5) if options is CROWDED else corpus(seed=5)
    store = create_index(backend.location("i"), options=options)
    indexed: list[syndetect.Document] = []
    for start in range(0, len(docs), 5):
        batch = docs[start : start + 5]
        ids = {d.id for d in batch}
        expected = involving(syndetect.scan(indexed + batch, options=options), ids)
        assert list(store.query(batch).pairs) == expected
        store.add(batch)
        indexed += batch
    assert store.integrity_check(deep=True) == ()
    # and shrinking: remove a third, query one of the removed again
    gone = [d.id for d in docs[::3]]
    store.remove(gone)
    assert store.integrity_check(deep=True) == ()
    kept = [d for d in docs if d.id not in gone]
    probe = docs[0]
    assert list(store.query([probe]).pairs) == involving(
        syndetect.scan([*kept, probe], options=options), {probe.id}
    )
    store.close()


def test_site_furniture_learnt_incrementally(backend: Backend) -> None:
    """The footer becomes boilerplate with the third page of its site: stored
    signatures of the first two pages are recomputed, as a scan would see them."""
    docs = [d for d in corpus(seed=2) if d.outlet == "Daily Planet"]
    assert len(docs) >= 3 and all(FOOTER in d.text for d in docs)
    with build(backend.location("i"), docs[:2]) as store:
        assert store.stats().boilerplate_sentences == 0
        assert list(store.query(docs[2:3]).pairs) == involving(
            syndetect.scan(docs[:3]), {docs[2].id}
        )
        store.add(docs[2:3])
        assert store.stats().boilerplate_sentences == 1
        assert store.integrity_check(deep=True) == ()


def test_new_document_replaces_the_indexed_one_of_the_same_id(
    backend: Backend, seed_documents: list[syndetect.Document], seed_report: syndetect.Report
) -> None:
    with build(backend.location("i"), seed_documents) as store:
        reprint = next(d for d in seed_documents if d.id == REPRINT)
        assert store.query([reprint]).pairs == seed_report.pairs
        assert (
            store.query([syndetect.Document(REPRINT, "Nothing in common here at all.")]).pairs == ()
        )


# -- add and remove -------------------------------------------------------------


def test_add_is_idempotent_by_id(
    backend: Backend, seed_documents: list[syndetect.Document]
) -> None:
    path = backend.location("i")
    with build(path, seed_documents) as store:
        before = backend.contents(path)
        again = store.add(seed_documents)
        assert again.added == again.replaced == ()
        assert again.unchanged == tuple(sorted(d.id for d in seed_documents))
        assert backend.contents(path) == before
        # same id, new text: replaced, and the old text is gone
        changed = syndetect.Document(
            WIRE_SOURCE, "An unrelated note about the weather in Oslo today."
        )
        result = store.add([changed])
        assert result.replaced == (WIRE_SOURCE,) and result.added == ()
        assert store.get(WIRE_SOURCE) == changed
        reprint = next(d for d in seed_documents if d.id == REPRINT)
        assert store.query([reprint]).pairs == ()
        assert len(store.ids()) == len(seed_documents)
        assert store.integrity_check(deep=True) == ()


def test_add_rejects_duplicate_ids_in_one_batch(backend: Backend) -> None:
    with create_index(backend.location("i")) as store, pytest.raises(syndetect.DuplicateIdError):
        store.add([syndetect.Document("a", "one two"), syndetect.Document("a", "three")])
        assert store.ids() == []


def test_remove_leaves_no_stale_candidates(
    backend: Backend, seed_documents: list[syndetect.Document]
) -> None:
    path = backend.location("i")
    others = [d for d in seed_documents if d.id not in (REPRINT, WIRE_SOURCE)]
    source = next(d for d in seed_documents if d.id == WIRE_SOURCE)
    reprint = next(d for d in seed_documents if d.id == REPRINT)
    with build(path, others) as store:
        empty = backend.contents(path)
        store.add([source])
        assert store.candidates([reprint]) == [(REPRINT, WIRE_SOURCE)]
        result = store.remove([WIRE_SOURCE, "no-such-id"])
        assert result.removed == (WIRE_SOURCE,) and result.missing == ("no-such-id",)
        assert store.candidates([reprint]) == []
        assert store.query([reprint]).pairs == ()
        assert backend.contents(path) == empty  # not a row (or key) of it left anywhere
        assert store.integrity_check(deep=True) == ()


# -- crash safety and concurrency -------------------------------------------------

_KILLED_ADD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import syndetect
    from syndetect.store import open_index
    from syndetect.store.sqlite_access import _SQLiteAccess

    index, marker, batch = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    docs = [syndetect.Document(**d) for d in json.loads(Path(batch).read_text())]
    insert = _SQLiteAccess.insert
    done = 0

    def slow_insert(self, *args):
        global done
        insert(self, *args)
        done += 1
        if done == 8:  # well inside the transaction: rows written, not committed
            marker.write_text("inside")
            time.sleep(60)

    _SQLiteAccess.insert = slow_insert
    with open_index(index) as store:
        # a tiny page cache spills uncommitted pages into the write-ahead log
        store._conn.execute("PRAGMA cache_size=4")
        store.add(docs)
    """
)


def test_sigkill_in_the_middle_of_add_leaves_all_or_none(tmp_path: Path) -> None:
    path = str(tmp_path / "i.db")
    before, batch = kill_inside_add(tmp_path, path, _KILLED_ADD)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 100_000  # uncommitted rows were on disk
    reopen_after_kill(path, before, batch)


def test_readers_query_while_a_writer_adds(backend: Backend) -> None:
    """A reader sees the index as of one committed batch or the next, never
    half a batch, and is never blocked by the writer."""
    path = backend.location("i")
    docs = corpus(seed=11, stories=24)
    batches = [docs[i : i + 6] for i in range(0, len(docs), 6)]
    probe = syndetect.Document("probe", docs[0].text)
    states = {}  # documents indexed -> the probe's pairs then
    for n in range(len(batches) + 1):
        indexed = [d for b in batches[:n] for d in b]
        states[len(indexed)] = tuple(involving(syndetect.scan([*indexed, probe]), {"probe"}))
    create_index(path).close()
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with open_index(path) as store:
                for b in batches:
                    store.add(b)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    seen = []
    with open_index(path) as reader:
        writer = threading.Thread(target=write)
        writer.start()
        while not done.is_set() or len(seen) < 3:
            report = reader.query([probe])
            assert report.pairs in states.values()
            seen.append(reader.stats().documents)
            assert seen[-1] in states
        writer.join()
        assert reader.query([probe]).pairs == states[len(docs)]
    assert not errors
    assert seen == sorted(seen)


# -- opening, versions, bad files ---------------------------------------------------


def test_create_refuses_an_existing_index(backend: Backend) -> None:
    path = backend.location("i")
    create_index(path).close()
    with pytest.raises(IndexExistsError, match=re.escape(path)):
        create_index(path)
    nope = backend.location("nope")
    with pytest.raises(IndexNotFoundError, match=re.escape(nope)):
        open_index(nope)
    with open_index(nope, create=True) as store:
        assert store.ids() == []


def test_redis_without_the_redis_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # import redis fails
    monkeypatch.delitem(sys.modules, "syndetect.store.redis_store", raising=False)
    with pytest.raises(UnsupportedIndexError, match=r"redis://:\*\*\*@h:1/0: .*syndetect\[redis\]"):
        open_index("redis://:secret@h:1/0")


def test_options_are_kept_in_the_index(backend: Backend) -> None:
    path = backend.location("i")
    create_index(path, options=MOVING).close()
    with open_index(path, options=DEFAULT_OPTIONS) as store:
        assert store.options == MOVING
        assert store.stats().options == MOVING


def _set_meta(path: Path, key: str, value: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.commit()
    conn.close()


def test_older_schema_is_migrated(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    path = backend.location("i")
    build(path, corpus(stories=2)).close()
    current = store_module.SCHEMA_VERSION
    calls = []
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(backend.migrations(), current, lambda conn: calls.append(conn))
    with open_index(path) as store:
        assert len(store.ids()) == 4
    assert len(calls) == 1
    assert backend.meta(path)["schema_version"] == str(current + 1)
    with open_index(path) as store:  # migrated once
        assert len(store.ids()) == 4
    assert len(calls) == 1


def _downgrade(path: Path, version: int) -> None:
    """Make a SQLite index what schema ``version`` wrote."""
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX sentence_counts_common")  # version 3
    if version == 1:
        conn.execute("DROP INDEX shingle_counts_stock")
        conn.execute("CREATE INDEX shingle_counts_df ON shingle_counts (df)")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_older_sqlite_schema_is_migrated(tmp_path: Path, version: int) -> None:
    """A SQLite index of schema version 1 (every shingle count indexed) or 2
    (no index of possible boilerplate sentences) is migrated to the current
    one: the same results, the current indexes."""
    docs = corpus(stories=6)
    base, probe = docs[:-1], docs[-1]
    path = tmp_path / "i.db"
    build(path, base, MOVING).close()
    _downgrade(path, version)
    with open_index(path) as store:
        assert store.query([probe]).pairs == tuple(
            involving(syndetect.scan(docs, options=MOVING), {probe.id})
        )
        assert store.integrity_check(deep=True) == ()
    conn = sqlite3.connect(path)
    indexes = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    version_now = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    conn.close()
    assert "shingle_counts_df" not in indexes
    assert {"shingle_counts_stock", "sentence_counts_common"} <= indexes
    assert version_now == (str(store_module.SCHEMA_VERSION),)


def _corrupt(path: Path) -> None:
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 8192, dtype=np.uint8).tobytes())


def _future(path: Path) -> None:
    build(path, corpus(stories=1)).close()
    _set_meta(path, "schema_version", "99")


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


BAD_INDEXES = {
    "corrupt": (_corrupt, IndexCorruptError, "not a readable index"),
    "future": (_future, IndexVersionError, "schema version 99 is newer"),
    "foreign": (_foreign, NotAnIndexError, "not a syndetect index"),
    "empty": (_empty, NotAnIndexError, "not a syndetect index"),
}


def _commands(index: str, feed: str) -> list[list[str]]:
    return [
        ["index", "add", index, feed],
        ["index", "remove", index, "s00"],
        ["index", "query", index, feed],
        ["index", "stats", index],
        ["index", "create", index],
        ["check", feed, "--index", index],
        ["check", feed, "--index", index, "--no-update", "--format", "sarif"],
    ]


@pytest.mark.parametrize("kind", sorted(BAD_INDEXES))
def test_bad_index_files_are_refused_and_left_alone(tmp_path: Path, kind: str) -> None:
    make, error, message = BAD_INDEXES[kind]
    path = tmp_path / "bad.db"
    make(path)
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(error, match=message):
        open_index(path)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": "A short article about nothing much."}) + "\n")
    runner = CliRunner()
    for args in _commands(str(path), str(feed)):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], (args, result.stderr)
        assert "Traceback" not in result.output
        assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime


def test_missing_index_is_an_error_except_for_check(tmp_path: Path, backend: Backend) -> None:
    runner = CliRunner()
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": "A short article about nothing much."}) + "\n")
    missing = backend.location("missing")
    for args in _commands(missing, str(feed))[:4]:
        result = runner.invoke(cli, args)
        assert result.exit_code == 2 and "no such index" in result.stderr, args
        assert not backend.snapshot(missing)


# -- the CLI ---------------------------------------------------------------------


def test_index_commands(backend: Backend) -> None:
    runner = CliRunner()
    index = backend.location("i")
    seeds = ROOT / "examples" / "seeds"
    assert runner.invoke(cli, ["index", "create", index]).exit_code == 0
    assert runner.invoke(cli, ["index", "create", index]).exit_code == 2
    assert runner.invoke(cli, ["index", "create", index, "--exist-ok"]).exit_code == 0
    files = sorted(str(p) for p in seeds.glob("*.txt") if not p.name.startswith("001"))
    result = runner.invoke(cli, ["index", "add", index, *files])
    assert result.exit_code == 0 and "4 added" in result.output
    result = runner.invoke(cli, ["index", "add", index, *files])
    assert "4 unchanged" in result.output
    reprint = str(next(seeds.glob("001*.txt")))
    first = runner.invoke(cli, ["index", "query", index, reprint, "-f", "json"])
    second = runner.invoke(cli, ["index", "query", index, reprint, "-f", "json"])
    assert first.exit_code == 0 and first.output == second.output  # deterministic
    assert [(p["source"], p["derived"]) for p in json.loads(first.output)["pairs"]] == [
        (WIRE_SOURCE, REPRINT)
    ]
    stats = runner.invoke(cli, ["index", "stats", index, "-f", "json", "--verify"])
    data = json.loads(stats.output)
    assert stats.exit_code == 0 and data["documents"] == 4 and data["problems"] == []
    result = runner.invoke(cli, ["index", "remove", index, WIRE_SOURCE, "nope"])
    assert result.exit_code == 0 and "1 removed" in result.output and "nope" in result.stderr
    assert (
        json.loads(runner.invoke(cli, ["index", "query", index, reprint, "-f", "json"]).output)[
            "pairs"
        ]
        == []
    )
