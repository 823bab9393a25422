"""Direction of derivation and clusters."""

from __future__ import annotations

from syndetect.derive import clusters, decide_direction
from syndetect.model import DocumentInfo, Pair


def info(
    id: str,
    *,
    date: str | None = None,
    outlet: str | None = None,
    wires: tuple[str, ...] = (),
    credited: tuple[str, ...] = (),
    url: str | None = None,
) -> DocumentInfo:
    return DocumentInfo(id, None, date, url, 1000, outlet, wires, credited)


def test_earlier_date_is_the_source() -> None:
    d = decide_direction(info("a", date="2022-02-23"), info("b", date="2022-02-22"), 0.5, 0.5)
    assert d.source_is_a is False
    assert any("before" in e for e in d.evidence)


def test_crediting_the_other_outlet_decides() -> None:
    a = info("a", outlet="Newsmax")
    b = info("b", credited=("Newsmax",))
    assert decide_direction(a, b, 0.3, 0.3).source_is_a is True


def test_containment_alone_is_not_enough() -> None:
    d = decide_direction(info("a"), info("b"), 0.2, 0.9)
    assert d.source_is_a is None
    assert d.evidence[0] == "not enough evidence for a direction"


def test_dates_contradicting_the_text_are_a_conflict() -> None:
    a = info("a", date="2022-03-01", wires=("Reuters",))
    b = info("b", date="2022-02-01", credited=("Newsmax",))
    d = decide_direction(a, b, 0.1, 0.9)  # text says a -> b, dates say b -> a
    assert d.source_is_a is None
    assert d.evidence[0].startswith("evidence conflicts")


def test_identical_undated_copies_are_undetermined() -> None:
    assert decide_direction(info("a"), info("b"), 1.0, 1.0).source_is_a is None


def test_times_of_day_order_same_day_copies() -> None:
    a = info("a", date="2022-02-22T15:40:00Z")
    b = info("b", date="2022-02-22T09:05:00+00:00")
    d = decide_direction(a, b, 0.5, 0.5)
    assert d.source_is_a is False
    assert "b is dated 2022-02-22T09:05:00+00:00, before a" in d.evidence[0]
    # a day without a time does not order two articles of the same day
    same_day = decide_direction(info("a", date="2022-02-22"), b, 0.5, 0.5)
    assert same_day.source_is_a is None


def test_an_agency_publishes_what_outlets_reprint() -> None:
    wire = info("wire", outlet="Reuters", wires=("Reuters",))
    paper = info("paper", outlet="Valley Ledger")
    d = decide_direction(paper, wire, 0.9, 0.9)
    assert d.source_is_a is False
    assert "wire is published by the news agency Reuters, paper by another outlet" in d.evidence


def test_two_reprints_of_one_wire_story_have_a_common_source() -> None:
    a = info("a", date="2022-02-22", outlet="Valley Ledger", wires=("Reuters",))
    b = info("b", date="2022-02-25", outlet="Metro Herald", wires=("Reuters",))
    d = decide_direction(a, b, 0.9, 0.9)
    assert d.source_is_a is None  # the dates say who ran it first, not who copied whom
    assert d.evidence[0].startswith("common source: both credit Reuters")
    # crediting the other's outlet is a copy of a copy, not a common source
    c = info("c", date="2022-02-25", wires=("Reuters",), credited=("Valley Ledger",))
    assert decide_direction(a, c, 0.9, 0.9).source_is_a is True


def test_short_credits_match_whole_names_only() -> None:
    # "(AP)" credits the Associated Press, not an outlet whose name contains "ap"
    a = info("a", outlet="Phuket Telegraph", url="https://www.phuket-telegraph.com/x")
    b = info("b", wires=("AP",))
    assert decide_direction(a, b, 0.5, 0.5).source_is_a is None
    ap = info("ap", outlet="The Associated Press")
    assert decide_direction(ap, b, 0.5, 0.5).source_is_a is True
    host = info("nm", url="https://www.newsmax.com/world/x")
    assert decide_direction(host, info("c", credited=("Newsmax",)), 0.5, 0.5).source_is_a is True


def pair(source: str, derived: str, determined: bool = True) -> Pair:
    direction = "source_to_derived" if determined else "undetermined"
    return Pair(source, derived, direction, 0.5, 0.5, 0.5, (), ())


def test_cluster_source_is_the_common_origin() -> None:
    found = clusters(
        ["a", "b", "c", "d", "e"], [pair("a", "b"), pair("a", "c"), pair("d", "e", False)]
    )
    assert [(c.source, c.members) for c in found] == [("a", ("a", "b", "c")), (None, ("d", "e"))]


def test_chain_has_its_head_as_source() -> None:
    found = clusters(["a", "b", "c"], [pair("a", "b"), pair("b", "c")])
    assert [(c.source, c.members) for c in found] == [("a", ("a", "b", "c"))]
