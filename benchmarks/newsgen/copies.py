"""Copies of wire stories (reprints, partial, shuffled, edited, merged and
chained copies), their credits, and the site chrome around an article."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import timedelta

from newsgen import load
from newsgen.grammar import MONTHS, Writer, cap, title_case
from newsgen.model import Doc, Outlet, Topic, Unit
from newsgen.surface import LAYOUTS, edit_words, strip_apostrophes, to_curly, to_straight

SECTIONS: tuple[str, ...] = tuple(load("entities.json")["sections"])
# Sentence openings that read right in lower case after "As X reported,".
_LOWER_AFTER_CREDIT = frozenset(
    "The A An It More At Some About Around In Under With Critics Analysts Asked There "
    "However, Meanwhile, Separately, Earlier, Later, Still, Elsewhere, Since Last Unemployment "
    "Annual Shares Net Revenue Turnout Support Hospitals Rainfall Complaints Officials".split()
)


class Copies:
    """Mixin of :class:`newsgen.corpus.Corpus` (which gives ``_new_id``,
    ``_pick_outlet``, ``_headline`` and ``_own_text``): copies and chrome."""

    @staticmethod
    def _body(doc: Doc) -> list[list[Unit]]:
        """Paragraphs of a document's content (no chrome, no in-text headline)."""
        out = []
        for p in doc.paras:
            row = [u for u in p if u.key is not None and u.key[1] != "H"]
            if row:
                out.append(row)
        return out

    @staticmethod
    def _copy(units: Sequence[Unit]) -> list[Unit]:
        return [Unit(u.text, u.key, u.glue) for u in units]

    def _derived(
        self, kind: str, topic: Topic, sources: list[Doc], rng: random.Random, wires: list[Doc],
        taken: set[int],
    ) -> Doc:  # fmt: skip
        """A copy of ``sources`` by an outlet not in ``taken`` (those that
        already ran the story: an outlet runs a story once)."""
        doc_id = self._new_id(rng)
        src = sources[0]
        avoid = {s.outlet.index for s in sources} | taken
        outlet = self._pick_outlet(rng, avoid)
        counter = [0]
        transforms: list[str] = []
        body = self._body(src)
        paras: list[list[Unit]]
        layout = outlet.layout if rng.random() < 0.7 else rng.choice(LAYOUTS)
        if kind in ("reprint", "edited"):
            paras = [self._copy(p) for p in body]
            if len(paras) > 6 and rng.random() < 0.35:
                paras = paras[: len(paras) - 1 - int(rng.random() * 3)]
            if paras and paras[0] and paras[0][0].glue is not None and rng.random() < 0.3:
                paras[0] = paras[0][1:]  # drop the dateline
        elif kind == "partial":
            paras = self._partial(doc_id, topic, outlet, body, rng, counter, src)
        elif kind == "shuffled":
            flat = [u for p in body for u in p if u.glue is None]
            runs: list[list[Unit]] = []
            i = 0
            while i < len(flat):
                k = 1 + int(rng.random() * 3) if rng.random() < 0.4 else 1
                runs.append(flat[i : i + k])
                i += k
            rng.shuffle(runs)
            keep = [r for r in runs if rng.random() > 0.12] or runs[:1]
            units = self._copy([u for r in keep for u in r])
            if rng.random() < 0.7:
                layout = "lines"
                paras = [[u] for u in units]
            else:
                paras = []
                while units:
                    k = 1 + int(rng.random() * 3)
                    paras.append(units[:k])
                    units = units[k:]
        elif kind == "merged":
            paras = self._merged(body, self._body(sources[1]), rng)
        else:  # chain: copy a copy
            if rng.random() < 0.6:
                paras = [self._copy(p) for p in body]
            else:
                paras = self._partial(doc_id, topic, outlet, body, rng, counter, src)
        # light word edits
        if kind == "edited" or rng.random() < 0.1:
            transforms.append("word-edits")
            for p in paras:
                for u in p:
                    if u.key is not None and u.key[0] != doc_id and u.glue is None:
                        u.text = edit_words(u.text, rng)
        # credit
        credit = self._credit(kind, sources, wires, rng)
        if credit:
            transforms.append("credit")
        if kind == "chain" and rng.random() < 0.25:
            transforms.append("quoted")
            for p in paras:
                if p and p[0].key is not None and p[0].key[0] != doc_id:
                    p.insert(0, Unit("“", None, ""))
                    p.append(Unit("”", None, before=""))
        # title
        r = rng.random()
        if r < 0.55:
            title, title_key = src.title, src.title_key
        elif r < 0.7:
            title, title_key = title_case(src.title), src.title_key
            transforms.append("title-case")
        else:
            title = self._headline(Writer(rng, topic, outlet.name))
            title_key = (doc_id, "H")
        # most copies run within hours of their source, some the next days
        delay, within = rng.random(), rng.random()
        minutes = (
            10 + within * 350
            if delay < 0.6
            else 360 + within * 1440
            if delay < 0.85
            else 1800 + within * 2880
            if delay < 0.95
            else 4680 + within * 10080
        )
        when = max(s.when for s in sources) + timedelta(minutes=int(minutes))
        root = src.root
        doc = Doc(doc_id, kind, outlet, when, title, paras, title_key, layout, root=root)
        doc.parents = tuple(s.id for s in sources)
        chrome = self._site(doc, topic, rng, credit=credit)
        if chrome:
            transforms.append("chrome")
        # site-wide character habits
        quotes = outlet.quotes
        if rng.random() < 0.25:
            quotes = rng.choice(("curly", "straight"))
        strip = outlet.strip_apostrophes or rng.random() < (0.5 if kind == "shuffled" else 0.12)
        if strip:
            transforms.append("no-apostrophes")
        if quotes != "keep":
            transforms.append(f"{quotes}-quotes")
        for p in doc.paras:
            for u in p:
                if quotes == "curly":
                    u.text = to_curly(u.text)
                elif quotes == "straight":
                    u.text = to_straight(u.text)
                if strip:
                    u.text = strip_apostrophes(u.text)
        if layout != "paragraphs":
            transforms.append(f"layout-{layout}")
        doc.transforms = tuple(transforms)
        return doc

    def _partial(
        self, doc_id: str, topic: Topic, outlet: Outlet, body: list[list[Unit]],
        rng: random.Random, counter: list[int], src: Doc,
    ) -> list[list[Unit]]:  # fmt: skip
        n = len(body)
        runs: list[list[list[Unit]]] = []
        if n <= 3:
            runs.append([self._copy(p) for p in body])
        else:
            k = 2 + int(rng.random() * min(5, n - 2))
            start = int(rng.random() * (n - k + 1))
            runs.append([self._copy(p) for p in body[start : start + k]])
            if rng.random() < 0.35 and start + k + 2 < n:
                s2 = start + k + 1 + int(rng.random() * (n - start - k - 2))
                k2 = 1 + int(rng.random() * min(3, n - s2))
                runs.append([self._copy(p) for p in body[s2 : s2 + k2]])
        for run in runs:  # a dateline inside own text reads wrong
            if run[0] and run[0][0].glue is not None and rng.random() < 0.6:
                run[0] = run[0][1:]
        paras = self._own_text(
            doc_id, topic, outlet, rng, 60 + int(rng.random() * 200), 1, 4, counter
        )
        credit_name = src.outlet.name
        for i, run in enumerate(runs):
            if i:
                paras.extend(self._own_text(doc_id, topic, outlet, rng, 30, 1, 2, counter))
            r = rng.random()
            first = run[0]
            head, _, rest = first[0].text.partition(" ") if first else ("", "", "")
            if r < 0.2 and first and first[0].glue is None and head in _LOWER_AFTER_CREDIT:
                lead = rng.choice(("As {} reported,", "According to {},", "{} reported that"))
                first.insert(0, Unit(lead.format(credit_name), None, " "))
                first[1].text = f"{head.lower()} {rest}"
            elif r < 0.35:
                paras.append([Unit(f"via {credit_name}:", None)])
            paras.extend(run)
        if rng.random() < 0.5:
            paras.extend(
                self._own_text(
                    doc_id, topic, outlet, rng, 40 + int(rng.random() * 80), 1, 3, counter
                )
            )
        return paras

    def _merged(
        self, a: list[list[Unit]], b: list[list[Unit]], rng: random.Random
    ) -> list[list[Unit]]:
        a = [self._copy(p) for p in a]
        # the second story's paragraphs, without its dateline and sign-off
        b = [
            self._copy([u for u in p if u.glue is None and u.key is not None and u.key[1] != "S"])
            for p in b
        ]
        b = [p for p in b if p]
        if len(a) < 2 or not b:
            return a + b
        cuts = sorted(rng.sample(range(1, len(a)), min(len(a) - 1, 1 + int(rng.random() * 2))))
        out: list[list[Unit]] = []
        prev = 0
        bpos = int(rng.random() * max(1, len(b) - 3))
        for c in [*cuts, len(a)]:
            out.extend(a[prev:c])
            prev = c
            if c < len(a) and bpos < len(b):
                k = 2 + int(rng.random() * 2)
                out.extend(b[bpos : bpos + k])
                bpos += k + int(rng.random() * 2)
        return out

    def _credit(
        self, kind: str, sources: list[Doc], wires: list[Doc], rng: random.Random
    ) -> tuple[str, str] | None:
        """(position, text) of a credit line: "top" byline or "end" line."""
        if rng.random() > 0.65:
            return None
        if kind == "merged":
            a, b = sources[0].outlet.name, sources[1].outlet.name
            return rng.choice(
                (("top", f"With {a} and {b}"), ("end", f"— With {a} and {b}"),
                 ("end", f"({a}/{b})"), ("top", f"By our staff with {a} and {b}"))
            )  # fmt: skip
        src = sources[0]
        if kind == "chain":
            name = src.outlet.name
            return rng.choice(
                (("top", f"via {name}:"), ("end", f"This article first appeared in {name}."),
                 ("end", f"Source: {name}"), ("top", f"Originally published by {name}"))
            )  # fmt: skip
        agency = src.outlet.name
        return rng.choice(
            (("end", f"— {agency}"), ("end", f"({agency})"), ("end", f"Source: {agency}"),
             ("top", f"By {agency}"), ("end", f"{agency} contributed to this report."),
             ("end", f"This article was originally published by {agency}."),
             ("top", f"With {agency}"))
        )  # fmt: skip

    # site chrome -----------------------------------------------------------
    def _site(
        self, doc: Doc, topic: Topic, rng: random.Random, credit: tuple[str, str] | None
    ) -> bool:
        """Add site chrome and the credit to ``doc.paras``; True if chrome was added."""
        outlet = doc.outlet
        top: list[list[Unit]] = []
        end: list[list[Unit]] = []
        chrome = rng.random() < outlet.chrome
        if credit:
            (top if credit[0] == "top" else end).append([Unit(credit[1], None)])
        if chrome:
            section = rng.choice(SECTIONS)
            fill = {
                "section": section,
                "subsection": topic.country.removeprefix("the "),
                "minutes": str(2 + int(rng.random() * 8)),
                "year": str(doc.when.year),
                "tags": ", ".join(topic.tags),
                "other": "",
            }
            head = [[Unit(h.format(**fill), None)] for h in outlet.header]
            lines = [[Unit(doc.title, doc.title_key)] for _ in range(1 + outlet.repeat_headline)]
            if outlet.date_style == 1:
                lines.append([Unit(doc.when.strftime("%Y%m%d"), None)])
            elif outlet.date_style == 2:
                lines.append(
                    [Unit(f"{MONTHS[doc.when.month - 1]} {doc.when.day}, {doc.when.year}", None)]
                )
            elif outlet.date_style == 3:
                lines.append([Unit(f"Published: {doc.when:%Y-%m-%d %H:%M}", None)])
            if outlet.date_style in (1, 3) and rng.random() < 0.5:
                lines.append([Unit(self._url(doc), None)])
            top = head + lines + top
            w = Writer(rng, topic, outlet.name)
            for m in outlet.mid:
                if len(doc.paras) > 3:
                    fill["other"] = cap(w.expand("hl"))
                    pos = 1 + int(rng.random() * (len(doc.paras) - 2))
                    doc.paras.insert(pos, [Unit(m.format(**fill), None)])
            end = end + [[Unit(f.format(**fill), None)] for f in outlet.footer]
        doc.paras = top + doc.paras + end
        return chrome

    @staticmethod
    def _url(doc: Doc) -> str:
        slug = "-".join(re.findall(r"[a-z0-9]+", doc.title.lower())[:9])
        return f"https://{doc.outlet.host}/{doc.when:%Y/%m/%d}/{slug}-{doc.id[:6]}"
