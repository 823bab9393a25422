"""The sentence grammar: rules from ``grammar.json`` expanded into news prose.

A rule is a list of alternatives; an alternative may start with ``N*`` to
weigh it N times; ``{sym}`` expands a rule or a special (a person, a number),
``{^sym}`` capitalises it; ``<a|b>`` is an inline choice and ``[a]`` an
optional part. Inside literals, the interchangeable words of
``grammar.json``'s ``variants`` become choices too.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from newsgen import load
from newsgen.model import Op, Topic

_E = load("entities.json")
_G = load("grammar.json")
DOMAINS: dict[str, dict[str, list[str]]] = _G["domains"]
DOMAIN_NAMES = sorted(DOMAINS)
FIRST_NAMES: tuple[str, ...] = tuple(_E["first_names"])
LAST_NAMES: tuple[str, ...] = tuple(_E["last_names"])
MONTHS: tuple[str, ...] = tuple(_E["months"])
_NO_REPEAT = frozenset(_G["no_repeat"])
_FIRM_SUFFIXES: tuple[str, ...] = tuple(_E["firm_suffixes"])


def _split_top(text: str) -> list[str]:
    """Split on "|" outside <...> and [...] groups."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "<[":
            depth += 1
        elif c in ">]":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _parse_rule(
    text: str, anon: dict[str, tuple[tuple[str, ...], ...]], vary: bool = False
) -> tuple[tuple[str, ...], ...]:
    """Alternatives of a rule as (literal, symbol, literal, ...) tuples; inline
    groups ``<a|b>`` and optional parts ``[a]`` become rules in ``anon``."""
    alternatives: list[tuple[str, ...]] = []
    for alt in _split_top(text):
        weight = 1
        m = re.match(r"(\d+)\*", alt)
        if m:
            weight, alt = int(m.group(1)), alt[m.end() :]
        buf: list[str] = []
        i = 0
        while i < len(alt):
            c = alt[i]
            if c not in "<[":
                buf.append(c)
                i += 1
                continue
            depth, j = 0, i
            while True:
                if alt[j] in "<[":
                    depth += 1
                elif alt[j] in ">]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            name = f"_g{len(anon)}"
            inner = alt[i + 1 : j]
            anon[name] = ()  # reserve the name before nested groups
            anon[name] = _parse_rule(inner + "|" if c == "[" else inner, anon, vary)
            buf.append("{" + name + "}")
            i = j + 1
        text_ = "".join(buf)
        if vary:
            pieces = re.split(r"(\{\^?[a-z_0-9]+\})", text_)
            text_ = "".join(p if p.startswith("{") else _vary_literal(p, anon) for p in pieces)
        parts = tuple(re.split(r"\{(\^?[a-z_0-9]+)\}", text_))
        alternatives.extend([parts] * weight)
    return tuple(alternatives)


# Interchangeable words: inside grammar literals each becomes a choice among
# the words of its set, so that fixed phrases vary from article to article
# (repeat an entry to make it more likely).
# ``variants`` apply to their first word, ``word_sets`` to each of their words.
_VARIANT_OF: dict[str, tuple[str, ...]] = {
    v.split("|")[0]: tuple(v.split("|")) for v in _G["variants"]
}
for _v in _G["word_sets"]:
    _set = tuple(_v.split("|"))
    for _w in dict.fromkeys(_set):
        if _w.isalpha():
            _VARIANT_OF.setdefault(_w, _set)
# A modal verb may take an adverb ("would also be"); an institution may take
# the topic country's adjective ("the Iranian central bank").
_MODALS = frozenset("would could will might may should must".split())
_MODAL_ADVERBS = ("", "", "", "", " also", " probably", " still", " now", " soon", " likely")
_NATIONAL = frozenset(_G["national_nouns"])
# A noun after "the", "its", "their" may take a modifier ("the stalled talks").
_MODIFIED = frozenset(_G["modified_nouns"])
_MODIFIER_ODDS = 0.3
_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "this"))
_WORD = re.compile(r"([A-Za-z]+)")


def _vary_literal(lit: str, anon: dict[str, tuple[tuple[str, ...], ...]]) -> str:
    """Turn the interchangeable words of a literal into inline choices."""
    tokens = _WORD.split(lit)
    out = []
    for i, token in enumerate(tokens):
        if i % 2 == 0 or not token.islower():
            out.append(token)
            continue
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        before = tokens[i - 1]
        if after in ("'", "’", "-") or before[-1:] == "-":
            out.append(token)
            continue
        determiner = tokens[i - 2] if i >= 2 and before == " " else ""
        if token in _NATIONAL and determiner == "the":
            anon.setdefault("_national", (("",), ("",), ("", "cadj", " ")))
            out.append("{_national}")
        elif token in _MODIFIED and determiner in _DETERMINERS:
            if "_modifier" not in anon:
                mods = tuple((m + " ",) for m in _G["noun_modifiers"])
                blank = round(len(mods) * (1 - _MODIFIER_ODDS) / _MODIFIER_ODDS)
                anon["_modifier"] = (("",),) * blank + mods
            out.append("{_modifier}")
        variants = _VARIANT_OF.get(token)
        if variants is None:
            out.append(token)
        else:
            name = f"_v_{variants[0]}"
            if name not in anon:
                anon[name] = tuple((v,) for v in variants)
            out.append("{" + name + "}")
        if token in _MODALS and after == " " and tokens[i + 2 : i + 3] not in (["not"], [""]):
            anon.setdefault("_modal_adverb", tuple((a,) for a in _MODAL_ADVERBS))
            out.append("{_modal_adverb}")
    return "".join(out)


_ANON: dict[str, tuple[tuple[str, ...], ...]] = {}


def _compile(rules: Mapping[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        k: _parse_rule("|".join(v), _ANON, vary=True)
        for k, v in rules.items()
        if k not in ("roles", "torgs")
    }


_BASE_COMPILED = _compile(_G["base"])
_DOMAIN_COMPILED = {name: {**_BASE_COMPILED, **_compile(d)} for name, d in DOMAINS.items()}
for _rules in _DOMAIN_COMPILED.values():
    _rules.update(_ANON)


def _leaves(rules: Mapping[str, tuple[tuple[str, ...], ...]]) -> dict[str, tuple[str, ...]]:
    """Rules whose alternatives are all plain text: expanded without recursion."""
    return {
        k: tuple(a[0] for a in alts)
        for k, alts in rules.items()
        if k not in _NO_REPEAT and all(len(a) == 1 for a in alts)
    }


def cap(s: str) -> str:
    if not s:
        return s
    if s[0] in "\"'“‘" and len(s) > 1:
        return s[0] + s[1].upper() + s[2:]
    return s[0].upper() + s[1:]


def title_case(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


DOMAIN_LEAVES = {name: _leaves(rules) for name, rules in _DOMAIN_COMPILED.items()}


def _ops(parts: tuple[str, ...]) -> tuple[Op, ...]:
    ops: list[Op] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part:
                ops.append((0, part))
        elif part[0] == "^":
            ops.append((2, part[1:]))
        else:
            ops.append((1, part))
    return tuple(reversed(ops))


def _bake(ops: tuple[Op, ...], leaves: Mapping[str, tuple[str, ...]]) -> tuple[Op, ...]:
    """Replace references to a domain's fixed word choices by the choices."""
    return tuple((4, leaves[v]) if k == 1 and v in leaves else (k, v) for k, v in ops)


# Symbols fixed per topic: the event's places and companies (set by the
# corpus), and every rule named ``topic_*`` (the event's key phrase, its
# product, court case or site), expanded once per topic.
_TOPIC_SYMBOLS = frozenset(
    "country cadj capital city city2 region currency country2 cadj2 capital2 company company2 "
    "torg".split()
) | {k for d in DOMAINS.values() for k in d if k.startswith("topic_")}
TOPIC_RULES: dict[str, tuple[str, ...]] = {
    name: tuple(sorted(k for k in d if k.startswith("topic_"))) for name, d in DOMAINS.items()
}
# Rules only ever expanded as whole sentences, by Writer.sentence, which
# capitalises the first letter itself.
_SENTENCE_RULES = frozenset("lead body close stat_s bg".split())


def _domain_ops(name: str) -> dict[str, tuple[tuple[Op, ...], ...]]:
    rules = _DOMAIN_COMPILED[name]
    leaves = {s: w for s, w in DOMAIN_LEAVES[name].items() if s not in _TOPIC_SYMBOLS}
    out = {k: tuple(_bake(_ops(a), leaves) for a in alts) for k, alts in rules.items()}
    # splice rules with a single alternative into the rules that use them
    single = {
        k: alts[0]
        for k, alts in out.items()
        if len(alts) == 1 and k not in _TOPIC_SYMBOLS and k not in _NO_REPEAT
    }
    for k, alts in out.items():
        new_alts = []
        for ops in alts:
            flat: list[Op] = []
            for op in ops:
                if op[0] == 1 and op[1] in single:
                    flat.extend(single[op[1]])
                else:
                    flat.append(op)
            if k in _SENTENCE_RULES and flat and flat[-1][0] == 2:
                flat[-1] = (1, flat[-1][1])  # the sentence start: capitalised anyway
            new_alts.append(tuple(flat))
        out[k] = tuple(new_alts)
    return out


DOMAIN_OPS = {name: _domain_ops(name) for name in _DOMAIN_COMPILED}

_SPACES = re.compile(r" {2,}")
_ARTICLE = re.compile(r"\b([Aa])n? (?=([A-Za-z][\w-]*))")
_VOWEL_SOUND = re.compile(
    r"(?!one\b|one-|[Ee][Uu])[aeioAEIO]|u(?!ni|s[aeu]|ro)|hour|honest|[FHLMNRSX][A-Z]"
)


def _article_for(m: re.Match[str]) -> str:
    """ "a" or "an" before the next word, by its first sound."""
    return f"{m.group(1)}n " if _VOWEL_SOUND.match(m.group(2)) else f"{m.group(1)} "


_PLURAL_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+s)'s\b")

_WORD_NUMBERS = "zero one two three four five six seven eight nine".split()


class Writer:
    """Expands the grammar for one article (tracks first mentions of people)."""

    __slots__ = (
        "last", "leaves", "mentioned", "pct", "rnd", "rng", "rules", "self_name", "spent", "topic",
    )  # fmt: skip

    def __init__(self, rng: random.Random, topic: Topic, self_name: str) -> None:
        self.rng = rng
        self.rnd = rng.random
        self.topic = topic
        self.rules = topic.rules
        self.leaves = topic.leaves
        self.self_name = self_name
        self.mentioned: set[int] = set()
        self.spent: set[tuple[Op, ...]] = set()
        self.last = -1
        self.pct = ("%", " percent", " per cent")[int(self.rnd() * 3)]

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.rnd() * len(seq))]

    def expand(self, sym: str) -> str:
        """Expand a rule (depth first, left to right) with an explicit stack."""
        rules, leaves, rnd, spent = self.rules, self.leaves, self.rnd, self.spent
        out: list[str] = []
        append = out.append
        stack: list[Op] = [(2, sym[1:]) if sym[0] == "^" else (1, sym)]
        pop, push = stack.pop, stack.extend
        while stack:
            kind, value = pop()
            if kind == 0:
                append(value)
                continue
            if kind == 4:
                append(value[int(rnd() * len(value))])
                continue
            if kind == 3:
                for k in range(value, len(out)):
                    if out[k]:
                        out[k] = cap(out[k])
                        break
                continue
            if kind == 2:
                stack.append((3, len(out)))
            leaf = leaves.get(value)
            if leaf is not None:
                append(leaf[int(rnd() * len(leaf))])
                continue
            alts = rules.get(value)
            if alts is None:
                append(_SPECIALS[value](self))
                continue
            ops = alts[int(rnd() * len(alts))]
            if value in _NO_REPEAT and len(ops) == 1 and ops[0][0] == 0:
                # an article does not say the same thing twice
                for _ in range(4):
                    if ops not in spent:
                        break
                    ops = alts[int(rnd() * len(alts))]
                spent.add(ops)
            push(ops)
        return "".join(out)

    def sentence(self, sym: str) -> str:
        """A new sentence of the topic (never one already written on it)."""
        used = self.topic.used
        s = ""
        for _ in range(6):
            s = cap(self.expand(sym))
            if "  " in s or " ," in s or " ." in s:  # an empty optional part
                s = _SPACES.sub(" ", s).replace(" ,", ",").replace(" .", ".")
            if "a " in s or "A " in s or "an " in s or "An " in s:
                s = _ARTICLE.sub(_article_for, s)
            if "s's" in s:  # "Trevio Airlines' board"
                s = _PLURAL_POSSESSIVE.sub(r"\1'", s)
            if s not in used:
                break
        used.add(s)
        return s

    # people -----------------------------------------------------------
    def person(self, i: int) -> str:
        people = self.topic.people
        i = i % len(people)
        self.last = i
        if i in self.mentioned:
            return people[i].last
        self.mentioned.add(i)
        return people[i].full

    def pref(self) -> str:
        r = self.rnd()
        return self.person(0 if r < 0.4 else 1 if r < 0.7 else 2 if r < 0.9 else 3)

    def pother(self) -> str:
        n = len(self.topic.people)
        i = int(self.rnd() * (n - 1))
        if i >= self.last >= 0:
            i += 1
        return self.person(i)

    # numbers ----------------------------------------------------------
    def n_small(self) -> str:
        n = 2 + int(self.rnd() * 10)
        return _WORD_NUMBERS[n] if n < 10 else str(n)

    def n_mid(self) -> str:
        return str(12 + int(self.rnd() * 900))

    def n_big(self) -> str:
        r = self.rnd()
        if r < 0.4:
            n = (10 + int(self.rnd() * 990)) * 10
        elif r < 0.8:
            n = (1 + int(self.rnd() * 250)) * 1000
        else:
            n = 1000 + int(self.rnd() * 99000)
        return f"{n:,}"

    def pct_(self) -> str:
        return f"{0.1 + int(self.rnd() * 300) / 10:.1f}{self.pct}"

    def money(self) -> str:
        unit = self.pick(("million", "million", "billion"))
        amount = (
            f"{1 + int(self.rnd() * 950)}" if unit == "million" else f"{1 + self.rnd() * 40:.1f}"
        )
        return f"{self.pick(('$', '$', '€', '£'))}{amount} {unit}"

    def year(self) -> str:
        return str(self.topic.when.year - 1 - int(self.rnd() * 25))

    def year2(self) -> str:
        return str(self.topic.when.year + int(self.rnd() * 3))

    def recent_date(self) -> str:
        """A day of the week before the event ("March 3")."""
        day = self.topic.when - timedelta(days=int(self.rnd() * 7))
        return f"{MONTHS[day.month - 1]} {day.day}"

    def coming_date(self) -> str:
        """A day of the weeks after the event."""
        day = self.topic.when + timedelta(days=2 + int(self.rnd() * 40))
        return f"{MONTHS[day.month - 1]} {day.day}"

    def aname(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def firm(self) -> str:
        if self.rnd() < 0.6:
            return f"{self.pick(LAST_NAMES)} {self.pick(_FIRM_SUFFIXES)}"
        template: str = self.pick(_E["institutes"])
        return template.format(
            adj=self.pick(LAST_NAMES),
            field=self.pick(_E["fields"]),
            city=self.pick(self.topic.cities),
        )

    def seats(self) -> str:
        total = self.pick((101, 120, 150, 200, 225, 300, 350, 450))
        return f"{total // 3 + int(self.rnd() * total // 3)} of the {total} seats"


_SPECIALS: dict[str, Callable[[Writer], str]] = {
    "pa": lambda w: w.person(0),
    "pb": lambda w: w.person(1),
    "pc": lambda w: w.person(2),
    "pd": lambda w: w.person(3),
    "pref": Writer.pref,
    "pother": Writer.pother,
    "pa_last": lambda w: w.topic.people[0].last,
    "pb_last": lambda w: w.topic.people[1].last,
    "n_small": Writer.n_small,
    "n_mid": Writer.n_mid,
    "n_big": Writer.n_big,
    "pct": Writer.pct_,
    "money": Writer.money,
    "year": Writer.year,
    "year2": Writer.year2,
    "aname": Writer.aname,
    "recent_date": Writer.recent_date,
    "coming_date": Writer.coming_date,
    "firm": Writer.firm,
    "seats_x": Writer.seats,
    "self": lambda w: w.self_name,
    "month": lambda w: w.pick(MONTHS),
    "bp": lambda w: w.pick(("25", "50", "75", "100", "150", "200", "250")),
    "mag": lambda w: f"{5.2 + int(w.rnd() * 27) / 10:.1f}",
    "ordinal": lambda w: w.pick(("second", "third", "fourth", "fifth")),
    "n_small_age": lambda w: str(60 + int(w.rnd() * 3)),
    "n_small_age2": lambda w: str(63 + int(w.rnd() * 5)),
    "neutral": lambda w: w.pick(_E["neutral_cities"]),
}


def article(
    w: Writer, target_words: int, min_paras: int, max_paras: int, lead: bool = True
) -> list[list[str]]:
    """Paragraphs of sentences, about ``target_words`` long."""
    paras: list[list[str]] = []
    words = 0
    if lead:
        s = w.sentence("lead")
        paras.append([s])
        words += s.count(" ") + 1
    while (words < target_words or len(paras) < min_paras) and len(paras) < max_paras:
        r = w.rnd()
        n = 1 if r < 0.35 else 2 if r < 0.8 else 3
        last = words > target_words * 0.85
        para = []
        for _ in range(n):
            s = w.sentence("close" if last and w.rnd() < 0.5 else "body")
            para.append(s)
            words += s.count(" ") + 1
        paras.append(para)
    return paras
