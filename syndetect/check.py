"""The CI gate: which new articles copy known ones in a way the policy forbids.

:func:`check` queries new documents against an index (and each other), turns
the pairs that involve a new document into :class:`Finding` objects by the
:class:`Policy`, marks the findings a baseline has already accepted, and then
adds the new documents to the index.

Rules, each naming the new document as ``derived`` and the other as ``source``:

``duplicate``
    The new document is (nearly) all shared text: at least
    ``duplicate_threshold`` of its characters lie in passages shared with one
    other document, whatever the direction.
``uncredited``
    The new document is derived (direction determined) from another and
    credits neither the source's outlet (or site) nor a wire agency the source
    credits.
``containment``
    At least ``containment_threshold`` of the new document's characters are
    shared with one other document, and it is not determined to be that
    document's source.

A pair gives at most one finding, by the first rule above that it breaks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args
from urllib.parse import urlsplit

from syndetect.errors import BaselineError
from syndetect.model import Document, DocumentInfo, Pair, Report
from syndetect.report import report_to_dict
from syndetect.store import AddResult, IndexStore

__all__ = [
    "BASELINE_SCHEMA",
    "DEFAULT_POLICY",
    "RULES",
    "RULE_DESCRIPTIONS",
    "CheckResult",
    "Finding",
    "Policy",
    "Rule",
    "baseline_text",
    "check",
    "evaluate",
    "read_baseline",
]

Rule = Literal["duplicate", "uncredited", "containment"]
RULES: tuple[Rule, ...] = get_args(Rule)
"""The policy's rules, in the order they are tried."""

BASELINE_SCHEMA = "syndetect/baseline/1"

RULE_DESCRIPTIONS: dict[Rule, str] = {
    "duplicate": "A new article is an exact or near-exact duplicate of another article.",
    "uncredited": "A new article copies another article's text without crediting its "
    "outlet or wire agency.",
    "containment": "A large share of a new article's text is copied from another article.",
}


@dataclass(frozen=True)
class Policy:
    """What counts as a finding.

    Attributes:
        rules: The rules in force.
        duplicate_threshold: Share of the new document's text (0..1) shared
            with one other document that makes it a duplicate.
        containment_threshold: Share that breaks the ``containment`` rule.
    """

    rules: frozenset[Rule] = frozenset(RULES)
    duplicate_threshold: float = 0.9
    containment_threshold: float = 0.5

    def __post_init__(self) -> None:
        unknown = set(self.rules) - set(RULES)
        if unknown:
            raise ValueError(f"unknown rule(s): {', '.join(sorted(unknown))}")
        for name in ("duplicate_threshold", "containment_threshold"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in (0, 1]")


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Finding:
    """A pair that breaks the policy.

    Attributes:
        derived: The new document.
        source: The document it shares its text with.
        rule: The rule it breaks.
        message: One line saying why.
        baselined: Whether the baseline accepts it (it does not fail the check).
    """

    derived: str
    source: str
    rule: Rule
    message: str
    baselined: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """What a baseline matches on: ``(derived, source, rule)``."""
        return (self.derived, self.source, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "derived": self.derived,
            "source": self.source,
            "rule": self.rule,
            "message": self.message,
            "baselined": self.baselined,
        }


@dataclass(frozen=True)
class CheckResult:
    """Outcome of [`check`][syndetect.check.check].

    Attributes:
        report: Pairs of the new documents with indexed ones and each other.
        documents: The checked (new) documents, sorted by id.
        findings: Every finding, baselined or not, sorted.
        policy: The policy applied.
        added: What was added to the index (None with ``update=False``).
    """

    report: Report
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    policy: Policy = DEFAULT_POLICY
    added: AddResult | None = field(default=None)

    @property
    def violations(self) -> tuple[Finding, ...]:
        """The findings the baseline does not accept."""
        return tuple(f for f in self.findings if not f.baselined)

    @property
    def failed(self) -> bool:
        """Whether the check fails (exit status 1)."""
        return bool(self.violations)

    def to_dict(self) -> dict[str, Any]:
        """The report's JSON data plus ``findings``."""
        data = report_to_dict(self.report)
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


def _norm(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _credits(derived: DocumentInfo, source: DocumentInfo) -> bool:
    """Whether ``derived`` credits ``source``: its outlet or site, or a wire
    agency that the source itself credits."""
    names = [_norm(n) for n in (source.outlet, *source.wires) if n]
    if source.url:
        host = urlsplit(source.url).netloc.lower().removeprefix("www.")
        names.append(_norm(host.split(":")[0]))
    credited = [_norm(c) for c in (*derived.credited_outlets, *derived.wires)]
    if set(derived.wires) & set(source.wires):
        return True
    return any(c and n and (c in n or n in c) for c in credited for n in names)


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _finding(
    pair: Pair, new: frozenset[str], infos: dict[str, DocumentInfo], policy: Policy
) -> Finding | None:
    determined = pair.direction == "source_to_derived"
    if pair.derived in new and (determined or pair.source not in new):
        subject, other = pair.derived, pair.source
    elif pair.source in new and (determined or pair.derived not in new):
        subject, other = pair.source, pair.derived
    else:  # both new, direction undetermined: the more contained one
        if pair.containment_source > pair.containment_derived:
            subject, other = pair.source, pair.derived
        else:
            subject, other = pair.derived, pair.source
    is_derived = subject == pair.derived
    share = pair.containment_derived if is_derived else pair.containment_source
    passages = f"{len(pair.passages)} passage(s)"
    if "duplicate" in policy.rules and share >= policy.duplicate_threshold:
        message = f"{subject} duplicates {other}: {_pct(share)} of its text is shared ({passages})"
        return Finding(subject, other, "duplicate", message)
    if "uncredited" in policy.rules and determined and is_derived:
        src = infos[other]
        if not _credits(infos[subject], src):
            host = urlsplit(src.url).netloc.removeprefix("www.") if src.url else None
            credit = ", ".join(n for n in (src.outlet, *src.wires, host) if n)
            wanted = f" (source credits: {credit})" if credit else ""
            message = (
                f"{subject} copies {_pct(share)} of its text from {other} ({passages}) "
                f"without crediting it{wanted}"
            )
            return Finding(subject, other, "uncredited", message)
    if (
        "containment" in policy.rules
        and (is_derived or not determined)
        and share >= policy.containment_threshold
    ):
        message = (
            f"{_pct(share)} of {subject} is shared with {other} ({passages}), "
            f"at least the {_pct(policy.containment_threshold)} threshold"
        )
        return Finding(subject, other, "containment", message)
    return None


def evaluate(
    report: Report,
    new_ids: Iterable[str],
    policy: Policy = DEFAULT_POLICY,
    baseline: Iterable[tuple[str, str, str]] = (),
) -> tuple[Finding, ...]:
    """The findings of a report's pairs that involve a new document.

    Args:
        report: A report, e.g. from :meth:`IndexStore.query`.
        new_ids: Ids of the new documents.
        policy: What counts as a finding.
        baseline: ``(derived, source, rule)`` of accepted findings.

    Returns:
        Findings sorted by (derived, source, rule), baselined ones marked.
    """
    new = frozenset(new_ids)
    accepted = frozenset(baseline)
    infos = {d.id: d for d in report.documents}
    out = []
    for pair in report.pairs:
        if pair.source not in new and pair.derived not in new:
            continue
        found = _finding(pair, new, infos, policy)
        if found is not None:
            if found.key in accepted:
                found = Finding(found.derived, found.source, found.rule, found.message, True)
            out.append(found)
    return tuple(sorted(out, key=lambda f: f.key))


def check(
    store: IndexStore,
    documents: Iterable[Document],
    *,
    policy: Policy = DEFAULT_POLICY,
    baseline: Iterable[tuple[str, str, str]] = (),
    update: bool = True,
) -> CheckResult:
    """Check new documents against an index, then add them to it.

    Args:
        store: The index.
        documents: The new documents.
        policy: What counts as a finding.
        baseline: ``(derived, source, rule)`` of accepted findings, e.g. from
            [`read_baseline`][syndetect.check.read_baseline].
        update: Add the documents to the index after the check (whatever
            its outcome, so a re-run compares them with the same archive).

    Raises:
        SyndetectError: A subclass naming the index or input at fault.
    """
    docs = tuple(sorted(documents, key=lambda d: d.id))
    report = store.query(docs)
    findings = evaluate(report, (d.id for d in docs), policy, baseline)
    added = store.add(docs) if update else None
    return CheckResult(report, docs, findings, policy, added)


def read_baseline(path: str | os.PathLike[str]) -> frozenset[tuple[str, str, str]]:
    """Accepted findings from a baseline file.

    The file is JSON with a ``findings`` list of objects with ``derived``,
    ``source`` and ``rule`` (what [`baseline_text`][syndetect.check.baseline_text]
    writes; the JSON output of ``syndetect check`` is accepted too).

    Raises:
        BaselineError: The file cannot be read or is not such JSON.
    """
    where = os.fspath(path)
    try:
        with open(where, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(where, "no such baseline file") from None
    except OSError as exc:
        raise BaselineError(where, f"cannot read: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(where, f"not valid JSON ({exc})") from None
    items = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise BaselineError(where, 'expected a JSON object with a "findings" list')
    out: set[tuple[str, str, str]] = set()
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise BaselineError(where, f"finding {n} is not an object")
        values = [item.get(k) for k in ("derived", "source", "rule")]
        if not all(isinstance(v, str) for v in values):
            raise BaselineError(where, f'finding {n} needs string "derived", "source" and "rule"')
        if values[2] not in RULES:
            raise BaselineError(where, f"finding {n} has unknown rule {values[2]!r}")
        out.add(cast(tuple[str, str, str], tuple(values)))
    return frozenset(out)


def baseline_text(findings: Iterable[Finding]) -> str:
    """A baseline accepting ``findings``, as JSON text (sorted, stable)."""
    keys = sorted({f.key for f in findings})
    data = {
        "schema": BASELINE_SCHEMA,
        "findings": [{"derived": d, "source": s, "rule": r} for d, s, r in keys],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
