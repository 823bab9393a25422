"""The compact fields of a prepared document hold the same values as the tuples
they replace, and prepare() fills them as before."""

from __future__ import annotations

import pickle
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import syndetect
import syndetect.shingle as shingle_module
from syndetect.compact import Flags, Keys, SentenceShingles, Spans, int_array
from syndetect.normalize import words
from syndetect.shingle import (
    PreparedDocument,
    common_sentences,
    common_shingles,
    drop_sentences,
    drop_sentences_many,
    drop_shingles,
    drop_shingles_many,
    ngrams,
    prepare,
    shingle_hash,
)

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def test_spans_keys_and_flags_equal_the_tuples_they_replace() -> None:
    spans, keys, flags = (0, 4), (4, 9), (9, 2**31 + 5)
    cases = [
        (Spans([spans, keys, flags]), (spans, keys, flags)),
        (Keys([2**64 - 1, 0, 17]), (2**64 - 1, 0, 17)),
        (Flags([True, False, True]), (True, False, True)),
    ]
    for packed, plain in cases:
        assert packed == plain and plain == packed
        assert hash(packed) == hash(plain)
        assert len(packed) == 3 and list(packed) == list(plain)
        assert packed[0] == plain[0] and packed[-1] == plain[-1]
        assert packed[1:] == plain[1:]
        assert pickle.loads(pickle.dumps(packed)) == plain
        with pytest.raises(IndexError):
            packed[3]
    assert Flags([True])[0] is True and Flags([0])[0] is False
    assert Spans() == () and Keys([1, 2]) != (2, 1)
    assert Spans.from_flat(np.array([0, 4, 4, 9], dtype="<i4")) == ((0, 4), (4, 9))
    assert Flags.from_array(np.array([1, 0, 2], dtype=np.uint8)) == (True, False, True)
    assert Keys.from_array(np.array([2**64 - 1, 3], dtype=np.uint64)) == (2**64 - 1, 3)


def test_offsets_are_32_bit_unless_they_do_not_fit() -> None:
    assert int_array([0, 2**31 - 1]).typecode == "i"
    wide = int_array(iter([0, 2**31]))
    assert wide.typecode == "q" and wide.tolist() == [0, 2**31]
    assert words("Putin’s move").starts.typecode == "i"


def test_sentence_shingles_iterate_as_sorted_arrays_per_sentence() -> None:
    given = [[9, 3, 5], [], [7, 1], [4]]
    table = SentenceShingles(given)
    assert len(table) == 4
    assert [a.tolist() for a in table] == [sorted(s) for s in given]
    assert [table[i].tolist() for i in range(4)] == [sorted(s) for s in given]
    assert all(a.dtype == np.uint32 for a in table)
    hashes, sentence, sizes = table.sorted_view
    assert hashes.tolist() == [1, 3, 4, 5, 7, 9]
    assert sentence.tolist() == [2, 0, 3, 0, 2, 0]
    assert sizes.tolist() == [3, 0, 2, 1]
    assert table.distinct().tolist() == [1, 3, 4, 5, 7, 9]
    assert table == [np.array(sorted(s), dtype=np.uint32) for s in given]
    assert pickle.loads(pickle.dumps(table)) == table
    kept = table.keep(np.array([True, True, False, True]), hashes != 5)
    assert [a.tolist() for a in kept] == [[3, 9], [], [], [4]]


def _old_sentence_shingles(prepared: PreparedDocument, n: int) -> list[list[int]]:
    """The shingles of each sentence as prepare() worked them out before they
    were kept compact: sorted per sentence, none found in two sentences."""
    per = [
        sorted({shingle_hash(g) for g in ngrams(prepared.words.words[s:e], n)}) if ok else []
        for (s, e), ok in zip(prepared.sentences, prepared.usable, strict=True)
    ]
    seen = Counter(h for hashes in per for h in hashes)
    return [[h for h in hashes if seen[h] == 1] for hashes in per]


def test_prepare_fills_the_same_values_as_before() -> None:
    options = syndetect.DEFAULT_OPTIONS
    for path in sorted(SEEDS.glob("*.txt")):
        p = prepare(syndetect.read_text_file(path), options)
        assert isinstance(p.sentences, Spans) and isinstance(p.keys, Keys)
        assert isinstance(p.usable, Flags) and isinstance(p.sentence_shingles, SentenceShingles)
        expected = _old_sentence_shingles(p, options.shingle_size)
        assert [a.tolist() for a in p.sentence_shingles] == expected
        every = np.array(sorted(h for hashes in expected for h in hashes), dtype=np.uint32)
        assert np.array_equal(p.shingles, every)
        assert np.array_equal(p.shingle_sentences[0], every)
        assert not all(p.usable) and len(p.keys) == len(p.sentences)


def test_prepared_document_made_from_tuples_is_compact_and_equal() -> None:
    p = prepare(syndetect.read_text_file(sorted(SEEDS.glob("*.txt"))[0]), syndetect.DEFAULT_OPTIONS)
    plain = PreparedDocument(
        document=p.document,
        words=p.words,
        sentences=tuple(p.sentences),
        keys=tuple(p.keys),
        usable=tuple(p.usable),
        sentence_shingles=tuple(p.sentence_shingles),
    )
    assert isinstance(plain.sentence_shingles, SentenceShingles)
    assert plain == p
    assert pickle.loads(pickle.dumps(p)) == p


def test_dropping_sentences_and_shingles_keeps_the_rest() -> None:
    p = prepare(syndetect.read_text_file(sorted(SEEDS.glob("*.txt"))[1]), syndetect.DEFAULT_OPTIONS)
    usable = [i for i, ok in enumerate(p.usable) if ok]
    gone = usable[0]
    dropped = drop_sentences(p, frozenset([p.keys[gone]]))
    assert dropped.usable == tuple(ok and i != gone for i, ok in enumerate(p.usable))
    before = list(p.sentence_shingles)
    assert [a.tolist() for a in dropped.sentence_shingles] == [
        [] if i == gone else a.tolist() for i, a in enumerate(before)
    ]
    stock = np.sort(np.concatenate([before[usable[1]][:2], before[usable[2]][-1:]]))
    cut = drop_shingles(p, stock)
    assert [a.tolist() for a in cut.sentence_shingles] == [
        [h for h in a.tolist() if h not in stock.tolist()] for a in before
    ]
    assert drop_shingles(p, np.zeros(0, dtype=np.uint32)) is p


def test_dropping_from_many_documents_at_once_is_dropping_from_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """drop_sentences_many and drop_shingles_many (in batches, here of 2)
    give each document what dropping from it alone gives, and the document
    itself where nothing is dropped."""
    monkeypatch.setattr(shingle_module, "_BATCH", 2)
    docs = [
        prepare(syndetect.read_text_file(path), syndetect.DEFAULT_OPTIONS)
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    rng = random.Random(3)
    keys = frozenset(rng.sample([k for p in docs[:3] for k in p.keys], 6))
    every = np.concatenate([p.shingles for p in docs[1:4]])
    stock = np.unique(rng.sample(every.tolist(), 40)).astype(np.uint32)
    for p, dropped in zip(docs, drop_sentences_many(docs, keys), strict=True):
        assert dropped.usable == tuple(
            ok and k not in keys for ok, k in zip(p.usable, p.keys, strict=True)
        )
        kept = zip(p.sentence_shingles, dropped.usable, strict=True)
        assert [a.tolist() for a in dropped.sentence_shingles] == [
            a.tolist() if ok else [] for a, ok in kept
        ]
        assert (dropped is p) == (not keys.intersection(p.keys))
    for p, cut in zip(docs, drop_shingles_many(docs, stock), strict=True):
        assert [a.tolist() for a in cut.sentence_shingles] == [
            [h for h in a.tolist() if h not in stock.tolist()] for a in p.sentence_shingles
        ]
        assert (cut is p) == (not np.isin(p.shingles, stock).any())
    for same in (drop_shingles_many(docs, stock[:0]), drop_sentences_many(docs, frozenset())):
        assert all(a is b for a, b in zip(same, docs, strict=True))


def _reference_common_sentences(
    prepared: list[PreparedDocument], corpus_floor: int, site_floor: int
) -> set[int]:
    per_doc = [{k for k, ok in zip(p.keys, p.usable, strict=True) if ok} for p in prepared]
    df = Counter(k for keys in per_doc for k in keys)
    per_site = Counter(
        (p.document.outlet, k)
        for p, keys in zip(prepared, per_doc, strict=True)
        for k in keys
        if p.document.outlet
    )
    return {k for k, n in df.items() if n >= corpus_floor} | {
        k for (_, k), n in per_site.items() if n >= site_floor
    }


def test_collection_counts_equal_a_count_per_document() -> None:
    rng = random.Random(3)
    words = "river bridge council budget storm school court market harbour train".split()
    pool = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(40)]
    docs = [
        syndetect.Document(
            f"d{n}",
            " ".join(rng.sample(pool, 8)),
            outlet=rng.choice([None, "North", "South", "East"]),
        )
        for n in range(60)
    ]
    base = replace(syndetect.DEFAULT_OPTIONS, common_sentence_fraction=0.0)
    prepared = [prepare(d, base) for d in docs]
    found = []
    for corpus_floor, site_floor in [(2, 2), (12, 4), (100, 6), (100, 100)]:
        options = replace(base, common_sentence_docs=corpus_floor, site_boilerplate_docs=site_floor)
        expected = _reference_common_sentences(prepared, corpus_floor, site_floor)
        assert common_sentences(prepared, options) == expected
        found.append(len(expected))
    assert found[0] > found[1] > found[2] > found[3] == 0
    for floor in (2, 20, 40):
        options = replace(base, common_shingle_docs=floor, common_shingle_fraction=0.0)
        shingle_df = Counter(h for p in prepared for h in p.shingles.tolist())
        stock = common_shingles(prepared, options)
        assert stock.dtype == np.uint32
        assert stock.tolist() == sorted(h for h, n in shingle_df.items() if n >= floor)
    assert common_sentences([], base) == frozenset()


@given(st.lists(st.integers(0, 2**64 - 1), max_size=30))
def test_sorted_unique_is_numpys_unique(values: list[int]) -> None:
    from syndetect.compact import sorted_unique

    array_ = np.array(values, dtype=np.uint64)
    assert sorted_unique(array_).tolist() == np.unique(array_).tolist()
    assert sorted_unique(array_).dtype == np.uint64
