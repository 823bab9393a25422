"""Signatures are bit-identical to datasketch.MinHash; LSH finds candidates."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

import syndetect
from syndetect.index import Permutations, find_candidates, minhash_signature
from syndetect.options import DEFAULT_OPTIONS
from syndetect.shingle import prepare, shingle_hash


def _datasketch(shingles: list[str], num_perm: int, seed: int) -> np.ndarray:
    m = MinHash(num_perm=num_perm, seed=seed, hashfunc=shingle_hash)
    m.update_batch(shingles)
    return np.asarray(m.hashvalues)


@settings(max_examples=60, deadline=None)
@given(
    shingles=st.lists(st.text(min_size=1, max_size=30), min_size=0, max_size=60),
    num_perm=st.integers(2, 300),
    seed=st.integers(0, 2**31 - 1),
)
def test_signature_equals_datasketch(shingles: list[str], num_perm: int, seed: int) -> None:
    perms = Permutations.create(num_perm, seed)
    hashes = np.array([shingle_hash(s) for s in shingles], dtype=np.uint32)
    ours = minhash_signature(hashes, perms)
    assert ours.dtype == np.uint32
    assert np.array_equal(ours, _datasketch(shingles, num_perm, seed))


def test_seed_document_signatures_equal_datasketch(
    seed_documents: list[syndetect.Document],
) -> None:
    o = DEFAULT_OPTIONS
    perms = Permutations.create(o.num_perm, o.seed)
    for doc in seed_documents:
        prepared = prepare(doc, o)
        texts = prepared.shingle_texts(o.shingle_size)
        assert len(texts) == len(prepared.shingles) > 50
        theirs = _datasketch([t.encode("utf-8") for t in texts], o.num_perm, o.seed)
        assert np.array_equal(minhash_signature(prepared.shingles, perms), theirs)


def test_shingle_hash_is_xxh32_seed0() -> None:
    # Reference value of xxHash32("abc", seed=0).
    assert shingle_hash("abc") == 0x32D153FF
    assert shingle_hash(b"abc") == shingle_hash("abc")


def test_lsh_candidates_and_jaccard_estimate() -> None:
    o = DEFAULT_OPTIONS
    perms = Permutations.create(o.num_perm, o.seed)

    def sentences(start: int, count: int) -> list[np.ndarray]:
        return [np.arange(n, n + 20, dtype=np.uint32) for n in range(start, start + count * 20, 20)]

    long_doc = sentences(0, 50)  # 1000 shingles in 50 sentences
    quotes_two = sentences(0, 2) + sentences(50_000, 8)  # shares 2 sentences: Jaccard ~0.04
    near_copy = sentences(20, 40)  # shares 40 of 50 sentences
    unrelated = sentences(100_000, 30)
    empty: list[np.ndarray] = [np.zeros(0, dtype=np.uint32)]
    docs = [long_doc, quotes_two, near_copy, unrelated, empty]
    sigs = [minhash_signature(np.concatenate(d), perms) for d in docs]
    cands = find_candidates(docs, sigs, o)
    assert [(c.first, c.second) for c in cands] == [(0, 1), (0, 2), (1, 2)]
    by_pair = {(c.first, c.second): c.jaccard for c in cands}
    assert abs(by_pair[(0, 2)] - 0.8) < 0.1
    assert by_pair[(0, 1)] < 0.1


def test_document_level_index_catches_merged_sentences() -> None:
    o = DEFAULT_OPTIONS
    perms = Permutations.create(o.num_perm, o.seed)
    # The same shingles, but cut into sentences differently: no sentence pair
    # is similar, the documents are.
    a = [np.arange(n, n + 10, dtype=np.uint32) for n in range(0, 300, 10)]
    b = [np.arange(n, n + 30, dtype=np.uint32) for n in range(5, 305, 30)]
    sigs = [minhash_signature(np.concatenate(d), perms) for d in (a, b)]
    assert [(c.first, c.second) for c in find_candidates([a, b], sigs, o)] == [(0, 1)]


def test_short_sentences_in_crowded_buckets_make_no_candidates() -> None:
    """A credit line in 30 articles pairs none of them; a long sentence in as
    many still pairs them all, and so does the short one in a few."""
    o = DEFAULT_OPTIONS
    perms = Permutations.create(o.num_perm, o.seed)
    credit = np.arange(1_000, 1_004, dtype=np.uint32)  # 7 words
    quote = np.arange(2_000, 2_030, dtype=np.uint32)  # 33 words

    def article(k: int, shared: np.ndarray) -> list[np.ndarray]:
        own = np.arange(10_000 + 100 * k, 10_000 + 100 * k + 40, dtype=np.uint32)
        return [own, shared]

    def pairs(shared: np.ndarray, count: int) -> int:
        docs = [article(k, shared) for k in range(count)]
        words = [[len(h) + o.shingle_size - 1 for h in d] for d in docs]
        sigs = [minhash_signature(np.concatenate(d), perms) for d in docs]
        return len(find_candidates(docs, sigs, o, sentence_words=words))

    assert o.short_sentence_docs == 20
    assert pairs(credit, 30) == 0
    assert pairs(quote, 30) == 30 * 29 // 2
    assert pairs(credit, 20) == 20 * 19 // 2


@pytest.mark.parametrize("sentence_perm", [16, 64])  # bands of 2 rows, and of 3
def test_bulk_banding_finds_the_pairs_of_datasketch_minhashlsh(
    generated_documents: list[syndetect.Document], sentence_perm: int
) -> None:
    """find_candidates bands sentence sketches in bulk with numpy; the pairs
    must be those of datasketch's MinHashLSH fed the same sketches."""
    from datasketch import MinHash, MinHashLSH

    from syndetect.index import lsh_params, sentence_signatures

    o = replace(DEFAULT_OPTIONS, sentence_perm=sentence_perm)
    prepared = [prepare(d, o) for d in generated_documents]
    sentence_sets = [p.sentence_shingles for p in prepared]
    zero_signatures = [np.full(o.num_perm, 0xFFFFFFFF, dtype=np.uint32) for _ in prepared]
    found = {(c.first, c.second) for c in find_candidates(sentence_sets, zero_signatures, o)}
    # With the crowding rule: the sentence lengths (as words) these sets have.
    crowded = replace(o, short_sentence_docs=2)
    words = [[len(h) + o.shingle_size - 1 for h in sets] for sets in sentence_sets]
    crowded_found = {
        (c.first, c.second)
        for c in find_candidates(sentence_sets, zero_signatures, crowded, sentence_words=words)
    }

    perms = Permutations.create(o.sentence_perm, o.seed)
    lsh = MinHashLSH(num_perm=o.sentence_perm, params=lsh_params(o.threshold, o.sentence_perm))
    keys = [(d, n) for d, sets in enumerate(sentence_sets) for n, h in enumerate(sets) if len(h)]
    sketches = sentence_signatures([sentence_sets[d][n] for d, n in keys], perms)
    for key, values in zip(keys, sketches, strict=True):
        sketch = MinHash(
            seed=o.seed, hashvalues=values, permutations=(perms.a, perms.b), scheme="affine32"
        )
        lsh.insert(key, sketch, check_duplication=False)
    expected = set()
    crowded_expected = set()
    short = {(d, n) for d, n in keys if len(sentence_sets[d][n]) + o.shingle_size - 1 < 25}
    for table in lsh.hashtables:
        for band in table.keys():  # noqa: SIM118 - a datasketch storage, not a dict
            entries = table.get(band)
            docs = sorted({d for d, _ in entries})
            expected.update((a, b) for i, a in enumerate(docs) for b in docs[i + 1 :])
            if len(docs) > crowded.short_sentence_docs:
                docs = sorted({d for d, n in entries if (d, n) not in short})
            crowded_expected.update((a, b) for i, a in enumerate(docs) for b in docs[i + 1 :])
    assert len(expected) > 100
    assert found == expected
    assert len(crowded_found) < len(found)
    assert crowded_found == crowded_expected


def test_align_many_equals_align_one_by_one(
    generated_documents: list[syndetect.Document],
) -> None:
    from syndetect.align import align, align_many
    from syndetect.pipeline import candidate_pairs

    prepared, candidates = candidate_pairs(
        [prepare(d, DEFAULT_OPTIONS) for d in sorted(generated_documents, key=lambda d: d.id)],
        DEFAULT_OPTIONS,
    )
    by_first: dict[int, list[int]] = {}
    for c in candidates:
        by_first.setdefault(c.first, []).append(c.second)
    matched = 0
    for first, seconds in by_first.items():
        others = [prepared[j] for j in seconds]
        many = align_many(prepared[first], others, DEFAULT_OPTIONS)
        assert many == [align(prepared[first], b, DEFAULT_OPTIONS) for b in others]
        matched += sum(1 for m in many if m)
    assert matched > 50


@settings(max_examples=25, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 40), min_size=1, max_size=30),
    seed=st.integers(0, 2**31),
)
def test_sentence_signatures_equal_one_signature_per_set(sizes: list[int], seed: int) -> None:
    from syndetect.index import sentence_signatures

    rng = np.random.default_rng(seed)
    sets = [rng.integers(0, 2**32, size=n, dtype=np.uint32) for n in sizes]
    perms = Permutations.create(16, 1)
    bulk = sentence_signatures(sets, perms)
    assert bulk.shape == (len(sets), 16)
    for row, hashes in zip(bulk, sets, strict=True):
        assert (row == minhash_signature(hashes, perms)).all()


def test_sentence_signatures_across_batches() -> None:
    """More hashes than one batch holds: rows stay aligned with their sets."""
    from syndetect.index import _CHUNK, sentence_signatures

    rng = np.random.default_rng(3)
    sets = [rng.integers(0, 2**32, size=500, dtype=np.uint32) for _ in range(_CHUNK // 4)]
    perms = Permutations.create(16, 1)
    bulk = sentence_signatures(sets, perms)
    for i in (0, len(sets) // 2, len(sets) - 1):
        assert (bulk[i] == minhash_signature(sets[i], perms)).all()
