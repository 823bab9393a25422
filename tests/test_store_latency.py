"""What keeps the SQLite index's add and query quick gives the same results:
sketching only the candidate sentences that share a shingle with the new
documents, reading the words of the candidates worth aligning from the bytes
already read, and checkpointing the write-ahead log in a thread of its own."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from syndetect.index import Permutations, lsh_params
from syndetect.options import DEFAULT_OPTIONS
from syndetect.shingle import prepare
from syndetect.store import create_index, open_index
from syndetect.store.access import _Access
from syndetect.store.bands import band_hits, band_key_rows
from syndetect.store.encoding import decode_prepared, decode_words, encode_prepared
from syndetect.store.query import _shingles_of
from syndetect.store.sqlite import SQLiteStore
from tests.crash import kill_inside_add
from tests.index_corpus import corpus, crowded_corpus


def test_default_sentence_permutations_map_shingles_one_to_one() -> None:
    """Every band of the sentence sketches has a row whose permutation is
    one-to-one on 32-bit values, so the shingle prefilter is used (and checked
    against a scan by tests/test_store.py) with the default options."""
    perms = Permutations.create(DEFAULT_OPTIONS.sentence_perm, DEFAULT_OPTIONS.seed)
    values = np.arange(1 << 16, dtype=np.uint32) * np.uint32(65537)  # distinct
    bands, rows = lsh_params(DEFAULT_OPTIONS.threshold, DEFAULT_OPTIONS.sentence_perm)
    for band in range(bands):
        row = band * rows + int(np.argmax(perms.a[band * rows : (band + 1) * rows] % 2))
        assert len(np.unique(values * perms.a[row] + perms.b[row])) == len(values)


def test_candidate_sentence_buckets_are_those_of_every_sketch(tmp_path: Path) -> None:
    """The buckets of the indexed candidates that a query counts are the same
    whether all their sentences are sketched or only those sharing a shingle
    with the new documents; and the prefilter leaves sentences out."""
    docs = corpus(seed=4) + [replace(d, id=f"c-{d.id}") for d in crowded_corpus(seed=4)]
    new, indexed = docs[::7], [d for i, d in enumerate(docs) if i % 7]
    with create_index(tmp_path / "i.db") as store:
        assert isinstance(store, SQLiteStore) and store._injective
        store.add(indexed)
        effective, found, _, _, _ = store._search(new, aligning=False)
        assert found
        counted = {b for e in effective for b in store._buckets(store._entries(e))}
        pool = _shingles_of(effective)
        theirs = {doc: e for doc, (e, _) in found.items()}
        every = store._counted_buckets(theirs, counted)
        assert any(every.values())
        assert store._counted_buckets(theirs, counted, pool) == every
        sharing = sum(
            bool(np.isin(h, pool).any())
            for e in theirs.values()
            for h in e.prepared.sentence_shingles
            if len(h)
        )
        total = sum(len(h) > 0 for e in theirs.values() for h in e.prepared.sentence_shingles)
        assert 0 < sharing < total


def test_band_hits_are_the_wanted_band_keys_of_each_row() -> None:
    """band_hits finds, row by row, the band keys of band_key_rows that are
    wanted, including keys whose first value matches a wanted key's and the
    rest does not."""
    rng = np.random.default_rng(5)
    bands, rows = 7, 3
    signatures = rng.integers(0, 6, size=(300, bands * rows + 2)).astype(np.uint32)
    keys = band_key_rows(signatures, bands, rows)
    wanted: list[set[bytes]] = [set() for _ in range(bands)]
    for row in rng.integers(0, len(keys), size=20).tolist():
        band = int(rng.integers(0, bands))
        wanted[band].add(keys[row][band])
    wanted[2].add(b"\x00\x00\x00\x01" + b"\xff" * 8)  # a first value many rows have
    expected = sorted(
        (row, band, key)
        for row, found in enumerate(keys)
        for band, key in enumerate(found)
        if key in wanted[band]
    )
    assert sorted(band_hits(signatures, wanted, rows)) == expected
    assert len(expected) > 20
    assert band_hits(signatures[:0], wanted, rows) == []


def test_the_index_file_holds_an_add_once_checkpointed(tmp_path: Path) -> None:
    """After an add, the checkpoint thread copies the write-ahead log into the
    index file: a copy of the file alone (without its log) holds the batch,
    and passes the integrity check."""
    docs = corpus(seed=6)
    path = tmp_path / "i.db"
    with create_index(path) as store:
        assert isinstance(store, SQLiteStore)
        store.add(docs[:10])
        store.add(docs[10:])
        assert store._checkpointer is not None and store._checkpointer.flush(30)
        shutil.copyfile(path, tmp_path / "copy.db")
        assert sorted(store.ids()) == sorted(d.id for d in docs)
    conn = sqlite3.connect(tmp_path / "copy.db")
    (n,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    conn.close()
    assert n == len(docs)
    with open_index(tmp_path / "copy.db") as copy:
        assert sorted(copy.ids()) == sorted(d.id for d in docs)
        assert copy.integrity_check(deep=True) == ()


def test_closing_stops_the_checkpoint_thread(tmp_path: Path) -> None:
    """The thread starts with the first write and ends with the index; what it
    had not copied yet is in the file once the index is closed."""
    docs = [replace(d, id=f"x-{d.id}") for d in corpus(seed=7)]
    path = tmp_path / "i.db"
    store = create_index(path)
    assert isinstance(store, SQLiteStore) and store._checkpointer is None
    store.query(docs[:2])
    assert store._checkpointer is None  # reading starts no thread
    store.add(docs)
    checkpointer = store._checkpointer
    assert checkpointer is not None
    store.close()
    assert not checkpointer._thread.is_alive()
    assert not Path(f"{path}-wal").exists()
    with open_index(path) as again:
        assert len(again.ids()) == len(docs)


def test_words_read_after_the_rest_of_a_stored_document() -> None:
    """A document read without its words, then its words alone, is the
    document read at once; damaged bytes are refused."""
    for doc in corpus(seed=3)[:8]:
        prepared = prepare(doc, DEFAULT_OPTIONS)
        data = encode_prepared(prepared)
        whole = decode_prepared(data, doc)
        assert whole.words == prepared.words and whole.keys == prepared.keys
        bare = decode_prepared(data, doc, words=False)
        assert len(bare.words) == 0 and bare.sentence_shingles == prepared.sentence_shingles
        assert decode_words(data) == prepared.words
        assert replace(bare, words=decode_words(data)) == whole
        with pytest.raises(ValueError):
            decode_words(data[:40])
        with pytest.raises(ValueError):
            decode_prepared(data[:-4], doc, words=False)


@pytest.mark.parametrize(("common_docs", "site_docs"), [(2, 2), (2, 3)])
def test_boilerplate_counts_read_alone_are_those_of_all_counts(
    tmp_path: Path, common_docs: int, site_docs: int
) -> None:
    """The SQLite index reads the counts of the boilerplate keys only, from
    its index of the keys at or above its bounds (``common_sentence_docs``,
    ``site_boilerplate_docs``); they are the counts of every key, less those
    of the others, whatever the floor at or above those bounds."""
    docs = corpus(seed=2)
    options = replace(
        DEFAULT_OPTIONS, common_sentence_docs=common_docs, site_boilerplate_docs=site_docs
    )
    # the bounds, then a higher document floor, then a higher site floor
    floors = [(common_docs, site_docs), (common_docs + 1.5, 100), (1000, site_docs + 1)]
    with create_index(tmp_path / "i.db", options=options) as store:
        assert isinstance(store, SQLiteStore)
        store.add(docs)
        keys = sorted({k for d in docs for k in prepare(d, options).keys})

        def compare(access: _Access) -> list[int]:
            sizes = []
            for floor, least in floors:
                found = access.common_counts(keys, floor, least)
                assert found == _Access.common_counts(access, keys, floor, least)
                sizes.append(len(found))
            return sizes

        sizes = store._read(compare)
    assert 0 < max(sizes[1:]) < sizes[0]


_ADDING = textwrap.dedent(
    """
    import itertools, json, sys
    from dataclasses import replace
    from pathlib import Path

    import syndetect
    from syndetect.store import open_index

    index, marker, batch = sys.argv[1:4]
    docs = [syndetect.Document(**d) for d in json.loads(Path(batch).read_text())]
    with open_index(index) as store:
        for n in itertools.count():  # until killed
            doc = docs[n % len(docs)]
            # one commit, and one checkpoint asked for, each
            store.add([replace(doc, id=f"{doc.id}-{n // len(docs)}")])
            if n == 3:
                Path(marker).write_text("adding")
    """
)


def test_sigkill_while_adds_and_checkpoints_run_keeps_every_committed_add(
    tmp_path: Path,
) -> None:
    """Killed among adds of one article each (the checkpoint thread copying
    the log meanwhile), the index opens, verifies, and holds the articles of
    the adds that committed: the first ones, each whole."""
    path = str(tmp_path / "i.db")
    before, batch = kill_inside_add(tmp_path, path, _ADDING, lambda: time.sleep(0.5))
    order = [f"{d.id}-{r}" for r in range(1000) for d in batch]
    with open_index(path) as store:
        assert store.integrity_check(deep=True) == ()
        ids = set(store.ids())
        added = order[: len(ids) - len(before)]
        assert len(added) >= 4 and ids == {*before, *added}
        store.add(batch)
        assert store.integrity_check() == ()
