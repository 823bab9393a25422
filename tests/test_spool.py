"""The spool of document texts and words a scan reads back for alignment."""

from __future__ import annotations

import re
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syndetect.errors import TemporaryFileError
from syndetect.normalize import Words, words
from syndetect.parallel import run_stage
from syndetect.spool import Spool, pack, spooled, unpack


@given(st.text())
def test_a_record_gives_back_its_text_and_words(text: str) -> None:
    ws = words(text)
    assert unpack(pack(text, ws)) == (text, ws)


def test_lone_surrogates_nul_and_wide_offsets_survive() -> None:
    text = "caf\udce9 \x00 zero"
    wide = Words(("a", "b"), array("q", [0, 2**40]), array("q", [1, 2**40 + 1]))
    assert unpack(pack(text, wide)) == (text, wide)
    empty = Words((), array("i"), array("i"))
    assert unpack(pack("", empty)) == ("", empty)


def _read(spool: Spool, number: int) -> str:
    return spool.read(number)[0]


def test_records_are_read_back_by_number_also_in_forked_processes() -> None:
    texts = [f"Article {n}: the council met on Monday." * (n % 5 + 1) for n in range(300)]
    with spooled() as spool:
        for n, text in enumerate(texts):
            assert spool.append(pack(text, words(text))) == n
        spool.seal()
        assert len(spool) == 300
        assert spool.read(299) == (texts[299], words(texts[299]))
        order = list(reversed(range(300)))
        assert run_stage("read", _read, order, spool, jobs=2, chunk_size=7) == [
            texts[n] for n in order
        ]
        with pytest.raises(ValueError, match="sealed"):
            spool.append(pack("late", words("late")))
        with pytest.raises(IndexError):
            spool.read(300)


def test_the_cache_keeps_the_last_records_read() -> None:
    spool = Spool(cache_size=2)
    try:
        for text in ("one", "two", "three"):
            spool.append(pack(text, words(text)))
        first = spool.read(0)
        assert spool.read(0) is first  # cached
        spool.read(1)
        spool.read(2)  # the cache holds 2: record 0 is dropped
        assert spool.read(0) is not first and spool.read(0) == first
    finally:
        spool.close()


def test_a_directory_that_cannot_hold_the_spool_is_a_syndetect_error(tmp_path: Path) -> None:
    """The CLI turns it into one line and exit 2, as any SyndetectError. (An
    unusable $TMPDIR is not one: Python then falls back to /tmp.)"""
    missing = tmp_path / "no-such-dir"
    with pytest.raises(TemporaryFileError, match=f"^{re.escape(str(missing))}: cannot write"):
        Spool(str(missing))
