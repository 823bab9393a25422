"""Which article derives from which, with the evidence, and clusters.

Each piece of evidence votes for one direction with a weight:

=======================================================  ======
evidence                                                 weight
=======================================================  ======
one article credits the other's outlet ("via Newsmax")    3
both are dated and one is earlier (to the minute when     2
both dates carry a time of day, else by day)
one is published by a news agency, the other by another   2
outlet (1 when the other's outlet is unknown)
one credits some other outlet, the other none             1
one carries a wire credit ("(Reuters)"), the other none   1
one is far more contained in the other                    1
=======================================================  ======

A direction is reported when the votes add up to at least 2 (in either
direction). When the dates point one way and the other evidence adds up to 2
or more the other way, the evidence conflicts; when the votes cancel out or
fall short, there is not enough evidence. Both give ``undetermined``, and the
evidence says why.

Two articles that credit the same news agency, neither published by it nor
crediting the other, are copies of a common source: two reprints of one wire
story. Neither derives from the other, whatever their dates, so the pair is
``undetermined`` and the evidence names the common source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from syndetect.metadata import agency_name, parse_date, parse_time
from syndetect.model import Cluster, DocumentInfo, Pair

__all__ = ["Direction", "clusters", "components", "decide_direction"]

MIN_VOTES = 2
# Containment asymmetry counts when the more contained side exceeds the other
# by this much and by this factor.
CONTAINMENT_GAP = 0.15
CONTAINMENT_RATIO = 1.5
# A credited name shorter than this matches a host name only as a whole label.
_MIN_PREFIX = 5


@dataclass(frozen=True)
class Direction:
    """Outcome of :func:`decide_direction`.

    Attributes:
        source_is_a: True if ``a`` is the source, False if ``b`` is, None if
            undetermined.
        evidence: Human-readable reasons, strongest first.
    """

    source_is_a: bool | None
    evidence: tuple[str, ...]


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _credits_outlet(credited: Sequence[str], info: DocumentInfo) -> str | None:
    """The first of ``credited`` that names ``info``'s outlet (or its web host)."""
    names = set()
    if info.outlet:
        names.add(_key(info.outlet))
        agency = agency_name(info.outlet)
        if agency:
            names.add(_key(agency))
    labels = []
    if info.url:
        host = urlsplit(info.url).netloc.lower().split(":")[0]
        labels = [_key(label) for label in host.split(".") if label not in ("www", "com")]
    for outlet in credited:
        key = _key(outlet)
        agency = agency_name(outlet)
        keys = {key, _key(agency)} if agency else {key}
        if keys & names or any(
            label == k or (len(k) >= _MIN_PREFIX and label.startswith(k))
            for label in labels
            for k in keys
        ):
            return outlet
    return None


def _moment(info: DocumentInfo) -> tuple[date | None, datetime | None]:
    if not info.date:
        return None, None
    return parse_date(info.date), parse_time(info.date)


def _date_vote(a: DocumentInfo, b: DocumentInfo) -> tuple[int, str]:
    """(+2 for a, -2 for b or 0, reason) from the two dates."""
    (day_a, time_a), (day_b, time_b) = _moment(a), _moment(b)
    if not (day_a and day_b):
        undated = [d.id for d, day in ((a, day_a), (b, day_b)) if day is None]
        return 0, f"no date for {' and '.join(undated)}"
    if day_a != day_b:
        earlier = day_a < day_b
    elif time_a and time_b and time_a != time_b:
        earlier = time_a < time_b
    else:
        return 0, f"both dated {a.date}" if a.date == b.date else f"both dated {day_a}"
    first, second = (a, b) if earlier else (b, a)
    return (
        2 if earlier else -2
    ), f"{first.id} is dated {first.date}, before {second.id} ({second.date})"


def _common_agency(a: DocumentInfo, b: DocumentInfo) -> str | None:
    """A news agency both credit while neither is published by it."""
    published = {agency_name(a.outlet), agency_name(b.outlet)}
    shared = sorted(set(a.wires) & set(b.wires) - published)
    return shared[0] if shared else None


def decide_direction(
    a: DocumentInfo, b: DocumentInfo, contained_a: float, contained_b: float
) -> Direction:
    """Decide whether ``a`` or ``b`` is the source of their shared passages.

    Args:
        a: First document.
        b: Second document.
        contained_a: Share of ``a``'s characters in shared passages.
        contained_b: Share of ``b``'s characters in shared passages.
    """
    votes: list[tuple[int, str]] = []  # (+weight for a, -weight for b), reason
    outlet_credit = False
    for src, der, sign in ((a, b, 1), (b, a, -1)):
        # A wire credit names an outlet too: "(Reuters)" credits Reuters' own story.
        credited = _credits_outlet((*der.credited_outlets, *der.wires), src)
        if credited:
            outlet_credit = True
            votes.append((3 * sign, f"{der.id} credits {src.id}'s outlet (via {credited})"))
        elif der.credited_outlets and not src.credited_outlets:
            names = ", ".join(der.credited_outlets)
            votes.append(
                (sign, f"{der.id} credits another outlet (via {names}), so it is a reprint")
            )
        agency = agency_name(src.outlet)
        if agency and not agency_name(der.outlet):
            weight = 2 if der.outlet else 1
            other = f"{der.id} by another outlet" if der.outlet else f"{der.id}'s outlet unknown"
            votes.append(
                (weight * sign, f"{src.id} is published by the news agency {agency}, {other}")
            )
        if src.wires and not der.wires:
            wires = ", ".join(src.wires)
            votes.append((sign, f"{src.id} carries the wire credit ({wires}), {der.id} none"))
        c_src, c_der = (contained_a, contained_b) if sign == 1 else (contained_b, contained_a)
        if c_der >= c_src + CONTAINMENT_GAP and c_der >= CONTAINMENT_RATIO * c_src:
            votes.append(
                (
                    sign,
                    f"{der.id} is {_pct(c_der)} made of shared text, {src.id} only {_pct(c_src)}",
                )
            )
    date_vote, date_reason = _date_vote(a, b)
    votes.append((date_vote, date_reason))
    votes.sort(key=lambda v: -abs(v[0]))
    evidence = tuple(reason for _, reason in votes)
    common = None if outlet_credit else _common_agency(a, b)
    if common:
        reason = f"common source: both credit {common}, so both copy its story"
        return Direction(None, (reason, *evidence))
    total = sum(v for v, _ in votes)
    rest = total - date_vote
    if date_vote and rest and (rest > 0) != (date_vote > 0) and abs(rest) >= MIN_VOTES:
        return Direction(None, ("evidence conflicts: dates disagree with the text", *evidence))
    if abs(total) < MIN_VOTES:
        return Direction(None, ("not enough evidence for a direction", *evidence))
    return Direction(total > 0, evidence)


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components: each id (of ``ids`` and of the edges) mapped to
    the smallest id of its component."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(parent.setdefault(a, a)), root(parent.setdefault(b, b))
        parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in parent}


def clusters(ids: Sequence[str], pairs: Sequence[Pair]) -> tuple[Cluster, ...]:
    """Group documents connected by pairs.

    A cluster's ``source`` is the one member never derived from another whose
    every other member is derived from someone, by determined pairs; else None.
    """
    derived = {p.derived for p in pairs if p.direction == "source_to_derived"}
    groups: dict[str, list[str]] = defaultdict(list)
    for i, root in components(ids, ((p.source, p.derived) for p in pairs)).items():
        groups[root].append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        never_derived = [m for m in members if m not in derived]
        source = never_derived[0] if len(never_derived) == 1 else None
        out.append(Cluster(source, tuple(sorted(members))))
    return tuple(sorted(out, key=lambda c: c.members))
