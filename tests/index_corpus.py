"""Generated articles for the index tests: unrelated stories, copies of
several kinds, and site furniture, all deterministic."""

from __future__ import annotations

import random

from syndetect import Document

_SYLLABLES = (
    "ka lo mi ne ru sa to vi da pe ko lu ma ri se ta no be gu fi ha ja ze wo "
    "dan mer tol sin par vek lor mun tes bar gal hin pol ruk"
).split()


def vocabulary(size: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(_SYLLABLES, k=rng.randint(1, 3))))
    return sorted(words)


WORDS = vocabulary()


def sentence(rng: random.Random) -> str:
    ws = rng.choices(WORDS, k=rng.randint(9, 22))
    if rng.random() < 0.15:
        ws.append(rng.choice(STOCK))
    return " ".join(ws).capitalize() + "."


def body(sentences: list[str]) -> str:
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def article(rng: random.Random, n: int) -> tuple[str, list[str]]:
    """A headline and ``n`` sentences."""
    return sentence(rng).rstrip("."), [sentence(rng) for _ in range(n)]


# Stock phrases, as wire copy has them: shared by many stories, never a
# whole sentence.
STOCK = (
    "officials said on condition of anonymity",
    "according to a statement released late on Tuesday",
    "did not immediately respond to a request for comment",
)

FOOTER = "Subscribe to the Daily Planet newsletter for all the local news every single morning."


def corpus(seed: int = 1, stories: int = 12) -> list[Document]:
    """Unrelated stories plus, for some, a verbatim reprint, an edited copy,
    a shuffled copy and a copy with merged sentences; a few pages of one
    outlet share a footer (site furniture)."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for s in range(stories):
        title, sents = article(rng, rng.randint(8, 16))
        sid = f"s{s:02d}"
        outlet = "Daily Planet" if s % 3 == 0 else None
        text = f"{title}\n\n{body(sents)}" + (f"\n\n{FOOTER}" if outlet else "")
        docs.append(Document(sid, text, date=f"2024-03-{s + 1:02d}", outlet=outlet))
        kind = s % 4
        copy_date = f"2024-04-{s + 1:02d}"
        if kind == 0:  # reprint of five sentences, credited
            own = [sentence(rng) for _ in range(4)]
            text = "Via Daily Planet: " + body(sents[:5] + own)
            docs.append(Document(f"{sid}-reprint", text, date=copy_date))
        elif kind == 1:  # edited copy: one word changed per copied sentence
            edited = []
            for x in sents[:6]:
                ws = x.split()
                ws[len(ws) // 2] = rng.choice(WORDS)
                edited.append(" ".join(ws))
            text = body(edited + [sentence(rng) for _ in range(3)])
            docs.append(Document(f"{sid}-edited", text, date=copy_date, outlet="Other Times"))
        elif kind == 2:  # the whole story, sentences shuffled
            shuffled = sents[:]
            rng.shuffle(shuffled)
            docs.append(Document(f"{sid}-shuffled", f"{title}\n\n{body(shuffled)}"))
        else:  # sentences merged in pairs: no sentence pair alike, the documents are
            merged = [
                f"{a.rstrip('.')}, and {b[0].lower()}{b[1:]}"
                for a, b in zip(sents[::2], sents[1::2], strict=False)
            ]
            docs.append(Document(f"{sid}-merged", body(merged), date=copy_date))
    return docs


# Lines that many articles share: a credit line and a headline template, too
# short to make a pair on their own (fewer than min_pair_words words), and a
# long quote that is not.
CREDIT = "Reporting by the wire desk with additional editing by the night team."
TEMPLATE = "Markets close higher as traders weigh the outlook for {}."
QUOTE = (
    "We will keep working with every partner in the region until the last family has "
    "a roof over its head and a safe road home, the minister told reporters outside "
    "the hall."
)


def crowded_corpus(seed: int = 1, stories: int = 12) -> list[Document]:
    """:func:`corpus` with a credit line in every fourth article, a headline
    template (one word apart) in every third and a long quote in every
    fourth: sentence LSH buckets that many documents share."""
    rng = random.Random(seed + 1_000)
    out = []
    for n, d in enumerate(corpus(seed, stories)):
        extra = [
            line
            for line, wanted in (
                (TEMPLATE.format(rng.choice(WORDS)), n % 3 == 0),
                (CREDIT, n % 4 == 0),
                (QUOTE, n % 4 == 1),
            )
            if wanted
        ]
        text = "\n\n".join([d.text, *extra])
        out.append(Document(d.id, text, d.title, d.date, d.url, d.outlet, d.path))
    return out
