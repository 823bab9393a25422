"""The corpus: outlets, topics (one news event each), wire stories,
distractors and copies, written topic by topic and shuffled through a buffer."""

from __future__ import annotations

import random
from bisect import bisect
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from newsgen import load
from newsgen.copies import Copies
from newsgen.grammar import (
    DOMAIN_LEAVES,
    DOMAIN_NAMES,
    DOMAIN_OPS,
    DOMAINS,
    FIRST_NAMES,
    LAST_NAMES,
    TOPIC_RULES,
    Writer,
    article,
    cap,
)
from newsgen.model import Doc, Outlet, Person, Topic, TopicPlan, TopicResult, Unit
from newsgen.surface import LAYOUTS, render, to_curly
from newsgen.truth import topic_truth

SCHEMA = "syndetect/truth/1"
GENERATOR_VERSION = 3
MAX_COPIES_PER_WIRE = 10

DEFAULT_DERIVED_MIX: dict[str, float] = {
    "reprint": 0.24,
    "partial": 0.22,
    "shuffled": 0.12,
    "edited": 0.14,
    "merged": 0.08,
    "chain": 0.20,
}

_E = load("entities.json")
COUNTRIES: list[list[str]] = [
    [c[k] for k in ("name", "adj", "capital", "city2", "city3", "currency", "region")]
    for c in _E["countries"]
]
MONTHS_AP: tuple[str, ...] = tuple(_E["months_ap"])
# Agency, weight, dateline format ({CITY} upper case, {City} as written), sign-off.
AGENCIES: list[tuple[str, float, str, str]] = [
    (a["name"], a["weight"], a["dateline"], a["signoff"]) for a in _E["agencies"]
]
AGENCY_NAMES = [a[0] for a in AGENCIES]
_OUTLET_A: tuple[str, ...] = tuple(_E["outlet_first"])
_OUTLET_B: tuple[str, ...] = tuple(_E["outlet_second"])
_AGENCY_CUM = list(accumulate(a[1] for a in AGENCIES))


def _largest_remainder(total: int, shares: Mapping[str, float]) -> dict[str, int]:
    s = sum(shares.values())
    if total <= 0 or s <= 0:
        return dict.fromkeys(shares, 0)
    raw = {k: total * v / s for k, v in shares.items()}
    counts = {k: int(v) for k, v in raw.items()}
    rest = total - sum(counts.values())
    for k in sorted(raw, key=lambda k: (counts[k] - raw[k], k))[:rest]:
        counts[k] += 1
    return counts


_MASK64 = (1 << 64) - 1


def _mix64(x: int) -> int:
    """SplitMix64 finaliser: a bijection on 64-bit integers."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


class Corpus(Copies):
    def __init__(
        self,
        n_docs: int,
        seed: int,
        wire_fraction: float,
        derived_fraction: float,
        distractor_fraction: float,
        derived_mix: Mapping[str, float],
        undated_fraction: float,
        negatives_per_topic: int,
        shuffle_buffer: int,
    ) -> None:
        if n_docs < 0:
            raise ValueError("n_docs must be >= 0")
        unknown = set(derived_mix) - set(DEFAULT_DERIVED_MIX)
        if unknown:
            raise ValueError(f"unknown derived kinds: {sorted(unknown)}")
        self.n_docs = n_docs
        self.seed = seed
        self.undated = undated_fraction
        self.negatives_per_topic = negatives_per_topic
        self.shuffle_buffer = shuffle_buffer
        counts = _largest_remainder(
            n_docs,
            {"wire": wire_fraction, "derived": derived_fraction, "distractor": distractor_fraction},
        )
        if n_docs and counts["wire"] == 0:
            # Copies and distractors need a wire story.
            counts["wire"] = 1
            counts["derived" if counts["derived"] else "distractor"] -= 1
        self.counts = counts
        self.mix = dict(derived_mix)
        self.params = {
            "n_docs": n_docs,
            "seed": seed,
            "wire_fraction": wire_fraction,
            "derived_fraction": derived_fraction,
            "distractor_fraction": distractor_fraction,
            "derived_mix": dict(sorted(self.mix.items())),
            "undated_fraction": undated_fraction,
            "negatives_per_topic": negatives_per_topic,
        }
        self.rng = random.Random(f"syndetect-generate:{seed}")
        self.outlets, self.agency_outlets = self._outlets()
        self.plans = self._plan()
        self.id_key = _mix64(seed & _MASK64)
        self.next_index = 0
        self.starts = list(
            accumulate(
                (len(p.agencies) + len(p.jobs) + p.distractors for p in self.plans), initial=0
            )
        )
        self.truth: dict[str, Any] | None = None

    # setup ---------------------------------------------------------------
    def _outlets(self) -> tuple[list[Outlet], dict[str, Outlet]]:
        rng = self.rng
        n = max(12, self.n_docs // 40)
        names: list[str] = []
        seen: set[str] = set()
        cities = [c for row in COUNTRIES for c in row[2:5]]
        while len(names) < n:
            r = rng.random()
            if r < 0.45:
                name = f"{rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"
            elif r < 0.85:
                name = f"{rng.choice(cities)} {rng.choice(_OUTLET_B)}"
            else:
                name = f"The {rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"
            if name in seen:
                name = f"{name} {len(names)}" if len(seen) > 5000 else ""
            if name and name not in seen:
                seen.add(name)
                names.append(name)
        outlets = []
        index = 1
        agency_outlets = {}
        for agency in AGENCY_NAMES:
            agency_outlets[agency] = Outlet(
                index, agency, f"www.example-outlet-{index}.com", True, 0.0, (), (), (),
                "paragraphs", False, rng.choice(("curly", "straight")), 0, 0,
            )  # fmt: skip
            index += 1
        for name in names:
            outlets.append(self._outlet(index, name))
            index += 1
        return outlets, agency_outlets

    def _outlet(self, index: int, name: str) -> Outlet:
        the_name = name if name.startswith("The ") else f"the {name}"
        rng = self.rng
        pools = {
            part: [
                line.replace("{the_name}", the_name).replace("{name}", name)
                for line in _E["chrome"][part]
            ]
            for part in ("header", "mid", "footer")
        }
        layout = rng.choices(LAYOUTS, (0.5, 0.2, 0.15, 0.15))[0]
        return Outlet(
            index=index,
            name=name,
            host=f"www.example-outlet-{index}.com",
            agency=False,
            chrome=rng.choice((0.0, 0.3, 0.6, 0.9, 0.9)),
            header=tuple(rng.sample(pools["header"], 1 + int(rng.random() * 3))),
            mid=tuple(rng.sample(pools["mid"], int(rng.random() * 3))),
            footer=tuple(rng.sample(pools["footer"], 1 + int(rng.random() * 4))),
            layout=layout,
            strip_apostrophes=rng.random() < 0.12,
            quotes=rng.choices(("keep", "curly", "straight"), (0.5, 0.25, 0.25))[0],
            date_style=int(rng.random() * 5),
            repeat_headline=rng.choices((0, 1, 2, 3), (0.6, 0.25, 0.1, 0.05))[0],
        )

    def _plan(self) -> list[TopicPlan]:
        rng = self.rng
        n_wire, n_derived, n_distr = (
            self.counts["wire"],
            self.counts["derived"],
            self.counts["distractor"],
        )
        plans: list[TopicPlan] = []
        left = n_wire
        while left > 0:
            k = min(left, rng.choices((1, 2, 3), (0.5, 0.32, 0.18))[0])
            agencies: list[str] = []
            while len(agencies) < k:
                a = AGENCY_NAMES[bisect(_AGENCY_CUM, rng.random() * _AGENCY_CUM[-1])]
                if a not in agencies:
                    agencies.append(a)
            plans.append(TopicPlan(agencies))
            left -= k
        wires = [(t, i) for t, p in enumerate(plans) for i in range(len(p.agencies))]
        kinds = _largest_remainder(n_derived, self.mix) if n_derived else {}
        multi = [t for t, p in enumerate(plans) if len(p.agencies) > 1]
        if not multi:
            kinds["reprint"] = kinds.get("reprint", 0) + kinds.pop("merged", 0)
        base_kinds = [k for k in ("reprint", "partial", "shuffled", "edited") if kinds.get(k)]
        n_base = sum(kinds.get(k, 0) for k in base_kinds)
        if n_base == 0 and (kinds.get("chain") or kinds.get("merged")):
            # chains need a copy to copy; keep one plain reprint
            kinds["reprint"] = 1
            if kinds.get("chain"):
                kinds["chain"] -= 1
            else:
                kinds["merged"] -= 1
            base_kinds, n_base = ["reprint"], 1
        # popularity: a few wires are copied many times, most once or never
        weights = [rng.paretovariate(1.3) for _ in wires]
        cum = list(accumulate(weights))
        copies: dict[int, int] = defaultdict(int)
        base_jobs = [k for k in base_kinds for _ in range(kinds[k])]
        rng.shuffle(base_jobs)
        for kind in base_jobs:
            for _ in range(20):
                w = bisect(cum, rng.random() * cum[-1])
                w = min(w, len(wires) - 1)
                if copies[w] < MAX_COPIES_PER_WIRE:
                    break
            copies[w] += 1
            t, i = wires[w]
            plans[t].jobs.append((kind, i))
        for _ in range(kinds.get("merged", 0)):
            t = rng.choice(multi)
            i, j = rng.sample(range(len(plans[t].agencies)), 2)
            plans[t].jobs.append(("merged", (i, j)))
        with_copies = [t for t, p in enumerate(plans) if p.jobs]
        for _ in range(kinds.get("chain", 0)):
            t = rng.choice(with_copies)
            plans[t].jobs.append(("chain", None))
        for _ in range(n_distr):
            plans[int(rng.random() * len(plans))].distractors += 1
        return plans

    # ids, dates, outlets --------------------------------------------------
    def _new_id(self, rng: random.Random) -> str:
        """An opaque id, unique by construction: a bijective mix of the
        document's global index (topics can be generated in any process)."""
        self.next_index += 1
        return f"{_mix64(self.id_key + self.next_index):016x}"

    def _pick_outlet(self, rng: random.Random, avoid: set[int]) -> Outlet:
        # Zipf-like: a few outlets publish much of the corpus
        n = len(self.outlets)
        for _ in range(10):
            i = min(n - 1, int(n * rng.random() ** 1.8))
            if self.outlets[i].index not in avoid:
                return self.outlets[i]
        return self.outlets[int(rng.random() * n)]

    # topics ----------------------------------------------------------------
    def _topic(self, index: int, rng: random.Random) -> Topic:
        domain = DOMAIN_NAMES[int(rng.random() * len(DOMAIN_NAMES))]
        spec = DOMAINS[domain]
        c1, c2 = rng.sample(COUNTRIES, 2)
        name, adj, capital, city2, city3, currency, region = c1
        roles = list(spec["roles"])
        titles = rng.sample(roles, 4)
        people = [
            Person(t[0].upper() + t[1:] if t[0].isupper() else t, rng.choice(FIRST_NAMES), last)
            for t, last in zip(titles, rng.sample(LAST_NAMES, 4), strict=True)
        ]
        companies = rng.sample(_E["company_first"], 2)
        comp = [f"{c} {rng.choice(_E['company_second'])}" for c in companies]
        torgs = list(spec["torgs"])
        when = datetime(2019, 1, 1) + timedelta(minutes=int(rng.random() * 6 * 365 * 24 * 60))
        topic_rules = {
            "country": name,
            "cadj": adj,
            "capital": capital,
            "city": f"{capital}|{city2}|{city3}",
            "city2": rng.choice((city2, city3)),
            "region": region,
            "currency": currency,
            "country2": c2[0],
            "cadj2": c2[1],
            "capital2": c2[2],
            "company": comp[0],
            "company2": comp[1],
            "torg": "|".join(rng.sample(torgs, 2)),
        }
        rules = dict(DOMAIN_OPS[domain])
        leaves = dict(DOMAIN_LEAVES[domain])
        for k, v in topic_rules.items():
            words = tuple(v.split("|"))
            rules[k] = tuple(((0, x),) for x in words)
            leaves[k] = words
        topic = Topic(
            index=index,
            domain=domain,
            rules=rules,
            leaves=leaves,
            people=people,
            when=when,
            country=name,
            cities=(capital, city2, city3),
            tags=(name.removeprefix("the "), c2[0].removeprefix("the "), domain.title()),
        )
        # the topic's key phrase (and its product, case or site), shared by
        # all its articles
        w = Writer(rng, topic, "")
        for name in TOPIC_RULES[domain]:
            fixed = w.expand(name)
            rules[name] = (((0, fixed),),)
            leaves[name] = (fixed,)
        return topic

    def _headline(self, w: Writer) -> str:
        used = w.topic.headlines
        h = ""
        for attempt in range(8):
            h = cap(w.expand("hl"))
            if attempt > 4:
                tail = w.pick(("- report", ": what we know", "- officials", "as pressure grows"))
                h = f"{h} {tail}"
            if h not in used:
                break
        used.add(h)
        return h

    def _wire(self, topic: Topic, agency: str, rng: random.Random) -> Doc:
        doc_id = self._new_id(rng)
        outlet = self.agency_outlets[agency]
        w = Writer(rng, topic, agency)
        title = self._headline(w)
        target = 400 + int(rng.random() * 480)
        paras = article(w, target, 8, 23)
        when = topic.when + timedelta(minutes=int(rng.random() * 20 * 60))
        units: list[list[Unit]] = []
        n = 0

        def own(text: str, glue: str | None = None) -> Unit:
            nonlocal n
            n += 1
            return Unit(text, (doc_id, n), glue)

        for p in paras:
            units.append([own(s) for s in p])
        spec = next(a for a in AGENCIES if a[0] == agency)
        if rng.random() < 0.7:
            city = rng.choice(topic.cities)
            dateline = spec[2].format(
                CITY=city.upper(),
                City=city,
                Country=topic.country.removeprefix("the "),
                Mon=MONTHS_AP[when.month - 1],
                d=when.day,
            )
            units[0].insert(0, own(dateline, " "))
        if spec[3] and rng.random() < 0.7:
            names = [w.aname() for _ in range(3)]
            sign = spec[3].format(
                n1=names[0],
                n2=names[1],
                n3=names[2],
                city=rng.choice(topic.cities),
                city2=rng.choice(topic.cities),
                i1="".join(
                    rng.choice("abcdefghjklmnprstvw") for _ in range(2 + (rng.random() < 0.5))
                ),
                i2="".join(rng.choice("abcdefghjklmnprstvw") for _ in range(3)),
            )
            units.append([Unit(sign, (doc_id, "S"))])  # the sign-off
        if rng.random() < 0.25:
            units.insert(0, [Unit(title, (doc_id, "H"))])
        if outlet.quotes == "curly":
            for row in units:
                for u in row:
                    u.text = to_curly(u.text)
        doc = Doc(doc_id, "wire", outlet, when, title, units, (doc_id, "H"), root=doc_id)
        doc.layout = "paragraphs" if rng.random() < 0.85 else "compact"
        return doc

    def _own_text(
        self, doc_id: str, topic: Topic, outlet: Outlet, rng: random.Random, words: int,
        min_paras: int, max_paras: int, counter: list[int],
    ) -> list[list[Unit]]:  # fmt: skip
        w = Writer(rng, topic, outlet.name)
        paras = article(w, words, min_paras, max_paras)
        out = []
        for p in paras:
            row = []
            for s in p:
                counter[0] += 1
                row.append(Unit(s, (doc_id, counter[0])))
            out.append(row)
        return out

    def _distractor(self, topic: Topic, rng: random.Random) -> Doc:
        doc_id = self._new_id(rng)
        outlet = self._pick_outlet(rng, set())
        w = Writer(rng, topic, outlet.name)
        title = self._headline(w)
        counter = [0]
        target = 250 + int(rng.random() * 600)
        paras = self._own_text(doc_id, topic, outlet, rng, target, 5, 25, counter)
        when = topic.when + timedelta(minutes=int((rng.random() * 4 - 1) * 24 * 60))
        doc = Doc(doc_id, "distractor", outlet, when, title, paras, (doc_id, "H"))
        self._site(doc, topic, rng, credit=None)
        return doc

    # one topic -------------------------------------------------------------
    def _topic_result(self, t: int) -> TopicResult:
        """Records and truth of topic ``t`` (depends on nothing but the plan)."""
        rng = random.Random(f"syndetect-generate:{self.seed}:topic:{t}:meta")
        docs = self._generate_topic(t, self.plans[t])
        pairs, negatives = topic_truth(docs, rng, self.negatives_per_topic)
        return TopicResult(
            records=[self._record(d, rng) for d in docs],
            pairs=pairs,
            negatives=negatives,
            categories=[(d.id, d.kind) for d in docs],
            topic=t,
            transforms=[(d.id, list(d.transforms)) for d in docs if d.parents],
        )

    def _generate_topic(self, t: int, plan: TopicPlan) -> list[Doc]:
        self.next_index = self.starts[t]
        rng = random.Random(f"syndetect-generate:{self.seed}:topic:{t}")
        topic = self._topic(t, rng)
        wires = [self._wire(topic, a, rng) for a in plan.agencies]
        for d in wires:
            render(d, rng)
        docs = list(wires)
        derived: list[Doc] = []
        ran: dict[str, set[int]] = defaultdict(set)  # wire id -> outlets that ran it
        for kind, arg in sorted(plan.jobs, key=lambda j: j[0] == "chain"):
            if kind == "merged":
                sources = [wires[arg[0]], wires[arg[1]]]
            elif kind == "chain":
                sources = [rng.choice([d for d in derived if d.kind != "merged"] or derived)]
            else:
                sources = [wires[arg]]
            roots = {s.root for s in sources}
            taken = set().union(*(ran[r] for r in roots))
            d = self._derived(kind, topic, sources, rng, wires, taken)
            for r in roots:
                ran[r].add(d.outlet.index)
            render(d, rng)
            derived.append(d)
        docs.extend(derived)
        for _ in range(plan.distractors):
            d = self._distractor(topic, rng)
            render(d, rng)
            docs.append(d)
        for d in docs:
            d.date = self._date(d, rng)
        return docs

    def _date(self, doc: Doc, rng: random.Random) -> str | None:
        if rng.random() < self.undated:
            return None
        if rng.random() < 0.7:
            return doc.when.strftime("%Y-%m-%d")
        return doc.when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _record(self, doc: Doc, rng: random.Random) -> dict[str, Any]:
        rec: dict[str, Any] = {"id": doc.id, "text": doc.text}
        if rng.random() < 0.92:
            rec["title"] = doc.title
        if doc.date is not None:
            rec["date"] = doc.date
        if rng.random() < 0.88:
            rec["url"] = self._url(doc)
        if rng.random() < 0.88:
            rec["outlet"] = doc.outlet.name
        return rec

    # driver ----------------------------------------------------------------
    def records(self) -> Iterator[dict[str, Any]]:
        """The JSONL records, in a shuffled order; fills ``self.truth`` at the end."""
        order = random.Random(f"syndetect-generate:{self.seed}:order")
        buffer: list[dict[str, Any]] = []
        pairs: list[dict[str, Any]] = []
        negatives: list[dict[str, str]] = []
        categories: dict[str, str] = {}
        transforms: dict[str, list[str]] = {}
        topics: dict[str, int] = {}
        for result in map(self._topic_result, range(len(self.plans))):
            buffer.extend(result.records)
            pairs.extend(result.pairs)
            negatives.extend(result.negatives)
            categories.update(result.categories)
            transforms.update(result.transforms)
            topics.update((doc_id, result.topic) for doc_id, _ in result.categories)
            while len(buffer) > self.shuffle_buffer:
                i = int(order.random() * len(buffer))
                buffer[i], buffer[-1] = buffer[-1], buffer[i]
                yield buffer.pop()
        order.shuffle(buffer)
        yield from buffer
        pairs.sort(key=lambda p: (p["source"], p["derived"]))
        negatives.sort(key=lambda n: (n["a"], n["b"]))
        self.truth = {
            "schema": SCHEMA,
            "generator": {
                "name": "benchmarks/generate.py",
                "version": GENERATOR_VERSION,
                **self.params,
            },
            "pairs": pairs,
            "negatives": negatives,
            "categories": dict(sorted(categories.items())),
            "transforms": dict(sorted(transforms.items())),
            "topics": dict(sorted(topics.items())),
        }
