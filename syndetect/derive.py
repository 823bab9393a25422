"""Which article derives from which, with the evidence, and clusters.

Each piece of evidence votes for one direction with a weight:

=======================================================  ======
evidence                                                 weight
=======================================================  ======
one article credits the other's outlet ("via Newsmax")    3
both are dated and one is earlier (to the minute when     2
both dates carry a time of day, else by day)
one is published by a news agency, the other by another   2
outlet (1 when the other's outlet is unknown and it
carries an agency's dateline)
one reads as a news agency's own story (outlet unknown,   2
the agency's dateline, no reprint credit), the other
reprints that agency or is another outlet's
one credits some other outlet, the other none             1
one carries a wire credit ("(Reuters)"), the other none   1
(2 when the other is a known outlet that credits no one)
one is far more contained in the other                    1
=======================================================  ======

When the dates point one way and the other evidence adds up to 2 or more the
other way, the evidence conflicts; otherwise a date decides. Without a date,
a direction is reported when the votes add up to at least 2; when they cancel
out or fall short, there is not enough evidence. Both give ``undetermined``,
and the evidence says why.

Copies of a common source derive from neither: two articles that both
present themselves as reprints of one news agency's story (a credit line, or
the agency's dateline on a known other outlet), neither crediting the other
(:func:`decide_direction`); and, over all the pairs, two copies of a document
that is the decided source of both (:func:`common_sources`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urlsplit

from syndetect.metadata import agency_name, parse_date, parse_time
from syndetect.model import Cluster, DocumentInfo, Pair
from syndetect.passages import edits, forget, side, spans_covered, swapped, within

__all__ = ["Direction", "clusters", "common_sources", "components", "decide_direction"]

MIN_VOTES = 2
# Containment asymmetry counts when the more contained side exceeds the other
# by this much and by this factor.
CONTAINMENT_GAP = 0.15
CONTAINMENT_RATIO = 1.5
# Two copies of one source are siblings when at least this share of what they
# share is text that each shares with the source.
COMMON_SOURCE_COVERAGE = 0.9
_ROUNDS = 4
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


def _reprints(info: DocumentInfo, agency: str) -> bool:
    """Whether ``info`` presents itself as a reprint of ``agency``'s story: it
    credits the agency by a credit line ("Source: AFP", "— Reuters"), or an
    outlet known to be another prints the agency's dateline. An article of
    unknown outlet that carries only the agency's dateline ("MOSCOW (Reuters)
    -") reads as the agency's own story."""
    if agency in info.reprinted_wires:
        return True
    return bool(info.outlet) and agency_name(info.outlet) != agency


def _own_story(info: DocumentInfo) -> str | None:
    """The news agency whose own story ``info`` reads as, when its outlet is
    unknown: the one agency whose dateline it carries and that it does not
    credit as a reprint."""
    if info.outlet:
        return None
    own = sorted(set(info.wires) - set(info.reprinted_wires))
    return own[0] if len(own) == 1 else None


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _common_agency(a: DocumentInfo, b: DocumentInfo) -> tuple[str | None, int, str]:
    """A news agency both credit while neither is published by it: (the
    agency when both reprint it, the vote for ``a`` (+2) or ``b`` (-2) when
    only one does, the reason of that vote)."""
    published = {agency_name(a.outlet), agency_name(b.outlet)}
    for agency in sorted(set(a.wires) & set(b.wires) - published):
        ra, rb = _reprints(a, agency), _reprints(b, agency)
        if ra == rb:
            return agency, 0, ""
        own, other = (b, a) if ra else (a, b)
        reason = (
            f"{own.id} reads as {_possessive(agency)} own story (its dateline), "
            f"{other.id} reprints it"
        )
        return None, (-2 if ra else 2), reason
    return None, 0, ""


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
            # An article of unknown outlet that carries an agency's own
            # dateline may be that agency's story: then only one vote.
            own_dateline = not der.outlet and bool(set(der.wires) - set(der.reprinted_wires))
            weight = 1 if own_dateline else 2
            other = f"{der.id} by another outlet" if der.outlet else f"{der.id}'s outlet unknown"
            if own_dateline:
                other += " and it carries an agency dateline"
            votes.append(
                (weight * sign, f"{src.id} is published by the news agency {agency}, {other}")
            )
        own = _own_story(src)
        own_story = bool(
            own and der.outlet and not agency_name(der.outlet) and own not in der.wires
        )
        if own and own_story:
            reason = f"{src.id} reads as {_possessive(own)} own story (its dateline), "
            votes.append((2 * sign, reason + f"{der.id} is another outlet's"))
        if src.wires and not der.wires and not agency_name(der.outlet) and not own_story:
            # (an agency's own story credits no agency: its reprints do)
            wires = ", ".join(src.wires)
            weight = 2 if der.outlet and not der.credited_outlets else 1
            votes.append(
                (weight * sign, f"{src.id} carries the wire credit ({wires}), {der.id} none")
            )
        c_src, c_der = (contained_a, contained_b) if sign == 1 else (contained_b, contained_a)
        if c_der >= c_src + CONTAINMENT_GAP and c_der >= CONTAINMENT_RATIO * c_src:
            votes.append(
                (
                    sign,
                    f"{der.id} is {_pct(c_der)} made of shared text, {src.id} only {_pct(c_src)}",
                )
            )
    common, own_vote, own_reason = (None, 0, "") if outlet_credit else _common_agency(a, b)
    if own_vote:
        votes.append((own_vote, own_reason))
    date_vote, date_reason = _date_vote(a, b)
    votes.append((date_vote, date_reason))
    votes.sort(key=lambda v: -abs(v[0]))
    evidence = tuple(reason for _, reason in votes)
    if common:
        reason = f"common source: both credit {common}, so both copy its story"
        return Direction(None, (reason, *evidence))
    total = sum(v for v, _ in votes)
    rest = total - date_vote
    if date_vote and rest and (rest > 0) != (date_vote > 0) and abs(rest) >= MIN_VOTES:
        return Direction(None, ("evidence conflicts: dates disagree with the text", *evidence))
    if date_vote:  # one weak vote against a date does not undo it
        return Direction(date_vote > 0, evidence)
    if abs(total) < MIN_VOTES:
        return Direction(None, ("not enough evidence for a direction", *evidence))
    return Direction(total > 0, evidence)


def _direct_evidence(x: DocumentInfo, y: DocumentInfo) -> bool:
    """Whether one of two articles may have copied the other, by their
    credits: one credits the other's outlet, or credits an outlet while the
    other's outlet is not given (it may be that one)."""
    for a, b in ((x, y), (y, x)):
        if _credits_outlet((*a.credited_outlets, *a.wires), b):
            return True
        if a.credited_outlets and not b.outlet:
            return True
    return False


def _as_siblings(pair: Pair, common: str) -> Pair:
    """``pair`` reported as two copies of ``common``: undetermined, the
    smaller id as ``source``, the common source named first in the evidence."""
    verdicts = ("not enough evidence", "evidence conflicts", "common source")
    kept = [e for e in pair.evidence if not e.startswith(verdicts)]
    evidence = (f"common source: both copy {common}", *kept)
    if pair.source < pair.derived:
        return replace(pair, direction="undetermined", evidence=evidence)
    passages = tuple(
        sorted(
            (swapped(x) for x in pair.passages),
            key=lambda x: (x.source_start, x.derived_start),
        )
    )
    return Pair(
        source=pair.derived,
        derived=pair.source,
        direction="undetermined",
        jaccard=pair.jaccard,
        containment_source=pair.containment_derived,
        containment_derived=pair.containment_source,
        evidence=evidence,
        passages=passages,
    )


def common_sources(pairs: Sequence[Pair], documents: Iterable[DocumentInfo]) -> tuple[Pair, ...]:
    """Pairs of copies of a common source, found over all the pairs.

    Where a document Z is the decided source of both X and Y, X and Y are
    two copies of Z when what they share is Z's text as each took it: at
    least ``COMMON_SOURCE_COVERAGE`` (90%) of it, on both sides, is text that each
    shares with Z; where they share it they differ from each other no less
    than each differs from Z (no edits of their own in common); and they
    share it in no fewer passages than each shares with Z (no sentence
    order of their own in common). Their pair is then reported
    ``undetermined``, with ``common source: both copy Z`` first in its
    evidence, whatever the dates said. Not when their credits say one may
    have copied the other (one credits the other's outlet, or credits an
    outlet while the other's is not given). In a chain Z → X → Y, Y copies
    X's own text, edits or sentence order, so the pair X → Y stays; a chain
    of verbatim copies cannot be told from two copies of Z.

    Args:
        pairs: Every pair of the collection, with their passages.
        documents: The report entries of (at least) the documents of the
            pairs.

    Returns:
        The pairs in the same order, those between copies of a common source
        changed.
    """
    infos = {d.id: d for d in documents}
    by_pair = {(p.source, p.derived): p for p in pairs if p.direction == "source_to_derived"}
    open_pairs = [
        p
        for p in pairs
        if not p.evidence[0].startswith("common source")
        and not _direct_evidence(infos[p.source], infos[p.derived])
    ]
    # A common source must stay the decided source of both: repeat until the
    # siblings found no longer change the decided pairs they rely on.
    siblings: dict[tuple[str, str], str] = {}
    tried: dict[tuple[str, str, str], bool] = {}
    for _ in range(_ROUNDS):
        sources: dict[str, set[str]] = defaultdict(set)  # derived -> its decided sources
        for source, derived in by_pair:
            if (source, derived) not in siblings:
                sources[derived].add(source)
        found: dict[tuple[str, str], str] = {}
        for pair in open_pairs:
            x, y = pair.source, pair.derived
            for z in sorted((sources[x] & sources[y]) - {x, y}):
                if (x, y, z) not in tried:
                    tried[(x, y, z)] = _copies_of(pair, by_pair[(z, x)], by_pair[(z, y)])
                if tried[(x, y, z)]:
                    found[(x, y)] = z
                    break
        if found == siblings:
            break
        siblings = found
    forget()
    return tuple(
        _as_siblings(p, siblings[(p.source, p.derived)]) if (p.source, p.derived) in siblings else p
        for p in pairs
    )


def _copies_of(pair: Pair, zx: Pair, zy: Pair) -> bool:
    """Whether the two articles of ``pair`` share only what each took from
    the source of ``zx`` and ``zy``: its text, not text of their own; not
    edits of its text (where they share it, they differ less from each
    other than each differs from it); not an order of sentences it lacks
    (fewer, longer passages between them)."""
    x, y = pair.source, pair.derived
    if any(
        spans_covered(side(pair, doc), side(zdoc, doc)) < COMMON_SOURCE_COVERAGE
        for doc, zdoc in ((x, zx), (y, zy))
    ):
        return False
    apart = len(edits(pair, x))
    from_z = min(within(edits(zdoc, doc), side(pair, doc)) for doc, zdoc in ((x, zx), (y, zy)))
    if apart < from_z:
        return False
    return len(pair.passages) >= min(len(zx.passages), len(zy.passages))


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
