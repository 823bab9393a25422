"""Which article derives from which, with the evidence, and clusters.

Each piece of evidence votes for one direction with a weight:

=====================================================  ======
evidence                                               weight
=====================================================  ======
one article credits the other's outlet ("via Newsmax")  3
both are dated and one is earlier                       2
one credits some other outlet, the other none           1
one carries a wire credit ("(Reuters)"), the other none 1
one is far more contained in the other                  1
=====================================================  ======

A direction is reported when the votes add up to at least 2 (in either
direction). When the dates point one way and the other evidence adds up to 2
or more the other way, the evidence conflicts; when the votes cancel out or
fall short, there is not enough evidence. Both give ``undetermined``, and the
evidence says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from syndetect.metadata import parse_date
from syndetect.model import Cluster, DocumentInfo, Pair

__all__ = ["Direction", "clusters", "components", "decide_direction"]

MIN_VOTES = 2
# Containment asymmetry counts when the more contained side exceeds the other
# by this much and by this factor.
CONTAINMENT_GAP = 0.15
CONTAINMENT_RATIO = 1.5


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


def _credits_outlet(credited: Sequence[str], info: DocumentInfo) -> str | None:
    names = []
    if info.outlet:
        names.append(info.outlet.lower().replace(" ", ""))
    if info.url:
        names.append(urlsplit(info.url).netloc.lower())
    for outlet in credited:
        key = outlet.lower().replace(" ", "")
        if any(key and key in name for name in names):
            return outlet
    return None


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
    for src, der, sign in ((a, b, 1), (b, a, -1)):
        # A wire credit names an outlet too: "(Reuters)" credits Reuters' own story.
        credited = _credits_outlet((*der.credited_outlets, *der.wires), src)
        if credited:
            votes.append((3 * sign, f"{der.id} credits {src.id}'s outlet (via {credited})"))
        elif der.credited_outlets and not src.credited_outlets:
            names = ", ".join(der.credited_outlets)
            votes.append(
                (sign, f"{der.id} credits another outlet (via {names}), so it is a reprint")
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
    date_a = parse_date(a.date) if a.date else None
    date_b = parse_date(b.date) if b.date else None
    date_vote = 0
    if date_a and date_b and date_a != date_b:
        date_vote = 2 if date_a < date_b else -2
        first, second = (a, b) if date_a < date_b else (b, a)
        votes.append(
            (date_vote, f"{first.id} is dated {first.date}, before {second.id} ({second.date})")
        )
    elif not (date_a and date_b):
        undated = [d.id for d, day in ((a, date_a), (b, date_b)) if day is None]
        votes.append((0, f"no date for {' and '.join(undated)}"))
    else:
        votes.append((0, f"both dated {a.date}"))
    votes.sort(key=lambda v: -abs(v[0]))
    evidence = tuple(reason for _, reason in votes)
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
