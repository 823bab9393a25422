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
) -> DocumentInfo:
    return DocumentInfo(id, None, date, None, 1000, outlet, wires, credited)


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
