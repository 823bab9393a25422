"""Evaluation of a report against a ground truth (schema ``syndetect/truth/1``).

Measures (see ``docs/accuracy.md``): pair precision/recall/F1 over unordered
document pairs, direction accuracy and undetermined rate, the PAN passage
measures (precision, recall, granularity, plagdet; Potthast et al., COLING
2010) on character offsets of both sides, the hard-negative false-positive
rate, and the adjusted Rand index of clusters. Pairs that the truth labels
``"relation": "sibling"`` (copies of a common source) have no direction: they
are left out of direction accuracy and scored by how often they are reported
``undetermined``.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from syndetect.derive import components
from syndetect.errors import InputError

__all__ = [
    "Case",
    "Evaluation",
    "adjusted_rand_index",
    "evaluate",
    "evaluate_files",
    "pan_measures",
]

TRUTH_SCHEMA = "syndetect/truth/1"
# A truth pair with this relation shares text because both documents copy a
# common source (two reprints of one wire story): neither derives from the
# other, so it has no direction to get right.
SIBLING = "sibling"
REPORT_SCHEMA = "syndetect/report/1"


@dataclass(frozen=True)
class Case:
    """An aligned passage between two documents, oriented source → derived.

    Attributes:
        source: Source document id.
        derived: Derived document id.
        source_span: ``(start, end)`` in the source, end-exclusive.
        derived_span: ``(start, end)`` in the derived document.
    """

    source: str
    derived: str
    source_span: tuple[int, int]
    derived_span: tuple[int, int]

    def overlaps(self, other: Case) -> bool:
        """PAN's detection relation: same documents, overlapping on both sides."""
        return (
            self.source == other.source
            and self.derived == other.derived
            and _overlap(self.source_span, other.source_span) > 0
            and _overlap(self.derived_span, other.derived_span) > 0
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _union_length(spans: Iterable[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _covered(case: Case, others: Sequence[Case]) -> float:
    """Share of ``case``'s characters (both sides) covered by overlapping ``others``."""
    hits = [o for o in others if case.overlaps(o)]
    src = [
        (max(o.source_span[0], case.source_span[0]), min(o.source_span[1], case.source_span[1]))
        for o in hits
    ]
    der = [
        (max(o.derived_span[0], case.derived_span[0]), min(o.derived_span[1], case.derived_span[1]))
        for o in hits
    ]
    size = (case.source_span[1] - case.source_span[0]) + (
        case.derived_span[1] - case.derived_span[0]
    )
    return (_union_length(src) + _union_length(der)) / size if size else 0.0


def _by_documents(cases: Iterable[Case]) -> dict[tuple[str, str], list[Case]]:
    """Cases by their two documents: only cases of the same two can overlap."""
    by_docs: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for c in cases:
        by_docs[(c.source, c.derived)].append(c)
    return by_docs


def _macro_recall(cases: Sequence[Case], detections: Sequence[Case]) -> float:
    if not cases and not detections:
        return 1.0
    if not cases or not detections:
        return 0.0
    by_docs = _by_documents(detections)
    return sum(_covered(c, by_docs.get((c.source, c.derived), [])) for c in cases) / len(cases)


def pan_measures(cases: Sequence[Case], detections: Sequence[Case]) -> dict[str, float]:
    """PAN precision, recall, granularity and plagdet.

    Args:
        cases: True passages.
        detections: Reported passages, oriented like the cases they may detect.
    """
    recall = _macro_recall(cases, detections)
    precision = _macro_recall(detections, cases)
    by_docs = _by_documents(detections)
    counts = [
        sum(1 for d in by_docs.get((c.source, c.derived), ()) if c.overlaps(d)) for c in cases
    ]
    detected = [n for n in counts if n]
    granularity = sum(detected) / len(detected) if detected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "granularity": granularity,
        "plagdet": f1 / math.log2(1 + granularity),
    }


def adjusted_rand_index(truth: Mapping[str, Hashable], found: Mapping[str, Hashable]) -> float:
    """Adjusted Rand index of two clusterings given as ``{item: cluster label}``."""
    items = sorted(truth)
    n = len(items)
    if n < 2:
        return 1.0

    def comb2(x: int) -> float:
        return x * (x - 1) / 2

    table = Counter((truth[i], found[i]) for i in items)
    rows = Counter(truth[i] for i in items)
    cols = Counter(found[i] for i in items)
    index = sum(comb2(v) for v in table.values())
    sum_rows = sum(comb2(v) for v in rows.values())
    sum_cols = sum(comb2(v) for v in cols.values())
    expected = sum_rows * sum_cols / comb2(n)
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


@dataclass(frozen=True)
class Evaluation:
    """All measures of one report against one truth (see the Accuracy page).

    A measure the truth cannot support (e.g. passage measures when the truth
    labels no passages) is ``None``.

    Attributes:
        pairs_true: Pairs in the truth (in scope).
        pairs_reported: Pairs in the report (in scope).
        pair_precision: Share of reported pairs that are true pairs.
        pair_recall: Share of true pairs that are reported.
        pair_f1: Harmonic mean of pair precision and recall.
        direction_accuracy: Share of true pairs found (siblings aside) whose
            direction was determined and is right.
        undetermined_rate: Share of true pairs found whose direction was left
            undetermined.
        common_source_undetermined: Share of the true sibling pairs found
            (both copy a common source) that were reported ``undetermined``.
        passage_precision: PAN character-level precision of the passages, on
            the pairs whose truth labels passages.
        passage_recall: PAN character-level recall of the passages.
        granularity: PAN granularity: how many reported passages cover one
            true passage, on average (1 is best).
        plagdet: PAN plagdet: passage F1 / log2(1 + granularity).
        negatives: Hard negatives in the truth: pairs known not to share text.
        hard_negative_fp_rate: Share of the hard negatives reported as a pair.
        cluster_ari: Adjusted Rand index of the reported clusters against the
            connected components of the true pairs.
    """

    pairs_true: int
    pairs_reported: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    direction_accuracy: float | None
    undetermined_rate: float | None
    common_source_undetermined: float | None
    passage_precision: float | None
    passage_recall: float | None
    granularity: float | None
    plagdet: float | None
    negatives: int
    hard_negative_fp_rate: float | None
    cluster_ari: float

    def to_dict(self) -> dict[str, Any]:
        """Measures as a JSON-ready dict."""
        return asdict(self)


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _in_scope(truth: Mapping[str, Any]) -> Any:
    """Predicate on report pairs from the truth's optional ``scope`` extension:
    ``{"sources": [...], "derived": [...]}`` scores only pairs between the two
    groups; ``{"listed_pairs_only": true}`` only the truth's own pairs (the PAN
    text-alignment setting, where the pairs are given)."""
    scope = truth.get("scope")
    if not scope:
        return lambda pair: True
    if scope.get("listed_pairs_only"):
        listed = {_key(p["source"], p["derived"]) for p in truth.get("pairs", [])}
        return lambda pair: _key(pair["source"], pair["derived"]) in listed
    sources, derived = set(scope["sources"]), set(scope["derived"])

    def within(pair: Mapping[str, Any]) -> bool:
        a, b = pair["source"], pair["derived"]
        return (a in sources and b in derived) or (b in sources and a in derived)

    return within


def evaluate(truth: Mapping[str, Any], report: Mapping[str, Any]) -> Evaluation:
    """Score a report (``syndetect/report/1`` data) against a truth (``syndetect/truth/1``).

    A truth may carry a ``scope`` (``{"sources": [...], "derived": [...]}``):
    then only reported pairs between the two groups are scored. A truth pair
    may carry ``"relation": "sibling"``: both documents copy a common source
    and neither derives from the other. Such pairs count for the pair and
    passage measures but not for direction accuracy; the share of them
    reported ``undetermined`` is ``common_source_undetermined``.

    Args:
        truth: Truth data: ``pairs`` (each with optional ``passages``), and
            optional ``negatives`` and ``scope``.
        report: A report's ``to_dict()`` data, or a parsed JSON report.

    Returns:
        The measures.
    """
    in_scope = _in_scope(truth)
    true_pairs = {_key(p["source"], p["derived"]): p for p in truth.get("pairs", [])}
    found = {_key(p["source"], p["derived"]): p for p in report.get("pairs", []) if in_scope(p)}
    hits = set(true_pairs) & set(found)
    precision = len(hits) / len(found) if found else (1.0 if not true_pairs else 0.0)
    recall = len(hits) / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    correct = undetermined = 0
    directed = [k for k in hits if true_pairs[k].get("relation") != SIBLING]
    for key in directed:
        t, r = true_pairs[key], found[key]
        if r["direction"] != "source_to_derived":
            undetermined += 1
        elif (r["source"], r["derived"]) == (t["source"], t["derived"]):
            correct += 1
    direction = correct / len(directed) if directed else None
    undetermined_rate = undetermined / len(directed) if directed else None
    siblings = [k for k in hits if true_pairs[k].get("relation") == SIBLING]
    common_source = (
        sum(found[k]["direction"] != "source_to_derived" for k in siblings) / len(siblings)
        if siblings
        else None
    )

    labelled = {k for k, p in true_pairs.items() if p.get("passages") is not None}
    passages: dict[str, float | None] = dict.fromkeys(
        ("precision", "recall", "granularity", "plagdet")
    )
    if labelled:
        cases = [
            Case(
                t["source"],
                t["derived"],
                (x["source_start"], x["source_end"]),
                (x["derived_start"], x["derived_end"]),
            )
            for k in sorted(labelled)
            for t in [true_pairs[k]]
            for x in t["passages"]
        ]
        detections = []
        for key, r in sorted(found.items()):
            if key in true_pairs and key not in labelled:
                continue  # a true pair without passage labels: nothing to score
            flip = key in true_pairs and r["source"] != true_pairs[key]["source"]
            for x in r["passages"]:
                s, d = (x["source_start"], x["source_end"]), (x["derived_start"], x["derived_end"])
                detections.append(
                    Case(r["derived"], r["source"], d, s)
                    if flip
                    else Case(r["source"], r["derived"], s, d)
                )
        passages = dict(pan_measures(cases, detections))

    negatives = [_key(n["a"], n["b"]) for n in truth.get("negatives", [])]
    fp_rate = sum(1 for n in negatives if n in found) / len(negatives) if negatives else None

    ids = sorted(
        {d["id"] for d in report.get("documents", [])} | {x for k in true_pairs for x in k}
    )
    ari = adjusted_rand_index(
        components(ids, true_pairs),
        components(
            ids, ((m, c["members"][0]) for c in report.get("clusters", []) for m in c["members"])
        ),
    )
    return Evaluation(
        pairs_true=len(true_pairs),
        pairs_reported=len(found),
        pair_precision=precision,
        pair_recall=recall,
        pair_f1=f1,
        direction_accuracy=direction,
        undetermined_rate=undetermined_rate,
        common_source_undetermined=common_source,
        passage_precision=passages["precision"],
        passage_recall=passages["recall"],
        granularity=passages["granularity"],
        plagdet=passages["plagdet"],
        negatives=len(negatives),
        hard_negative_fp_rate=fp_rate,
        cluster_ari=ari,
    )


def _load(path: str | Path, schema: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a JSON file: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != schema:
        raise InputError(str(path), f'expected a JSON object with "schema": "{schema}"')
    return data


def evaluate_files(truth: str | Path, report: str | Path) -> Evaluation:
    """[`evaluate`][syndetect.evaluate] on a ``truth.json`` and a JSON report file.

    Raises:
        InputError: A file is missing, is not JSON, or has the wrong ``schema``.
    """
    return evaluate(_load(truth, TRUTH_SCHEMA), _load(report, REPORT_SCHEMA))
