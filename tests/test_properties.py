"""Property tests: offsets, determinism and order independence of scan."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import syndetect
from syndetect.normalize import normalize, words

WORDS = st.sampled_from(
    "the minister said talks would resume on monday after a week of strikes "
    "Russia’s troops border Kyiv NATO U.S. officials sanctions economy rouble fell "
    "sharply in early trading while oil prices rose".split()
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=16).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def corpora(draw: st.DrawFn) -> list[syndetect.Document]:
    pool = draw(st.lists(SENTENCE, min_size=4, max_size=14))
    n_docs = draw(st.integers(2, 5))
    docs = []
    for i in range(n_docs):
        picked = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=8))
        sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
        text = sep.join(picked)
        if draw(st.booleans()):
            text = text.replace("’", "").upper()
        docs.append(syndetect.Document(f"d{i}", text))
    return docs


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(docs=corpora())
def test_offsets_in_bounds_and_non_empty(docs: list[syndetect.Document]) -> None:
    texts = {d.id: d.text for d in docs}
    report = syndetect.scan(docs, min_passage_words=3)
    for pair in report.pairs:
        assert pair.passages
        for p in pair.passages:
            assert 0 <= p.source_start < p.source_end <= len(texts[pair.source])
            assert 0 <= p.derived_start < p.derived_end <= len(texts[pair.derived])
            assert texts[pair.source][p.source_start : p.source_end] == p.source_text
            assert texts[pair.derived][p.derived_start : p.derived_end] == p.derived_text
            assert p.source_text.strip() and p.derived_text.strip()
            assert 0.0 < p.similarity <= 1.0
        assert 0.0 <= pair.containment_source <= 1.0
        assert 0.0 <= pair.containment_derived <= 1.0


@SETTINGS
@given(docs=corpora(), order=st.randoms(use_true_random=False))
def test_deterministic_and_order_independent(docs: list[syndetect.Document], order) -> None:  # type: ignore[no-untyped-def]
    first = syndetect.scan(docs, min_passage_words=3).to_json()
    assert syndetect.scan(docs, min_passage_words=3).to_json() == first
    shuffled = list(docs)
    order.shuffle(shuffled)
    assert syndetect.scan(shuffled, min_passage_words=3).to_json() == first
    json.loads(first)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_normalize_offset_map(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(norm.starts, norm.ends, strict=True))
    assert list(norm.starts) == sorted(norm.starts)
    assert norm.text == norm.text.strip()
    assert "  " not in norm.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_words_map_back_to_themselves(text: str) -> None:
    ws = words(text)
    for w, s, e in zip(ws.words, ws.starts, ws.ends, strict=True):
        assert w
        assert w in words(text[s:e]).words


# Characters that exercise every branch of normalisation: ASCII, apostrophes
# and quotes of all kinds, dashes, accented letters precomposed and with
# combining marks, expanding case folds and compatibility forms, odd spaces.
NEWS_CHARS = st.sampled_from(
    list("aZ09_ .,-'`\"\n\t")
    + list("’‘‛ʼʻ´ʹ′“”„«»–—−éÉçñüßẞﬁ½²ＡＢ１＇")
    + list("\u00a0\u2009\u0301\u0308ıİΣςσ")
)


def _general_words(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    from syndetect.normalize import _WORD

    norm = normalize(text)
    found = list(_WORD.finditer(norm.text))
    return (
        tuple(m.group() for m in found),
        tuple(norm.starts[m.start()] for m in found),
        tuple(norm.ends[m.end() - 1] for m in found),
    )


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_fast_path_equals_general_path(text: str) -> None:
    got = words(text)
    assert (got.words, tuple(got.starts), tuple(got.ends)) == _general_words(text)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(NEWS_CHARS, max_size=80), st.text(max_size=80)))
def test_char_by_char_path_equals_general_path(text: str) -> None:
    """words() skips building the normalised text when every character can be
    normalised alone; the result must not change."""
    got = words(text)
    assert (got.words, tuple(got.starts), tuple(got.ends)) == _general_words(text)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet=st.characters(max_codepoint=127), max_size=120),
        st.text(NEWS_CHARS, max_size=80),
        st.text(max_size=80),
    )
)
def test_word_starts_are_the_starts_of_words(text: str) -> None:
    from syndetect.normalize import word_starts

    assert tuple(word_starts(text)) == tuple(words(text).starts)


def test_apostrophes_quotes_and_case_are_normalised_away() -> None:
    variants = ["Russia's “fake news”", 'Russia’s "fake news"', "RUSSIAS fake news"]
    assert len({words(v).words for v in variants}) == 1
