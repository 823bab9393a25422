"""The seed scan survives the edits syndication really makes to 003."""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable

import pytest

import syndetect
from tests.conftest import REPRINT, WIRE_SOURCE
from tests.helpers import REUTERS_PASSAGES, covering_passage, word_span


def strip_apostrophes(text: str) -> str:
    return re.sub("['’‘]", "", text)


def restore_apostrophes(text: str) -> str:
    for bare, full in (
        ("Russias", "Russia’s"),
        ("Putins", "Putin's"),
        ("hasnt", "hasn’t"),
        ("Ukraines", "Ukraine’s"),
        ("Moscows", "Moscow’s"),
    ):
        text = text.replace(bare, full)
    return text


def curly_quotes(text: str) -> str:
    text = text.replace("fake news", "“fake news”").replace("in principle", "‘in principle’")
    return re.sub(r"\"(\w)", r"“\1", text).replace('"', "”")


def rewrap(text: str) -> str:
    body = " ".join(text.split("\n")[3:])
    return "\n".join(text.split("\n")[:3]) + "\n" + textwrap.fill(body, width=64) + "\n"


def shuffle(text: str) -> str:
    lines = text.strip("\n").split("\n")
    head, body = lines[:3], lines[3:]
    random.Random(7).shuffle(body)
    return "\n".join(head + body) + "\n"


def add_chrome(text: str) -> str:
    return (
        "Home | World | Business | Markets\nBy Staff Reporter\nShare this article\n\n"
        + text
        + "\n\nSubscribe to our newsletter for the latest news.\n© 2022 Example Media Inc.\n"
    )


def everything(text: str) -> str:
    return add_chrome(rewrap(shuffle(curly_quotes(restore_apostrophes(text)))))


EDITS: dict[str, Callable[[str], str]] = {
    "restore apostrophes": restore_apostrophes,
    "curly quotes": curly_quotes,
    "re-wrap lines": rewrap,
    "shuffle sentences": shuffle,
    "byline and chrome": add_chrome,
    "all edits": everything,
}


@pytest.mark.parametrize("edit", [*EDITS, "strip apostrophes from 001"])
def test_passages_found_after_edit(seed_documents: list[syndetect.Document], edit: str) -> None:
    docs = {d.id: d for d in seed_documents}
    edited, reprint = docs[WIRE_SOURCE].text, docs[REPRINT].text
    if edit in EDITS:
        edited = EDITS[edit](edited)
        assert edited != docs[WIRE_SOURCE].text
    else:
        reprint = strip_apostrophes(reprint)
        assert reprint != docs[REPRINT].text
    inputs = [syndetect.Document(REPRINT, reprint), syndetect.Document(WIRE_SOURCE, edited)]
    report = syndetect.scan(inputs)
    (pair,) = report.pairs
    texts = {WIRE_SOURCE: edited, REPRINT: reprint}
    assert pair.direction != "source_to_derived" or pair.source == WIRE_SOURCE
    for snippet in REUTERS_PASSAGES:
        p = covering_passage(
            pair if pair.source == WIRE_SOURCE else _flip(pair),
            word_span(edited, snippet),
            word_span(reprint, snippet),
        )
        assert p is not None, f"{edit}: lost {snippet[:40]!r}"
    for p in pair.passages:
        assert texts[pair.source][p.source_start : p.source_end] == p.source_text
        assert texts[pair.derived][p.derived_start : p.derived_end] == p.derived_text


def _flip(pair: syndetect.Pair) -> syndetect.Pair:
    passages = tuple(
        syndetect.Passage(
            p.derived_start,
            p.derived_end,
            p.source_start,
            p.source_end,
            p.similarity,
            p.kind,
            p.diff,
            p.derived_text,
            p.source_text,
        )
        for p in pair.passages
    )
    return syndetect.Pair(
        pair.derived,
        pair.source,
        pair.direction,
        pair.jaccard,
        pair.containment_derived,
        pair.containment_source,
        pair.evidence,
        passages,
    )
