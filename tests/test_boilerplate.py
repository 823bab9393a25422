"""Boilerplate never creates matches; widely reprinted wire text still does."""

from __future__ import annotations

import random
from itertools import pairwise

import syndetect
from tests.conftest import WIRE_SOURCE

FOOTER = (
    "Sign up for our daily newsletter to get the most important stories of the day "
    "delivered straight to your inbox every single morning."
)
STORIES = [
    "The city council approved a new budget for road repairs after a long debate on Tuesday "
    "evening, officials said. Critics argued the plan ignored the northern districts.",
    "A regional airline cancelled dozens of flights because of a strike by ground staff, "
    "leaving thousands of passengers stranded at the main airport over the weekend.",
    "Scientists at the state university reported a new method for recycling plastic bottles "
    "into building materials, which they say could cut landfill waste within a decade.",
    "The national football team named three new players for next month's qualifiers, the "
    "coach told reporters, after injuries ruled out two regular defenders.",
]


def test_site_footer_on_every_page_creates_no_pair() -> None:
    docs = [
        syndetect.Document(f"site-{n}", f"{story}\n\n{FOOTER}", outlet="Daily Example")
        for n, story in enumerate(STORIES)
    ]
    assert syndetect.scan(docs).pairs == ()


def test_footer_repeated_on_fewer_pages_than_the_limit_still_matches() -> None:
    docs = [
        syndetect.Document(f"site-{n}", f"{story}\n\n{FOOTER}", url=f"https://www.example.com/{n}")
        for n, story in enumerate(STORIES[:2])
    ]
    # a footer alone is a shared passage once it is not site furniture
    assert len(syndetect.scan(docs, min_pair_words=8).pairs) == 1


def test_wire_story_reprinted_by_many_outlets_is_found(
    seed_documents: list[syndetect.Document],
) -> None:
    wire = next(d for d in seed_documents if d.id == WIRE_SOURCE).text
    docs = [
        syndetect.Document(f"outlet-{n:02d}", f"Outlet {n} news\n\n{wire}", outlet=f"Outlet {n}")
        for n in range(12)
    ]
    report = syndetect.scan(docs)
    assert len(report.pairs) == 12 * 11 // 2
    assert all(p.passages for p in report.pairs)
    (cluster,) = report.clusters
    assert len(cluster.members) == 12


def test_diff_lists_each_run_of_edits_as_delete_then_insert(
    seed_report: syndetect.Report,
) -> None:
    for pair in seed_report.pairs:
        for passage in pair.passages:
            ops = [op for op, _ in passage.diff]
            for first, second in pairwise(ops):
                assert (first, second) not in {
                    ("insert", "delete"),
                    ("delete", "delete"),
                    ("insert", "insert"),
                }


def test_one_shared_sentence_is_not_a_pair() -> None:
    stock = "Officials said the death toll was expected to rise in the coming days."
    a = syndetect.Document("a", "Floods swept the northern valley overnight. " + stock)
    b = syndetect.Document("b", "A ferry capsized near the southern islands on Sunday. " + stock)
    assert syndetect.scan([a, b]).pairs == ()
    assert len(syndetect.scan([a, b], min_pair_words=8).pairs) == 1


def test_stock_phrases_shared_by_many_articles_make_no_pair() -> None:
    stock = "The company did not immediately respond to a request for comment on the report."
    vocabulary = (
        "harbour railway vineyard stadium hospital library airport council river bridge "
        "market school tunnel orchard museum factory garden ferry clinic tower canal "
        "farmers nurses pilots miners bakers judges builders drivers students painters"
    ).split()
    docs = []
    for n in range(60):
        pick = random.Random(n).sample(vocabulary, 16)
        body = " ".join(pick[:8]).capitalize() + ". " + " ".join(pick[8:]).capitalize() + "."
        docs.append(syndetect.Document(f"d{n:02d}", f"{body} {stock}"))
    assert syndetect.scan(docs).pairs == ()
    # Below the stock-phrase floor, the same shared sentence is a passage
    # (when one sentence is enough to make a pair).
    (pair,) = syndetect.scan(docs[:2], min_pair_words=8).pairs
    assert [p.source_text for p in pair.passages] == [stock]
