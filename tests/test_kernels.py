"""The compiled loops (numba) give what the pure-Python path gives, to the bit:
the shingle and sentence hashes, the words, the prepared documents, the
sentence pairs worth aligning, and so the whole report."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy as np
import pytest
import xxhash
from hypothesis import given, settings
from hypothesis import strategies as st

import syndetect
from syndetect import kernels
from syndetect.align import sentences_to_align
from syndetect.formats import render
from syndetect.normalize import APOSTROPHES, WordBytes, encoded_words, word_starts, words
from syndetect.options import DEFAULT_OPTIONS
from syndetect.shingle import PreparedDocument, prepare

pytest.importorskip("numba")

T = TypeVar("T")


@contextmanager
def _pure_python() -> Iterator[None]:
    saved = os.environ.get("SYNDETECT_PURE_PYTHON")
    os.environ["SYNDETECT_PURE_PYTHON"] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SYNDETECT_PURE_PYTHON"]
        else:
            os.environ["SYNDETECT_PURE_PYTHON"] = saved


def _both(func: Callable[[], T]) -> tuple[T, T]:
    """``func()`` by the pure-Python path, then by the compiled one."""
    assert kernels.enabled()
    with _pure_python():
        assert not kernels.enabled()
        pure = func()
    return pure, func()


def _ranges(data: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sizes = np.array([len(d) for d in data], dtype=np.int64)
    ends = np.cumsum(sizes)
    joined = np.frombuffer(bytearray(b"".join(data)), dtype=np.uint8)
    return joined, ends - sizes, ends


@settings(deadline=None)
@given(st.lists(st.binary(max_size=70), min_size=1, max_size=20))
def test_hashes_are_those_of_the_xxhash_package(data: list[bytes]) -> None:
    joined, starts, ends = _ranges(data)
    compiled = kernels.compiled()
    assert compiled.hash32(joined, starts, ends).tolist() == [
        xxhash.xxh32_intdigest(d) for d in data
    ]
    assert compiled.hash64(joined, starts, ends).tolist() == [
        xxhash.xxh64_intdigest(d) for d in data
    ]


# Characters each path treats its own way: ASCII and other letters and digits,
# every apostrophe, characters that fold to one character (capitals, "ﬀ" is
# not one: it expands) or to several ("ß", "ﬁ"), combining marks, quotes and
# dashes that normalisation unifies, spaces of several kinds and a lone surrogate.
_CHARACTERS = (
    "aZ09_ ,.-\n\t"
    + "".join(sorted(APOSTROPHES))
    + "éÉçÇΩωЖж٣İıſKµ"
    + "ßﬁ\u0301\u0308"
    + "“”«»–—"
    + "\u00a0\u2028\u3000"
    + "\ud800"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=60) | st.text(max_size=40))
def test_compiled_words_are_the_pure_python_words(text: str) -> None:
    pure, compiled = _both(lambda: encoded_words(text))
    assert compiled[0] == pure[0]
    assert compiled[0] == words(text)
    starts = _both(lambda: list(word_starts(text)))
    assert starts[0] == starts[1] == list(pure[0].starts)
    for mine, theirs in zip(
        (compiled[1].data, compiled[1].starts, compiled[1].ends),
        (pure[1].data, pure[1].starts, pure[1].ends),
        strict=True,
    ):
        assert mine.tolist() == theirs.tolist()


def test_word_bytes_are_the_words_joined_by_spaces() -> None:
    found = WordBytes.of(words("Café au lait, s’il vous plaît"))
    assert found.data.tobytes() == "café au lait sil vous plaît".encode()
    assert [
        found.data[s:e].tobytes().decode() for s, e in zip(found.starts, found.ends, strict=True)
    ] == [
        "café",
        "au",
        "lait",
        "sil",
        "vous",
        "plaît",
    ]


def _fields(doc: PreparedDocument) -> tuple[object, ...]:
    return (
        doc.words,
        tuple(doc.sentences),
        tuple(doc.keys),
        tuple(doc.usable),
        [a.tolist() for a in doc.sentence_shingles],
        doc.shingle_sentences[0].tolist(),
        doc.shingle_sentences[1].tolist(),
    )


_SENTENCE_PIECES = [
    "The minister said the bridge would reopen on Monday after repairs.",
    "Engineers found cracks in two of its steel supports.",
    "Read more:",
    "It’s the ministry’s third closure this year.",
    "Straße gesperrt.",
    "U.S. officials declined to comment.",
    "\n\n",
    " ",
    "Short.",
    "Café owners’ association – “furious” – said so.",
    "Engineers found cracks in two of its steel supports.",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=12),
    st.integers(1, 6),
    st.integers(1, 8),
)
def test_compiled_prepare_is_the_pure_python_prepare(
    pieces: list[str], shingle_size: int, min_sentence_words: int
) -> None:
    from dataclasses import replace

    options = replace(
        DEFAULT_OPTIONS, shingle_size=shingle_size, min_sentence_words=min_sentence_words
    )
    document = syndetect.Document("d", " ".join(pieces))
    pure, compiled = _both(lambda: prepare(document, options))
    assert _fields(compiled) == _fields(pure)


def test_compiled_prepare_on_articles(
    seed_documents: list[syndetect.Document], generated_documents: list[syndetect.Document]
) -> None:
    for document in [*seed_documents, *generated_documents]:
        pure, compiled = _both(lambda d=document: prepare(d, DEFAULT_OPTIONS))
        assert _fields(compiled) == _fields(pure), document.id


def test_compiled_sentence_pairs_are_the_pure_python_ones(
    generated_documents: list[syndetect.Document],
) -> None:
    prepared = [prepare(d, DEFAULT_OPTIONS) for d in generated_documents[:120]]
    some = 0
    for k, a in enumerate(prepared):
        others = prepared[k + 1 :]
        pure, compiled = _both(
            lambda a=a, others=others: sentences_to_align(a, others, DEFAULT_OPTIONS)
        )
        assert compiled == pure
        some += sum(map(bool, compiled))
    assert some > 20


def test_reports_are_the_same_either_way(
    seed_documents: list[syndetect.Document], generated_documents: list[syndetect.Document]
) -> None:
    documents = [*seed_documents, *generated_documents]
    pure, compiled = _both(lambda: render(syndetect.scan(documents, jobs=2), "json"))
    assert compiled == pure
    assert '"pairs": [\n' in compiled or '"pairs": [{' in compiled


def test_pure_python_when_asked() -> None:
    with _pure_python():
        assert not kernels.enabled()
    assert kernels.enabled()


def test_compiled_jaccard_is_numpys_mean() -> None:
    from syndetect.index import _equal_fraction

    rng = np.random.default_rng(3)
    rows = rng.integers(0, 4, size=(40, 64)).astype(np.uint32)
    first = rng.integers(0, 40, size=500).astype(np.int64)
    second = rng.integers(0, 40, size=500).astype(np.int64)
    pure, compiled = _both(lambda: _equal_fraction(rows, first, second))
    assert compiled.tolist() == pure.tolist()
    assert 0 < compiled.min() < compiled.max() == 1.0


_HASH_SETS = st.lists(
    st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=50).map(
        lambda values: np.array(values, dtype=np.uint32)
    ),
    min_size=1,
    max_size=30,
)


@settings(deadline=None)
@given(_HASH_SETS, st.sampled_from([(64, 1), (256, 1), (16, 7)]))
def test_compiled_min_hashes_are_numpys(sets: list[np.ndarray], shape: tuple[int, int]) -> None:
    """Sentence sketches and document signatures, compiled, are those of the
    numpy path (itself held equal to datasketch by tests/test_index.py)."""
    from syndetect.index import Permutations, minhash_signature, sentence_signatures

    perms = Permutations.create(*shape)
    pure, compiled = _both(lambda: sentence_signatures(sets, perms))
    assert compiled.dtype == pure.dtype == np.uint32
    assert compiled.tolist() == pure.tolist()
    for hashes in [*sets, np.zeros(0, dtype=np.uint32)]:
        pure, compiled = _both(lambda h=hashes: minhash_signature(h, perms))
        assert compiled.dtype == np.uint32 and compiled.tolist() == pure.tolist()


def test_sentence_table_answers_as_each_document_would(
    generated_documents: list[syndetect.Document],
) -> None:
    """The table's shingles are views of one set of arrays: the documents it
    gives back hold what they held, and its sentence pairs are
    ``sentences_to_align``'s by either path."""
    from syndetect.align import SentenceTable

    prepared = [prepare(d, DEFAULT_OPTIONS) for d in generated_documents[:60]]
    table = SentenceTable(prepared)
    for before, after in zip(prepared, table.documents, strict=True):
        assert _fields(after) == _fields(before)
    some = 0
    for a in range(0, 60, 3):
        others = [b for b in range(60) if b != a]
        pure, compiled = _both(
            lambda a=a, others=others: table.sentences_to_align(a, others, DEFAULT_OPTIONS)
        )
        expected = sentences_to_align(prepared[a], [prepared[b] for b in others], DEFAULT_OPTIONS)
        assert compiled == pure == expected
        some += sum(map(bool, expected))
    assert some > 3


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 2**32 - 1)),
        min_size=1,
        max_size=60,
    ),
    st.integers(3, 5),
)
def test_band_keys_group_rows_as_the_sorting_path(
    rows: list[tuple[int, int, int]], width: int
) -> None:
    """Compiled, a band's key is the index of the first equal row, not its
    rank among the distinct rows; either way two keys are equal exactly when
    the rows are."""
    from syndetect.index import _band_keys

    columns = np.array([[*row, *([row[0]] * (width - 3))] for row in rows], dtype=np.uint32)
    pure, compiled = _both(lambda: _band_keys(columns))
    same_rows = (columns[:, None, :] == columns[None, :, :]).all(axis=2)
    assert ((pure[:, None] == pure[None, :]) == same_rows).all()
    assert ((compiled[:, None] == compiled[None, :]) == same_rows).all()


def test_candidates_from_shingle_tables_or_plain_arrays(
    generated_documents: list[syndetect.Document],
) -> None:
    """find_candidates reads a SentenceShingles from its arrays, a plain
    sequence of arrays one by one: the same candidates."""
    from syndetect.index import Permutations, find_candidates, minhash_signature

    prepared = [prepare(d, DEFAULT_OPTIONS) for d in generated_documents]
    perms = Permutations.create(DEFAULT_OPTIONS.num_perm, DEFAULT_OPTIONS.seed)
    signatures = np.array([minhash_signature(p.shingles, perms) for p in prepared])
    words = [[end - start for start, end in p.sentences] for p in prepared]
    tables = [p.sentence_shingles for p in prepared]
    plain = [list(t) for t in tables]
    found = [
        find_candidates(s, signatures, DEFAULT_OPTIONS, sentence_words=words)
        for s in (tables, plain)
    ]
    assert len(found[0]) > 50
    assert list(found[0]) == list(found[1])
