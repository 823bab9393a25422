"""What counts as shared text when a pair is weighed against ``min_pair_words``,
and the shortcuts of alignment that must not change what it finds."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

import syndetect
from syndetect.align import (
    _most_shared,
    _sentence_pairs_many,
    _Taken,
    align_sentences,
    may_align,
    sentences_to_align,
    shared_words,
)
from syndetect.options import DEFAULT_OPTIONS
from syndetect.shingle import prepare

# Two sentences in one frame with other words in three of its slots, as two
# independent articles in one domain's stock phrases write them (or as an
# edited copy does): one near passage of 36 words on each side, 33 of them shared.
FRAME = (
    "The competition watchdog {} Corvant Systems about a data leak at its offices in "
    "Manila in {}. Separately, the telecoms regulator {} Westmere Telecom to freeze "
    "advertising on its app store in the Philippines, officials said."
)
FIRST = syndetect.Document("a", FRAME.format("fined", "1999", "asked"))
SECOND = syndetect.Document("b", FRAME.format("investigated", "2003", "told"))


def test_shared_words_are_the_equal_words_of_the_alignment() -> None:
    assert shared_words(("a", "b", "c"), ("a", "b", "c")) == 3
    assert shared_words(("the", "watchdog", "fined", "x"), ("the", "watchdog", "probed", "x")) == 3
    assert shared_words(("a", "b"), ("a", "new", "b")) == 2
    assert shared_words(("a",), ("b",)) == 0


def test_edited_words_do_not_count_toward_the_pair_minimum() -> None:
    (pair,) = syndetect.scan([FIRST, SECOND], min_pair_words=33).pairs
    (passage,) = pair.passages
    assert passage.kind == "near"
    equal = sum(len(text.split()) for op, text in passage.diff if op == "equal")
    assert equal == 33
    # Both sides are 36 words long, but only 33 of them are shared.
    assert syndetect.scan([FIRST, SECOND], min_pair_words=34).pairs == ()


def test_a_verbatim_passage_counts_every_word() -> None:
    copy = syndetect.Document("c", "From our wire desk. " + FIRST.text)
    (pair,) = syndetect.scan([FIRST, copy], min_pair_words=36).pairs
    assert [p.kind for p in pair.passages] == ["verbatim"]
    assert syndetect.scan([FIRST, copy], min_pair_words=37).pairs == ()


def test_pairs_dropped_before_alignment_are_those_alignment_would_drop(
    generated_documents: list[syndetect.Document],
) -> None:
    """The bound of sentences_to_align (sentences plus bridgeable gaps) never
    drops a pair that aligning every sentence pair worth it would report."""
    dropped = 0
    for options in (DEFAULT_OPTIONS, replace(DEFAULT_OPTIONS, min_pair_words=60)):
        prepared = [prepare(d, options) for d in generated_documents]
        for k, a in enumerate(prepared):
            others = prepared[k + 1 :]
            raw = _sentence_pairs_many(a, others, options.min_shared_shingles)
            kept = sentences_to_align(a, others, options)
            for b, every, some in zip(others, raw, kept, strict=True):
                full = align_sentences(a, b, every, options) if every else []
                assert (align_sentences(a, b, some, options) if some else []) == full
                if full:
                    found = sum(
                        shared_words(
                            a.words.words[m.a_start : m.a_end], b.words.words[m.b_start : m.b_end]
                        )
                        for m in full
                    )
                    assert found <= _most_shared(a, b, every)
                if every:  # the store's filter: the same answer, either way round
                    assert may_align(a, [b], options) == may_align(b, [a], options) == [bool(some)]
                dropped += bool(every) and not some
    assert dropped > 100  # the bound did drop pairs


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=40))
def test_taken_ranges_answer_as_a_scan_of_every_range(ranges: list[tuple[int, int]]) -> None:
    """_Taken (bisection over sorted, non-overlapping ranges) says a range
    overlaps exactly when one of the ranges taken so far does."""
    taken, plain = _Taken(), list[tuple[int, int]]()
    for start, size in ranges:
        end = start + size
        expected = any(start < e and s < end for s, e in plain)
        assert taken.overlaps(start, end) == expected
        if not expected:
            taken.take(start, end)
            plain.append((start, end))
