"""Direction of derivation and clusters."""

from __future__ import annotations

from dataclasses import replace

import syndetect
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
    reprinted: tuple[str, ...] = (),
) -> DocumentInfo:
    return DocumentInfo(id, None, date, url, 1000, outlet, wires, credited, reprinted)


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
    b = info("b", wires=("AP",), reprinted=("AP",))
    assert not any("outlet (via AP)" in e for e in decide_direction(a, b, 0.5, 0.5).evidence)
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


def test_an_uncredited_copy_of_a_credited_one() -> None:
    # a known outlet that credits no one printed what another credits to Reuters
    credited = info("credited", date="2023-06-15", outlet="Valley Ledger", wires=("Reuters",))
    bare = info("bare", date="2023-06-15", outlet="Rabat Examiner")
    d = decide_direction(bare, credited, 0.9, 0.9)
    assert d.source_is_a is False
    assert d.evidence[0] == "credited carries the wire credit (Reuters), bare none"
    # an article of unknown outlet may be the agency's own story: one vote only
    unknown = info("unknown", date="2023-06-15")
    assert decide_direction(unknown, credited, 0.9, 0.9).source_is_a is None


def test_an_agency_dateline_on_an_unknown_outlet_reads_as_the_agency_story() -> None:
    # "NEW DELHI (PTI) Text" and no outlet given vs an outlet's "Source: PTI"
    own = DocumentInfo("own", None, "2020-03-22", None, 1000, None, ("PTI",), (), ())
    copy = DocumentInfo(
        "copy", None, "2020-03-22", None, 1000, "Valley Ledger", ("PTI",), (), ("PTI",)
    )
    d = decide_direction(copy, own, 0.9, 0.9)
    assert d.source_is_a is False
    assert "own reads as PTI's own story (its dateline), copy reprints it" in d.evidence
    # two reprints of PTI (credit lines, or the dateline on a known outlet) copy PTI
    other = DocumentInfo("other", None, "2020-03-22", None, 1000, "Metro Herald", ("PTI",))
    assert decide_direction(copy, other, 0.9, 0.9).evidence[0].startswith("common source")


def test_one_weak_vote_does_not_undo_a_date() -> None:
    a = info("a", date="2021-01-04", credited=("Northern Today",))  # a is a reprint of someone
    b = info("b", date="2021-01-05")
    d = decide_direction(a, b, 0.9, 0.9)
    assert d.source_is_a is True
    assert d.evidence[0] == "a is dated 2021-01-04, before b (2021-01-05)"


WIRE_STORY = (
    "Officials said the bridge over the Vardar river would reopen on Monday after a week of "
    "repairs to its steel supports. Engineers found cracks in two of the supporting columns "
    "during a routine inspection in March, and traffic was diverted through the old town. "
    "The transport ministry said the repairs had cost about 2.4 million euros and that a "
    "second inspection was planned for the autumn."
)


def _copies(extra: dict[str, syndetect.Document]) -> syndetect.Report:
    documents = {
        "wire": syndetect.Document("wire", WIRE_STORY, outlet="Reuters", date="2024-03-01"),
        "xpaper": syndetect.Document(
            "xpaper", "From the Daily Planet desk.\n\n" + WIRE_STORY,
            outlet="Daily Planet", date="2024-03-03",
        ),
        "apaper": syndetect.Document(
            "apaper", WIRE_STORY.replace("Officials", "OFFICIALS") + "\n\nShare this article",
            outlet="Metro Herald", date="2024-03-02",
        ),
    }  # fmt: skip
    return syndetect.scan({**documents, **extra}.values())


def test_two_copies_of_one_source_are_siblings() -> None:
    report = _copies({})
    pairs = {(p.source, p.derived): p for p in report.pairs}
    assert set(pairs) == {("wire", "apaper"), ("wire", "xpaper"), ("apaper", "xpaper")}
    siblings = pairs[("apaper", "xpaper")]
    # the dates alone would say apaper -> xpaper; both copy the wire
    assert siblings.direction == "undetermined"
    assert siblings.evidence[0] == "common source: both copy wire"
    assert report.clusters[0].source == "wire"


def test_a_copy_of_a_copy_is_not_a_sibling() -> None:
    # chain: wire -> xpaper -> ypaper, which also copies xpaper's own paragraph
    own = "Readers in Skopje told the Daily Planet that the detour had doubled their commute."
    chain = syndetect.Document(
        "ypaper", own + "\n\n" + WIRE_STORY, outlet="Evening Post", date="2024-03-04"
    )
    x = syndetect.Document(
        "xpaper", own + "\n\n" + WIRE_STORY, outlet="Daily Planet", date="2024-03-03"
    )
    report = _copies({"xpaper": x, "ypaper": chain})
    pairs = {(p.source, p.derived): p for p in report.pairs}
    assert pairs[("xpaper", "ypaper")].direction == "source_to_derived"
    # ... and crediting the other's outlet is direct evidence too
    credited = replace(chain, text=WIRE_STORY + "\n\nvia Daily Planet")
    report = _copies({"ypaper": credited})
    pairs = {(p.source, p.derived): p for p in report.pairs}
    assert pairs[("xpaper", "ypaper")].direction == "source_to_derived"


def test_siblings_are_reported_from_the_smaller_id() -> None:
    # zpaper is dated first, so the pair was zpaper -> bpaper; as siblings the
    # passages are seen from bpaper, whose spelling the diff's equal words keep
    edited = WIRE_STORY.replace("Officials said", "OFFICIALS SAID").replace("about", "some")
    z = syndetect.Document("zpaper", edited, outlet="Daily Planet", date="2024-03-02")
    b = syndetect.Document("bpaper", WIRE_STORY, outlet="Metro Herald", date="2024-03-03")
    report = _copies({"zpaper": z, "bpaper": b})
    texts = {"zpaper": z.text, "bpaper": b.text}
    pair = next(p for p in report.pairs if {p.source, p.derived} == {"bpaper", "zpaper"})
    assert (pair.source, pair.derived, pair.direction) == ("bpaper", "zpaper", "undetermined")
    for x in pair.passages:
        assert x.source_text == texts["bpaper"][x.source_start : x.source_end]
        assert x.derived_text == texts["zpaper"][x.derived_start : x.derived_end]
        assert "".join(t for op, t in x.diff if op != "insert") == x.source_text
        assert x.diff[0][1].startswith("Officials said the bridge")
        assert ("delete", "about ") in x.diff and ("insert", "some ") in x.diff
