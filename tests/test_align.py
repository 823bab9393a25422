"""What counts as shared text when a pair is weighed against ``min_pair_words``."""

from __future__ import annotations

import syndetect
from syndetect.align import shared_words

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
