"""Sentence segmentation and metadata found in scraped text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syndetect.metadata import find_credits, find_date
from syndetect.segment import sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The U.S. envoy met Gen. Milley and Mr. Smith at 9 p.m. on Monday. Talks ended."
    assert split(text) == [
        "The U.S. envoy met Gen. Milley and Mr. Smith at 9 p.m. on Monday.",
        "Talks ended.",
    ]


def test_quotes_spanning_sentences_stay_with_their_sentence() -> None:
    text = "“We will not attack. We never planned to,” he said. Officials disagreed."
    assert split(text) == [
        "“We will not attack.",
        "We never planned to,” he said.",
        "Officials disagreed.",
    ]
    assert split('He said: "It is over." Then he left.') == [
        'He said: "It is over."',
        "Then he left.",
    ]


def test_one_sentence_per_line_without_blank_lines() -> None:
    text = "First sentence here.\nSecond one follows\nThird Line Title\nFourth starts here."
    assert split(text) == [
        "First sentence here.",
        "Second one follows",
        "Third Line Title",
        "Fourth starts here.",
    ]


def test_hard_wrapped_prose_is_joined() -> None:
    text = (
        "Russian troops moved into the two regions on\nMonday, officials said, and the\n"
        "rouble fell."
    )
    assert split(text) == [text]


def test_repeated_headlines_stay_separate() -> None:
    headline = "Putin accuses West of threatening Russia through Ukraine"
    text = f"Paris -\n{headline}\n{headline}\n\n{headline}\n\nBody text starts here."
    assert split(text) == ["Paris -", headline, headline, headline, "Body text starts here."]


def test_offsets_are_stripped_and_in_order() -> None:
    text = "  One.  Two!\n\n  Three?  "
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two!", "Three?"]
    assert spans == sorted(spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n20220222\nhttps://example.com/x\nBody.", date(2022, 2, 22)),
        ("You are here\n\nBy AFP - Dec 14,2021 - Last updated", date(2021, 12, 14)),
        ("May 22, 2022\n\nTitle", date(2022, 5, 22)),
        ("Title\n2023-01-05T10:00:00Z\nBody", date(2023, 1, 5)),
        ("Posted 5 March 2020\nBody", date(2020, 3, 5)),
        (
            "No date at the top.\nIn a long body sentence, the talks of 2020-01-01 were "
            "recalled by officials who spoke on condition of anonymity.",
            None,
        ),
    ],
)
def test_dateline(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "wires", "outlets", "reprints"),
    [
        # the agency's own dateline names the story's agency, not a reprint
        ("MOSCOW (Reuters) - Troops moved.", ("Reuters",), (), ()),
        ("BEIJING, May 15 (Xinhua) -- Troops moved.", ("Xinhua",), (), ()),
        ("New Delhi, June 6 (PTI) Troops moved.", ("PTI",), (), ()),
        # credit lines a reprint adds
        ("Troops moved. The rouble fell.  Reuters", ("Reuters",), (), ("Reuters",)),
        ("Le Monde with AFP and Reuters", ("AFP", "Reuters"), (), ("AFP", "Reuters")),
        ("By AFP - Dec 14,2021", ("AFP",), (), ("AFP",)),
        ("Troops moved.\n(AFP/Reuters)", ("AFP", "Reuters"), (), ("AFP", "Reuters")),
        ("The Associated Press contributed to this report.", ("AP",), (), ("AP",)),
        ("Originally published by Kyodo.", ("Kyodo",), (), ("Kyodo",)),
        ("Originally published by The Morning Times", (), ("The Morning Times",), ()),
        ("via Newsmax:\n\nSeparately, Moscow said", (), ("Newsmax",), ()),
        ("Source: The Hill", (), ("The Hill",), ()),
        # mentions are not credits
        ("A Reuters witness saw columns of hardware.", (), (), ()),
        ("He told Reuters, according to a memo seen by AFP.", (), (), ()),
        ("Associated Press writer Ana Gil contributed to this report.", (), (), ()),
        ("He spoke via a video link.", (), (), ()),
    ],
)
def test_credits(
    text: str, wires: tuple[str, ...], outlets: tuple[str, ...], reprints: tuple[str, ...]
) -> None:
    found = find_credits(text)
    assert found.wires == wires
    assert found.outlets == outlets
    assert found.reprints == reprints


_CREDIT_PIECES = [
    "Reuters",
    "REUTERS",
    "AFP",
    "ap",
    "The Associated Press",
    "Kyodo News",
    "ſource:",
    "Source:",
    "source: ",
    "via ",
    "Via",
    "with ",
    "WITH",
    " and ",
    ", ",
    "&",
    "By ",
    "from ",
    "contributed to this report",
    "Copyright 2021 ",
    "©",
    "originally published by ",
    "First appeared in ",
    "The Morning Times",
    "(",
    ")",
    "/",
    "—",
    "-",
    ". ",
    "\n",
    "\r\n",
    "\u2028",
    "\x0b",
    "  ",
    "plunged",
    "Moscow",
    "said",
    '"',
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CREDIT_PIECES), max_size=14))
def test_credit_search_skips_only_texts_that_cannot_match(pieces: list[str]) -> None:
    """A text is searched for a credit pattern only when it holds one of the
    pattern's words; skipping the others changes nothing."""
    from syndetect import metadata

    text = "".join(pieces)
    assert find_credits(text) == metadata._find_credits(text, prefilter=False)
