"""The quick integrity check of a Redis index: do its keys agree with each
other? Every document record is read (not its text), the reverse indexes and
counts are rebuilt from them and compared with the stored ones."""

from __future__ import annotations

import struct
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from syndetect.store.redis_access import (
    Command,
    _Keys,
    _RedisAccess,
    number,
    pairs,
    unpack_buckets,
    unpack_keys,
    unpack_sentence_bands,
)

_SINGLE = ("meta", "gen", "next", "ids", "totals", "sdf", "smax", "shdf")
_FAMILIES = ("doc", "sent", "site", "sb", "db")
_READ = {"sent": "SMEMBERS", "site": "HGETALL", "sb": "SMEMBERS", "db": "SMEMBERS"}


def _read(access: _RedisAccess, commands: Sequence[Command]) -> list[Any]:
    out: list[Any] = []
    for i in range(0, len(commands), 1000):
        out.extend(access.batch(commands[i : i + 1000]))
    return out


class _Expected:
    """What the reverse indexes and counts should hold, from the document records."""

    def __init__(self, keys: _Keys) -> None:
        self.keys = keys
        self.sent: dict[str, set[bytes]] = defaultdict(set)
        self.sb: dict[str, set[bytes]] = defaultdict(set)
        self.db: dict[str, set[bytes]] = defaultdict(set)
        self.df: Counter[int] = Counter()
        self.per_site: Counter[tuple[int, str]] = Counter()
        self.totals: Counter[str] = Counter()

    def add(self, doc: int, site: str | None, fields: Sequence[Any]) -> None:
        k = self.keys
        keys, sbands, dbands = (
            unpack_keys(fields[0]),
            unpack_sentence_bands(fields[1]),
            unpack_buckets(fields[2]),
        )
        member = str(doc).encode()
        for key in keys:
            self.sent[k.sent(key)].add(member)
            self.df[key] += 1
            if site is not None:
                self.per_site[(key, site)] += 1
        for b, h, key in sbands:
            self.sb[k.sb(b, h)].add(f"{doc}:{key}".encode())
        for b, h in dbands:
            self.db[k.db(b, h)].add(member)
        self.totals.update(
            sentences=len(keys), sentence_band_rows=len(sbands), document_band_rows=len(dbands)
        )

    def family(self, name: str) -> dict[str, Any]:
        """Expected contents of the keys of a family, by key."""
        if name != "site":
            return dict(getattr(self, name))
        site: dict[str, dict[bytes, bytes]] = defaultdict(dict)
        for (key, s), n in self.per_site.items():
            site[self.keys.site(key)][s.encode()] = str(n).encode()
        return dict(site)


def consistency(
    access: _RedisAccess, names: Iterable[bytes], signature_bytes: int, document_bands: int
) -> list[str]:
    """Problems of the keys' agreement with each other (no text is read).

    Args:
        access: A consistent view of the index.
        names: Every key with the index's prefix.
        signature_bytes: Length of a stored signature.
        document_bands: Buckets of a (non-empty) document's signature.
    """
    k = access.keys
    problems: list[str] = []
    families: dict[str, set[str]] = {f: set() for f in _FAMILIES}
    stray = 0
    for raw in names:
        name = raw.decode("utf-8", "replace")
        rest = name[len(k.prefix) + 1 :]
        family = rest.split(":", 1)[0]
        if rest in _SINGLE:
            continue
        if family in families and ":" in rest:
            families[family].add(name)
        else:
            stray += 1
    if stray:
        problems.append(f"{stray} key(s) with the index's prefix that are not the index's")

    (ids,) = access.batch([("HGETALL", k.ids)])
    docs = {number(d): i for i, d in ids.items()}
    fields = ("id", "site", "signature", "keys", "sbands", "dbands")
    records = _read(access, [("HMGET", k.doc(d), *fields) for d in sorted(docs)])
    expected = _Expected(k)
    missing = wrong_signature = wrong_bands = damaged = 0
    for doc, (id_, site, signature, *packed) in zip(sorted(docs), records, strict=True):
        if id_ != docs[doc]:
            missing += 1
            continue
        if signature is None or len(signature) != signature_bytes:
            wrong_signature += 1
        try:
            expected.add(doc, None if site is None else site.decode("utf-8"), packed)
        except (ValueError, struct.error, UnicodeDecodeError):
            damaged += 1
            continue
        if len(unpack_buckets(packed[2])) not in (0, document_bands):
            wrong_bands += 1
    for n, what in (
        (missing, "id(s) without their document record"),
        (wrong_signature, "signature(s) of the wrong length"),
        (damaged, "document record(s) with damaged bucket lists"),
        (wrong_bands, "document(s) with a wrong number of bands"),
    ):
        if n:
            problems.append(f"documents: {n} {what}")
    if families["doc"] - {k.doc(d) for d in docs}:
        problems.append("documents: records of documents not in the index")

    for family in ("sent", "site", "sb", "db"):
        want = expected.family(family)
        names_ = sorted(families[family] | set(want))
        found = _read(access, [(_READ[family], n) for n in names_])
        wrong = sum(
            1 for n, got in zip(names_, found, strict=True) if got != want.get(n, type(got)())
        )
        if wrong:
            problems.append(f"{family}: {wrong} key(s) that disagree with the documents")

    sdf, smax, totals = access.batch(
        [
            ("ZRANGE", k.sdf, 0, -1, "WITHSCORES"),
            ("ZRANGE", k.smax, 0, -1, "WITHSCORES"),
            ("HGETALL", k.totals),
        ]
    )
    df = {int(m): int(s) for m, s in pairs(sdf)}
    if df != dict(expected.df):
        problems.append("sdf: sentence document counts are wrong")
    site_max: dict[int, int] = {key: 0 for key in expected.df}
    for (key, _), n in expected.per_site.items():
        site_max[key] = max(site_max[key], n)
    if {int(m): int(s) for m, s in pairs(smax)} != site_max:
        problems.append("smax: per-site sentence maxima are wrong")
    stored = {name.decode(): number(n) for name, n in totals.items()}
    if {n: v for n, v in stored.items() if v} != {n: v for n, v in expected.totals.items() if v}:
        problems.append("totals: row counts are wrong")
    return problems
